/** The batch report as one self-contained HTML page (no external assets). Every value is escaped. Pure. */
import type { Messages } from '../i18n/messages.js';
import { UPLOAD_ROLES } from '../model/rules.js';
import type { SummaryRow } from './batch-summary.js';

export const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface HtmlInput {
  rows: (SummaryRow & { thumbnail?: string })[];
  messages: Messages;
  template: string;
  meta: string;
}

export function renderBatchHtml({ rows, messages, template, meta }: HtmlInput): string {
  const { batch, labels } = messages;
  const ready = rows.filter((r) => r.ready).length;
  const head = [batch.thumbnail, batch.columns.line, batch.columns.name, batch.columns.id, batch.columns.ready, batch.columns.eligibility, ...UPLOAD_ROLES.map((r) => labels.role[r] ?? r), batch.columns.problem, batch.columns.report]
    .map((title) => `<th scope="col">${escapeHtml(title)}</th>`)
    .join('');
  const rendered = rows
    .map((row) => {
      const cells = [
        `<td class="thumb">${row.thumbnail && row.thumbnail.startsWith('data:image/jpeg;base64,') ? `<img alt="" decoding="async" src="${escapeHtml(row.thumbnail)}">` : ''}</td>`,
        `<td data-sort="${String(row.line).padStart(6, '0')}">${escapeHtml(row.line)}</td>`,
        `<td>${escapeHtml(row.name)}</td>`,
        `<td>${escapeHtml(row.id)}</td>`,
        `<td class="${row.ready ? 'yes' : 'no'}">${escapeHtml(row.ready ? batch.yes : batch.no)}</td>`,
        `<td>${escapeHtml(row.eligibility)}</td>`,
        ...UPLOAD_ROLES.map((role) => {
          const status = row.files[role] ?? '';
          return `<td class="${escapeHtml(status)}">${escapeHtml(status ? (labels.fileStatus[status] ?? status) : '')}</td>`;
        }),
        `<td class="problem">${escapeHtml(row.problem)}</td>`,
        `<td><a href="${escapeHtml(encodeURI(row.report))}">${escapeHtml(row.report)}</a></td>`,
      ];
      return `<tr class="${row.ready ? 'ready' : 'not-ready'}">${cells.join('')}</tr>`;
    });
  // Not-ready applicants first, so the first screen shows what needs work.
  const ordered = [...rendered.filter((_, i) => !rows[i]!.ready), ...rendered.filter((_, i) => rows[i]!.ready)];
  const FIRST_PAINT_ROWS = 100;
  const counts = [
    `<div class="count"><b>${rows.length}</b>${escapeHtml(batch.totalLabel)}</div>`,
    `<div class="count good"><b>${ready}</b>${escapeHtml(batch.readyLabel)}</div>`,
    `<div class="count bad"><b>${rows.length - ready}</b>${escapeHtml(batch.notReadyLabel)}</div>`,
  ].join('');
  // Widths for table-layout: fixed (thumbnail, row, name, ID, ready, eligibility, 7 files, problem, report).
  const widths = ['64px', '48px', '9%', '11%', '48px', '8%', ...UPLOAD_ROLES.map(() => '5%'), '22%', '10%'];
  const cols = widths.map((width) => `<col style="width:${width}">`).join('');
  const values: Record<string, string> = {
    cols,
    lang: escapeHtml(messages.lang),
    title: escapeHtml(batch.title),
    meta: escapeHtml(`${meta} · ${batch.counts(rows.length, ready, rows.length - ready)}`),
    counts,
    filter: escapeHtml(batch.filter),
    onlyProblems: escapeHtml(batch.onlyProblems),
    head,
    rows: ordered.slice(0, FIRST_PAINT_ROWS).join('\n'),
    moreRows: ordered.slice(FIRST_PAINT_ROWS).join('\n'),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}
