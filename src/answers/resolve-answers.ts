/**
 * Raw answer strings (from flags, a saved profile or prompts) → typed answers. Pure. The same
 * function serves flags and the interview, so both accept and reject exactly the same values.
 */
import type { Answers, Certificate, Degree } from '../model/answers.js';
import { degreeText, mainDegree } from './qualifications.js';
import type { Province } from '../model/provinces.js';
import {
  parseCertificates,
  parseDegrees,
  parseEducation,
  parseLevel,
  parseMajor,
  parseProvince,
  parseStudyMode,
  parseWorkPeriods,
  parseYearMonth,
  type Parsed,
  type Problem,
} from './parse-answer.js';

/** Answer keys in interview order, each with the flag that supplies it. */
export const ANSWER_FLAGS = {
  level: '--level',
  education: '--education',
  major: '--major',
  graduated: '--graduated',
  studyMode: '--study-mode',
  enrolled: '--enrolled',
  degrees: '--degree',
  work: '--work',
  certificates: '--cert',
  province: '--province',
  hukou: '--hukou',
} as const;
export type AnswerKey = keyof typeof ANSWER_FLAGS;
export const ANSWER_KEYS = Object.keys(ANSWER_FLAGS) as AnswerKey[];

/** The answers that may be given again, as a list; every other answer is one string. */
const LIST_ANSWERS = ['degrees', 'work', 'certificates'] as const satisfies readonly AnswerKey[];
type SingleAnswer = Exclude<AnswerKey, (typeof LIST_ANSWERS)[number]>;
const SINGLE_ANSWERS = ANSWER_KEYS.filter(
  (key): key is SingleAnswer => !(LIST_ANSWERS as readonly AnswerKey[]).includes(key),
);
type SingleAnswers = { [K in SingleAnswer]?: string };

export interface RawAnswers extends SingleAnswers {
  degrees?: string | string[];
  work?: string | string[];
  certificates?: string | string[];
}

/** The answer flags as commander gives them (check takes them; batch takes them as column defaults). */
export interface AnswerFlags extends SingleAnswers {
  degree?: string[];
  work?: string[];
  cert?: string[];
}

/** The answers the flags actually gave, as typed (commander leaves the rest undefined). */
export function answersFromFlags(flags: AnswerFlags): RawAnswers {
  const raw: RawAnswers = {};
  for (const key of SINGLE_ANSWERS) if (flags[key] !== undefined) raw[key] = flags[key];
  if (flags.degree) raw.degrees = flags.degree;
  if (flags.work) raw.work = flags.work;
  if (flags.cert) raw.certificates = flags.cert;
  return raw;
}

export function parseAnswer(key: AnswerKey, raw: string | string[], provinces: readonly Province[]): Parsed<unknown> {
  const one = Array.isArray(raw) ? raw.join(',') : raw;
  switch (key) {
    case 'level':
      return parseLevel(one);
    case 'education':
      return parseEducation(one);
    case 'major':
      return parseMajor(one);
    case 'graduated':
      return parseYearMonth(one);
    case 'studyMode':
      return parseStudyMode(one);
    case 'enrolled':
      return parseYearMonth(one);
    case 'degrees':
      return parseDegrees(raw);
    case 'work':
      return parseWorkPeriods(raw);
    case 'certificates':
      return parseCertificates(raw);
    case 'province':
      return parseProvince(one, provinces, true);
    case 'hukou':
      return parseProvince(one, provinces, false);
  }
}

export interface Resolved {
  answers: Partial<Answers>;
  problems: { key: AnswerKey; problem: Problem }[];
}

