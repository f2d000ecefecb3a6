/** One candidate's answers and checked files → the checklist report, rendered; the exit code says whether they are ready. */
import { assessCandidate } from '../assess/assess-candidate.js';
import type { FileResult } from '../model/report.js';
import type { DocumentCase } from '../model/rules.js';
import type { Answers } from '../model/answers.js';
import { buildReport } from '../report/build-report.js';
import { noticeStaleData } from './data-notice.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { CommandContext } from './load-context.js';
import { renderAs } from './render-registry.js';
import { emit } from './write-output.js';

export async function reportOn(
  answers: Answers,
  context: CommandContext,
  files: FileResult[] = [],
  educationCases: DocumentCase[] = [],
): Promise<ExitCode> {
  const { globals, messages, ruleSet, provinces, calendar } = context;
  const outcome = assessCandidate({
    answers,
    ruleSet,
    calendar,
    today: globals.today,
    files,
    educationCases,
    ...(globals.year ? { year: globals.year } : {}),
  });
  const report = buildReport(outcome, { lang: globals.lang, messages, ruleSet, provinces });
  await emit(await renderAs('checklist', report, context), globals.output);
  noticeStaleData(context, answers.province);
  return outcome.ready ? EXIT.OK : EXIT.FINDINGS;
}
