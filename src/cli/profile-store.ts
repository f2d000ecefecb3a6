/**
 * Saved answers (conf), offered as defaults next time. Imported only by commands that need it.
 * Only the interview's answer keys are stored: never an ID number or a file path.
 */
import { ANSWER_KEYS, type RawAnswers } from '../answers/resolve-answers.js';

export interface ProfileStore {
  read(): RawAnswers;
  save(answers: RawAnswers): void;
  clear(): void;
  path: string;
}

export async function openProfileStore(): Promise<ProfileStore> {
  const { default: Conf } = await import('conf');
  const conf = new Conf<{ answers?: RawAnswers }>({
    projectName: 'shegong',
    projectSuffix: '',
    // Tests and sandboxes point the store at a temporary folder.
    ...(process.env.SHEGONG_CONFIG_DIR ? { cwd: process.env.SHEGONG_CONFIG_DIR } : {}),
  });
  const only = (answers: RawAnswers): RawAnswers =>
    Object.fromEntries(ANSWER_KEYS.filter((k) => answers[k] !== undefined).map((k) => [k, answers[k]])) as RawAnswers;
  return {
    read: () => only(conf.get('answers') ?? {}),
    save: (answers) => conf.set('answers', only(answers)),
    clear: () => conf.clear(),
    path: conf.path,
  };
}
