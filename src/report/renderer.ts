/**
 * The one signature every renderer has (as ESLint's formatters): the data of one kind of report
 * and what any renderer may use besides it, in; the text to print or write, out. The registry
 * (src/cli/render-registry.ts) maps kind × format to a renderer and fills in the schema id.
 */
import type { Messages } from '../i18n/messages.js';
import type { Calendar } from '../model/calendar.js';
import type { Province } from '../model/provinces.js';
import type { Lang, RuleSet } from '../model/rules.js';
import type { ReportFile } from './build-report.js';
import type { DatesReport } from './dates-report.js';

/** What every renderer may use besides its data. */
export interface RendererContext {
  globals: { output?: string; lang: Lang; verbose: boolean; color: boolean };
  messages: Messages;
  /** For province names in a report's header; empty where a command loads none. */
  provinces: Province[];
  /** The JSON schema id of this kind's JSON output (docs/contract.md). */
  schema: string;
}

export type Renderer<Data> = (data: Data, context: RendererContext) => string | Promise<string>;

export interface DatesData {
  report: DatesReport;
  paperName: (id: string) => string;
  provinceName?: string;
}
export interface FilesData {
  files: ReportFile[];
}
export interface RulesData {
  ruleSet: RuleSet;
  calendar: Calendar;
}
export type ProfileData =
  | { action: 'path'; path: string }
  | { action: 'reset'; path: string }
  | { action: 'show'; path: string; answers: object; rows: string[][] };
/** `shegong data`: the pack in use (status), or what an import or update did. */
export interface DataData {
  outcome: 'status' | 'installed' | 'same';
  facts: Record<string, unknown>;
}
