/**
 * Deadlines a candidate can trust: each province's own window where a notice gave one, a
 * conservative estimate (never the national close) where none did, the default year, missed items
 * and the senior path.
 */
import { describe, expect, it } from 'vitest';
import { assessCandidate } from '../../src/assess/assess-candidate.js';
import { buildEvents, registrationWindow, upcomingExamYear, yearRange } from '../../src/dates/build-events.js';
import type { Answers } from '../../src/model/answers.js';
import { calendarWithoutWindow as calendar, makeAnswers, ruleSet } from '../helpers/fixtures.js';
import { candidate } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-in-process.js';

const events = (year: number, today: string, province?: string, level: Answers['level'] = 'assistant') =>
  buildEvents(calendar, ruleSet, { year, today, level, ...(province ? { province } : {}) });
const event = (list: ReturnType<typeof events>, id: string) => list.find((e) => e.id === id);
const assess = (changes: Partial<Answers>, today: string, year?: number) =>
  assessCandidate({
    answers: makeAnswers({ work: [{ start: '2020-07' }], ...changes }),
    ruleSet,
    calendar,
    today,
    ...(year ? { year } : {}),
  });
const item = (outcome: ReturnType<typeof assess>, id: string) => outcome.checklist.find((i) => i.id === id);

describe('province windows published for 2025 and 2026', () => {
  it.each([
    [2026, 'beijing', '2026-03-16', '2026-03-25', '2026-03-27', '2026-03-30'],
    [2026, 'hubei', '2026-03-12', '2026-03-25', '2026-03-12', '2026-03-27'],
    [2025, 'beijing', '2025-03-11', '2025-03-20', '2025-03-22', '2025-03-25'],
    [2025, 'henan', '2025-03-14', '2025-03-26', '2025-03-14', '2025-03-28'],
  ])(
    '%i %s: registration %s–%s, payment %s–%s, from the notice',
    (year, province, regStart, regEnd, payStart, payEnd) => {
      const list = events(year, `${year}-01-01`, province);
      expect(event(list, 'registration')).toMatchObject({
        start: regStart,
        end: regEnd,
        estimated: false,
        basis: { kind: 'province', province },
      });
      expect(event(list, 'payment')).toMatchObject({ start: payStart, end: payEnd, estimated: false });
    },
  );

  it.each([
    ['hainan', '2026-03-18'],
    ['jilin', '2026-03-18'],
    ['chongqing', '2026-03-19'],
    ['shandong', '2026-03-20'],
    ['xinjiang', '2026-03-27'],
  ])('2026 %s closes %s, and its payment closes with it at the latest', (province, end) => {
    const list = events(2026, '2026-01-01', province);
    expect(event(list, 'registration')).toMatchObject({ end, estimated: false });
    expect(event(list, 'payment')).toMatchObject({ end, estimated: true });
  });
});

describe('a province without its own window never gets the national close', () => {
  it.each([
    // 2026: the earliest provincial close was 3/18 (海南, 吉林), 9 days after the national opening on 3/9.
    [2026, '2026-03-09', '2026-03-18', ['hainan', 'jilin'], '2026'],
    // 2027 (estimated national opening 3/8): the same 9 days.
    [2027, '2027-03-08', '2027-03-17', ['hainan', 'jilin'], '2026'],
    // 2025: 北京 closed first on 3/20, 10 days after the national 3/10.
    [2025, '2025-03-10', '2025-03-20', ['beijing'], '2025'],
  ])('%i guangdong: %s–%s, estimated, from the earliest close', (year, start, end, earliest, from) => {
    const window = registrationWindow(calendar, year, 'guangdong');
    expect(window).toMatchObject({
      start,
      end,
      estimated: true,
      basis: { kind: 'conservative', from, earliest, province: 'guangdong' },
    });
    const national = registrationWindow(calendar, year);
    expect(window.end < national.end).toBe(true);
    expect(event(events(year, `${year}-01-01`, 'guangdong'), 'payment')).toMatchObject({ end, estimated: true });
  });

  it('the checklist says the date is a conservative estimate and why', async () => {
    const outcome = assess({ province: 'guangdong' }, '2026-12-01');
    expect(item(outcome, 'registration.window')).toMatchObject({
      status: 'todo',
      due: '2027-03-17',
      dueEstimated: true,
      args: { basis: 'conservative', conservativeFrom: '2026', earliest: ['hainan', 'jilin'] },
    });
  });
});

