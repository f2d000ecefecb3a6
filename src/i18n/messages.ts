/** Pick the message catalogue for a language. Both are small and load together. */
import type { Lang } from '../model/rules.js';
import { en } from './en.js';
import type { Messages } from './catalogue.js';
import { zhCN } from './zh-CN.js';

export type { Messages, NameContext } from './catalogue.js';

export const messagesFor = (lang: Lang): Messages => (lang === 'en' ? en : zhCN);

/** Words for a parse problem or a user error key. */
export function problemText(messages: Messages, key: string, args: Record<string, string> = {}): string {
  const problem = messages.problem[key];
  if (problem) return problem(args);
  const error = messages.error[key];
  if (typeof error === 'function') return error(args);
  if (typeof error === 'string') return error;
  return key;
}

/**
 * The catalogue with the interview's wording of the advice that would name a flag: after the
 * questions (in a terminal or on the local page), advice names no flag the user never typed.
 */
export function interviewWorded(messages: Messages): Messages {
  const finding = { ...messages.finding };
  for (const [id, fix] of Object.entries(messages.ui.interviewFix)) {
    const words = finding[id];
    if (words) finding[id] = { ...words, fix };
  }
  return { ...messages, finding };
}
