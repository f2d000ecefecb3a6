/**
 * The terminal interview, asked on a page: `interview()` runs unchanged, with a prompter that
 * replays the answers the page has given so far and stops at the first question not yet
 * answered (or answered wrongly). The questions, their order, their validation and their words are
 * therefore the terminal's own; the page only draws them.
 */
import type { Answers } from '../../model/answers.js';
import type { Province } from '../../model/provinces.js';
import type { RawAnswers } from '../../answers/resolve-answers.js';
import type { Messages } from '../../i18n/messages.js';
import { interview } from '../interview.js';
import type { Choice, Prompter } from '../prompter.js';

/** One question as the page draws it. `default` is a choice's value, an input's text, or 'yes'/'no'. */
export interface PageQuestion {
  kind: 'select' | 'input' | 'confirm';
  message: string;
  choices?: Choice[];
  default?: string;
}

export type InterviewStep =
  | { done: false; index: number; question: PageQuestion; error?: string }
  | { done: true; answers: Answers };

/** Thrown by the replay prompter to stop the interview at the question the page must ask. */
class Ask {
  readonly index: number;
  readonly question: PageQuestion;
  readonly error: string | undefined;
  constructor(index: number, question: PageQuestion, error?: string) {
    this.index = index;
    this.question = question;
    this.error = error;
  }
}

function replayPrompter(given: readonly string[], invalid: string): Prompter {
  let index = 0;
  const next = (question: PageQuestion, accept: (value: string) => true | string): string => {
    const at = index;
    index += 1;
    const value = given[at];
    if (value === undefined) throw new Ask(at, question);
    const verdict = accept(value);
    if (verdict !== true) throw new Ask(at, question, verdict);
    return value;
  };
  return {
    async select({ message, choices, default: preset }) {
      const question: PageQuestion = {
        kind: 'select',
        message,
        choices,
        ...(preset !== undefined ? { default: preset } : {}),
      };
      return next(question, (value) => (choices.some((c) => c.value === value) ? true : invalid));
    },
    async input({ message, default: preset, validate }) {
      const question: PageQuestion = { kind: 'input', message, ...(preset !== undefined ? { default: preset } : {}) };
      // As at the terminal: an empty answer takes the offered default.
      const effective = (value: string) => (value === '' && preset !== undefined ? preset : value);
      return effective(next(question, (value) => validate(effective(value))));
    },
    async confirm({ message, default: preset }) {
      const question: PageQuestion = { kind: 'confirm', message, default: preset ? 'yes' : 'no' };
      return next(question, (value) => (value === 'yes' || value === 'no' ? true : invalid)) === 'yes';
    },
  };
}

/** The interview with the page's answers so far: the next question, or the complete answers. */
export async function interviewStep(input: {
  given: readonly string[];
  defaults: RawAnswers;
  provinces: readonly Province[];
  messages: Messages;
}): Promise<InterviewStep> {
  const prompter = replayPrompter(
    input.given.map((value) => value.trim()),
    input.messages.page.errorGeneric,
  );
  try {
    const answers = await interview({
      answers: {},
      defaults: input.defaults,
      provinces: [...input.provinces],
      messages: input.messages,
      prompter,
      askHukou: true,
    });
    return { done: true, answers };
  } catch (error) {
    if (!(error instanceof Ask)) throw error;
    return {
      done: false,
      index: error.index,
      question: error.question,
      ...(error.error !== undefined ? { error: error.error } : {}),
    };
  }
}
