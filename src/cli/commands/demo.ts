/** `shegong demo`: the checklist for a bundled sample candidate; no input needed. */
import path from 'node:path';
import { UserError } from '../../errors.js';
import { problemText } from '../../i18n/messages.js';
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
  const [{ checkFiles }, { sharpLoads }] = await Promise.all([
    import('../../files-io/probe-and-check.js'),
    import('../../files-io/load-sharp.js'),
  ]);
  const inputs = (await fileInputs({ files: templatePath('demo', 'files') })).inputs;
  // Without sharp (an install with --omit=optional) the demo still shows eligibility, dates and
  // the checklist, and says which sample files it did not check and what to install.
  const canDecode = sharpLoads();
  if (!canDecode) {
    const names = inputs.map((input) => path.basename(input.path)).join('、');
    process.stderr.write(
      `${context.messages.ui.demoFilesSkipped(names)}\n${problemText(context.messages, 'error.sharp-missing', {})}\n`,
    );
  }
  const files = canDecode ? await checkFiles(inputs, context.ruleSet) : [];
  await reportOn(answers, context, files);
  // The demo shows what the tool does; its sample's verdict is not a failure of the run.
  return EXIT.OK;
}
