/**
 * Every report the CLI prints, by kind × format → its renderer, with the JSON schema id beside it.
 * The formats a command accepts and the `--format` help derive from this table, so a new format
 * touches two files: its renderer and this registry. Imports only types at load (the help loads
 * this module): each renderer is imported when it runs.
 */
import type { SummaryRow } from '../report/batch-summary.js';
import type { Messages } from '../i18n/messages.js';
import type { Calendar } from '../model/calendar.js';
import type { Province } from '../model/provinces.js';
import type { FixOutcome } from '../files-io/fix-to-file.js';
import type { Lang, RuleSet, UploadRole } from '../model/rules.js';
import type { Report, ReportFile } from '../report/build-report.js';
import type { DatesReport } from '../report/dates-report.js';

export const FORMATS = ['text', 'json', 'md', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** What each kind of report renders from. */
export interface ReportData {
  checklist: Report;
  dates: { report: DatesReport; paperName: (id: string) => string; provinceName?: string };
  files: { files: ReportFile[] };
  /** `shegong fix`: the file, its role and what fixing it gave (text renders a written copy only). */
  fix: { input: string; role: UploadRole; outcome: FixOutcome };
  rules: { ruleSet: RuleSet; calendar: Calendar };
  profile:
    | { action: 'path'; path: string }
    | { action: 'reset'; path: string }
    | { action: 'show'; path: string; answers: object; rows: string[][] };
  batch: { rows: SummaryRow[]; notes: string[]; output: string; htmlFile: string };
  /** `shegong data`: the pack in use (status), or what an import or update did. */
  data: { outcome: 'status' | 'installed' | 'same'; facts: Record<string, unknown> };
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

/** What every renderer may use besides its data. */
export interface RenderContext {
  globals: RenderGlobals;
  messages: Messages;
  /** For province names in a report's header; empty where a command loads none. */
  provinces: Province[];
}

type Renderer<K extends ReportKind> = (data: ReportData[K], context: RenderContext) => string | Promise<string>;
interface Entry<K extends ReportKind> {
  load: () => Promise<Renderer<K>>;
}

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

// Shell helpers for terminal renderers, loaded with them.
const terminal = () => import('./terminal.js');
const provinceNamer =
  ({ provinces, globals }: RenderContext) =>
  (id: string) =>
    provinces.find((p) => p.id === id)?.[globals.lang === 'en' ? 'en' : 'zh'] ?? id;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const RENDERERS: { [K in ReportKind]: Partial<Record<Format, Entry<K>>> } = {
  checklist: {
    text: {
      load: async () => {
        const [{ renderText }, { painterFor, terminalWidth }] = await Promise.all([
          import('../report/render-text.js'),
          terminal(),
        ]);
        return async (report, context) => {
          const { globals, messages } = context;
          const width = terminalWidth(globals.output);
          return renderText(report, {
            messages,
            provinceName: provinceNamer(context),
            painter: await painterFor(globals.color),
            verbose: globals.verbose,
            ...(width ? { width } : {}),
          });
        };
      },
    },
    json: { load: async () => (await import('../report/render-json.js')).renderJson },
    md: {
      load: async () => {
        const { renderMarkdown } = await import('../report/render-markdown.js');
        return async (report, { messages, globals }) => renderMarkdown(report, { messages, verbose: globals.verbose });
      },
    },
    html: {
      load: async () => {
        const [{ renderHtml }, { readFile }, { templatePath }] = await Promise.all([
          import('../report/render-html.js'),
          import('node:fs/promises'),
          import('../templates/templates-dir.js'),
        ]);
        return async (report, context) =>
          renderHtml(report, {
            messages: context.messages,
            provinceName: provinceNamer(context),
            template: await readFile(templatePath('report', 'check.html'), 'utf8'),
          });
      },
    },
  },
  dates: {
    text: {
      load: async () => {
        const [{ renderDatesText }, { painterFor, terminalWidth }] = await Promise.all([
          import('../report/render-dates.js'),
          terminal(),
        ]);
        return async ({ report, paperName, provinceName }, { globals, messages }) => {
          const width = terminalWidth(globals.output);
          return renderDatesText(report, {
            messages,
            painter: await painterFor(globals.color),
            verbose: globals.verbose,
            paperName,
            ...(provinceName ? { provinceName } : {}),
            ...(width ? { width } : {}),
          });
        };
      },
    },
    json: {
      load:
        async () =>
        async ({ report }) =>
          json(report),
    },
    md: {
      load: async () => {
        const { renderDatesMarkdown } = await import('../report/render-dates.js');
        return async ({ report, provinceName }, { messages }) =>
          renderDatesMarkdown(report, { messages, ...(provinceName ? { provinceName } : {}) });
      },
    },
  },
  files: {
    text: {
      load: async () => {
        const [{ renderFilesText }, { painterFor, terminalWidth }] = await Promise.all([
          import('../report/render-files.js'),
          terminal(),
        ]);
        return async ({ files }, { globals, messages }) => {
          const width = terminalWidth(globals.output);
          return renderFilesText(files, {
            messages,
            painter: await painterFor(globals.color),
            verbose: globals.verbose,
            ...(width ? { width } : {}),
          });
        };
      },
    },
    json: {
      load:
        async () =>
        async ({ files }) =>
          json({ schema: SCHEMAS.files, files }),
    },
  },
  fix: {
    text: {
      load: async () => {
        const [{ renderFileLines }, { localizeFinding }, { wrapText }, { painterFor, terminalWidth }, { fixNotes }] =
          await Promise.all([
            import('../report/render-text.js'),
            import('../report/localize.js'),
            import('../text/table.js'),
            terminal(),
            import('./fix-notes.js'),
          ]);
        return async ({ outcome }, { globals, messages }) => {
          if (!outcome.ok) return '';
          const painter = await painterFor(globals.color);
          const lines = [
            painter.green(
              `✓ ${messages.ui.fixed(outcome.output, outcome.width, outcome.height, Math.round(outcome.bytes / 1024), outcome.quality, outcome.dpi)}`,
            ),
            ...(outcome.inWindow ? [] : [painter.yellow(messages.ui.fixedNotInWindow)]),
            ...fixNotes(outcome, messages, (text) => painter.yellow(text)),
            messages.ui.recheck,
            ...renderFileLines(
              { ...outcome.result, findings: outcome.result.findings.map((f) => localizeFinding(messages, f)) },
              { messages, painter, verbose: globals.verbose },
            ),
          ];
          return `${wrapText(lines.join('\n'), terminalWidth(undefined))}\n`;
        };
      },
    },
    json: {
      load: async () => {
        const { localizeFinding } = await import('../report/localize.js');
        return ({ input, role, outcome }, { messages }) =>
          json({
            schema: SCHEMAS.fix,
            ...(outcome.ok
              ? {
                  ok: true,
                  input,
                  role,
                  output: {
                    ...withoutFacts(outcome),
                    result: {
                      ...outcome.result,
                      findings: outcome.result.findings.map((f) => localizeFinding(messages, f)),
                    },
                  },
                }
              : {
                  ok: false,
                  input,
                  role,
                  reason: outcome.reason,
                  message: messages.ui.cannotFix[outcome.reason] ?? outcome.reason,
                  ...(outcome.args ? { args: outcome.args } : {}),
                  ...(outcome.preview ? { preview: outcome.preview } : {}),
                }),
          });
      },
    },
  },
  rules: {
    text: {
      load: async () => {
        const [{ renderRulesText }, { wrapText }, { painterFor, terminalWidth }] = await Promise.all([
          import('../report/render-rules.js'),
          import('../text/table.js'),
          terminal(),
        ]);
        return async ({ ruleSet }, { globals, messages }) =>
          wrapText(
            renderRulesText(ruleSet, { messages, lang: globals.lang, painter: await painterFor(globals.color) }),
            terminalWidth(globals.output),
          );
      },
    },
    json: {
      load:
        async () =>
        async ({ ruleSet, calendar }) =>
          json({
            schema: SCHEMAS.rules,
            name: ruleSet.name,
            overrides: ruleSet.overrides,
            ...(ruleSet.pack ? { pack: ruleSet.pack } : {}),
            rules: ruleSet.rules,
            calendar,
          }),
    },
  },
  profile: {
    text: {
      load: async () => {
        const { renderTable } = await import('../text/table.js');
        return async (data, { messages }) => {
          if (data.action !== 'show') return data.action === 'path' ? `${data.path}\n` : '';
          if (Object.keys(data.answers).length === 0) return `${messages.ui.profileEmpty}\n`;
          return `${renderTable([messages.ui.profileColumns, ...data.rows]).join('\n')}\n`;
        };
      },
    },
    json: {
      load: async () => async (data) =>
        data.action === 'show'
          ? json({ schema: SCHEMAS.profile, path: data.path, answers: data.answers })
          : `${JSON.stringify({ schema: SCHEMAS.profile, path: data.path, ...(data.action === 'reset' ? { reset: true } : {}) })}\n`,
    },
  },
  data: {
    text: {
      load:
        async () =>
        async ({ outcome, facts }, { messages }) =>
          `${(
            outcome === 'status'
              ? messages.data.statusLines(facts)
              : [outcome === 'installed' ? messages.data.imported(facts) : messages.data.alreadyInstalled(facts)]
          ).join('\n')}\n`,
    },
    json: {
      load:
        async () =>
        async ({ outcome, facts }) =>
          json({ schema: SCHEMAS.data, outcome, ...facts }),
    },
  },
  batch: {
    text: {
      load: async () => {
        const [{ renderBatchSummaryText }, { painterFor }] = await Promise.all([
          import('../report/render-batch-summary.js'),
          terminal(),
        ]);
        return async (view, { globals, messages }) =>
          renderBatchSummaryText(view, { messages, painter: await painterFor(globals.color, process.stdout) });
      },
    },
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
  const entry = (RENDERERS[kind] as Partial<Record<Format, Entry<K>>>)[context.globals.format];
  if (!entry) throw new Error(`no ${context.globals.format} renderer for ${kind}`);
  return (await entry.load())(data, context);
}

/** The fix outcome without the copy's raw facts (its thumbnail and probe details are not the report). */
function withoutFacts<T extends { outputFacts?: unknown }>(outcome: T): Omit<T, 'outputFacts'> {
  const { outputFacts: _facts, ...rest } = outcome;
  return rest;
}
