/** `shegong dates` as data: one or two exam cycles, localized, plus the next deadline. Pure. */
import type { Messages } from '../i18n/messages.js';
import type { Level } from '../model/answers.js';
import type { Calendar } from '../model/calendar.js';
import type { Province } from '../model/provinces.js';
import type { Lang, RuleSet } from '../model/rules.js';
import { buildEvents, examDates, upcomingExamYear } from '../dates/build-events.js';
import { timelineOrder } from '../dates/next-deadline.js';
import { renderIcs } from '../dates/render-ics.js';
import { deadlineLine, localizeEvent, nameContext, type DeadlineLine, type ReportEvent } from './localize.js';
import { type DataProvenance, dataProvenance } from './provenance.js';

export const DATES_SCHEMA = 'shegong.dates/v1';

export interface DatesReport {
  schema: typeof DATES_SCHEMA;
  lang: Lang;
  today: string;
  year: number;
  province?: string;
  level?: Level;
  events: ReportEvent[];
  /**
   * The cycle before `year`, while its exam is still ahead: registration for it has closed, but a
   * candidate who registered still pays, prints the ticket and sits the exam.
   */
  previousYear?: { year: number; events: ReportEvent[] };
  nextDeadline?: DeadlineLine;
  /** What the dates rest on: the data pack, overrides, published or estimated (docs/data-packs.md). */
  data?: DataProvenance;
}

export interface DatesInput {
  calendar: Calendar;
  ruleSet: RuleSet;
  provinces: readonly Province[];
  lang: Lang;
  messages: Messages;
  today: string;
  /** Pinned year; without it the first whose registration has not closed (the province's where known). */
  year?: number;
  province?: string;
  level?: Level;
}

export function buildDatesReport(input: DatesInput): DatesReport {
  const { calendar, ruleSet, messages, lang, today } = input;
  const names = nameContext(ruleSet, input.provinces, lang);
  const cycle = (year: number) => {
    const raw = buildEvents(calendar, ruleSet, {
      year,
      today,
      ...(input.province ? { province: input.province } : {}),
      ...(input.level ? { level: input.level } : {}),
      // Without a province the close shown is the conservative one, as in check and batch.
      deadlines: true,
    });
    return { raw, events: timelineOrder(raw).map((e) => localizeEvent(messages, e, names)) };
  };
  const year = input.year ?? upcomingExamYear(calendar, today, input.province);
  const current = cycle(year);
  const showPrevious = input.year === undefined && today <= examDates(calendar, year - 1).end;
  const previous = showPrevious ? cycle(year - 1) : undefined;
  // What a candidate acts on next: the running cycle's open windows first, then this year's.
  const deadline = deadlineLine(messages, [...(previous?.raw ?? []), ...current.raw]);
  const data = dataProvenance(ruleSet, year, [...(previous?.raw ?? []), ...current.raw], messages);
  return {
    schema: DATES_SCHEMA,
    lang,
    today,
    year,
    ...(input.province ? { province: input.province } : {}),
    ...(input.level ? { level: input.level } : {}),
    events: current.events,
    ...(previous ? { previousYear: { year: year - 1, events: previous.events } } : {}),
    ...(deadline ? { nextDeadline: deadline } : {}),
    ...(data ? { data } : {}),
  };
}

/**
 * The dates report as a phone calendar (`dates --ics` and the ui's download): the events not yet
 * passed, each described in the reader's language — what to do, the note, whether the date is
 * published (and by which notice) or estimated, and the data pack it came from.
 */
export function datesIcs(
  report: DatesReport,
  context: { messages: Messages; calendar: Calendar; paperTitle: (id: string) => string; today: string },
): string {
  const { messages } = context;
  const events = [...(report.previousYear?.events ?? []), ...report.events].filter((e) => e.timing !== 'passed');
  return renderIcs(
    events.map((event) => ({
      event,
      title: event.title,
      description: [
        messages.eventTodo[event.id],
        event.note,
        messages.data.dateStatus(event.estimated, event.source),
        report.data?.text ?? '',
      ]
        .filter(Boolean)
        .join('\n'),
      paperTitle: context.paperTitle,
    })),
    {
      stamp: `${context.today.replaceAll('-', '')}T000000Z`,
      calendarName: messages.ui.calendarName,
      reminders: context.calendar.pattern.reminders,
      estimatedMark: messages.ui.estimatedMark,
      spanStart: messages.ui.icsSpanStart,
      spanEnd: messages.ui.icsSpanEnd,
      today: context.today,
    },
  );
}
