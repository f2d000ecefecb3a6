/**
 * The prompt library behind one small interface, so the interview can be driven by scripted
 * answers in tests. @inquirer/prompts is imported only when a real prompt is shown.
 */
import { CancelledError } from '../errors.js';

export interface Choice {
  value: string;
  name: string;
}

export interface Prompter {
  select(options: { message: string; choices: Choice[]; default?: string }): Promise<string>;
  input(options: { message: string; default?: string; validate: (value: string) => true | string }): Promise<string>;
  confirm(options: { message: string; default?: boolean }): Promise<boolean>;
}

const isExit = (error: unknown) => error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');

export function inquirerPrompter(): Prompter {
  const load = () => import('@inquirer/prompts');
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (isExit(error)) throw new CancelledError();
      throw error;
    }
  };
  return {
    select: (options) => guard(async () => (await load()).select({ ...options, pageSize: 12 })),
    input: (options) => guard(async () => (await load()).input(options)),
    confirm: (options) => guard(async () => (await load()).confirm(options)),
  };
}
