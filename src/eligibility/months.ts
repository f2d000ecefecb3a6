/** Whole-month arithmetic on `YYYY-MM` strings. Pure. */
import type { WorkPeriod, YearMonth } from '../model/answers.js';

/** Months since year 0: 2019-07 → 2019 * 12 + 6. */
export function monthIndex(month: YearMonth): number {
  const [year, mon] = month.split('-').map(Number);
  return (year ?? 0) * 12 + ((mon ?? 1) - 1);
}

export function monthOf(index: number): YearMonth {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface Interval {
  from: number;
  to: number;
}

/** Sort and merge intervals that overlap or touch, so no month is counted twice. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].filter((i) => i.to >= i.from).sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.from <= last.to + 1) last.to = Math.max(last.to, interval.to);
    else merged.push({ ...interval });
  }
  return merged;
}

export const intervalMonths = (intervals: Interval[]) => intervals.reduce((sum, i) => sum + i.to - i.from + 1, 0);

/** `2016-01..2020-08` for an interval of months. */
export const intervalText = (i: Interval) =>
  i.from === i.to ? monthOf(i.from) : `${monthOf(i.from)}..${monthOf(i.to)}`;

export interface CountOptions {
  /** Last month that counts (the cutoff month); ongoing periods run to it. */
  cutoff: number;
  /** First month that may count (after a certificate); 0 when any month may. */
  notBefore: number;
  /** Full-time study with a known enrolment month: never counts. */
  study?: Interval[];
  /** Full-time study whose enrolment month is unknown: everything up to graduation is left out. */
  unknownStudy?: Interval[];
}

export interface MonthCount {
  counted: number;
  /** Months before `notBefore` (before the certificate). */
  excludedEarly: number;
  /** Months inside known full-time study. */
  excludedStudy: number;
  /** Months before a full-time graduation whose enrolment month is unknown. */
  excludedUnknownEnrolment: number;
  /** The work months left out for an unknown enrolment, as intervals (what --enrolled could claim). */
  unknownEnrolmentSpans: Interval[];
  /** The work months left out for known study, as intervals. */
  studySpans: Interval[];
  /** Months after the cutoff (future work the exam year does not see). */
  excludedLate: number;
  /** Months claimed twice by overlapping periods. */
  overlapping: number;
  merged: Interval[];
}

const inside = (month: number, intervals: Interval[]) => intervals.some((i) => month >= i.from && month <= i.to);

/** Push a month onto a list of intervals, extending the last one when it follows on. */
function extend(spans: Interval[], month: number) {
  const last = spans.at(-1);
  if (last && last.to === month - 1) last.to = month;
  else spans.push({ from: month, to: month });
}

export function countWorkMonths(periods: WorkPeriod[], options: CountOptions): MonthCount {
  const raw = periods.map((p) => ({ from: monthIndex(p.start), to: p.end ? monthIndex(p.end) : options.cutoff }));
  const merged = mergeIntervals(raw);
  const claimed = intervalMonths(raw.filter((i) => i.to >= i.from));
  const study = options.study ?? [];
  const unknownStudy = options.unknownStudy ?? [];
  const result: MonthCount = {
    counted: 0,
    excludedEarly: 0,
    excludedStudy: 0,
    excludedUnknownEnrolment: 0,
    unknownEnrolmentSpans: [],
    studySpans: [],
    excludedLate: 0,
    overlapping: claimed - intervalMonths(merged),
    merged,
  };
  for (const interval of merged) {
    for (let month = interval.from; month <= interval.to; month += 1) {
      // Before the certificate nothing counts on a certificate route, whatever the study: an
      // enrolment month could not change that, so such months are never blamed on it.
      if (month > options.cutoff) result.excludedLate += 1;
      else if (month < options.notBefore) result.excludedEarly += 1;
      else if (inside(month, study)) {
        result.excludedStudy += 1;
        extend(result.studySpans, month);
      } else if (inside(month, unknownStudy)) {
        result.excludedUnknownEnrolment += 1;
        extend(result.unknownEnrolmentSpans, month);
      } else result.counted += 1;
    }
  }
  return result;
}
