/**
 * The columns of the batch summary, listed once: summary.csv and summary.xlsx (one table
 * for both), report.html and the terminal table are all derived from SUMMARY_COLUMNS. Each output
 * shows the columns that carry its facet, in the order of this list (report.html moves a column
 * that names `before`).
 *
 * A roster column carried as it is into the reports is declared in model/roster-columns.ts, not
 * here: its column comes from that declaration, after the route. Pure.
 */
import type { Messages } from '../i18n/messages.js';
import { UPLOAD_ROLES } from '../model/rules.js';
import { escapeHtml } from '../text/html.js';
import type { FixState } from '../assess/assess-applicant.js';
import type { RowStatus } from '../model/eligibility.js';
import type { Painter } from './painter.js';
import {
  CARRIED_COLUMN_LIST,
  type CarriedColumn,
  type CarriedField,
  type CarriedValues,
} from '../model/roster-columns.js';

/** One applicant's line of the summary, filled by summaryRow (batch-summary.ts). */
export interface SummaryRow {
  line: number;
  name: string;
  id: string;
  /** Level code (assistant|intermediate|senior) or ''. */
  level: string;
  ready: boolean;
  /** Ready, not ready, needs information, ineligible: counted separately everywhere. */
  status: RowStatus;
  /** Ready before --fix (equal to `ready` without fixes). */
  readyBeforeFix: boolean;
  materialsChecked: boolean;
  eligibility: string;
  route: string;
  /** Status of each role's original file. */
  files: Record<string, string>;
  /** What --fix did per role. */
  fixStates: Record<string, FixState>;
  /** Fixed copies that pass, relative to the output folder, per role. */
  fixedFiles: Record<string, string>;
  problem: string;
  /** The state after fixing, in words (per file). */
  fixed: string;
  report: string;
  /** The per-applicant HTML page, relative to the output folder. */
  page: string;
  /** Last day of this applicant's registration window (YYYY-MM-DD), when known. */
  registrationEnd?: string;
  /** The roster's carried columns (model/roster-columns.ts), as read. */
  carried?: CarriedValues;
}

/** A summary row as report.html shows it: with the photo's thumbnail when there is one. */
export type BatchHtmlRow = SummaryRow & { thumbnail?: string; thumbnailBefore?: string };

export interface SummaryColumn {
  /** Names the column (unique); a file column is `file:<role>`. */
  key: string;
  /** The header words, from the catalogue. */
  header: (messages: Messages) => string;
  /** The cell's words (a number stays a number in xlsx); html and the terminal show them unless they say otherwise. */
  value: (row: SummaryRow, messages: Messages) => string | number;
  /** In summary.csv and summary.xlsx: the xlsx column width (characters) and how the cell is typed. */
  table?: {
    width: number;
    /** `id`: text in a fixed-width font; `date`: a YYYY-MM-DD value as a real Excel date. Else text (or number). */
    kind?: 'id' | 'date';
  };
  /** In report.html: the width for table-layout: fixed, and the whole `<td>` when it is more than the escaped value. */
  html?: {
    width: string;
    td?: (row: BatchHtmlRow, messages: Messages) => string;
    /** Shown just before this other column in the page (the page puts the level before the ID number). */
    before?: string;
  };
  /** In the terminal table: the text when it is not the value (cut short, coloured). */
  terminal?: { text?: (row: SummaryRow, messages: Messages, painter: Painter) => string };
}

