/** One candidate's answers and checked files → the checklist report, rendered; the exit code says whether they are ready. */
import type { FileResult } from '../model/report.js';
import type { DocumentCase } from '../model/rules.js';
import type { Answers } from '../model/answers.js';
import { checklistReport } from './candidate-reports.js';
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
  const report = checklistReport(answers, context, files, educationCases);
  await emit(await renderAs('checklist', report, context), context.globals.output);
  noticeStaleData(context, answers.province);
  return report.ready ? EXIT.OK : EXIT.FINDINGS;
}
