/**
 * Saved answers (conf), offered as defaults next time. Imported only by commands that need it.
 * Only the interview's answer keys are stored: never an ID number or a file path.
 *
 * A config fault never costs answers. A corrupt file reads as empty and is
 * never overwritten except by `profile reset` (which repairs it); wrongly typed values are dropped
 * on reading; a store that cannot be opened or written reports why instead of throwing.
 */
import path from 'node:path';
import { ANSWER_KEYS, type RawAnswers } from '../answers/resolve-answers.js';

/** Why the store could not be used as usual: `corrupt` (not JSON), or a system error code. */
export interface StoreProblem {
  kind: 'corrupt' | 'unreadable' | 'unwritable';
  code?: string;
}

export interface ProfileStore {
  read(): RawAnswers;
  /** Saves, or says why not (never throws). */
  save(answers: RawAnswers): StoreProblem | undefined;
  /** Empties the store; repairs a corrupt file. Throws a system error when the file cannot be written. */
  clear(): void;
  path: string;
  /** Set when the file was found corrupt or could not be opened. */
  problem?: StoreProblem;
}

/** Only answer keys, only strings (or lists of strings): `{"graduated": 201907}` is dropped, not a crash. */
function only(answers: unknown): RawAnswers {
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return {};
  const record = answers as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const key of ANSWER_KEYS) {
    const value = record[key];
    if (typeof value === 'string') kept[key] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) kept[key] = value;
  }
  return kept as RawAnswers;
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException)?.code ?? String((error as Error)?.name ?? error);

export async function openProfileStore(): Promise<ProfileStore> {
  const { default: Conf } = await import('conf');
  let corrupt = false;
  const options = {
    projectName: 'shegong',
    projectSuffix: '',
    // Tests and sandboxes point the store at a temporary folder.
    ...(process.env.SHEGONG_CONFIG_DIR ? { cwd: process.env.SHEGONG_CONFIG_DIR } : {}),
    // Not JSON: read as empty and remembered, so nothing is written over it by accident.
    deserialize: (text: string) => {
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
      } catch {
        // fall through
      }
      corrupt = true;
      return {};
    },
  };
  let conf: InstanceType<typeof Conf<{ answers?: RawAnswers }>>;
  try {
    conf = new Conf<{ answers?: RawAnswers }>(options);
  } catch (error) {
    // The folder cannot be made or read (a file in its place, no permission): answers live for this run only.
    const guess = process.env.SHEGONG_CONFIG_DIR
      ? path.join(process.env.SHEGONG_CONFIG_DIR, 'config.json')
      : 'config.json';
    const problem: StoreProblem = { kind: 'unreadable', code: codeOf(error) };
    return {
      read: () => ({}),
      save: () => problem,
      clear: () => {
        throw error;
      },
      path: guess,
      problem,
    };
  }
  const read = (): RawAnswers => {
    try {
      return only(conf.get('answers'));
    } catch {
      return {};
    }
  };
  const problem: StoreProblem | undefined = corrupt ? { kind: 'corrupt' } : undefined;
  return {
    read,
    save: (answers) => {
      if (corrupt) return { kind: 'corrupt' };
      try {
        conf.set('answers', only(answers));
        return undefined;
      } catch (error) {
        return { kind: 'unwritable', code: codeOf(error) };
      }
    },
    clear: () => {
      // conf.clear() writes an empty store atomically: a corrupt file is replaced, so repaired.
      conf.clear();
      corrupt = false;
    },
    path: conf.path,
    ...(problem ? { problem } : {}),
  };
}
