/**
 * What one candidate is shown, built from the loaded context: the checklist report for their
 * answers and checked files, and the exam's dates for their province and level. The check, demo and
 * dates commands and the local page build them here, so the page shows what the commands print.
 */
import { assessCandidate } from '../assess/assess-candidate.js';
import type { Answers, Level } from '../model/answers.js';
import type { FileResult } from '../model/report.js';
import type { DocumentCase } from '../model/rules.js';
import { buildReport } from '../report/build-report.js';
import { buildDatesReport, datesIcs } from '../report/dates-report.js';
import { nameContext } from '../report/localize.js';
import type { GlobalOptions } from './global-options.js';
import type { CommandContext } from './load-context.js';

/** The day the run judges on (--today) and the exam year it is pinned to (--year), when it is. */
const when = (globals: GlobalOptions) => ({ today: globals.today, ...(globals.year ? { year: globals.year } : {}) });

/** The verdict and checklist for complete answers and the verdicts of their files (the report's `ready` is the outcome's). */
export function checklistReport(
  answers: Answers,
  context: CommandContext,
  files: FileResult[] = [],
  educationCases: DocumentCase[] = [],
) {
  const { globals, messages, ruleSet, provinces, calendar } = context;
  const outcome = assessCandidate({ answers, ruleSet, calendar, files, educationCases, ...when(globals) });
  return buildReport(outcome, { lang: globals.lang, messages, ruleSet, provinces });
}

/**
 * The dates for a province and level (either may be unknown), the names they are shown under, and
 * the calendar file of the dates still to come (built only when asked for).
 */
export function datesFor(context: CommandContext, who: { province?: string | undefined; level?: Level | undefined }) {
  const { globals, messages, ruleSet, provinces, calendar } = context;
  const report = buildDatesReport({
    calendar,
    ruleSet,
    provinces,
    lang: globals.lang,
    messages,
    ...when(globals),
    ...(who.province ? { province: who.province } : {}),
    ...(who.level ? { level: who.level } : {}),
  });
  const names = nameContext(ruleSet, provinces, globals.lang);
  const ics = () => datesIcs(report, { messages, calendar, paperTitle: names.paper, today: globals.today });
  return { report, names, ics };
}