/** A link target that encodeURI accepts: a lone UTF-16 surrogate (a cut emoji) would make it throw. */
const safeHref = (target: string) =>
  encodeURI(target.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

/** One upload role's column: the original file's status; in the page also what --fix made of it. */
const fileColumn = (role: string): SummaryColumn => ({
  key: `file:${role}`,
  header: (m) => m.labels.role[role] ?? role,
  value: (r, { batch, labels }) =>
    r.materialsChecked
      ? r.files[role]
        ? (labels.fileStatus[r.files[role]!] ?? r.files[role]!)
        : ''
      : batch.notChecked,
  table: { width: 12 },
  html: {
    width: '5%',
    td: (row, { batch, labels }) => {
      if (!row.materialsChecked) return `<td class="unchecked">${escapeHtml(batch.notChecked)}</td>`;
      const status = row.files[role] ?? '';
      // After --fix: the fixed copy (linked) or what it needs, under the original's status.
      const state = row.fixStates[role];
      const fixed = row.fixedFiles[role];
      const after = state
        ? `<div class="after ${escapeHtml(state)}">→ ${fixed ? `<a href="${escapeHtml(safeHref(fixed))}">${escapeHtml(batch.fixState[state] ?? state)}</a>` : escapeHtml(batch.fixState[state] ?? state)}</div>`
        : '';
      return `<td class="${escapeHtml(status)}">${escapeHtml(status ? (labels.fileStatus[status] ?? status) : '')}${after}</td>`;
    },
  },
});

/** A carried roster column, shown in the outputs its declaration names. */
export const carriedColumn = ([field, column]: [CarriedField, CarriedColumn]): SummaryColumn => ({
  key: field,
  header: (m) => m.batch.columns[field],
  value: (r) => r.carried?.[field] ?? '',
  ...(column.shownIn.includes('table') ? { table: { width: column.width ?? 16 } } : {}),
  ...(column.shownIn.includes('html') ? { html: { width: '8%' } } : {}),
  ...(column.shownIn.includes('terminal') ? { terminal: {} } : {}),
});

export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  {
    key: 'thumbnail',
    header: (m) => m.batch.thumbnail,
    value: () => '',
    html: {
      width: '64px',
      // Before → after when a fixed copy replaced the photo: people judge a photo by looking at it.
      td: (row) =>
        `<td class="thumb">${[row.thumbnailBefore, row.thumbnail]
          .filter((src): src is string => Boolean(src?.startsWith('data:image/jpeg;base64,')))
          .map((src) => `<img alt="" decoding="async" src="${escapeHtml(src)}">`)
          .join('')}</td>`,
    },
  },
  {
    key: 'line',
    header: (m) => m.batch.columns.line,
    value: (r) => r.line,
    table: { width: 6 },
    html: {
      width: '40px',
      td: (row) => `<td data-sort="${String(row.line).padStart(6, '0')}">${escapeHtml(row.line)}</td>`,
    },
    terminal: {},
  },
  {
    key: 'name',
    header: (m) => m.batch.columns.name,
    value: (r) => r.name,
    table: { width: 10 },
    html: { width: '7%' },
    terminal: { text: (r) => [...r.name].slice(0, 20).join('') },
  },
  {
    key: 'id',
    header: (m) => m.batch.columns.id,
    value: (r) => r.id,
    table: { width: 22, kind: 'id' },
    html: { width: '10%', td: (row) => `<td class="id">${escapeHtml(row.id)}</td>` },
  },
  {
    key: 'level',
    header: (m) => m.batch.columns.level,
    value: (r, m) => (r.level ? (m.labels.level[r.level] ?? r.level) : ''),
    table: { width: 24 },
    html: { width: '8%', before: 'id' },
  },
  {
    key: 'status',
    header: (m) => m.batch.columns.status,
    value: (r, m) => m.batch.status[r.status],
    table: { width: 12 },
    html: {
      width: '64px',
      td: (row, { batch }) => `<td class="status ${row.status}">${escapeHtml(batch.status[row.status])}</td>`,
    },
    terminal: {
      text: (r, m, painter) =>
        (r.status === 'ready' ? painter.green : r.status === 'needs-info' ? painter.yellow : painter.red)(
          m.batch.status[r.status],
        ),
    },
  },
  {
    key: 'eligibility',
    header: (m) => m.batch.columns.eligibility,
    value: (r) => r.eligibility,
    table: { width: 14 },
    html: { width: '6%' },
    terminal: {},
  },
  {
    key: 'route',
    header: (m) => m.batch.columns.route,
    value: (r) => r.route,
    table: { width: 40 },
  },
  ...CARRIED_COLUMN_LIST.map(carriedColumn),
  ...UPLOAD_ROLES.map(fileColumn),
  {
    key: 'problem',
    header: (m) => m.batch.columns.problem,
    value: (r) => r.problem,
    table: { width: 56 },
    html: { width: '22%', td: (row) => `<td class="problem">${escapeHtml(row.problem)}</td>` },
    terminal: { text: (r) => r.problem.slice(0, 60) },
  },
  {
    key: 'fixed',
    header: (m) => m.batch.columns.fixed,
    value: (r) => r.fixed,
    table: { width: 40 },
  },
  {
    key: 'deadline',
    header: (m) => m.batch.columns.deadline,
    value: (r) => r.registrationEnd ?? '',
    table: { width: 12, kind: 'date' },
  },
  {
    key: 'report',
    header: (m) => m.batch.columns.report,
    value: (r) => r.page || r.report,
    table: { width: 28 },
    html: {
      width: '48px',
      td: (row, { batch }) =>
        `<td><a href="${escapeHtml(safeHref(row.page || row.report))}">${escapeHtml(row.page ? batch.page : row.report)}</a></td>`,
    },
  },
];

/** A column that has the facet `K` (shown in that output). */
export type ColumnIn<K extends 'table' | 'html' | 'terminal'> = SummaryColumn & Required<Pick<SummaryColumn, K>>;

const shownIn =
  <K extends 'table' | 'html' | 'terminal'>(facet: K) =>
  (columns: readonly SummaryColumn[]): ColumnIn<K>[] =>
    columns.filter((c): c is ColumnIn<K> => c[facet] !== undefined);

/** The columns of summary.csv and summary.xlsx, in order. */
export const tableColumns = (columns: readonly SummaryColumn[] = SUMMARY_COLUMNS) => shownIn('table')(columns);

/** The columns of the terminal table, in order. */
export const terminalColumns = (columns: readonly SummaryColumn[] = SUMMARY_COLUMNS) => shownIn('terminal')(columns);

/** The columns of report.html, in order: the list's, with a column that names `before` moved in front of that one. */
export function htmlColumns(columns: readonly SummaryColumn[] = SUMMARY_COLUMNS): ColumnIn<'html'>[] {
  const shown = shownIn('html')(columns);
  const moves = (c: ColumnIn<'html'>) => c.html.before !== undefined && shown.some((o) => o.key === c.html.before);
  const ordered = shown.filter((c) => !moves(c));
  for (const column of shown.filter(moves)) {
    const at = ordered.findIndex((o) => o.key === column.html.before);
    ordered.splice(at < 0 ? ordered.length : at, 0, column);
  }
  return ordered;
}
