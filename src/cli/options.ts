/**
 * Each command's options, typed, normalised from commander's raw option bag (as changesets'
 * StatusOptions or taze's CheckOptions): the commands never cast `Record<string, unknown>`.
 * Imports only types, so program.ts can use it while `--help` still loads only commander.
 */
import type { AnswerFlags } from '../answers/resolve-answers.js';

/** `shegong check`: answer flags, files by role or a folder, and what to do with them. */
export interface CheckOptions extends AnswerFlags {
  photo?: string;
  idFront?: string;
  idBack?: string;
  diploma?: string;
  workProof?: string;
  socialSecurity?: string;
  residencePermit?: string;
  files?: string;
  fix?: boolean;
  /** What the online check cannot see about the degree (abroad, renamed): `--education-case`. */
  educationCase?: string[];
  useProfile?: boolean;
}

/** `shegong batch`: its own flags, plus every answer flag of check for empty columns. */
export interface BatchOptions extends AnswerFlags {
  materials?: string;
  /** The output folder (the global --output, required here). */
  output: string;
  sheet?: string;
  concurrency?: string;
  fix?: boolean;
}

export interface DatesOptions {
  province?: string;
  level?: string;
  ics?: string;
}

export interface FilesOptions {
  as?: string;
}

export interface FixOptions {
  as?: string;
  /** The fixed copy's file or folder (the global --output). */
  output?: string;
  force?: boolean;
}

export const PROFILE_ACTIONS = ['show', 'edit', 'reset', 'path'] as const;
export type ProfileAction = (typeof PROFILE_ACTIONS)[number];
export const isProfileAction = (value: string): value is ProfileAction =>
  (PROFILE_ACTIONS as readonly string[]).includes(value);

export const DATA_ACTIONS = ['status', 'import', 'update'] as const;
export type DataAction = (typeof DATA_ACTIONS)[number];
export const isDataAction = (value: string): value is DataAction => (DATA_ACTIONS as readonly string[]).includes(value);

type Raw = Record<string, unknown>;
const ANSWER_STRINGS = [
  'level',
  'education',
  'major',
  'graduated',
  'studyMode',
  'enrolled',
  'province',
  'hukou',
] as const satisfies readonly (keyof AnswerFlags)[];
const ANSWER_LISTS = ['degree', 'work', 'cert'] as const satisfies readonly (keyof AnswerFlags)[];
/** tsc fails here when AnswerFlags gains a flag the two lists above do not pick. */
type UnpickedAnswerFlag = Exclude<keyof AnswerFlags, (typeof ANSWER_STRINGS | typeof ANSWER_LISTS)[number]>;
const everyAnswerFlagPicked: [UnpickedAnswerFlag] extends [never] ? true : never = true;
void everyAnswerFlagPicked;

/** The named options of a raw bag that commander set, strings and lists of strings and switches as given. */
function pick<T>(
  raw: Raw,
  strings: readonly string[],
  lists: readonly string[] = [],
  switches: readonly string[] = [],
): T {
  const out: Raw = {};
  for (const key of strings) if (typeof raw[key] === 'string') out[key] = raw[key];
  for (const key of lists) if (Array.isArray(raw[key])) out[key] = (raw[key] as unknown[]).map(String);
  for (const key of switches) if (typeof raw[key] === 'boolean') out[key] = raw[key];
  return out as T;
}

export const checkOptions = (raw: Raw): CheckOptions =>
  pick(
    raw,
    [
      ...ANSWER_STRINGS,
      'photo',
      'idFront',
      'idBack',
      'diploma',
      'workProof',
      'socialSecurity',
      'residencePermit',
      'files',
    ],
    [...ANSWER_LISTS, 'educationCase'],
    ['fix', 'useProfile'],
  );

export const batchOptions = (raw: Raw, output: string): BatchOptions => ({
  ...pick<Omit<BatchOptions, 'output'>>(raw, [...ANSWER_STRINGS, 'materials', 'sheet', 'concurrency'], ANSWER_LISTS, [
    'fix',
  ]),
  output,
});

export const datesOptions = (raw: Raw): DatesOptions => pick(raw, ['province', 'level', 'ics']);
export const filesOptions = (raw: Raw): FilesOptions => pick(raw, ['as']);
export const fixOptions = (raw: Raw, output: string | undefined): FixOptions => ({
  ...pick<FixOptions>(raw, ['as'], [], ['force']),
  ...(output ? { output } : {}),
});

/** `shegong ui`: the local page. */
export interface UiOptions {
  /** false with --no-open: only print the address. */
  open: boolean;
  batch?: string;
  dangerouslyExposeToNetwork?: boolean;
}

export const uiOptions = (raw: Raw): UiOptions => ({
  open: raw.open !== false,
  ...pick<Omit<UiOptions, 'open'>>(raw, ['batch'], [], ['dangerouslyExposeToNetwork']),
});
