/**
 * An RFC 5545 calendar a phone imports: all-day events for windows and deadlines, exam papers as
 * timed events in Asia/Shanghai (with its VTIMEZONE, so the machine's zone never matters),
 * hour-based reminders, and stable UIDs so a re-import updates instead of duplicating. Pure.
 */
import type { Calendar, DateEvent } from '../model/calendar.js';
import { addDays, daysBetween } from './day.js';

/** What the calendar needs of an event (a DateEvent or its localized report form). */
export type IcsEvent = Pick<DateEvent, 'year' | 'start' | 'end' | 'estimated' | 'papers'> & { id: string };

export interface IcsEntry {
  event: IcsEvent;
  title: string;
  description: string;
  /** Paper names for the exam's timed events, by paper id. */
  paperTitle?: (id: string) => string;
}

export interface IcsOptions {
  /** Creation stamp, UTC, `YYYYMMDDTHHMMSSZ`. */
  stamp: string;
  calendarName: string;
  reminders: Calendar['pattern']['reminders'];
  /** Marks an estimated date in a title, in the reader's language (e.g. （预估）). */
  estimatedMark: string;
  /** Titles of the two one-day events a long span becomes. */
  spanStart: (title: string) => string;
  spanEnd: (title: string) => string;
  /** Days before this are not written (a long span whose start has passed keeps only its end). */
  today?: string;
}

const compact = (day: string) => day.replaceAll('-', '');
const escapeText = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/([,;])/g, '\\$1');

/** Fold lines longer than 75 octets (RFC 5545 §3.1), never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const SHANGHAI = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function alarm(trigger: string, text: string): string[] {
  return ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(text)}`, `TRIGGER${trigger}`, 'END:VALARM'];
}

/** A relative trigger as an RFC 5545 duration, e.g. -PT15H or -P1DT2H. */
function before(hours: number): string {
  if (hours < 0) return `PT${-hours}H`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `-P${days ? `${days}D` : ''}${rest || !days ? `T${rest}H` : ''}`;
}

export function renderIcs(entries: IcsEntry[], options: IcsOptions): string {
  const { reminders } = options;
  const mark = (text: string, estimated: boolean) => (estimated ? `${text}${options.estimatedMark}` : text);
  // An all-day event starts at 00:00 local time and its DTEND is the next midnight: a reminder at
  // atHour on the day before is (24 - atHour) hours before the start, and (24 + 24 - atHour) hours before the end.
  const beforeStart = reminders.daysBeforeStart * 24 - reminders.atHour;
  const beforeEnd = (reminders.daysBeforeEnd + 1) * 24 - reminders.atHour;
  const allDay = (uid: string, start: string, end: string, title: string, description: string, alarms: string[]) => [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${options.stamp}`,
    `DTSTART;VALUE=DATE:${compact(start)}`,
    // DTEND of an all-day event is exclusive: the day after the last day.
    `DTEND;VALUE=DATE:${compact(addDays(end, 1))}`,
    `SUMMARY:${escapeText(title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'TRANSP:TRANSPARENT',
    ...alarms,
    'END:VEVENT',
  ];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//shegong//exam calendar//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
    ...SHANGHAI,
  ];
  for (const { event, title, description, paperTitle } of entries) {
    const uid = `${event.year}-${event.id}@shegong`;
    const summary = mark(title, event.estimated);
    if (daysBetween(event.start, event.end) > reminders.longSpanDays) {
      // A months- or years-long span is two moments for a person, not a banner on every day.
      const startTitle = mark(options.spanStart(title), event.estimated);
      const endTitle = mark(options.spanEnd(title), event.estimated);
      if (!options.today || event.start >= options.today)
        lines.push(
          ...allDay(
            `${event.year}-${event.id}-start@shegong`,
            event.start,
            event.start,
            startTitle,
            description,
            alarm(`:${before(beforeStart)}`, startTitle),
          ),
        );
      lines.push(
        ...allDay(
          `${event.year}-${event.id}-end@shegong`,
          event.end,
          event.end,
          endTitle,
          description,
          alarm(`:${before(reminders.daysBeforeEnd * 24 - reminders.atHour)}`, endTitle),
        ),
      );
    } else {
      lines.push(
        ...allDay(uid, event.start, event.end, summary, description, [
          ...alarm(`:${before(beforeStart)}`, summary),
          ...(event.end !== event.start ? alarm(`;RELATED=END:${before(beforeEnd)}`, summary) : []),
        ]),
      );
    }
    for (const paper of event.papers ?? []) {
      const name = mark(paperTitle?.(paper.id) ?? paper.id, event.estimated);
      const at = (time: string) => `${compact(paper.date)}T${time.replace(':', '')}00`;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${event.year}-exam-${paper.id}@shegong`,
        `DTSTAMP:${options.stamp}`,
        `DTSTART;TZID=Asia/Shanghai:${at(paper.start)}`,
        `DTEND;TZID=Asia/Shanghai:${at(paper.end)}`,
        `SUMMARY:${escapeText(name)}`,
        `DESCRIPTION:${escapeText(description)}`,
        ...alarm(`:-P${reminders.beforePaperDays}D`, name),
        ...alarm(`:${before(reminders.beforePaperHours)}`, name),
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** How many events a calendar text holds: the number to tell the user. */
export const icsEventCount = (ics: string): number => (ics.match(/^BEGIN:VEVENT\r?$/gm) ?? []).length;
