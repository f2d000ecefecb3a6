import { describe, expect, it } from 'vitest';
import { buildEvents, upcomingExamYear } from '../../src/dates/build-events.js';
import { dayInShanghai, weekday } from '../../src/dates/day.js';
import { calendarWithoutWindow as calendar, EVENTS_EVERY_YEAR, ruleSet } from '../helpers/fixtures.js';

const events = (year: number, today: string, province?: string, level?: 'assistant' | 'intermediate' | 'senior') =>
  buildEvents(calendar, ruleSet, { year, today, ...(province ? { province } : {}), ...(level ? { level } : {}) });
const byId = (list: ReturnType<typeof events>, id: string) => list.find((e) => e.id === id);

describe('published years', () => {
  it.each([
    [2015, '2015-06-13', '2015-06-14'],
    [2019, '2019-06-22', '2019-06-23'],
    [2020, '2020-10-31', '2020-11-01'],
    [2021, '2021-10-16', '2021-10-17'],
    [2024, '2024-06-15', '2024-06-16'],
    [2025, '2025-05-24', '2025-05-25'],
    [2026, '2026-05-23', '2026-05-24'],
  ])('%i exam reproduces the published dates, not estimated', (year, start, end) => {
    expect(byId(events(year, `${year}-01-01`), 'exam')).toMatchObject({ start, end, estimated: false });
  });

  it('2026 national registration window is published; payment is derived and marked estimated', () => {
    const list = events(2026, '2026-03-10');
    expect(byId(list, 'registration')).toMatchObject({
      start: '2026-03-09',
      end: '2026-03-30',
      estimated: false,
      timing: 'open',
    });
    expect(byId(list, 'payment')?.estimated).toBe(true);
  });

  it('a province window replaces the national one (武汉/湖北 2026)', () => {
    const list = events(2026, '2026-03-01', 'hubei');
    expect(byId(list, 'registration')).toMatchObject({
      start: '2026-03-12',
      end: '2026-03-25',
      estimated: false,
      basis: { kind: 'province' },
    });
    expect(byId(list, 'payment')).toMatchObject({ end: '2026-03-27', estimated: false });
    expect(byId(list, 'admission-ticket')).toMatchObject({ start: '2026-05-18', end: '2026-05-24' });
  });

  it('every required event id exists for every documented year', () => {
    for (let year = 2015; year <= 2027; year += 1) {
      const ids = events(year, '2026-01-01').map((e) => e.id);
      expect(ids).toEqual(expect.arrayContaining(EVENTS_EVERY_YEAR));
    }
  });
});

describe('estimates for 2027 (no notice yet)', () => {
  const list = events(2027, '2026-11-21', 'guangdong', 'intermediate');

  it('puts the exam on the same weekend of May as 2026 (the 4th Saturday–Sunday)', () => {
    const exam = byId(list, 'exam');
    expect(exam).toMatchObject({ start: '2027-05-22', end: '2027-05-23', estimated: true });
    expect(weekday(exam?.start ?? '')).toBe(6);
  });

  it('marks every date except the rule-based cutoff as estimated, registration in March', () => {
    for (const event of list) expect(event.estimated, event.id).toBe(event.id !== 'work-years-cutoff');
    expect(byId(list, 'registration')?.start).toMatch(/^2027-03-/);
    expect(byId(list, 'work-years-cutoff')).toMatchObject({ start: '2027-12-31', estimated: false });
  });

  it('lists the papers of the level: 中级 sits both days, 助理 only day 2', () => {
    expect(byId(list, 'exam')?.papers?.map((p) => p.date)).toEqual(['2027-05-22', '2027-05-23', '2027-05-23']);
    const assistant = events(2027, '2026-11-21', undefined, 'assistant');
    expect(byId(assistant, 'exam')?.papers?.every((p) => p.day === 2)).toBe(true);
  });

  it('adds a post-exam review only where the province holds one', () => {
    expect(byId(events(2027, '2026-11-21', 'shanxi'), 'post-exam-review')).toBeDefined();
    expect(byId(list, 'post-exam-review')).toBeUndefined();
  });
});

