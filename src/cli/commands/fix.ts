/** `shegong fix <file> --as <role> --output <file|dir>`: write a compliant copy, then check it. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../errors.js';
import { guessRole } from '../../files/guess-role.js';
import { fixToFile, resolveFixOutput } from '../../files/fix-to-file.js';
import { localizeFinding } from '../../report/build-report.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext } from '../load-context.js';
import { painterFor } from '../terminal.js';
import { emit } from '../write-output.js';
import { parseRole } from './files.js';

export async function runFix(file: string, flags: { as?: string; output: string; force?: boolean }, globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  const { messages, ruleSet } = context;
  const role = parseRole(flags.as, messages) ?? guessRole(path.basename(file));
  if (!role) throw new UserError('error.usage', {}, [messages.finding['file.role']?.message({ path: file }) ?? file, messages.finding['file.role']?.fix({}) ?? '']);
  const isDirectory = flags.output.endsWith('/') || flags.output.endsWith(path.sep) || Boolean((await stat(flags.output).catch(() => undefined))?.isDirectory());
  // issue 15: an existing file is replaced only with --force; the input never.
  const replace = flags.force ? 'always' : 'never';
  const output = await resolveFixOutput(file, flags.output, isDirectory, replace);
  const outcome = await fixToFile(file, role, output, ruleSet, replace);

  if (globals.format === 'json') {
    const body = outcome.ok
      ? { ok: true, input: file, role, output: { ...outcome, result: { ...outcome.result, findings: outcome.result.findings.map((f) => localizeFinding(messages, f)) } } }
      : { ok: false, input: file, role, reason: outcome.reason, message: messages.ui.cannotFix[outcome.reason] ?? outcome.reason };
    await emit(`${JSON.stringify({ schema: 'shegong.fix/v1', ...body }, null, 2)}\n`, undefined);
    return outcome.ok && outcome.result.status !== 'fail' ? EXIT.OK : EXIT.FINDINGS;
  }
  const painter = await painterFor(globals.colour);
  if (!outcome.ok) {
    process.stderr.write(`${painter.red('✗')} ${messages.ui.cannotFix[outcome.reason] ?? outcome.reason}\n`);
    return EXIT.FINDINGS;
  }
  const { renderFileLines } = await import('../../report/render-text.js');
  const lines = [
    painter.green(`✓ ${messages.ui.fixed(outcome.output, outcome.width, outcome.height, Math.round(outcome.bytes / 1024), outcome.quality, outcome.dpi)}`),
    ...(outcome.inWindow ? [] : [painter.yellow(messages.ui.fixedNotInWindow)]),
    messages.ui.recheck,
    ...renderFileLines({ ...outcome.result, findings: outcome.result.findings.map((f) => localizeFinding(messages, f)) }, { messages, painter, verbose: globals.verbose }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return outcome.result.status === 'fail' ? EXIT.FINDINGS : EXIT.OK;
}
