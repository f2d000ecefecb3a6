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

/** The few words the prompt library shows itself (key hints, yes/no, default). */
export interface PromptWords {
  yes: string;
  no: string;
  navigate: string;
  select: string;
  default: string;
}

const ENGLISH: PromptWords = { yes: 'Yes', no: 'No', navigate: 'navigate', select: 'select', default: 'default' };

const isExit = (error: unknown) =>
  error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');

export function inquirerPrompter(words: PromptWords = ENGLISH): Prompter {
  const load = () => import('@inquirer/prompts');
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (isExit(error)) throw new CancelledError();
      throw error;
    }
  };
  const hint: Record<string, string> = { navigate: words.navigate, select: words.select };
  const theme = {
    style: {
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([key, action]) => `${key} ${hint[action] ?? action}`).join(' · '),
      defaultAnswer: (text: string) => `（${words.default}：${text}）`,
    },
  };
  // On stderr: stdout may be the report going to a file or a pipe.
  const context = { output: process.stderr };
  return {
    select: (options) => guard(async () => (await load()).select({ ...options, pageSize: 12, theme }, context)),
    input: (options) => guard(async () => (await load()).input({ ...options, theme }, context)),
    // Yes/no as a two-item choice: arrow keys and Enter, nothing to type in a second language.
    confirm: (options) =>
      guard(async () => {
        const answer = await (await load()).select(
          {
            message: options.message,
            choices: [
              { value: 'yes', name: words.yes },
              { value: 'no', name: words.no },
            ],
            default: options.default === false ? 'no' : 'yes',
            theme,
          },
          context,
        );
        return answer === 'yes';
      }),
  };
}
