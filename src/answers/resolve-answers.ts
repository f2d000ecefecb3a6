/**
 * Raw answer strings (from flags, a saved profile or prompts) → typed answers. Pure. The same
 * function serves flags and the interview, so both accept and reject exactly the same values.
 */
import type { Answers, Certificate } from '../model/answers.js';
import type { Province } from '../model/provinces.js';
import {
  parseCertificates,
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
  work: '--work',
  certificates: '--cert',
  province: '--province',
  hukou: '--hukou',
} as const;
export type AnswerKey = keyof typeof ANSWER_FLAGS;
export const ANSWER_KEYS = Object.keys(ANSWER_FLAGS) as AnswerKey[];

export interface RawAnswers {
  level?: string;
  education?: string;
  major?: string;
  graduated?: string;
  studyMode?: string;
  work?: string | string[];
  certificates?: string | string[];
  province?: string;
  hukou?: string;
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
  return { answers: answers as Partial<Answers>, problems };
}

/** Which certificate the answers so far make necessary (中级 via 高中/中专 → 助理; 高级 → 中级). */
export function neededCertificate(answers: Partial<Answers>): Certificate['level'] | undefined {
  if (answers.level === 'senior') return 'intermediate';
  if (answers.level === 'intermediate' && (answers.education === 'highschool' || answers.education === 'secondary')) return 'assistant';
  return undefined;
}

/** Answers still missing, in interview order. `hukou` is optional; certificates only when needed. */
export function missingAnswers(answers: Partial<Answers>, optional: readonly AnswerKey[] = []): AnswerKey[] {
  return ANSWER_KEYS.filter((key) => {
    if (answers[key] !== undefined || optional.includes(key)) return false;
    if (key === 'hukou') return false;
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
  if (answers.work) raw.work = answers.work.length ? answers.work.map((w) => `${w.start}..${w.end ?? ''}`).join(', ') : 'none';
  if (answers.certificates) {
    raw.certificates = answers.certificates.length ? answers.certificates.map((c) => `${c.level}:${c.obtained}`).join(', ') : 'none';
  }
  if (answers.province) raw.province = answers.province;
  if (answers.hukou) raw.hukou = answers.hukou;
  return raw;
}
