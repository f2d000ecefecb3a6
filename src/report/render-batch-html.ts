/** The batch report page (report.html) in parts, streamed row by row by the report writer; self-contained, every value escaped. Pure. */
import type { Messages } from '../i18n/messages.js';
import { ROW_STATUSES, type RowStatus } from '../model/eligibility.js';
import { escapeHtml } from '../text/html.js';
import { type BatchHtmlRow, htmlColumns, SUMMARY_COLUMNS, type SummaryColumn } from './summary-columns.js';

export interface HtmlInput {
  rows: BatchHtmlRow[];
  messages: Messages;
  template: string;
  meta: string;
  /** Facts about the whole run, said once (no province, materials not checked, fixing). */
  notes?: string[];
  /** The summary's columns (report.html shows those with an `html` facet). */
  columns?: readonly SummaryColumn[];
}

export type { BatchHtmlRow } from './summary-columns.js';

/** One applicant's table row (rendered one at a time, so the page can be streamed). */
export function batchRowHtml(
  row: BatchHtmlRow,
  messages: Messages,
  columns: readonly SummaryColumn[] = SUMMARY_COLUMNS,
): string {
  // Each cell carries its column's header: on a narrow screen the rows become cards that label their values.
  const cells = htmlColumns(columns).map((c) =>
    (c.html.td?.(row, messages) ?? `<td>${escapeHtml(c.value(row, messages))}</td>`).replace(
      /^<td/,
      `<td data-label="${escapeHtml(c.header(messages))}"`,
    ),
  );
  // `not-ready` for every row that needs work (the page's filter), plus its own status where it differs.
  const extra = row.status === 'ready' || row.status === 'not-ready' ? '' : ` ${row.status}`;
  return `<tr class="${row.ready ? 'ready' : 'not-ready'}${extra}">${cells.join('')}</tr>`;
}

/** How many rows have each status (every status present, zero or not). */
export function statusCounts(rows: readonly { status: RowStatus }[]): Record<RowStatus, number> {
  const counts = Object.fromEntries(ROW_STATUSES.map((s) => [s, 0])) as Record<RowStatus, number>;
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** The order rows are listed in: what needs work first, the ready last. */
export const STATUS_ORDER: Record<RowStatus, number> = { 'needs-info': 0, 'not-ready': 1, ineligible: 2, ready: 3 };

/** Rows painted at once; the rest sit in a <template> the page adds after the first paint. */
export const FIRST_PAINT_ROWS = 100;

/**
 * The page around the rows: `before` + first rows (not-ready first) + `between` + the other rows +
 * `after`. Only the counts are needed, not the rows (20,000 applicants are streamed).
 */
export function batchPageParts({
  total,
  counts: byStatus,
  messages,
  template,
  meta,
  notes = [],
  columns = SUMMARY_COLUMNS,
}: Omit<HtmlInput, 'rows'> & { total: number; counts: Record<RowStatus, number> }): {
  before: string;
  between: string;
  after: string;
} {
  const { batch } = messages;
  const shown = htmlColumns(columns);
  const head = shown.map((c) => `<th scope="col">${escapeHtml(c.header(messages))}</th>`).join('');
  const counts = [
    `<div class="count"><b>${total}</b>${escapeHtml(batch.totalLabel)}</div>`,
    ...ROW_STATUSES.map((s) => `<div class="count ${s}"><b>${byStatus[s]}</b>${escapeHtml(batch.status[s])}</div>`),
  ].join('');
  // Widths for table-layout: fixed, one per column.
  const cols = shown.map((c) => `<col style="width:${c.html.width}">`).join('');
  const values: Record<string, string> = {
    cols,
    lang: escapeHtml(messages.lang),
    title: escapeHtml(batch.title),
    meta: escapeHtml(`${meta} · ${batch.counts(total, byStatus)}`),
    counts,
    notes: notes.map((note) => `<li>${escapeHtml(note)}</li>`).join(''),
    filter: escapeHtml(batch.filter),
    onlyProblems: escapeHtml(batch.onlyProblems),
    head,
  };
  // Placeholders are filled part by part, so a value that looks like {{rows}} is never re-substituted.
  const fill = (part: string) => part.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
  const [before = '', rest = ''] = template.split('{{rows}}');
  const [between = '', after = ''] = rest.split('{{moreRows}}');
  return { before: fill(before), between: fill(between), after: fill(after) };
}
