import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldLine } from '../../src/dates/render-ics.js';
import { CONFIG_DIR, runCli } from '../helpers/run-cli.js';

/** A small RFC 5545 reader: unfold, then VEVENTs as property maps (name without parameters → raw line). */
function parseIcs(text: string) {
  expect(text).toMatch(/\r\n$/);
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else if (current && !line.startsWith('BEGIN:VALARM')) {
      const name = line.split(/[;:]/)[0]!;
      current[name] ??= line;
    }
  }
  return { lines, events };
}

const exportIcs = (tz: string) => {
  const file = path.join(CONFIG_DIR, `cycle-${tz.replace('/', '-')}.ics`);
  const result = runCli(['dates', '--year', '2026', '--today', '2026-03-01', '--province', '湖北', '--level', '中级', '--ics', file, '--format', 'json'], { TZ: tz });
  expect(result.code).toBe(0);
  return readFileSync(file, 'utf8');
};

describe('--ics', () => {
  it('is identical whatever the machine time zone', () => {
    expect(exportIcs('UTC')).toBe(exportIcs('Asia/Shanghai'));
  });

  it('lands windows on the right days as all-day events, papers as Asia/Shanghai times', () => {
    const { events, lines } = parseIcs(exportIcs('UTC'));
    const byUid = (uid: string) => events.find((e) => e.UID === `UID:${uid}`);
    // Hubei 2026 registration 12–25 March: all-day, DTEND exclusive.
    expect(byUid('2026-registration@shegong')).toMatchObject({ DTSTART: 'DTSTART;VALUE=DATE:20260312', DTEND: 'DTEND;VALUE=DATE:20260326' });
    // 法规与政策 on Saturday 23 May 14:00–16:00 Beijing time.
    expect(byUid('2026-exam-law-policy@shegong')).toMatchObject({
      DTSTART: 'DTSTART;TZID=Asia/Shanghai:20260523T140000',
      DTEND: 'DTEND;TZID=Asia/Shanghai:20260523T160000',
    });
    expect(byUid('2026-exam-practice-intermediate@shegong')?.DTEND).toBe('DTEND;TZID=Asia/Shanghai:20260524T163000');
    expect(lines).toContain('TZID:Asia/Shanghai');
    expect(lines.filter((l) => l.startsWith('TRIGGER')).every((l) => /-PT\d+H$/.test(l))).toBe(true);
    // Stable, unique UIDs so a re-import updates.
    const uids = events.map((e) => e.UID);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('folds long lines at 75 octets without breaking characters', () => {
    const folded = foldLine(`DESCRIPTION:${'社会工作'.repeat(30)}`);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'社会工作'.repeat(30)}`);
  });
});

describe('shegong dates', () => {
  it('2026-03-01: 2026 cycle only, registration is next', () => {
    const report = JSON.parse(runCli(['dates', '--year', '2026', '--today', '2026-03-01', '--format', 'json']).out);
    expect(report).toMatchObject({ schema: 'shegong.dates/v1', year: 2026, today: '2026-03-01' });
    expect(report.nextYear).toBeUndefined();
    expect(report.events.find((e: { id: string }) => e.id === 'registration')).toMatchObject({ start: '2026-03-09', daysFromToday: 8, estimated: false });
  });

  it('once registration has closed, the next (estimated) cycle comes first and drives the next action', () => {
    const report = JSON.parse(runCli(['dates', '--today', '2026-12-01', '--format', 'json']).out);
    expect(report.year).toBe(2027);
    expect(report.previousYear).toBeUndefined();
    expect(report.events.every((e: { estimated: boolean; id: string }) => e.estimated || e.id === 'work-years-cutoff')).toBe(true);
    expect(report.nextDeadline.id).toBe('photo');
  });

  it('between registration and the exam, the running cycle is shown after the next one', () => {
    const report = JSON.parse(runCli(['dates', '--today', '2026-03-26', '--province', '北京', '--format', 'json']).out);
    expect(report.year).toBe(2027);
    expect(report.previousYear.year).toBe(2026);
    // Beijing's payment window (3/27–3/30) opens after its registration closed: it is still the next action.
    expect(report.nextDeadline).toMatchObject({ id: 'payment', date: '2026-03-27' });
  });

  it('--rules can supply a year’s real dates, which are then not estimated', () => {
    const file = path.join(CONFIG_DIR, 'cal-2027.json');
    writeFileSync(
      file,
      JSON.stringify({
        calendar: {
          years: {
            '2027': {
              exam: { start: '2027-05-29', end: '2027-05-30', source: '人社厅发〔2027〕X号', confidence: 'official' },
              registration: { start: '2027-03-15', end: '2027-04-02', source: 'cpta 2027', confidence: 'official' },
            },
          },
        },
      }),
    );
    const report = JSON.parse(runCli(['dates', '--year', '2027', '--today', '2026-12-01', '--rules', file, '--format', 'json']).out);
    expect(report.events.find((e: { id: string }) => e.id === 'exam')).toMatchObject({ start: '2027-05-29', estimated: false });
    expect(report.events.find((e: { id: string }) => e.id === 'registration')).toMatchObject({ start: '2027-03-15', estimated: false });
    writeFileSync(file, JSON.stringify({ calendar: { years: { '2027': { exam: { start: '2027-02-30' } } } } }));
    expect(runCli(['dates', '--rules', file]).code).toBe(2);
  });

  it('text timeline marks estimates; a bad province is a usage error', () => {
    const text = runCli(['dates', '--today', '2026-11-21']).out;
    expect(text).toContain('（预估）');
    expect(runCli(['dates', '--province', '火星']).code).toBe(2);
  });
});
