/**
 * The report's online-verification validity must last through the registration window and, where
 * the province holds a post-exam review, through that review (学信网 extends it at most `maxDays`
 * ahead, so the finding says from when extending is possible).
 */
import type { DateEvent } from '../../model/calendar.js';
import { addDays, addMonths, daysBetween } from '../../dates/day.js';
import { ruleValue } from '../../rules/rule-access.js';
import { documentCheck, kindOf } from './check.js';

/** The last day a report must still verify online, and why: the latest window not yet over. */
export function validityNeeded(
  events: DateEvent[],
): { date: string; window: 'registration' | 'review'; estimated: boolean } | null {
  const windows = (['registration', 'post-exam-review'] as const)
    .map((id) => events.find((e) => e.id === id))
    .filter((e): e is DateEvent => e !== undefined && e.timing !== 'passed');
  const last = windows.sort((a, b) => a.end.localeCompare(b.end)).at(-1);
  return last
    ? { date: last.end, window: last.id === 'registration' ? 'registration' : 'review', estimated: last.estimated }
    : null;
}

/** YYYY-MM (a report that gives only the month) → its last day. */
const lastDay = (date: string) => (date.length === 7 ? addDays(addMonths(`${date}-01`, 1), -1) : date);

export const documentValidity = documentCheck({
  name: 'document-validity',
  ids: ['document.validity', 'document.expired', 'document.expires-before-review'],
  rules: ['document.kinds', 'document.validity'],
  severity: {
    fixed: ['warning'],
    why: 'an unread validity date, or an expired report once every window it must cover is over, blocks nothing',
    alsoRule: true,
  },
  applies: (document, _context, ruleSet) => kindOf(document, ruleSet)?.validity === true,
  run: (document, context, ruleSet) => {
    const kind = kindOf(document, ruleSet)!;
    const validity = ruleValue(ruleSet, 'document.validity');
    const needed = validityNeeded(context.events);
    if (!document.validUntil)
      return [
        {
          id: 'document.validity',
          severity: 'warning',
          measured: { validUntil: null },
          expected: { validThrough: needed?.date ?? null },
          args: { kind: kind.id, needed: needed?.date ?? '' },
        },
      ];
    const until = lastDay(document.validUntil);
    // How far to extend, and from when that is possible (学信网 allows at most maxDays ahead).
    const extend = needed
      ? {
          extendTo: needed.date,
          window: needed.window,
          estimated: needed.estimated,
          maxDays: validity.maxDays,
          extendFrom:
            daysBetween(context.today, needed.date) > validity.maxDays ? addDays(needed.date, -validity.maxDays) : '',
        }
      : { extendTo: '', window: '', estimated: false, maxDays: validity.maxDays, extendFrom: '' };
    if (until < context.today)
      return [
        {
          id: 'document.expired',
          // Once every window it must cover is over, an expired report no longer blocks anything.
          severity: needed ? validity.severity : 'warning',
          measured: { validUntil: until, daysAgo: daysBetween(until, context.today) },
          expected: { validThrough: needed?.date ?? context.today },
          args: { kind: kind.id, validUntil: until, days: daysBetween(until, context.today), ...extend },
        },
      ];
    if (needed && until < needed.date)
      return [
        {
          id: 'document.expires-before-review',
          severity: validity.severity,
          measured: { validUntil: until },
          expected: { validThrough: needed.date, window: needed.window },
          args: { kind: kind.id, validUntil: until, short: daysBetween(until, needed.date), ...extend },
        },
      ];
    return [];
  },
});
