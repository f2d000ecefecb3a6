/**
 * Every report the CLI prints, by kind × format → a lazy import of its renderer, with the JSON
 * schema id beside it (as ESLint's formatter list). Each renderer is its own function with one
 * signature (`Renderer` in src/report/renderer.ts): the pure ones in src/report/, the ones that
 * touch the terminal or the disk in src/cli/renderers/. The formats a command accepts and the
 * `--format` help derive from this table. Imports only types at load (the help loads this
 * module): each renderer is imported when it runs.
 */
import type { Messages } from '../i18n/messages.js';
import type { Province } from '../model/provinces.js';
import type { Lang } from '../model/rules.js';
import type { Report } from '../report/build-report.js';
import type { BatchSummaryView } from '../report/render-batch-summary.js';
import type { DataData, DatesData, FilesData, ProfileData, Renderer, RulesData } from '../report/renderer.js';
import type { FixData } from './renderers/fix-json.js';

export const FORMATS = ['text', 'json', 'md', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** What each kind of report renders from. */
export interface ReportData {
  checklist: Report;
  dates: DatesData;
  files: FilesData;
  fix: FixData;
  rules: RulesData;
  profile: ProfileData;
  batch: BatchSummaryView;
  data: DataData;
}
export type ReportKind = keyof ReportData;

/** The global options a renderer reads (global-options.ts's GlobalOptions has them; declared here so that module may import FORMATS without a cycle). */
export interface RenderGlobals {
  format: Format;
  output?: string;
  lang: Lang;
  verbose: boolean;
  color: boolean;
}

/** What a command passes besides the data; the registry adds the kind's schema id. */
export interface RenderContext {
  globals: RenderGlobals;
  messages: Messages;
  /** For province names in a report's header; empty where a command loads none. */
  provinces: Province[];
}

type Entry<K extends ReportKind> = () => Promise<Renderer<ReportData[K]>>;

/** The JSON schema id of each kind's JSON output (docs/contract.md). */
export const SCHEMAS: Record<ReportKind, string> = {
  checklist: 'shegong.report/v1',
  dates: 'shegong.dates/v1',
  files: 'shegong.files/v1',
  fix: 'shegong.fix/v1',
  rules: 'shegong.rules/v1',
  profile: 'shegong.profile/v1',
  batch: 'shegong.batch/v1',
  data: 'shegong.data/v1',
};

export const RENDERERS: { [K in ReportKind]: Partial<Record<Format, Entry<K>>> } = {
  checklist: {
    text: async () => (await import('./renderers/checklist-text.js')).renderChecklistText,
    json: async () => (await import('../report/render-json.js')).renderJson,
    md: async () => (await import('../report/render-markdown.js')).renderChecklistMd,
    html: async () => (await import('./renderers/checklist-html.js')).renderChecklistHtml,
  },
  dates: {
    text: async () => (await import('./renderers/dates-text.js')).renderDatesTerminal,
    json: async () => (await import('../report/render-dates.js')).renderDatesJson,
    md: async () => (await import('../report/render-dates.js')).renderDatesMd,
  },
  files: {
    text: async () => (await import('./renderers/files-text.js')).renderFilesTerminal,
    json: async () => (await import('../report/render-files.js')).renderFilesJson,
  },
  fix: {
    text: async () => (await import('./renderers/fix-text.js')).renderFixText,
    json: async () => (await import('./renderers/fix-json.js')).renderFixJson,
  },
  rules: {
    text: async () => (await import('./renderers/rules-text.js')).renderRulesTerminal,
    json: async () => (await import('../report/render-rules.js')).renderRulesJson,
  },
  profile: {
    text: async () => (await import('../report/render-profile.js')).renderProfileText,
    json: async () => (await import('../report/render-profile.js')).renderProfileJson,
  },
  data: {
    text: async () => (await import('../report/render-data.js')).renderDataText,
    json: async () => (await import('../report/render-data.js')).renderDataJson,
  },
  batch: {
    text: async () => (await import('./renderers/batch-text.js')).renderBatchTerminal,
  },
};

/** The formats a kind of report can be written in, in the order of FORMATS. */
export const formatsOf = (kind: ReportKind): Format[] => FORMATS.filter((format) => RENDERERS[kind][format]);

/** Every format some report has: what `--format` lists in the help. */
export const allFormats = (): Format[] =>
  FORMATS.filter((format) => Object.values(RENDERERS).some((entries) => format in entries));

/** The report of `kind` in the format the user chose (already checked against formatsOf). */
export async function renderAs<K extends ReportKind>(
  kind: K,
  data: ReportData[K],
  context: RenderContext,
): Promise<string> {
  const load = (RENDERERS[kind] as Partial<Record<Format, Entry<K>>>)[context.globals.format];
  if (!load) throw new Error(`no ${context.globals.format} renderer for ${kind}`);
  return (await load())(data, { ...context, schema: SCHEMAS[kind] });
}
