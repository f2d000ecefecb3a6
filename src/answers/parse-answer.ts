/**
 * Pure validators for every answer. The flags and the interview both call these, so a value that
 * a flag accepts is exactly the value a prompt accepts.
 */
import {
  CERTIFICATE_LEVELS,
  type Certificate,
  type CertificateLevel,
  type Degree,
  type Education,
  type Level,
  type Major,
  type StudyMode,
  type WorkPeriod,
  type YearMonth,
} from '../model/answers.js';
import type { Province } from '../model/provinces.js';

/** `note`: the value was read, but a person should see how (行政管理 → 其他专业, 广州 → 广东). */
export type Parsed<T> = { ok: true; value: T; note?: Problem } | { ok: false; problem: Problem };
/** A problem is an i18n key plus arguments; the shell turns it into words. */
export interface Problem {
  key: string;
  args?: Record<string, string>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (key: string, args?: Record<string, string>): Parsed<never> => ({ ok: false, problem: { key, args } });

const normalise = (raw: string) =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
/** Brackets dropped, their content kept: 社会工作师（中级） → 社会工作师中级. */
const unbracket = (text: string) => text.replace(/[()（）【】[\]]/g, '');

function fromAliases<T extends string>(
  raw: string,
  aliases: Record<string, T>,
  key: string,
  suffixes?: RegExp,
): Parsed<T> {
  const text = normalise(raw);
  const value =
    aliases[text] ??
    aliases[unbracket(text)] ??
    (suffixes ? aliases[unbracket(text).replace(suffixes, '')] : undefined);
  return value ? ok(value) : bad(key, { value: raw.trim() });
}

const LEVEL_ALIASES: Record<string, Level> = {
  assistant: 'assistant',
  junior: 'assistant',
  助理: 'assistant',
  初级: 'assistant',
  助理社会工作师: 'assistant',
  intermediate: 'intermediate',
  middle: 'intermediate',
  中级: 'intermediate',
  社会工作师: 'intermediate',
  senior: 'senior',
  advanced: 'senior',
  高级: 'senior',
  高级社会工作师: 'senior',
  // As rosters write them.
  助理社工: 'assistant',
  助理社工师: 'assistant',
  初级社工: 'assistant',
  助理社会工作师初级: 'assistant',
  初级社会工作师: 'assistant',
  中级社工: 'intermediate',
  中级社工师: 'intermediate',
  社工师: 'intermediate',
  社会工作师中级: 'intermediate',
  中级社会工作师: 'intermediate',
  高级社工: 'senior',
  高级社工师: 'senior',
  高级社会工作师高级: 'senior',
};
export const parseLevel = (raw: string) => fromAliases(raw, LEVEL_ALIASES, 'answer.level');

const EDUCATION_ALIASES: Record<string, Education> = {
  highschool: 'highschool',
  'high-school': 'highschool',
  高中: 'highschool',
  secondary: 'secondary',
  中专: 'secondary',
  中职: 'secondary',
  技校: 'secondary',
  associate: 'associate',
  college: 'associate',
  大专: 'associate',
  专科: 'associate',
  高职: 'associate',
  bachelor: 'bachelor',
  undergraduate: 'bachelor',
  本科: 'bachelor',
  学士: 'bachelor',
  master: 'master',
  masters: 'master',
  硕士: 'master',
  研究生: 'master',
  doctor: 'doctor',
  phd: 'doctor',
  doctorate: 'doctor',
  博士: 'doctor',
  // As rosters write them; a trailing 学历/毕业/学位 is also dropped.
  职高: 'secondary',
  中等专业学校: 'secondary',
  大学专科: 'associate',
  高职高专: 'associate',
  高专: 'associate',
  大学本科: 'bachelor',
  大学: 'bachelor',
  学士学位: 'bachelor',
  硕士研究生: 'master',
  硕士学位: 'master',
  博士研究生: 'doctor',
  博士学位: 'doctor',
};
export const parseEducation = (raw: string) =>
  fromAliases(raw, EDUCATION_ALIASES, 'answer.education', /(学历|毕业|学位)$/);

const MAJOR_ALIASES: Record<string, Major> = {
  'social-work': 'social-work',
  socialwork: 'social-work',
  sw: 'social-work',
  社会工作: 'social-work',
  社工: 'social-work',
  社会工作专业: 'social-work',
  other: 'other',
  其他: 'other',
  其它: 'other',
  其他专业: 'other',
  非社会工作: 'other',
};
/**
 * 社会工作 and its variants (社工, 社会工作与管理, 社会工作（MSW）…) are social work; any other real
 * major name (行政管理, 社会学) is "other", with a note naming the value read.
 */
export function parseMajor(raw: string): Parsed<Major> {
  const known = fromAliases(raw, MAJOR_ALIASES, 'answer.major');
  if (known.ok) return known;
  const text = unbracket(normalise(raw));
  if (text.includes('社会工作') || /^(社工|msw|social-?work.*)$/.test(text)) return ok('social-work');
  // A name has letters or Chinese characters; a date or a number in this column is a mistake.
  if (!/[\p{L}]/u.test(text)) return known;
  return { ok: true, value: 'other', note: { key: 'note.major-other', args: { value: raw.trim() } } };
}

const STUDY_MODE_ALIASES: Record<string, StudyMode> = {
  'full-time': 'full-time',
  fulltime: 'full-time',
  全日制: 'full-time',
  脱产: 'full-time',
  'part-time': 'part-time',
  parttime: 'part-time',
  非全日制: 'part-time',
  函授: 'part-time',
  自考: 'part-time',
  成人: 'part-time',
  成人教育: 'part-time',
  网络: 'part-time',
  网络教育: 'part-time',
  开放大学: 'part-time',
  业余: 'part-time',
  夜大: 'part-time',
  // As rosters write them.
  统招: 'full-time',
  普通全日制: 'full-time',
  全日制统招: 'full-time',
  统招全日制: 'full-time',
  普通高等教育: 'full-time',
  普通高考: 'full-time',
  成人高考: 'part-time',
  成考: 'part-time',
  自学考试: 'part-time',
  高等教育自学考试: 'part-time',
  远程教育: 'part-time',
  电大: 'part-time',
  广播电视大学: 'part-time',
  开放教育: 'part-time',
  国家开放大学: 'part-time',
  非全日制研究生: 'part-time',
};
export const parseStudyMode = (raw: string) =>
  fromAliases(raw, STUDY_MODE_ALIASES, 'answer.study-mode', /(学习|教育|形式)$/);

/** Accepts 2019-07, 2019.07, 2019/7, 2019年7月, 201907. Months run 1–12, years 1950–2100. */
export function parseYearMonth(raw: string): Parsed<YearMonth> {
  const text = raw.trim();
  const match = /^(\d{4})\s*(?:[-./年]\s*(\d{1,2})\s*月?|(\d{2}))$/.exec(text);
  if (!match) return bad('answer.year-month', { value: text });
  const year = Number(match[1]);
  const month = Number(match[2] ?? match[3]);
  if (month < 1 || month > 12 || year < 1950 || year > 2100) return bad('answer.year-month', { value: text });
  return ok(`${year}-${String(month).padStart(2, '0')}`);
}

const NONE = new Set(['none', 'no', '无', '没有', '-', '']);

/** One month as résumés write it: 2019-07, 2019.7, 2019/07, 2019年7月, 201907 (a day, if given, is dropped). */
const MONTH = String.raw`(\d{4})\s*(?:[-./年]\s*(\d{1,2})\s*月?(?:\s*[-./]\s*\d{1,2}\s*日?|\s*\d{1,2}\s*日)?|(\d{2}))`;
const PERIOD = new RegExp(
  String.raw`^${MONTH}\s*(\.\.|-{1,2}|~|～|至|到|—{1,2}|–|－|→)?\s*(?:${MONTH}|(至今|今|现在|目前|起至今|起|开始|以来|now|present|today))?$`,
  'i',
);

function yearMonth(year: string, month: string): YearMonth | undefined {
  const y = Number(year);
  const m = Number(month);
  return m >= 1 && m <= 12 && y >= 1950 && y <= 2100 ? `${y}-${String(m).padStart(2, '0')}` : undefined;
}

/**
 * Social-work periods: `2019-07..2021-06` or `2019-07..` (ongoing), and the résumé forms
 * `2019.07-2021.06`, `2019.07-至今`, `2019/07-2021/06`, `2019年7月-至今`; several separated by
 * commas, semicolons, 、 or new lines (the flag is also repeatable). `none` / `无` means no periods.
 */
export function parseWorkPeriods(raw: string | string[]): Parsed<WorkPeriod[]> {
  const parts = (Array.isArray(raw) ? raw : [raw])
    .flatMap((item) => item.split(/[,，;；、\n]/))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (parts.length === 0 || parts.every((item) => NONE.has(item.toLowerCase()))) return ok([]);
  const periods: WorkPeriod[] = [];
  for (const part of parts) {
    const match = PERIOD.exec(part);
    // A period needs a separator or a 至今; an end month needs a separator.
    if (!match || (!match[4] && !match[8]) || (match[5] && !match[4])) return bad('answer.work', { value: part });
    const start = yearMonth(match[1]!, match[2] ?? match[3]!);
    if (!start) return bad('answer.work', { value: part });
    if (!match[5]) {
      periods.push({ start });
      continue;
    }
    const end = yearMonth(match[5], match[6] ?? match[7]!);
    if (!end) return bad('answer.work', { value: part });
    if (end < start) return bad('answer.work-order', { value: part });
    periods.push({ start, end });
  }
  return ok(periods);
}

/**
 * Qualifications held or being finished: `LEVEL:MAJOR:MODE:START..END`, e.g.
 * `大专:社会工作:全日制:2012-09..2015-06`; START may be left out (`本科:其他:非全日制:..2020-06` or
 * `本科:其他:非全日制:2020-06`). Several separated by semicolons or new lines (the flag is repeatable).
 */
export function parseDegrees(raw: string | string[]): Parsed<Degree[]> {
  const parts = (Array.isArray(raw) ? raw : [raw])
    .flatMap((item) => item.split(/[;；\n]/))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (parts.length === 0 || parts.every((item) => NONE.has(item.toLowerCase()))) return ok([]);
  const degrees: Degree[] = [];
  for (const part of parts) {
    const fields = part.split(/\s*[:：]\s*/);
    if (fields.length !== 4) return bad('answer.degree', { value: part });
    const [educationText = '', majorText = '', modeText = '', periodText = ''] = fields;
    const education = parseEducation(educationText);
    const major = parseMajor(majorText);
    const mode = parseStudyMode(modeText);
    if (!education.ok) return bad('answer.degree', { value: part });
    if (!major.ok) return bad('answer.degree', { value: part });
    if (!mode.ok) return bad('answer.degree', { value: part });
    // The period as --work writes it (2012-09..2015-06, 2012.09-2015.06, 2012年9月-2015年6月), or only
    // the graduation month (..2015-06, 2015-06) when the enrolment month is unknown.
    const onlyEnd = periodText.replace(/^\s*(?:\.\.|~|～|至|到|—|–|-)\s*/, '');
    const single = parseYearMonth(onlyEnd);
    let degree: Degree;
    if (single.ok)
      degree = { education: education.value, major: major.value, studyMode: mode.value, graduated: single.value };
    else {
      const period = parseWorkPeriods(periodText);
      const only = period.ok && period.value.length === 1 ? period.value[0] : undefined;
      if (!period.ok && period.problem.key === 'answer.work-order') return bad('answer.degree-order', { value: part });
      if (!only?.end) return bad('answer.degree', { value: part });
      degree = {
        education: education.value,
        major: major.value,
        studyMode: mode.value,
        enrolled: only.start,
        graduated: only.end,
      };
    }
    degrees.push(degree);
  }
  return ok(degrees);
}

const CERT_ALIASES: Record<string, CertificateLevel> = {
  assistant: 'assistant',
  助理: 'assistant',
  初级: 'assistant',
  助理社会工作师: 'assistant',
  intermediate: 'intermediate',
  中级: 'intermediate',
  社会工作师: 'intermediate',
  // As rosters write them.
  助理社工: 'assistant',
  助理社工师: 'assistant',
  初级社工: 'assistant',
  初级社会工作师: 'assistant',
  中级社工: 'intermediate',
  中级社工师: 'intermediate',
  社工师: 'intermediate',
  中级社会工作师: 'intermediate',
};

/** Certificates held: `assistant:2019-12` or `助理:2019年12月`; several separated by commas; `none`. */
export function parseCertificates(raw: string | string[]): Parsed<Certificate[]> {
  const parts = (Array.isArray(raw) ? raw : [raw])
    .flatMap((item) => item.split(/[,，;；、\n]/))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (parts.length === 0 || parts.every((item) => NONE.has(item.toLowerCase()))) return ok([]);
  const certificates: Certificate[] = [];
  for (const part of parts) {
    const [levelText = '', monthText = ''] = part.split(/\s*[:：@=]\s*/);
    const level = CERT_ALIASES[normalise(levelText)] ?? CERT_ALIASES[unbracket(normalise(levelText))];
    const month = parseYearMonth(monthText);
    if (!level || !month.ok) return bad('answer.certificate', { value: part, levels: CERTIFICATE_LEVELS.join('|') });
    certificates.push({ level, obtained: month.value });
  }
  return ok(certificates);
}

/** A province by id, Chinese name, English name or alias (广东 / 广东省 / guangdong). */
export function parseProvince(raw: string, provinces: readonly Province[], forRegistration: boolean): Parsed<string> {
  const text = normalise(raw);
  const found = provinces.find(
    (province) =>
      province.id === text ||
      normalise(province.zh) === text ||
      normalise(province.en) === text ||
      province.aliases.some((alias) => normalise(alias) === text),
  );
  if (!found) return fromCity(raw, provinces, forRegistration);
  if (forRegistration && !found.registers) return bad('answer.province-registers', { value: found.zh });
  return ok(found.id);
}

/**
 * A city, prefecture or district (广州, 广州市, 延边朝鲜族自治州, 天河区), or a province followed by
 * more (广东省东莞市, 广州市天河区) → its province, with a note.
 */
function fromCity(raw: string, provinces: readonly Province[], forRegistration: boolean): Parsed<string> {
  const text = raw.trim().replace(/\s+/g, '');
  const bare = text.replace(/(市|地区|盟|州)$/, '');
  // The longest province name or alias the text starts with (内蒙古自治区…, 广东省…, 广东…).
  const byPrefix = provinces
    .flatMap((province) => [province.zh, ...province.aliases].map((name) => ({ province, name: normalise(name) })))
    .filter(({ name }) => name && text.length > name.length && normalise(text).startsWith(name))
    .sort((a, b) => b.name.length - a.name.length)[0]?.province;
  // Whole names first, so a prefecture named like a province (海南州, 海南藏族自治州: 青海) is never
  // read by its prefix.
  const found =
    provinces.find((province) => province.districts?.includes(text)) ??
    provinces.find((province) => province.cities?.includes(text)) ??
    provinces.find((province) =>
      province.cities?.some((city) => city === bare || city.replace(/(市|州)$/, '') === bare),
    ) ??
    // 延边朝鲜族自治州, 黔东南苗族侗族自治州: the prefecture's name, then its peoples.
    (text.endsWith('自治州')
      ? provinces.find((province) =>
          // 海南州 → 海南藏族自治州; a two-character 德州 stays whole (德宏傣族景颇族自治州 is 云南's).
          province.cities?.some((city) => text.startsWith(city.length > 2 ? city.replace(/州$/, '') : city)),
        )
      : undefined) ??
    byPrefix ??
    // 广州市天河区, 东莞市虎门镇: a city written with its 市, then more.
    provinces.find((province) =>
      province.cities?.some((city) => text.startsWith(city.endsWith('市') ? city : `${city}市`)),
    );
  if (!found || !bare) return bad('answer.province', { value: raw.trim() });
  if (forRegistration && !found.registers) return bad('answer.province-registers', { value: found.zh });
  return {
    ok: true,
    value: found.id,
    note: { key: 'note.province-city', args: { value: raw.trim(), province: found.zh } },
  };
}
