/**
 * Ids and dates → words, one finding, event or deadline at a time: the localisers every report
 * (check, dates, files, fix, batch) shares. Pure.
 */
import type { Messages, NameContext } from '../i18n/messages.js';
import type { DateEvent } from '../model/calendar.js';
import type { Finding, Severity, Values } from '../model/finding.js';
import type { Province } from '../model/provinces.js';
import type { Lang, RuleSet } from '../model/rules.js';
import { nextDeadline } from '../dates/next-deadline.js';
import { ruleValue } from '../rules/rule-access.js';

export interface ReportFinding {
  id: string;
  severity: Severity;
  message: string;
  measured?: Values;
  expected?: Values;
  fix: string;
}

/** An event as reported: the model's event with its title and note in words (the basis stays behind). */
export type ReportEvent = Omit<DateEvent, 'basis' | 'derived'> & { title: string; note: string };

export interface DeadlineLine {
  id: string;
  text: string;
  date: string;
  days: number;
  estimated: boolean;
}

export function nameContext(ruleSet: RuleSet, provinces: readonly Province[], lang: Lang): NameContext {
  const papers = Object.values(ruleValue(ruleSet, 'papers')).flat();
  return {
    paper: (id) => papers.find((p) => p.id === id)?.name[lang] ?? id,
    province: provinceNamer(provinces, lang),
  };
}

/** A province id → its name in the language (the id itself when the list does not know it). */
export const provinceNamer =
  (provinces: readonly Province[], lang: Lang) =>
  (id: string): string =>
    provinces.find((p) => p.id === id)?.[lang === 'en' ? 'en' : 'zh'] ?? id;

export function localizeFinding(messages: Messages, finding: Finding): ReportFinding {
  const words = messages.finding[finding.id];
  const args = finding.args ?? {};
  return {
    id: finding.id,
    severity: finding.severity,
    message: words ? words.message(args) : finding.id,
    ...(finding.measured ? { measured: finding.measured } : {}),
    ...(finding.expected ? { expected: finding.expected } : {}),
    fix: words ? words.fix(args) : '',
  };
}

export function localizeEvent(messages: Messages, event: DateEvent, names: NameContext): ReportEvent {
  const note =
    event.basis.kind === 'conservative'
      ? messages.eventNote.conservative(
          event.basis.from ?? '',
          messages.ui.enumerate((event.basis.earliest ?? []).map(names.province)),
          event.basis.province !== undefined,
          event.basis.national ? messages.eventNote.span(event.basis.national.start, event.basis.national.end) : '',
        )
      : event.basis.kind === 'estimated'
        ? messages.eventNote.estimated(event.basis.from ?? '')
        : event.basis.kind === 'province'
          ? messages.eventNote.province(names.province(event.basis.province ?? ''), event.basis.city)
          : event.basis.kind === 'rule'
            ? messages.eventNote.rule
            : messages.eventNote.published;
  return {
    id: event.id,
    title: messages.labels.event[event.id] ?? event.id,
    year: event.year,
    start: event.start,
    end: event.end,
    estimated: event.estimated,
    source: event.derived ? messages.eventSource[event.derived.kind](event.source, event.derived, names) : event.source,
    daysFromToday: event.daysFromToday,
    daysToEnd: event.daysToEnd,
    timing: event.timing,
    note,
    ...(event.papers ? { papers: event.papers } : {}),
  };
}

export function deadlineLine(messages: Messages, events: DateEvent[]): DeadlineLine | undefined {
  const next = nextDeadline(events);
  if (!next) return undefined;
  const title = messages.labels.event[next.id] ?? next.id;
  const text =
    next.timing === 'open'
      ? messages.ui.deadlineOpen(title, next.date, next.days)
      : messages.ui.deadlineUpcoming(title, next.date, next.days);
  return {
    id: next.id,
    text: next.estimated ? `${text}${messages.ui.estimatedMark}` : text,
    date: next.date,
    days: next.days,
    estimated: next.estimated,
  };
}
