/** The batch report as one self-contained HTML page (no external assets). Every value is escaped. Pure. */
import type { Messages } from '../i18n/messages.js';
import { UPLOAD_ROLES } from '../model/rules.js';
import { escapeHtml } from '../text/html.js';
import type { SummaryRow } from './batch-summary.js';

export interface HtmlInput {
  rows: (SummaryRow & { thumbnail?: string })[];
  messages: Messages;
  template: string;
  meta: string;
  /** Facts about the whole run, said once (no province, materials not checked, fixing; issue 10). */
  notes?: string[];
}

/** A link target that encodeURI accepts: a lone UTF-16 surrogate (a cut emoji) would make it throw. */
const safeHref = (target: string) =>
  encodeURI(target.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));

export type BatchHtmlRow = SummaryRow & { thumbnail?: string };

/** One applicant's table row (issue 15: rendered one at a time, so the page can be streamed). */
export function batchRowHtml(row: BatchHtmlRow, messages: Messages): string {
  const { batch, labels } = messages;
  const cells = [
    `<td class="thumb">${row.thumbnail?.startsWith('data:image/jpeg;base64,') ? `<img alt="" decoding="async" src="${escapeHtml(row.thumbnail)}">` : ''}</td>`,
    `<td data-sort="${String(row.line).padStart(6, '0')}">${escapeHtml(row.line)}</td>`,
    `<td>${escapeHtml(row.name)}</td>`,
    `<td>${escapeHtml(row.level ? (labels.level[row.level] ?? row.level) : '')}</td>`,
    `<td class="id">${escapeHtml(row.id)}</td>`,
    `<td class="${row.ready ? 'yes' : 'no'}">${escapeHtml(row.ready ? batch.yes : batch.no)}</td>`,
    `<td>${escapeHtml(row.eligibility)}</td>`,
    ...UPLOAD_ROLES.map((role) => {
      if (!row.materialsChecked) return `<td class="unchecked">${escapeHtml(batch.notChecked)}</td>`;
      const status = row.files[role] ?? '';
      // After --fix: the fixed copy (linked) or what it needs, under the original's status.
      const state = row.fixStates[role];
      const fixed = row.fixedFiles[role];
      const after = state
        ? `<div class="after ${escapeHtml(state)}">→ ${fixed ? `<a href="${escapeHtml(safeHref(fixed))}">${escapeHtml(batch.fixState[state] ?? state)}</a>` : escapeHtml(batch.fixState[state] ?? state)}</div>`
        : '';
      return `<td class="${escapeHtml(status)}">${escapeHtml(status ? (labels.fileStatus[status] ?? status) : '')}${after}</td>`;
    }),
    `<td class="problem">${escapeHtml(row.problem)}</td>`,
    `<td><a href="${escapeHtml(safeHref(row.page || row.report))}">${escapeHtml(row.page ? batch.page : row.report)}</a></td>`,
  ];
  return `<tr class="${row.ready ? 'ready' : 'not-ready'}">${cells.join('')}</tr>`;
}

/** Rows painted at once; the rest sit in a <template> the page adds after the first paint. */
export const FIRST_PAINT_ROWS = 100;

/**
 * The page around the rows: `before` + first rows (not-ready first) + `between` + the other rows +
 * `after`. Only the counts are needed, not the rows (issue 15: 20,000 applicants are streamed).
 */
export function batchPageParts({
  total,
  ready,
  messages,
  template,
  meta,
  notes = [],
}: Omit<HtmlInput, 'rows'> & { total: number; ready: number }): { before: string; between: string; after: string } {
  const { batch, labels } = messages;
  const head = [
    batch.thumbnail,
    batch.columns.line,
    batch.columns.name,
    batch.columns.level,
    batch.columns.id,
    batch.columns.ready,
    batch.columns.eligibility,
    ...UPLOAD_ROLES.map((r) => labels.role[r] ?? r),
    batch.columns.problem,
    batch.columns.report,
  ]
    .map((title) => `<th scope="col">${escapeHtml(title)}</th>`)
    .join('');
  const counts = [
    `<div class="count"><b>${total}</b>${escapeHtml(batch.totalLabel)}</div>`,
    `<div class="count good"><b>${ready}</b>${escapeHtml(batch.readyLabel)}</div>`,
    `<div class="count bad"><b>${total - ready}</b>${escapeHtml(batch.notReadyLabel)}</div>`,
  ].join('');
  // Widths for table-layout: fixed (thumbnail, row, name, level, ID, ready, eligibility, 7 files, problem, report).
  const widths = ['64px', '40px', '7%', '8%', '10%', '40px', '6%', ...UPLOAD_ROLES.map(() => '5%'), '22%', '48px'];
  const cols = widths.map((width) => `<col style="width:${width}">`).join('');
  const values: Record<string, string> = {
    cols,
    lang: escapeHtml(messages.lang),
    title: escapeHtml(batch.title),
    meta: escapeHtml(`${meta} · ${batch.counts(total, ready, total - ready)}`),
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

export function renderBatchHtml({ rows, messages, template, meta, notes = [] }: HtmlInput): string {
  const ready = rows.filter((r) => r.ready).length;
  // Not-ready applicants first, so the first screen shows what needs work.
  const ordered = [...rows.filter((r) => !r.ready), ...rows.filter((r) => r.ready)].map((row) =>
    batchRowHtml(row, messages),
  );
  const { before, between, after } = batchPageParts({ total: rows.length, ready, messages, template, meta, notes });
  return `${before}${ordered.slice(0, FIRST_PAINT_ROWS).join('\n')}${between}${ordered.slice(FIRST_PAINT_ROWS).join('\n')}${after}`;
}