describe('the year a candidate prepares for, and what has passed', () => {
  it.each([
    ['2026-03-25', 'beijing', 2026],
    ['2026-03-26', 'beijing', 2027],
    ['2026-03-30', 'guangdong', 2026],
    ['2026-03-31', 'guangdong', 2027],
    ['2026-12-01', 'guangdong', 2027],
  ])('on %s in %s: %i', (today, province, year) => {
    expect(upcomingExamYear(calendar, today, province)).toBe(year);
    expect(assess({ province }, today).year).toBe(year);
  });

  it('a closed registration is missed, never to-do, and the candidate is not ready', async () => {
    // 北京 2026 closed on 3/25; asked about 2026 the day after.
    const outcome = assess({ province: 'beijing' }, '2026-03-26', 2026);
    expect(outcome.ready).toBe(false);
    expect(item(outcome, 'registration.window')).toMatchObject({
      status: 'missed',
      args: { closed: '2026-03-25', nextYear: 2027 },
    });
    // Its payment window (3/27–3/30) is still ahead.
    expect(item(outcome, 'registration.fee')?.status).toBe('todo');
    expect(
      outcome.checklist.filter((i) => i.status === 'todo' && i.due && i.due < '2026-03-26').map((i) => i.id),
    ).toEqual([]);
  });

  it('a conservative close that has passed makes the candidate not ready and says to check the notice', async () => {
    const outcome = assess({ province: 'guangdong' }, '2026-03-19');
    expect(outcome.year).toBe(2026);
    expect(outcome.ready).toBe(false);
    expect(item(outcome, 'registration.window')).toMatchObject({
      status: 'missed',
      args: { basis: 'conservative', closed: '2026-03-18' },
    });
  });

  it('--year outside the covered range is a usage error naming the range', async () => {
    const { first, last } = yearRange(calendar);
    expect([first, last]).toEqual([2015, 2029]);
    const result = await runMain([...candidate(), '--year', '2031', '--no-input']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('2015–2029');
    expect((await runMain([...candidate(), '--year', '2014', '--no-input'])).code).toBe(2);
  });
});

describe('the senior path: a certificate of results, then 评审', () => {
  it('no certificate, e-certificate, 登记 or continuing-education dates; a senior-review date instead', async () => {
    const ids = events(2027, '2026-12-01', 'beijing', 'senior').map((e) => e.id);
    for (const id of ['certificate', 'e-certificate', 'certificate-registration', 'continuing-education'])
      expect(ids).not.toContain(id);
    expect(event(events(2027, '2026-12-01', 'beijing', 'senior'), 'senior-review')).toMatchObject({
      start: '2028-09-26',
      estimated: true,
    });
    // The 2024 exam's passers joined the 2025 round, whose close is published.
    expect(event(events(2024, '2024-01-01', 'beijing', 'senior'), 'senior-review')).toMatchObject({
      start: '2025-09-26',
      estimated: false,
    });
    expect(events(2027, '2026-12-01', 'beijing', 'intermediate').map((e) => e.id)).toContain('certificate');
  });

  it('the checklist shows the pass certificate and the 评审 step, not a certificate or 登记', async () => {
    const outcome = assess(
      {
        level: 'senior',
        education: 'bachelor',
        graduated: '2010-06',
        work: [{ start: '2010-07' }],
        certificates: [{ level: 'intermediate', obtained: '2020-12' }],
      },
      '2026-12-01',
    );
    const ids = outcome.checklist.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['after.pass-certificate', 'after.evaluation']));
    for (const id of ['after.certificate', 'after.registration', 'after.continuing-education'])
      expect(ids).not.toContain(id);
    expect(item(outcome, 'after.evaluation')).toMatchObject({
      due: '2028-09-26',
      args: { lastYear: 2025, lastClose: '2025-09-26', caseRecords: 3, supervisionHours: 15, withinYears: 5 },
    });
  });
});
