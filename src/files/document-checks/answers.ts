/**
 * The report's level, major and graduation month against the candidate's answers: the verdict was
 * reached on the answers, so a report that says otherwise must be looked at.
 */
import { EDUCATIONS, type Education } from '../../model/answers.js';
import { documentCheck } from './check.js';

const rank = (e: string) => EDUCATIONS.indexOf(e as Education);

export const documentLevel = documentCheck({
  name: 'document-level',
  ids: ['document.mismatch'],
  rules: [],
  severity: {
    fixed: ['error', 'warning'],
    why: 'a report below the answered level does not prove it (error); one above may be another degree (warning)',
  },
  applies: (document, context) =>
    context.answers !== undefined && Boolean(document.level) && document.level !== context.answers.education,
  run: (document, context) => {
    const answered = context.answers!.education;
    const level = document.level!;
    return [
      {
        id: 'document.mismatch',
        severity: rank(level) < rank(answered) ? 'error' : 'warning',
        measured: { level, levelText: document.levelText },
        expected: { level: answered },
        args: { field: 'level', found: level, foundText: document.levelText ?? '', answered },
      },
    ];
  },
});

export const documentMajor = documentCheck({
  name: 'document-major',
  ids: ['document.mismatch'],
  rules: [],
  severity: {
    fixed: ['error', 'warning'],
    why: 'a report without the social-work major does not prove the answered one (error); the other way is a warning',
  },
  applies: (document, context) =>
    context.answers !== undefined &&
    document.socialWork !== null &&
    (document.socialWork ? 'social-work' : 'other') !== context.answers.major,
  run: (document, context) => {
    const answered = context.answers!.major;
    return [
      {
        id: 'document.mismatch',
        severity: answered === 'social-work' ? 'error' : 'warning',
        measured: { major: document.major, socialWork: document.socialWork },
        expected: { major: answered },
        args: { field: 'major', found: document.major ?? '', socialWork: document.socialWork, answered },
      },
    ];
  },
});

export const documentGraduated = documentCheck({
  name: 'document-graduated',
  ids: ['document.mismatch'],
  rules: [],
  severity: { fixed: ['warning'], why: 'a different graduation month changes the years of experience to count' },
  applies: (document, context) =>
    context.answers !== undefined &&
    Boolean(document.graduated) &&
    document.graduated!.slice(0, 7) !== context.answers.graduated,
  run: (document, context) => {
    const answered = context.answers!.graduated;
    const graduated = document.graduated!;
    return [
      {
        id: 'document.mismatch',
        severity: 'warning',
        measured: { graduated },
        expected: { graduated: answered },
        args: { field: 'graduated', found: graduated.slice(0, 7), answered },
      },
    ];
  },
});