describe('today and the current year', () => {
  it('counts days and says open / passed', () => {
    const list = events(2026, '2026-05-23');
    expect(byId(list, 'exam')).toMatchObject({ timing: 'open', daysFromToday: 0, daysToEnd: 1 });
    expect(byId(events(2026, '2026-05-25'), 'exam')?.timing).toBe('passed');
    expect(byId(events(2026, '2026-05-22'), 'exam')).toMatchObject({ timing: 'upcoming', daysFromToday: 1 });
  });

  it('prepares for the first year whose registration has not closed: the province’s window where known', () => {
    // National 2026 window 3/9–3/30; Beijing's own 3/16–3/25.
    expect(upcomingExamYear(calendar, '2026-03-30')).toBe(2026);
    expect(upcomingExamYear(calendar, '2026-03-31')).toBe(2027);
    expect(upcomingExamYear(calendar, '2026-03-25', 'beijing')).toBe(2026);
    expect(upcomingExamYear(calendar, '2026-03-26', 'beijing')).toBe(2027);
    // A province without its own window falls back to the national close.
    expect(upcomingExamYear(calendar, '2026-03-30', 'guangdong')).toBe(2026);
    expect(upcomingExamYear(calendar, '2026-12-01')).toBe(2027);
    expect(upcomingExamYear(calendar, '2027-01-10')).toBe(2027);
  });

  it('today is the date in Asia/Shanghai whatever the machine zone', () => {
    expect(dayInShanghai(new Date('2026-05-22T16:30:00Z'))).toBe('2026-05-23');
    expect(dayInShanghai(new Date('2026-05-22T15:59:00Z'))).toBe('2026-05-22');
  });
});

describe('every published date in templates/calendars is reproduced, unestimated', () => {
  for (const [year, entry] of Object.entries(calendar.years)) {
    it(`${year}`, () => {
      const national = events(Number(year), '2026-01-01');
      for (const id of ['exam', 'registration', 'payment', 'admission-ticket', 'scores'] as const) {
        const published = entry[id];
        if (published)
          expect(byId(national, id), `${year} ${id}`).toMatchObject({
            start: published.start,
            end: published.end ?? published.start,
            estimated: false,
          });
      }
      for (const [province, windows] of Object.entries(entry.provinces ?? {})) {
        const local = events(Number(year), '2026-01-01', province);
        for (const [id, published] of Object.entries(windows)) {
          expect(byId(local, id), `${year} ${province} ${id}`).toMatchObject({
            start: published.start,
            estimated: false,
            basis: { kind: 'province', province },
          });
        }
      }
    });
  }
});

describe('windows from the 2026-12 audit', () => {
  it('四川 2026 opens 3/11 and closes 3/23 (its own notice, no longer the conservative estimate)', () => {
    expect(byId(events(2026, '2026-02-01', 'sichuan'), 'registration')).toMatchObject({
      start: '2026-03-11',
      end: '2026-03-23',
      estimated: false,
      basis: { kind: 'province', province: 'sichuan' },
    });
  });

  it('海南 2025 payment runs 3/17–3/29', () => {
    expect(byId(events(2025, '2025-02-01', 'hainan'), 'payment')).toMatchObject({
      start: '2025-03-17',
      end: '2025-03-29',
      estimated: false,
    });
  });

  it('湖北 2026 is the 武汉 city notice, and says so', () => {
    const list = events(2026, '2026-02-01', 'hubei');
    expect(byId(list, 'registration')?.basis).toMatchObject({ kind: 'province', city: '武汉' });
    expect(byId(list, 'payment')?.basis).toMatchObject({ kind: 'province', city: '武汉' });
  });
});
