/** `shegong profile show|edit|reset|path`: the answers saved by the interview (never an ID number). */
import { messagesFor } from '../../i18n/messages.js';
import { loadProvinces } from '../../rules/load-rule-set.js';
import { answerRows } from '../../report/answer-rows.js';
import { provinceNamer } from '../../report/localize.js';
import { UserError } from '../../errors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import type { ProfileAction } from '../options.js';
import { openProfileStore } from '../profile-store.js';
import { type RenderContext, renderAs } from '../render-registry.js';
import { emit } from '../write-output.js';

export async function runProfile(action: ProfileAction, globals: GlobalOptions): Promise<ExitCode> {
  const messages = messagesFor(globals.lang);
  const store = await openProfileStore();
  const context: RenderContext = { globals, messages, provinces: [] };
  if (action === 'path') {
    await emit(await renderAs('profile', { action, path: store.path }, context), globals.output);
    return EXIT.OK;
  }
  if (action === 'reset') {
    // Repairs a damaged file too; a store that cannot be written is a sentence.
    try {
      store.clear();
    } catch (error) {
      throw new UserError('error.output', { file: store.path, reason: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    }
    // In text, a sentence on stderr: the report (stdout) stays empty.
    if (globals.format === 'text') process.stderr.write(`${messages.ui.profileReset}\n`);
    else await emit(await renderAs('profile', { action, path: store.path }, context), globals.output);
    return EXIT.OK;
  }
  if (action === 'edit') {
    // The interview again, with every saved answer as the default (Enter keeps it).
    if (!globals.interactive) throw new UserError('error.needs-terminal', { command: 'shegong profile edit' });
    const { loadContext } = await import('../load-context.js');
    const { gatherAnswers } = await import('./check.js');
    await gatherAnswers({}, await loadContext(globals), { edit: true });
    process.stderr.write(`${messages.ui.profileEdited}\n`);
  }
  if (store.problem?.kind === 'corrupt') process.stderr.write(`${messages.ui.profileCorrupt(store.path)}\n`);
  else if (store.problem)
    process.stderr.write(`${messages.ui.profileUnreadable(store.path, store.problem.code ?? '')}\n`);
  const answers = store.read();
  let rows: string[][] = [];
  if (globals.format === 'text' && Object.keys(answers).length > 0) {
    const provinces = await loadProvinces();
    const names = { province: provinceNamer(provinces, globals.lang) };
    rows = answerRows(answers as Record<string, string | string[]>, messages, names);
  }
  await emit(await renderAs('profile', { action: 'show', path: store.path, answers, rows }, context), globals.output);
  return EXIT.OK;
}
