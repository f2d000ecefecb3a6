import { describe, expect, it } from 'vitest';
import { nthWeekday } from '../../src/dates/day.js';

describe('nthWeekday', () => {
  it('a 5th weekday the month lacks becomes its last', () => {
    expect(nthWeekday(2026, 2, 6, 5)).toBe('2026-02-28');
    expect(nthWeekday(2027, 5, 6, 5)).toBe('2027-05-29');
  });
});
