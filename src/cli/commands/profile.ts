/** `shegong profile show|reset|path`: the answers saved by the interview (never an ID number). */
import { ANSWER_KEYS } from '../../answers/resolve-answers.js';
import { UserError } from '../../errors.js';
import { messagesFor } from '../../i18n/messages.js';
import { renderTable } from '../../text/table.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { openProfileStore } from '../profile-store.js';
import { emit } from '../write-output.js';

export async function runProfile(action: 'show' | 'reset' | 'path', globals: GlobalOptions): Promise<ExitCode> {
  const messages = messagesFor(globals.lang);
  const store = await openProfileStore();
  const json = globals.format === 'json';
  if (action === 'path') {
    await emit(json ? `${JSON.stringify({ schema: 'shegong.profile/v1', path: store.path })}\n` : `${store.path}\n`, globals.output);
  } else if (action === 'reset') {
    // Repairs a damaged file too (issue 15, F22); a store that cannot be written is a sentence.
    try {
      store.clear();
    } catch (error) {
      throw new UserError('error.output', { file: store.path, reason: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    }
    if (json) await emit(`${JSON.stringify({ schema: 'shegong.profile/v1', path: store.path, reset: true })}\n`, globals.output);
    else process.stderr.write(`${messages.ui.profileReset}\n`);
  } else {
    if (store.problem?.kind === 'corrupt') process.stderr.write(`${messages.ui.profileCorrupt(store.path)}\n`);
    else if (store.problem) process.stderr.write(`${messages.ui.profileUnreadable(store.path, store.problem.code ?? '')}\n`);
    const answers = store.read();
    if (globals.format === 'json') {
      await emit(`${JSON.stringify({ schema: 'shegong.profile/v1', path: store.path, answers }, null, 2)}\n`, globals.output);
    } else if (Object.keys(answers).length === 0) {
      await emit(`${messages.ui.profileEmpty}\n`, globals.output);
    } else {
      const rows = ANSWER_KEYS.filter((k) => answers[k] !== undefined).map((k) => {
        const v = answers[k];
        return [k, Array.isArray(v) ? v.join(', ') : String(v)];
      });
      await emit(`${renderTable(rows).join('\n')}\n`, globals.output);
    }
  }
  return EXIT.OK;
}
