/** `shegong files <path...> [--as role]`: validate upload files only. */
import { stat } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { checkFiles, type FileInput } from '../../files-io/probe-and-check.js';
import { unknownRoleResult } from '../../files/guess-role.js';
import { localizeFinding } from '../../report/localize.js';
import { buildEvents, upcomingExamYear } from '../../dates/build-events.js';
import { withDocumentChecks, type DocumentContext } from '../../files/document-checks.js';
import type { UploadRole } from '../../model/rules.js';
import type { FileResult } from '../../model/report.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext, type CommandContext } from '../load-context.js';
import { materialsIn, parseRole } from '../inputs.js';
import type { FilesOptions } from '../options.js';
import { renderAs } from '../render-registry.js';
import { emit } from '../write-output.js';

/** Paths → file inputs: folders expand to the files they hold, by role from the names. */
export async function expandPaths(
  paths: string[],
  role: UploadRole | undefined,
): Promise<{ inputs: FileInput[]; unknown: FileResult[] }> {
  const inputs: FileInput[] = [];
  const unknown: FileResult[] = [];
  for (const item of paths) {
    const info = await stat(item).catch(() => undefined);
    // A path that does not exist is a typo to correct (exit 2), not a failed material.
    if (!info) throw new UserError('error.not-found', { file: item });
    if (info?.isDirectory() && !role) {
      const { found, unknown: strays } = await materialsIn(item, { everyFile: true });
      inputs.push(...found);
      unknown.push(...strays.map((stray) => unknownRoleResult(stray)));
    } else inputs.push({ path: item, ...(role ? { role } : {}) });
  }
  return { inputs, unknown };
}

/** Without answers, a report is checked against today and the national registration window. */
function documentContext({ calendar, ruleSet, globals }: CommandContext): DocumentContext {
  const year = globals.year ?? upcomingExamYear(calendar, globals.today);
  return { today: globals.today, events: buildEvents(calendar, ruleSet, { year, today: globals.today }) };
}

export async function runFiles(paths: string[], options: FilesOptions, globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  const { messages, ruleSet } = context;
  const role = parseRole(options.as, messages);
  const { inputs, unknown } = await expandPaths(paths, role);
  const results = [...(await checkFiles(inputs, ruleSet)), ...unknown].map((file) =>
    withDocumentChecks(file, documentContext(context), ruleSet),
  );
  const files = results.map((file) => ({ ...file, findings: file.findings.map((f) => localizeFinding(messages, f)) }));
  await emit(await renderAs('files', { files }, context), globals.output);
  return results.some((r) => r.status === 'fail') ? EXIT.FINDINGS : EXIT.OK;
}
