/** The candidate's qualifications as one list, whichever way they were given (shorthand flags or --degree). Pure. */
import { EDUCATION_RANK, type Answers, type Degree } from '../model/answers.js';

/** Every qualification the answers name: the main one first, then the further ones (duplicates dropped). */
export function qualifications(
  answers: Pick<Answers, 'education' | 'major' | 'graduated' | 'studyMode' | 'enrolled' | 'degrees'>,
): Degree[] {
  const same = (a: Omit<Degree, 'enrolled'>, b: Omit<Degree, 'enrolled'>) =>
    a.education === b.education && a.major === b.major && a.studyMode === b.studyMode && a.graduated === b.graduated;
  const main: Degree = {
    education: answers.education,
    major: answers.major,
    studyMode: answers.studyMode,
    graduated: answers.graduated,
  };
  // The same degree given again with its enrolment month (--degree …:2020-09..2023-06) supplies that month.
  const enrolled = answers.enrolled ?? (answers.degrees ?? []).find((d) => same(d, main) && d.enrolled)?.enrolled;
  if (enrolled) main.enrolled = enrolled;
  const further = (answers.degrees ?? []).filter((d) => !same(d, main));
  return [main, ...further];
}

/** `大专:社会工作:全日制:2012-09..2015-06` in canonical English form (for saving and JSON). */
export const degreeText = (d: Degree) => `${d.education}:${d.major}:${d.studyMode}:${d.enrolled ?? ''}..${d.graduated}`;

/** The main qualification among several: the highest level, then the latest graduation. */
export function mainDegree(degrees: readonly Degree[]): Degree | undefined {
  return [...degrees].sort(
    (a, b) => EDUCATION_RANK[b.education] - EDUCATION_RANK[a.education] || b.graduated.localeCompare(a.graduated),
  )[0];
}
