/**
 * An RFC 5545 calendar a phone imports: all-day events for windows and deadlines, exam papers as
 * timed events in Asia/Shanghai (with its VTIMEZONE, so the machine's zone never matters),
 * hour-based reminders, and stable UIDs so a re-import updates instead of duplicating. Pure.
 */
import type { Calendar, DateEvent } from '../model/calendar.js';
import { addDays } from './day.js';

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
}

const compact = (day: string) => day.replaceAll('-', '');
const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/([,;])/g, '\\$1');

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

const SHANGHAI = ['BEGIN:VTIMEZONE', 'TZID:Asia/Shanghai', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'TZNAME:CST', 'END:STANDARD', 'END:VTIMEZONE'];

function alarm(trigger: string, text: string): string[] {
  return ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(text)}`, `TRIGGER${trigger}`, 'END:VALARM'];
}

export function renderIcs(entries: IcsEntry[], options: IcsOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//shegong//exam calendar//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(options.calendarName)}`, 'X-WR-TIMEZONE:Asia/Shanghai', ...SHANGHAI];
  for (const { event, title, description, paperTitle } of entries) {
    const uid = `${event.year}-${event.id}@shegong`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${options.stamp}`,
      `DTSTART;VALUE=DATE:${compact(event.start)}`,
      // DTEND of an all-day event is exclusive: the day after the last day.
      `DTEND;VALUE=DATE:${compact(addDays(event.end, 1))}`,
      `SUMMARY:${escapeText(event.estimated ? `${title} (≈)` : title)}`,
      `DESCRIPTION:${escapeText(description)}`,
      'TRANSP:TRANSPARENT',
      ...alarm(`:-PT${options.reminders.beforeStartHours}H`, title),
      ...(event.end !== event.start ? alarm(`;RELATED=END:-PT${options.reminders.beforeEndHours}H`, title) : []),
      'END:VEVENT',
    );
    for (const paper of event.papers ?? []) {
      const name = paperTitle?.(paper.id) ?? paper.id;
      const at = (time: string) => `${compact(paper.date)}T${time.replace(':', '')}00`;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${event.year}-exam-${paper.id}@shegong`,
        `DTSTAMP:${options.stamp}`,
        `DTSTART;TZID=Asia/Shanghai:${at(paper.start)}`,
        `DTEND;TZID=Asia/Shanghai:${at(paper.end)}`,
        `SUMMARY:${escapeText(event.estimated ? `${name} (≈)` : name)}`,
        `DESCRIPTION:${escapeText(description)}`,
        ...alarm(`:-PT${options.reminders.beforePaperHours}H`, name),
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
