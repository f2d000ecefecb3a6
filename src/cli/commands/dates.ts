/** `shegong dates`: the exam cycle's key dates with countdowns; --ics exports a calendar. */
import path from 'node:path';
import { resolveAnswers } from '../../answers/resolve-answers.js';
import { icsEventCount, renderIcs } from '../../dates/render-ics.js';
import { problemText } from '../../i18n/messages.js';
import { UserError } from '../../errors.js';
import { nameContext } from '../../report/localize.js';
import { buildDatesReport } from '../../report/dates-report.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext } from '../load-context.js';
import { painterFor, terminalWidth } from '../terminal.js';
import { emit, writeAtomic } from '../write-output.js';

export interface DatesFlags {
  province?: string;
  level?: string;
  ics?: string;
}

export async function runDates(flags: DatesFlags, globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  const { messages, provinces, ruleSet, calendar } = context;
  let raw = { province: flags.province, level: flags.level };
  if (!raw.province && !raw.level && globals.interactive) {
    // A candidate who did the interview sees their own province and level.
    const { openProfileStore } = await import('../profile-store.js');
    const saved = (await openProfileStore()).read();
    raw = { province: saved.province, level: saved.level };
  }
  const { answers, problems } = resolveAnswers(raw, provinces);
  if (problems.length)
    throw new UserError(
      'error.usage',
      {},
      problems.map((p) => problemText(messages, p.problem.key, p.problem.args)),
    );

  const report = buildDatesReport({
    calendar,
    ruleSet,
    provinces,
    lang: globals.lang,
    messages,
    today: globals.today,
    ...(globals.year ? { year: globals.year } : {}),
    ...(answers.province ? { province: answers.province } : {}),
    ...(answers.level ? { level: answers.level } : {}),
  });
  const names = nameContext(ruleSet, provinces, globals.lang);
  const provinceName = answers.province ? names.province(answers.province) : undefined;

  if (flags.ics) {
    const events = [...(report.previousYear?.events ?? []), ...report.events].filter((e) => e.timing !== 'passed');
    const ics = renderIcs(
      events.map((event) => ({
        event,
        title: event.title,
        // In the reader's language: what to do, the note, and the estimate legend (the English
        // source notes stay in `shegong rules` and --verbose).
        description: [
          messages.eventTodo[event.id],
          event.note,
          event.estimated ? messages.ui.estimatedLegend : '',
          globals.verbose ? `${messages.ui.source}${messages.ui.colon}${event.source}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
        paperTitle: names.paper,
      })),
      {
        stamp: `${globals.today.replaceAll('-', '')}T000000Z`,
        calendarName: messages.ui.calendarName,
        reminders: calendar.pattern.reminders,
        estimatedMark: messages.ui.estimatedMark,
        spanStart: messages.ui.icsSpanStart,
        spanEnd: messages.ui.icsSpanEnd,
        today: globals.today,
      },
    );
    await writeAtomic(flags.ics, ics);
    // The count is read back from what was written, so the message and the file always agree.
    process.stderr.write(`${messages.ui.icsWritten(path.resolve(flags.ics), icsEventCount(ics))}\n`);
  }

  let content: string;
  if (globals.format === 'json') content = `${JSON.stringify(report, null, 2)}\n`;
  else {
    const { renderDatesText, renderDatesMarkdown } = await import('../../report/render-dates.js');
    content =
      globals.format === 'md'
        ? renderDatesMarkdown(report, { messages, ...(provinceName ? { provinceName } : {}) })
        : renderDatesText(report, {
            messages,
            painter: await painterFor(globals.colour),
            verbose: globals.verbose,
            paperName: names.paper,
            ...(provinceName ? { provinceName } : {}),
            ...(terminalWidth(globals.output) ? { width: terminalWidth(globals.output)! } : {}),
          });
  }
  await emit(content, globals.output);
  return EXIT.OK;
}
