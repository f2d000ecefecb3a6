/** Calendars as data (templates/calendars): published dates per year and the pattern for estimates. */
import type { Confidence } from './rules.js';

export interface PublishedDate {
  start: string;
  end?: string;
  source: string;
  confidence: Confidence;
  note?: string;
  /** A city notice: the window is known for this city (zh-CN name) only, not the whole province. */
  city?: string;
}

export const WINDOW_IDS = ['registration', 'payment', 'admission-ticket', 'scores'] as const;
export type WindowId = (typeof WINDOW_IDS)[number];

export interface CalendarYear {
  exam: PublishedDate;
  registration?: PublishedDate;
  payment?: PublishedDate;
  'admission-ticket'?: PublishedDate;
  scores?: PublishedDate;
  /** A province's own windows replace the national ones for candidates registering there. */
  provinces?: Record<string, Partial<Record<WindowId, PublishedDate>>>;
}

export interface CalendarPattern {
  source: string;
  confidence: Confidence;
  /** How many years after the last published one may be estimated (the end of the --year range). */
  estimateYears: number;
  /** How many of the latest years with provincial windows the conservative close looks at. */
  conservativeYears: number;
  registration: { startDaysBeforeExam: number; lengthDays: number };
  payment: { endDaysAfterRegistrationEnd: number };
  'admission-ticket': { startDaysBeforeExam: number };
  scores: { daysAfterExam: number };
  'post-exam-review': { startDaysAfterScores: number; lengthDays: number };
  certificate: { startDaysAfterScores: number; lengthDays: number };
  photo: { daysBeforeRegistration: number };
  /**
   * The .ics reminders: for windows and deadlines at `atHour` (local, i.e. Beijing for these users)
   * the given days before; two per paper; events longer than `longSpanDays` split into start and end.
   */
  reminders: {
    atHour: number;
    daysBeforeStart: number;
    daysBeforeEnd: number;
    beforePaperDays: number;
    beforePaperHours: number;
    longSpanDays: number;
    note?: string;
  };
}

export interface Calendar {
  years: Record<string, CalendarYear>;
  pattern: CalendarPattern;
}

export const EVENT_IDS = [
  'photo',
  'registration',
  'payment',
  'admission-ticket',
  'exam',
  'scores',
  'post-exam-review',
  'certificate',
  'e-certificate',
  'certificate-registration',
  'continuing-education',
  'senior-review',
  'work-years-cutoff',
] as const;
export type EventId = (typeof EVENT_IDS)[number];

/**
 * How an estimate was derived from other years' data, beyond the pattern's own source: the exam
 * weekend copied from a published year, or the earliest provincial close of a year. Worded by the
 * report's localiser (i18n `eventSource`), never by the core.
 */
export interface EventDerivation {
  kind: 'exam-copied' | 'earliest-close';
  /** The year the data came from. */
  from: string;
  /** The sources of that year's data. */
  sources: string[];
  /** earliest-close: the province(s) that closed first, and the day. */
  provinces?: string[];
  date?: string;
}

export type EventTiming = 'upcoming' | 'open' | 'passed';

export interface DateEvent {
  id: EventId;
  year: number;
  start: string;
  end: string;
  estimated: boolean;
  source: string;
  /** With `source` (the pattern's source): how the estimate was derived. */
  derived?: EventDerivation;
  /** Whole days from today to the start (negative once it has begun). */
  daysFromToday: number;
  /** Whole days from today to the end. */
  daysToEnd: number;
  timing: EventTiming;
  /** Why this date: the province window used, or what an estimate was derived from. */
  /**
   * Why this date: a published notice, the province's own window, an estimate from the pattern,
   * a rule, or (conservative) the earliest provincial close seen in year `from`, for a province
   * whose own window is unknown (`earliest` names the province(s) that closed first).
   */
  basis: {
    kind: 'published' | 'province' | 'estimated' | 'rule' | 'conservative';
    from?: string;
    province?: string;
    /** The one city whose notice gave a province's window. */
    city?: string;
    earliest?: string[];
    /** For a conservative close: the national window it lies in, shown beside it for reference. */
    national?: { start: string; end: string };
  };
  /** Papers sat, for the exam event. */
  papers?: { id: string; day: 1 | 2; date: string; start: string; end: string }[];
}
