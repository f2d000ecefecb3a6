/** Global flags → resolved options. Reads the environment and the clock: shell only. */
import { UserError } from '../errors.js';
import { dayInShanghai, isValidDay } from '../dates/day.js';
import { LANGS, type Lang } from '../model/rules.js';
import { EN_NAMES, ZH_NAMES } from './argv-lang.js';
import { FORMATS, type Format } from './render-registry.js';

export type { Format };

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
  color: boolean;
}

/** `--lang EN`, `--lang 中文`, `zh`: any spelling of the two languages. */
export function parseLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return 'zh-CN';
  const v = value.trim().toLowerCase().replace('_', '-');
  if (ZH_NAMES.includes(v)) return 'zh-CN';
  if (EN_NAMES.includes(v)) return 'en';
  return LANGS.find((l) => l.toLowerCase() === v);
}

/** `--today 2026/11/30`, `2026.11.30`, `2026年11月30日`, `20261130` → `2026-11-30`. */
export function parseToday(value: string): string | undefined {
  const m = value.trim().match(/^(\d{4})(?:[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?|(\d{2})(\d{2}))$/);
  if (!m) return undefined;
  const day = `${m[1]}-${(m[2] ?? m[4] ?? '').padStart(2, '0')}-${(m[3] ?? m[5] ?? '').padStart(2, '0')}`;
  return isValidDay(day) ? day : undefined;
}

export function resolveGlobalOptions(raw: RawGlobalOptions, formats: readonly Format[] = FORMATS): GlobalOptions {
  const lang = parseLang(raw.lang);
  if (!lang) throw new UserError('answer.lang', { value: String(raw.lang) });
  const format = (raw.format ?? 'text')
    .trim()
    .toLowerCase()
    .replace(/^markdown$/, 'md') as Format;
  if (!formats.includes(format))
    throw new UserError('answer.format', { value: String(raw.format), allowed: formats.join(', ') });
  const today = raw.today === undefined ? undefined : parseToday(raw.today);
  if (raw.today !== undefined && !today) throw new UserError('answer.date', { value: raw.today });
  const year = raw.year?.trim().replace(/年(度)?$/, '');
  // Any four digits is a year; whether the calendar covers it is checked against the data (answer.year-range).
  if (year !== undefined && !/^\d{4}$/.test(year)) throw new UserError('answer.year', { value: String(raw.year) });
  // Questions are drawn on stderr, so `shegong > 清单.txt` still asks the person at the keyboard.
  const tty = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  return {
    format,
    ...(raw.output ? { output: raw.output } : {}),
    lang,
    ...(year ? { year: Number(year) } : {}),
    today: today ?? dayInShanghai(new Date()),
    rules: raw.rules ?? [],
    // A person at a terminal is asked, whatever the report's format or destination:
    // only a missing TTY or --no-input turns the questions off.
    interactive: raw.input !== false && tty,
    verbose: raw.verbose ?? false,
    color:
      raw.color !== false &&
      !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') &&
      format === 'text' &&
      !raw.output,
  };
}
