/** `shegong files <path...> [--as role]`: validate upload files only. */
import { stat } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { checkFiles, filesInFolder, unknownRoleResult, type FileInput } from '../../files/check-files.js';
import { localizeFinding } from '../../report/localize.js';
import { buildEvents, upcomingExamYear } from '../../dates/build-events.js';
import { withDocumentChecks, type DocumentContext } from '../../files/document-checks.js';
import { UPLOAD_ROLES, type UploadRole } from '../../model/rules.js';
import { guessRole } from '../../files/guess-role.js';
import { en } from '../../i18n/en.js';
import type { FileResult } from '../../model/report.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext, type CommandContext } from '../load-context.js';
import { painterFor, terminalWidth } from '../terminal.js';
import { emit } from '../write-output.js';

/** `--as photo`, `--as 照片`, `--as 身份证正面`, `--as PHOTO`: a role in either language (issue 12). */
export function parseRole(raw: string | undefined, messages: CommandContext['messages']): UploadRole | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim().toLowerCase().replace(/_/g, '-');
  if ((UPLOAD_ROLES as readonly string[]).includes(value)) return value as UploadRole;
  const named = UPLOAD_ROLES.find((role) =>
    [messages.labels.role[role], en.labels.role[role]].some((label) => label?.toLowerCase() === value),
  );
  const role = named ?? (value ? guessRole(value) : undefined);
  if (role) return role;
  throw new UserError('error.role', {
    value: raw,
    roles: UPLOAD_ROLES.map((r) => `${r}（${messages.labels.role[r]}）`).join('、'),
  });
}

/** Paths → file inputs: folders expand to the files they hold, by role from the names. */
export async function expandPaths(
  paths: string[],
  role: UploadRole | undefined,
): Promise<{ inputs: FileInput[]; unknown: FileResult[] }> {
  const inputs: FileInput[] = [];
  const unknown: FileResult[] = [];
  for (const item of paths) {
    const info = await stat(item).catch(() => undefined);
    // A path that does not exist is a typo to correct (exit 2), not a failed material (issue 12).
    if (!info) throw new UserError('error.not-found', { file: item });
    if (info?.isDirectory() && !role) {
      const { found, unknown: strays } = await filesInFolder(item);
      inputs.push(...found);
      unknown.push(...strays.map(unknownRoleResult));
    } else inputs.push({ path: item, ...(role ? { role } : {}) });
  }
  return { inputs, unknown };
}

/** issue 13: without answers, a report is checked against today and the national registration window. */
function documentContext({ calendar, ruleSet, globals }: CommandContext): DocumentContext {
  const year = globals.year ?? upcomingExamYear(calendar, globals.today);
  return { today: globals.today, events: buildEvents(calendar, ruleSet, { year, today: globals.today }) };
}

export async function runFiles(paths: string[], flags: { as?: string }, globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  const { messages, ruleSet } = context;
  const role = parseRole(flags.as, messages);
  const { inputs, unknown } = await expandPaths(paths, role);
  const results = [...(await checkFiles(inputs, ruleSet)), ...unknown].map((file) =>
    withDocumentChecks(file, documentContext(context), ruleSet),
  );
  const files = results.map((file) => ({ ...file, findings: file.findings.map((f) => localizeFinding(messages, f)) }));
  if (globals.format === 'json') {
    await emit(`${JSON.stringify({ schema: 'shegong.files/v1', files }, null, 2)}\n`, globals.output);
  } else {
    const { renderFilesText } = await import('../../report/render-files.js');
    const width = terminalWidth(globals.output);
    await emit(
      renderFilesText(files, {
        messages,
        painter: await painterFor(globals.colour),
        verbose: globals.verbose,
        ...(width ? { width } : {}),
      }),
      globals.output,
    );
  }
  return results.some((r) => r.status === 'fail') ? EXIT.FINDINGS : EXIT.OK;
}
