/**
 * `--education-case`: facts about the candidate's education that the platform's online
 * check cannot see and that decide which document to upload (an overseas degree, a changed name or
 * ID number). Pure: raw flag values in, case ids or the values not understood out.
 */
import type { DocumentCase } from '../model/rules.js';

export const EDUCATION_CASE_ALIASES: Record<string, DocumentCase> = {
  abroad: 'abroad',
  overseas: 'abroad',
  境外: 'abroad',
  海外: 'abroad',
  国外: 'abroad',
  留学: 'abroad',
  renamed: 'renamed',
  改名: 'renamed',
  更名: 'renamed',
  姓名变更: 'renamed',
  证件变更: 'renamed',
  身份证变更: 'renamed',
};

export function parseEducationCases(raw: string | string[] | undefined): { cases: DocumentCase[]; unknown: string[] } {
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .flatMap((v) => v.split(/[,，、]/))
    .map((v) => v.trim())
    .filter(Boolean);
  const cases: DocumentCase[] = [];
  const unknown: string[] = [];
  for (const value of values) {
    const known = EDUCATION_CASE_ALIASES[value.toLowerCase()];
    if (!known) unknown.push(value);
    else if (!cases.includes(known)) cases.push(known);
  }
  return { cases, unknown };
}
