import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldLine } from '../../src/dates/render-ics.js';
import { CONFIG_DIR, type CliResult, runCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-in-process.js';

/** A small RFC 5545 reader: unfold, then VEVENTs as property maps (name without parameters → raw line). */
function parseIcs(text: string) {
  expect(text).toMatch(/\r\n$/);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
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

/** The machine time zone must not matter: that needs a real process (`spawned`), the rest runs in-process. */
const exportIcs = async (tz: string, spawned = false) => {
  const file = path.join(CONFIG_DIR, `cycle-${tz.replace('/', '-')}-${spawned ? 'spawned' : 'main'}.ics`);
  const result = await (spawned ? runCli : runMain)(
    [
      'dates',
      '--year',
      '2026',
      '--today',
      '2026-03-01',
      '--province',
      '湖北',
      '--level',
      '中级',
      '--ics',
      file,
      '--format',
      'json',
    ],
    { TZ: tz },
  );
  expect(result.code).toBe(0);
  return readFileSync(file, 'utf8');
};

describe('--ics', () => {
  it('is identical whatever the machine time zone', async () => {
    const shanghai = await exportIcs('Asia/Shanghai', true);
    expect(await exportIcs('UTC', true)).toBe(shanghai);
    expect(await exportIcs('UTC')).toBe(shanghai);
  });

  it('lands windows on the right days as all-day events, papers as Asia/Shanghai times', async () => {
    const { events, lines } = parseIcs(await exportIcs('UTC'));
    const byUid = (uid: string) => events.find((e) => e.UID === `UID:${uid}`);
    // Hubei 2026 registration 12–25 March: all-day, DTEND exclusive.
    expect(byUid('2026-registration@shegong')).toMatchObject({
      DTSTART: 'DTSTART;VALUE=DATE:20260312',
      DTEND: 'DTEND;VALUE=DATE:20260326',
    });
    // 法规与政策 on Saturday 23 May 14:00–16:00 Beijing time.
    expect(byUid('2026-exam-law-policy@shegong')).toMatchObject({
      DTSTART: 'DTSTART;TZID=Asia/Shanghai:20260523T140000',
      DTEND: 'DTEND;TZID=Asia/Shanghai:20260523T160000',
    });
    expect(byUid('2026-exam-practice-intermediate@shegong')?.DTEND).toBe('DTEND;TZID=Asia/Shanghai:20260524T163000');
    expect(lines).toContain('TZID:Asia/Shanghai');
    expect(lines.filter((l) => l.startsWith('TRIGGER')).every((l) => /:-P(\d+D)?(T\d+H)?$/.test(l))).toBe(true);
    // Stable, unique UIDs so a re-import updates.
    const uids = events.map((e) => e.UID);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('folds long lines at 75 octets without breaking characters', async () => {
    const folded = foldLine(`DESCRIPTION:${'社会工作'.repeat(30)}`);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'社会工作'.repeat(30)}`);
  });
});

/** VEVENTs with their alarms, for the phone-calendar checks. */
function eventsWithAlarms(text: string) {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: { props: Record<string, string>; triggers: string[] }[] = [];
  let current: { props: Record<string, string>; triggers: string[] } | undefined;
  let inAlarm = false;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = { props: {}, triggers: [] };
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = undefined;
    } else if (line === 'BEGIN:VALARM') inAlarm = true;
    else if (line === 'END:VALARM') inAlarm = false;
    else if (current && inAlarm && line.startsWith('TRIGGER')) current.triggers.push(line);
    else if (current && !inAlarm) current.props[line.split(/[;:]/)[0]!] ??= line;
  }
  return events;
}

/** When a relative trigger fires: an all-day event starts at 00:00 local; RELATED=END is the exclusive end. */
function fires(event: { props: Record<string, string> }, trigger: string): string {
  const m = trigger.match(/^TRIGGER(;RELATED=END)?:-P(?:(\d+)D)?(?:T(\d+)H)?$/)!;
  const anchor = (m[1] ? event.props.DTEND : event.props.DTSTART)!.split(':')[1]!;
  const base = Date.UTC(
    Number(anchor.slice(0, 4)),
    Number(anchor.slice(4, 6)) - 1,
    Number(anchor.slice(6, 8)),
    Number(anchor.slice(9, 11) || 0),
    Number(anchor.slice(11, 13) || 0),
  );
  const at = new Date(base - (Number(m[2] ?? 0) * 24 + Number(m[3] ?? 0)) * 3600_000);
  return at.toISOString().slice(0, 16).replace('T', ' ');
}

describe('--ics on a phone', () => {
  const file = path.join(CONFIG_DIR, 'phone.ics');
  let result: CliResult;
  let text: string;
  let events: ReturnType<typeof eventsWithAlarms>;
  beforeAll(async () => {
    result = await runMain(['dates', '--today', '2026-12-01', '--province', '广东', '--level', '中级', '--ics', file]);
    text = readFileSync(file, 'utf8');
    events = eventsWithAlarms(text);
  });
  const summary = (e: (typeof events)[number]) => e.props.SUMMARY!.slice('SUMMARY:'.length);

  it('prints the number of events it wrote', async () => {
    expect(result.code).toBe(0);
    expect(result.err).toContain(`${events.length} `);
    expect(events.length).toBeGreaterThan(10);
  });

  it('no all-day event spans more than the long-span limit: long spans become a start and an end', async () => {
    for (const e of events.filter((x) => x.props.DTSTART?.includes('VALUE=DATE'))) {
      const day = (p: string) => Date.UTC(Number(p.slice(-8, -4)), Number(p.slice(-4, -2)) - 1, Number(p.slice(-2)));
      expect((day(e.props.DTEND!) - day(e.props.DTSTART!)) / 86_400_000, summary(e)).toBeLessThanOrEqual(46);
    }
    const uids = events.map((e) => e.props.UID);
    expect(uids).toContain('UID:2027-certificate-registration-end@shegong');
    expect(uids).not.toContain('UID:2027-certificate-registration@shegong');
  });

  it('window and deadline reminders fire at 09:00 the day before; papers a day and two hours before', async () => {
    const registration = events.find((e) => e.props.UID === 'UID:2027-registration@shegong')!;
    const [opens, closes] = registration.triggers.map((t) => fires(registration, t));
    const start = registration.props.DTSTART!.slice(-8);
    expect(opens).toBe(
      `${new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(4, 6)) - 1, Number(start.slice(6)) - 1)).toISOString().slice(0, 10)} 09:00`,
    );
    const end = registration.props.DTEND!.slice(-8); // exclusive: the day after the last day
    expect(closes).toBe(
      `${new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(4, 6)) - 1, Number(end.slice(6)) - 2)).toISOString().slice(0, 10)} 09:00`,
    );
    const paper = events.find((e) => e.props.UID === 'UID:2027-exam-law-policy@shegong')!;
    expect(paper.props.DTSTART).toBe('DTSTART;TZID=Asia/Shanghai:20270522T140000');
    expect(paper.triggers.map((t) => fires(paper, t))).toEqual(['2027-05-21 14:00', '2027-05-22 12:00']);
  });

  it('descriptions in the reader’s language; estimates marked （预估）', async () => {
    for (const e of events) expect(e.props.DESCRIPTION).not.toMatch(/pattern|notices|estimated|registration opens/);
    const estimated = events.filter((e) => summary(e).endsWith('（预估）'));
    expect(estimated.length).toBeGreaterThan(10);
    for (const e of estimated) expect(e.props.DESCRIPTION).toContain('尚无官方通知');
    expect(text).not.toContain('(≈)');
  });
});

describe('shegong dates', () => {
  it('2026-03-01: 2026 cycle only, registration is next', async () => {
    const report = JSON.parse(
      (await runMain(['dates', '--year', '2026', '--today', '2026-03-01', '--format', 'json'])).out,
    );
    expect(report).toMatchObject({ schema: 'shegong.dates/v1', year: 2026, today: '2026-03-01' });
    expect(report.nextYear).toBeUndefined();
    // Without a province the close is the conservative one (estimated), inside the published national window.
    const registration = report.events.find((e: { id: string }) => e.id === 'registration');
    expect(registration).toMatchObject({ start: '2026-03-09', daysFromToday: 8, estimated: true });
    expect(registration.end < '2026-03-30').toBe(true);
  });

  it('once registration has closed, the next (estimated) cycle comes first and drives the next action', async () => {
    const report = JSON.parse((await runMain(['dates', '--today', '2026-12-01', '--format', 'json'])).out);
    expect(report.year).toBe(2027);
    expect(report.previousYear).toBeUndefined();
    expect(
      report.events.every((e: { estimated: boolean; id: string }) => e.estimated || e.id === 'work-years-cutoff'),
    ).toBe(true);
    expect(report.nextDeadline.id).toBe('photo');
  });

  it('between registration and the exam, the running cycle is shown after the next one', async () => {
    const report = JSON.parse(
      (await runMain(['dates', '--today', '2026-03-26', '--province', '北京', '--format', 'json'])).out,
    );
    expect(report.year).toBe(2027);
    expect(report.previousYear.year).toBe(2026);
    // Beijing's payment window (3/27–3/30) opens after its registration closed: it is still the next action.
    expect(report.nextDeadline).toMatchObject({ id: 'payment', date: '2026-03-27' });
  });

  it('--rules can supply a year’s real dates, which are then not estimated', async () => {
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
    const report = JSON.parse(
      (await runMain(['dates', '--year', '2027', '--today', '2026-12-01', '--rules', file, '--format', 'json'])).out,
    );
    expect(report.events.find((e: { id: string }) => e.id === 'exam')).toMatchObject({
      start: '2027-05-29',
      estimated: false,
    });
    // The national window opens as published; without a province its close is the conservative one.
    const registration = report.events.find((e: { id: string }) => e.id === 'registration');
    expect(registration).toMatchObject({ start: '2027-03-15', estimated: true });
    expect(registration.end < '2027-04-02').toBe(true);
    const guangdong = JSON.parse(
      (
        await runMain([
          'dates',
          '--year',
          '2027',
          '--today',
          '2026-12-01',
          '--rules',
          file,
          '--province',
          '广东',
          '--format',
          'json',
        ])
      ).out,
    );
    expect(guangdong.events.find((e: { id: string }) => e.id === 'registration')).toMatchObject({
      start: '2027-03-15',
      end: registration.end,
    });
    writeFileSync(file, JSON.stringify({ calendar: { years: { '2027': { exam: { start: '2027-02-30' } } } } }));
    expect((await runMain(['dates', '--rules', file])).code).toBe(2);
  });

  it('text timeline marks estimates; a bad province is a usage error', async () => {
    const text = (await runMain(['dates', '--today', '2026-11-21'])).out;
    expect(text).toContain('（预估）');
    expect((await runMain(['dates', '--province', '火星'])).code).toBe(2);
  });
});
