/** `shegong demo`: the checklist for a bundled sample candidate; no input needed. */
import { UserError } from '../../errors.js';
import { resolveAnswers, completeAnswers, type RawAnswers } from '../../answers/resolve-answers.js';
import { readJson } from '../../templates/read-json.js';
import { templatePath } from '../../templates/templates-dir.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext } from '../load-context.js';
import { fileInputs } from '../inputs.js';
import { reportOn } from '../report-on.js';

export async function runDemo(globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext({ ...globals, interactive: false });
  const sample = (await readJson(templatePath('demo', 'candidate.json'))) as { answers: RawAnswers };
  const answers = completeAnswers(resolveAnswers(sample.answers, context.provinces).answers);
  if (!answers) throw new UserError('error.rules-invalid', { file: 'templates/demo/candidate.json' });
  if (globals.format === 'text' && !globals.output) process.stderr.write(`${context.messages.ui.demoIntro}\n`);
  // Sample files ship inside the package: a good photo and ID card, and a work proof with problems.
  const { checkFiles } = await import('../../files-io/probe-and-check.js');
  const files = await checkFiles((await fileInputs({ files: templatePath('demo', 'files') })).inputs, context.ruleSet);
  await reportOn(answers, context, files);
  // The demo shows what the tool does; its sample's verdict is not a failure of the run.
  return EXIT.OK;
}
