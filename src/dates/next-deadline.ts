/** The nearest thing a candidate must act on: an open window's end, or the next window's start. */
import type { DateEvent, EventId } from '../model/calendar.js';

const ACTIONABLE: EventId[] = [
  'photo',
  'registration',
  'payment',
  'admission-ticket',
  'exam',
  'post-exam-review',
  'certificate-registration',
];

export interface NextDeadline {
  id: EventId;
  timing: 'upcoming' | 'open';
  /** The day that matters: the start of an upcoming window, the end of an open one. */
  date: string;
  days: number;
  estimated: boolean;
}

export function nextDeadline(events: DateEvent[]): NextDeadline | undefined {
  const candidates = events
    .filter((e) => ACTIONABLE.includes(e.id) && e.timing !== 'passed')
    .map((e) =>
      e.timing === 'open'
        ? { id: e.id, timing: 'open' as const, date: e.end, days: e.daysToEnd, estimated: e.estimated }
        : { id: e.id, timing: 'upcoming' as const, date: e.start, days: e.daysFromToday, estimated: e.estimated },
    );
  // Open windows close first in urgency; among the rest, the soonest date.
  return candidates.sort((a, b) => (a.timing === b.timing ? a.days - b.days : a.timing === 'open' ? -1 : 1))[0];
}

/** Order for a timeline: open now, then upcoming by date, then what has passed. */
export function timelineOrder(events: DateEvent[]): DateEvent[] {
  const rank = { open: 0, upcoming: 1, passed: 2 } as const;
  return [...events].sort(
    (a, b) => rank[a.timing] - rank[b.timing] || a.start.localeCompare(b.start) || a.end.localeCompare(b.end),
  );
}