export function resolveAnswers(raw: RawAnswers, provinces: readonly Province[]): Resolved {
  const answers: Record<string, unknown> = {};
  const problems: Resolved['problems'] = [];
  for (const key of ANSWER_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    const parsed = parseAnswer(key, value, provinces);
    if (parsed.ok) answers[key] = parsed.value;
    else problems.push({ key, problem: parsed.problem });
  }
  const resolved = withMainDegree(answers as Partial<Answers>);
  // Full-time study cannot begin after it ended: a typo here would count the study years as work.
  if (resolved.enrolled && resolved.graduated && resolved.enrolled > resolved.graduated) {
    problems.push({
      key: 'enrolled',
      problem: { key: 'answer.enrolled-order', args: { enrolled: resolved.enrolled, graduated: resolved.graduated } },
    });
  }
  return { answers: resolved, problems };
}

const SHORTHAND = ['education', 'major', 'graduated', 'studyMode'] as const;

/** `--degree` may replace the one-degree shorthand: the highest degree becomes the main one. */
function withMainDegree(answers: Partial<Answers>): Partial<Answers> {
  const degrees = answers.degrees;
  if (!degrees?.length || SHORTHAND.some((key) => answers[key] !== undefined)) return answers;
  const main = mainDegree(degrees) as Degree;
  const rest = degrees.filter((d) => d !== main);
  const { enrolled, ...fields } = main;
  return { ...answers, ...fields, ...(enrolled && !answers.enrolled ? { enrolled } : {}), degrees: rest };
}

/** Which certificate the answers so far make necessary (中级 via 高中/中专 → 助理; 高级 → 中级). */
export function neededCertificate(answers: Partial<Answers>): Certificate['level'] | undefined {
  if (answers.level === 'senior') return 'intermediate';
  if (answers.level === 'intermediate' && (answers.education === 'highschool' || answers.education === 'secondary'))
    return 'assistant';
  return undefined;
}

/**
 * Whether the enrolment month of the main qualification changes the count: it is full-time, the
 * month is unknown, and some work was done before graduation (it may predate enrolment).
 */
export function enrolmentMatters(answers: Partial<Answers>): boolean {
  if (answers.studyMode !== 'full-time' || answers.enrolled || !answers.graduated) return false;
  const graduated = answers.graduated;
  return (answers.work ?? []).some((period) => period.start <= graduated);
}

/** Answers still missing, in interview order. `hukou` is optional; certificates only when needed. */
export function missingAnswers(answers: Partial<Answers>, optional: readonly AnswerKey[] = []): AnswerKey[] {
  return ANSWER_KEYS.filter((key) => {
    if (answers[key] !== undefined || optional.includes(key)) return false;
    if (key === 'hukou' || key === 'enrolled' || key === 'degrees') return false;
    if (key === 'certificates') return neededCertificate(answers) !== undefined;
    return true;
  });
}

export function completeAnswers(answers: Partial<Answers>, optional: readonly AnswerKey[] = []): Answers | undefined {
  if (missingAnswers(answers, optional).length > 0) return undefined;
  return { certificates: [], ...answers } as Answers;
}

/** Answers back to the raw strings that produce them (for saving and as prompt defaults). */
export function toRaw(answers: Partial<Answers>): RawAnswers {
  const raw: RawAnswers = {};
  if (answers.level) raw.level = answers.level;
  if (answers.education) raw.education = answers.education;
  if (answers.major) raw.major = answers.major;
  if (answers.graduated) raw.graduated = answers.graduated;
  if (answers.studyMode) raw.studyMode = answers.studyMode;
  if (answers.enrolled) raw.enrolled = answers.enrolled;
  if (answers.degrees) raw.degrees = answers.degrees.length ? answers.degrees.map(degreeText).join('; ') : 'none';
  if (answers.work)
    raw.work = answers.work.length ? answers.work.map((w) => `${w.start}..${w.end ?? ''}`).join(', ') : 'none';
  if (answers.certificates) {
    raw.certificates = answers.certificates.length
      ? answers.certificates.map((c) => `${c.level}:${c.obtained}`).join(', ')
      : 'none';
  }
  if (answers.province) raw.province = answers.province;
  if (answers.hukou) raw.hukou = answers.hukou;
  return raw;
}
