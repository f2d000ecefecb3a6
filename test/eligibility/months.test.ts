import { describe, expect, it } from 'vitest';
import { countWorkMonths, mergeIntervals, monthIndex, monthOf } from '../../src/eligibility/months.js';

const cutoff = monthIndex('2026-12');

describe('month arithmetic', () => {
  it('round-trips month indexes', () => {
    expect(monthOf(monthIndex('2019-07'))).toBe('2019-07');
    expect(monthIndex('2020-01') - monthIndex('2019-12')).toBe(1);
  });

  it('merges overlapping and touching intervals', () => {
    expect(
      mergeIntervals([
        { from: 5, to: 10 },
        { from: 1, to: 3 },
        { from: 4, to: 4 },
        { from: 9, to: 12 },
      ]),
    ).toEqual([{ from: 1, to: 12 }]);
    expect(
      mergeIntervals([
        { from: 1, to: 2 },
        { from: 4, to: 5 },
      ]),
    ).toHaveLength(2);
  });
});

describe('countWorkMonths', () => {
  it('counts both ends of a period', () => {
    expect(countWorkMonths([{ start: '2019-07', end: '2021-06' }], { cutoff, notBefore: 0 }).counted).toBe(24);
    expect(countWorkMonths([{ start: '2020-03', end: '2020-03' }], { cutoff, notBefore: 0 }).counted).toBe(1);
  });

  it('runs an ongoing period to the cutoff month (31 Dec of the exam year)', () => {
    expect(countWorkMonths([{ start: '2025-01' }], { cutoff, notBefore: 0 }).counted).toBe(24);
  });

  it('counts overlapping periods once and reports the overlap', () => {
    const result = countWorkMonths(
      [
        { start: '2020-01', end: '2020-12' },
        { start: '2020-07', end: '2021-06' },
      ],
      { cutoff, notBefore: 0 },
    );
    expect(result.counted).toBe(18);
    expect(result.overlapping).toBe(6);
  });

  it('leaves out months before notBefore (study, certificate) and after the cutoff', () => {
    const result = countWorkMonths([{ start: '2026-01', end: '2027-06' }], {
      cutoff,
      notBefore: monthIndex('2026-07'),
    });
    expect(result.counted).toBe(6);
    expect(result.excludedEarly).toBe(6);
    expect(result.excludedLate).toBe(6);
  });

  it('counts nothing when graduation comes after the cutoff', () => {
    const result = countWorkMonths([{ start: '2025-01' }], { cutoff, notBefore: monthIndex('2027-07') });
    expect(result).toMatchObject({ counted: 0, excludedEarly: 24, excludedLate: 0 });
  });

  it('keeps gaps between periods out', () => {
    expect(
      countWorkMonths(
        [
          { start: '2020-01', end: '2020-06' },
          { start: '2021-01', end: '2021-06' },
        ],
        { cutoff, notBefore: 0 },
      ).counted,
    ).toBe(12);
  });
});
