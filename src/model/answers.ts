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

/**
 * One qualification held or being finished. `enrolled` is the month full-time study began; when
 * it is unknown for a full-time degree, nothing before graduation counts as work (conservative).
 */
export interface Degree {
  education: Education;
  major: Major;
  studyMode: StudyMode;
  enrolled?: YearMonth;
  graduated: YearMonth;
}

/** Order of education levels: a qualification also meets the routes of every level below it. */
export const EDUCATION_RANK: Record<Education, number> = {
  highschool: 1,
  secondary: 1,
  associate: 2,
  bachelor: 3,
  master: 4,
  doctor: 5,
};

export interface Answers {
  level: Level;
  /** The main qualification (the highest, or the one given with --education). */
  education: Education;
  major: Major;
  graduated: YearMonth;
  studyMode: StudyMode;
  /** Month full-time study for the main qualification began, when known. */
  enrolled?: YearMonth;
  /** Further qualifications (--degree), besides the main one. */
  degrees?: Degree[];
  /**
   * Facts the platform's online check cannot see (an overseas degree, a changed name or ID number),
   * as the interview asked them; --education-case gives the same. Not saved in the profile.
   */
  educationCases?: ('abroad' | 'renamed')[];
  work: WorkPeriod[];
  certificates: Certificate[];
  /** Absent only in a batch run whose roster and flags give none: then no fee and no province window. */
  province?: string;
  hukou?: string;
  /**
   * Answers a roster row did not give (`column`: the roster has no such column; `cell`: blank or
   * unreadable): the verdict tries every value they could take, and meanwhile reads `studyMode` as
   * full-time and `work` as none. Never saved in the profile.
   */
  unanswered?: { studyMode?: 'column' | 'cell'; work?: 'column' | 'cell'; certificates?: 'column' };
}
