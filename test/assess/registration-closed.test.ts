import { describe, expect, it } from 'vitest';
import { assessCandidate } from '../../src/assess/assess-candidate.js';
import type { Answers } from '../../src/model/answers.js';
import { calendar, makeAnswers, ruleSet } from '../helpers/fixtures.js';

const assess = (today: string, province: string, year?: number) =>
  assessCandidate({
    answers: makeAnswers({ province } as Partial<Answers>),
    ruleSet,
    calendar,
    today,
    ...(year ? { year } : {}),
  });

describe('a closed registration is said plainly', () => {
  it('judged against a closed year with its own window: the date, no “may be open”, the next cycle', () => {
    const outcome = assess('2026-04-15', 'sichuan', 2026);
    expect(outcome.ready).toBe(false);
    expect(outcome.registrationClosed).toMatchObject({
      year: 2026,
      closed: '2026-03-23',
      estimated: false,
      basis: 'province',
      provinceMayBeOpen: false,
      judged: true,
      next: { year: 2027, estimated: true },
    });
  });

  it('a province without a published window, before the national close: it may still be open', () => {
    expect(assess('2026-03-20', 'jiangsu', 2026).registrationClosed).toMatchObject({
      basis: 'conservative',
      estimated: true,
      provinceMayBeOpen: true,
      judged: true,
    });
    // After the national close no province can be open.
    expect(assess('2026-04-15', 'jiangsu', 2026).registrationClosed).toMatchObject({ provinceMayBeOpen: false });
  });

  it('the default year moved past this year’s closed registration: said, and the report is for the next cycle', () => {
    const outcome = assess('2026-03-20', 'hainan');
    expect(outcome.year).toBe(2027);
    expect(outcome.registrationClosed).toMatchObject({
      year: 2026,
      closed: '2026-03-18',
      judged: false,
      next: { year: 2027 },
    });
  });

  it('nothing is said while registration is ahead, or in December for the next cycle', () => {
    expect(assess('2026-02-01', 'hainan').registrationClosed).toBeUndefined();
    expect(assess('2026-12-06', 'hainan').registrationClosed).toBeUndefined();
  });
});
