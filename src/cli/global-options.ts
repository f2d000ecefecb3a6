/** Global flags → resolved options. Reads the environment and the clock: shell only. */
import { UserError } from '../errors.js';
import { dayInShanghai, isValidDay } from '../dates/day.js';
import { LANGS, type Lang } from '../model/rules.js';

export const FORMATS = ['text', 'json', 'md', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RawGlobalOptions {
  format?: string;
  output?: string;
  lang?: string;
  year?: string;
  today?: string;
  rules?: string[];
  input?: boolean;
  verbose?: boolean;
  color?: boolean;
}

export interface GlobalOptions {
  format: Format;
  output?: string;
  lang: Lang;
  year?: number;
  today: string;
  rules: string[];
  interactive: boolean;
  verbose: boolean;
  colour: boolean;
}

export function resolveGlobalOptions(raw: RawGlobalOptions, formats: readonly Format[] = FORMATS): GlobalOptions {
  const lang = (raw.lang ?? 'zh-CN') as Lang;
  if (!LANGS.includes(lang)) throw new UserError('answer.lang', { value: String(raw.lang) });
  const format = (raw.format ?? 'text') as Format;
  if (!formats.includes(format)) throw new UserError('answer.format', { value: String(raw.format), allowed: formats.join(', ') });
  if (raw.today !== undefined && !isValidDay(raw.today)) throw new UserError('answer.date', { value: raw.today });
  if (raw.year !== undefined && !/^(19|20|21)\d{2}$/.test(raw.year)) throw new UserError('answer.year', { value: raw.year });
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  return {
    format,
    ...(raw.output ? { output: raw.output } : {}),
    lang,
    ...(raw.year ? { year: Number(raw.year) } : {}),
    today: raw.today ?? dayInShanghai(new Date()),
    rules: raw.rules ?? [],
    interactive: raw.input !== false && tty && format === 'text' && !raw.output,
    verbose: raw.verbose ?? false,
    colour: raw.color !== false && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && format === 'text' && !raw.output,
  };
}
