/** The candidate's answers: what the interview asks and what flags give. Types only, no logic. */

export const LEVELS = ['assistant', 'intermediate', 'senior'] as const;
export type Level = (typeof LEVELS)[number];

export const EDUCATIONS = ['highschool', 'secondary', 'associate', 'bachelor', 'master', 'doctor'] as const;
export type Education = (typeof EDUCATIONS)[number];

export const MAJORS = ['social-work', 'other'] as const;
export type Major = (typeof MAJORS)[number];

export const STUDY_MODES = ['full-time', 'part-time'] as const;
export type StudyMode = (typeof STUDY_MODES)[number];

export const CERTIFICATE_LEVELS = ['assistant', 'intermediate'] as const;
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number];

/** A calendar month as `YYYY-MM`. */
export type YearMonth = string;

/** A period of social work, whole months, both ends included; `end` absent means ongoing. */
export interface WorkPeriod {
  start: YearMonth;
  end?: YearMonth;
}

export interface Certificate {
  level: CertificateLevel;
  obtained: YearMonth;
}

export interface Answers {
  level: Level;
  education: Education;
  major: Major;
  graduated: YearMonth;
  studyMode: StudyMode;
  work: WorkPeriod[];
  certificates: Certificate[];
  /** Absent only in a batch run whose roster and flags give none: then no fee and no province window (issue 10). */
  province?: string;
  hukou?: string;
}
