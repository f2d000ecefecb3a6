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

export interface CountOptions {
  /** Last month that counts (the cutoff month); ongoing periods run to it. */
  cutoff: number;
  /** First month that may count (after graduation from full-time study, after a certificate). */
  notBefore: number;
}

export interface MonthCount {
  counted: number;
  /** Months of the stated periods that fell before `notBefore` (study, before the certificate). */
  excludedEarly: number;
  /** Months after the cutoff (future work the exam year does not see). */
  excludedLate: number;
  /** Months claimed twice by overlapping periods. */
  overlapping: number;
  merged: Interval[];
}

export function countWorkMonths(periods: WorkPeriod[], options: CountOptions): MonthCount {
  const raw = periods.map((p) => ({ from: monthIndex(p.start), to: p.end ? monthIndex(p.end) : options.cutoff }));
  const merged = mergeIntervals(raw);
  const claimed = intervalMonths(raw.filter((i) => i.to >= i.from));
  const total = intervalMonths(merged);
  const early = intervalMonths(merged.map((i) => ({ from: i.from, to: Math.min(i.to, options.notBefore - 1) })).filter((i) => i.to >= i.from));
  const late = intervalMonths(
    merged.map((i) => ({ from: Math.max(i.from, options.cutoff + 1, options.notBefore), to: i.to })).filter((i) => i.to >= i.from),
  );
  return {
    counted: total - early - late,
    excludedEarly: early,
    excludedLate: late,
    overlapping: claimed - total,
    merged,
  };
}
