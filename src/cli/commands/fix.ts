/** `shegong fix <file> [--as role] [--output file|dir] [--force]`: write a compliant copy, then check it. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../errors.js';
import { guessRole } from '../../files/guess-role.js';
import { fixToFile, resolveFixOutput } from '../../files-io/fix-to-file.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext } from '../load-context.js';
import { freeName, parseRole } from '../inputs.js';
import type { FixOptions } from '../options.js';
import { renderAs } from '../render-registry.js';
import { painterFor, terminalWidth } from '../terminal.js';
import { wrapText } from '../../text/table.js';
import { emit } from '../write-output.js';
import { fixNotes } from '../fix-notes.js';

export async function runFix(file: string, flags: FixOptions, globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  const { messages, ruleSet } = context;
  // A typo in the path is a usage error that names the path (exit 2), not a failed material.
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error)
    throw new UserError(info.code === 'ENOENT' || info.code === 'ENOTDIR' ? 'error.not-found' : 'error.unreadable', {
      file,
      reason: info.code ?? '',
    });
  if (info.isDirectory()) throw new UserError('error.is-folder', { file });
  const role = parseRole(flags.as, messages) ?? guessRole(path.basename(file));
  if (!role) throw new UserError('error.role-unknown', { file });
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  // Without --output the copy goes beside the original, as check --fix does.
  const named = flags.output ?? path.join(path.dirname(file), `${base}.fixed.jpg`);
  const isDirectory =
    named.endsWith('/') ||
    named.endsWith(path.sep) ||
    Boolean((await stat(named).catch(() => undefined))?.isDirectory());
  // An existing file is replaced only with --force (otherwise a numbered name); the input never.
  const replace = flags.force ? 'always' : 'never';
  // The named target is judged (never the input, never a device or FIFO); an existing file there
  // is replaced with --force, else the copy takes a free numbered name, written without replacing.
  const wanted = await resolveFixOutput(file, named, isDirectory, 'always');
  const output = flags.force ? wanted : await freeName(wanted);
  const width = terminalWidth(undefined, process.stderr);
  if (output !== wanted)
    process.stderr.write(`${wrapText(messages.ui.fixRenamed(wanted, path.basename(output)), width)}\n`);
  const outcome = await fixToFile(file, role, output, ruleSet, { replace });

  // A copy that could not be made is said on stderr in text (stdout stays for the checked copy).
  if (!outcome.ok && globals.format === 'text') {
    const painter = await painterFor(globals.color);
    process.stderr.write(
      `${painter.red('✗')} ${file}${messages.ui.colon}${messages.ui.cannotFix[outcome.reason] ?? outcome.reason}\n`,
    );
    for (const line of fixNotes(outcome, messages, (text) => text)) process.stderr.write(`${line}\n`);
    return EXIT.FINDINGS;
  }
  await emit(await renderAs('fix', { input: file, role, outcome }, context), undefined);
  return outcome.ok && outcome.result.status !== 'fail' ? EXIT.OK : EXIT.FINDINGS;
}
