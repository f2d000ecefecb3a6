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

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };
/** A problem is an i18n key plus arguments; the shell turns it into words. */
export interface Problem {
  key: string;
  args?: Record<string, string>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (key: string, args?: Record<string, string>): Parsed<never> => ({ ok: false, problem: { key, args } });

const normalise = (raw: string) => raw.trim().toLowerCase().replace(/[\s_]+/g, '-');

function fromAliases<T extends string>(raw: string, aliases: Record<string, T>, key: string): Parsed<T> {
  const value = aliases[normalise(raw)];
  return value ? ok(value) : bad(key, { value: raw.trim() });
}

const LEVEL_ALIASES: Record<string, Level> = {
  assistant: 'assistant', junior: 'assistant', '助理': 'assistant', '初级': 'assistant', '助理社会工作师': 'assistant',
  intermediate: 'intermediate', middle: 'intermediate', '中级': 'intermediate', '社会工作师': 'intermediate',
  senior: 'senior', advanced: 'senior', '高级': 'senior', '高级社会工作师': 'senior',
};
export const parseLevel = (raw: string) => fromAliases(raw, LEVEL_ALIASES, 'answer.level');

const EDUCATION_ALIASES: Record<string, Education> = {
  highschool: 'highschool', 'high-school': 'highschool', '高中': 'highschool',
  secondary: 'secondary', '中专': 'secondary', '中职': 'secondary', '技校': 'secondary',
  associate: 'associate', college: 'associate', '大专': 'associate', '专科': 'associate', '高职': 'associate',
  bachelor: 'bachelor', undergraduate: 'bachelor', '本科': 'bachelor', '学士': 'bachelor',
  master: 'master', masters: 'master', '硕士': 'master', '研究生': 'master',
  doctor: 'doctor', phd: 'doctor', doctorate: 'doctor', '博士': 'doctor',
};
export const parseEducation = (raw: string) => fromAliases(raw, EDUCATION_ALIASES, 'answer.education');

const MAJOR_ALIASES: Record<string, Major> = {
  'social-work': 'social-work', socialwork: 'social-work', sw: 'social-work', '社会工作': 'social-work', '社工': 'social-work',
  '社会工作专业': 'social-work',
  other: 'other', '其他': 'other', '其它': 'other', '其他专业': 'other', '非社会工作': 'other',
};
export const parseMajor = (raw: string) => fromAliases(raw, MAJOR_ALIASES, 'answer.major');

const STUDY_MODE_ALIASES: Record<string, StudyMode> = {
  'full-time': 'full-time', fulltime: 'full-time', '全日制': 'full-time', '脱产': 'full-time',
  'part-time': 'part-time', parttime: 'part-time', '非全日制': 'part-time', '函授': 'part-time', '自考': 'part-time',
  '成人': 'part-time', '成人教育': 'part-time', '网络': 'part-time', '网络教育': 'part-time', '开放大学': 'part-time',
  '业余': 'part-time', '夜大': 'part-time',
};
export const parseStudyMode = (raw: string) => fromAliases(raw, STUDY_MODE_ALIASES, 'answer.study-mode');

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

/**
 * Social-work periods: `2019-07..2021-06` or `2019-07..` (ongoing); several separated by commas,
 * semicolons or new lines (the flag is also repeatable). `none` / `无` means no periods.
 */
export function parseWorkPeriods(raw: string | string[]): Parsed<WorkPeriod[]> {
  const parts = (Array.isArray(raw) ? raw : [raw])
    .flatMap((item) => item.split(/[,，;；\n]/))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (parts.length === 0 || parts.every((item) => NONE.has(item.toLowerCase()))) return ok([]);
  const periods: WorkPeriod[] = [];
  for (const part of parts) {
    const [startText, endText, extra] = part.split(/\s*(?:\.\.|~|～|至|到|—|–)\s*/);
    if (startText === undefined || extra !== undefined || !part.match(/\.\.|~|～|至|到|—|–/)) {
      return bad('answer.work', { value: part });
    }
    const start = parseYearMonth(startText);
    if (!start.ok) return bad('answer.work', { value: part });
    const ongoing = endText === undefined || endText === '' || ['今', '至今', 'now', 'present'].includes(endText.toLowerCase());
    if (ongoing) {
      periods.push({ start: start.value });
      continue;
    }
    const end = parseYearMonth(endText);
    if (!end.ok) return bad('answer.work', { value: part });
    if (end.value < start.value) return bad('answer.work-order', { value: part });
    periods.push({ start: start.value, end: end.value });
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
    const [startText, endText, extra] = periodText.split(/\s*(?:\.\.|~|～|至|到|—|–)\s*/);
    if (extra !== undefined) return bad('answer.degree', { value: part });
    const onlyEnd = endText === undefined;
    const graduated = parseYearMonth(onlyEnd ? (startText ?? '') : endText);
    if (!graduated.ok) return bad('answer.degree', { value: part });
    const degree: Degree = { education: education.value, major: major.value, studyMode: mode.value, graduated: graduated.value };
    if (!onlyEnd && startText) {
      const enrolled = parseYearMonth(startText);
      if (!enrolled.ok) return bad('answer.degree', { value: part });
      if (enrolled.value > graduated.value) return bad('answer.degree-order', { value: part });
      degree.enrolled = enrolled.value;
    }
    degrees.push(degree);
  }
  return ok(degrees);
}

const CERT_ALIASES: Record<string, CertificateLevel> = {
  assistant: 'assistant', '助理': 'assistant', '初级': 'assistant', '助理社会工作师': 'assistant',
  intermediate: 'intermediate', '中级': 'intermediate', '社会工作师': 'intermediate',
};

/** Certificates held: `assistant:2019-12` or `助理:2019年12月`; several separated by commas; `none`. */
export function parseCertificates(raw: string | string[]): Parsed<Certificate[]> {
  const parts = (Array.isArray(raw) ? raw : [raw])
    .flatMap((item) => item.split(/[,，;；\n]/))
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (parts.length === 0 || parts.every((item) => NONE.has(item.toLowerCase()))) return ok([]);
  const certificates: Certificate[] = [];
  for (const part of parts) {
    const [levelText = '', monthText = ''] = part.split(/\s*[:：@=]\s*/);
    const level = CERT_ALIASES[normalise(levelText)];
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
  if (!found) return bad('answer.province', { value: raw.trim() });
  if (forRegistration && !found.registers) return bad('answer.province-registers', { value: found.zh });
  return ok(found.id);
}
