/**
 * One applicant's page in a batch: the same self-contained page as `check --format html`,
 * plus what only the batch knows: the masked ID, roster problems, and what --fix did (with a link to
 * each fixed copy and a thumbnail of the fixed photo). Every value is escaped. Pure.
 */
import type { Messages } from '../i18n/messages.js';
import type { Report } from './build-report.js';
import { localizeFinding } from './localize.js';
import { renderHtml } from './render-html.js';
import type { ApplicantResult } from '../assess/assess-applicant.js';
import { escapeHtml } from '../text/html.js';

export interface ApplicantPageInput {
  result: ApplicantResult;
  report: Report | undefined;
  messages: Messages;
  /** templates/report/check.html */
  template: string;
  /** Paths as links from the page's folder (reports/): the batch page and each fixed copy. */
  href: (outputRelative: string) => string;
  relative: (file: string) => string;
  meta: string;
  /** Province ids in words (广东, not guangdong). */
  provinceName?: (id: string) => string;
}

/** Braces are escaped too, so no value can become a {{placeholder}} of the template. */
const text = (value: unknown) => escapeHtml(value).replace(/[{}]/g, (c) => (c === '{' ? '&#123;' : '&#125;'));
const link = (href: string, label: string) =>
  `<a href="${text(encodeURI(href.replace(/[\uD800-\uDFFF]/g, '\uFFFD')))}">${text(label)}</a>`;

export function renderApplicantHtml({
  result,
  report,
  messages,
  template,
  href,
  relative,
  meta,
  provinceName,
}: ApplicantPageInput): string {
  const { batch, labels, ui } = messages;
  const block: string[] = [
    `<p class="meta">${link(href('report.html'), batch.backToBatch)} · ${text(meta)}${result.idMasked ? ` · ${text(batch.idLabel)}${text(ui.colon)}${text(result.idMasked)}` : ''}</p>`,
  ];
  if (!result.materialsChecked) block.push(`<p class="meta">${text(batch.materialsNotChecked)}</p>`);
  const rowFindings = result.rowFindings.map((f) => localizeFinding(messages, f));
  if (rowFindings.length) {
    block.push(`<h2>${text(batch.rowHeading)}</h2>`, '<ul>');
    block.push(
      ...rowFindings.map(
        (f) =>
          `<li class="${text(f.severity)}">${text(f.message)}${f.fix ? `<span class="fix">${text(ui.fix)}${text(ui.colon)}${text(f.fix)}</span>` : ''}</li>`,
      ),
      '</ul>',
    );
  }
  if (result.fixes.length) {
    block.push(`<h2>${text(batch.fixesHeading)}</h2>`, '<ul>');
    for (const fix of result.fixes) {
      const state = batch.fixState[fix.state] ?? fix.state;
      const severity = fix.state === 'fixed' ? 'info' : 'error';
      const thumb =
        fix.state === 'fixed' && fix.role === 'photo' && result.thumbnail?.startsWith('data:image/jpeg;base64,')
          ? `<span style="display:flex;gap:6px;margin:4px 0">${[result.thumbnailBefore, result.thumbnail]
              .filter((src): src is string => Boolean(src?.startsWith('data:image/jpeg;base64,')))
              .map((src) => `<img alt="" src="${text(src)}" style="height:96px;border:1px solid #ddd">`)
              .join('→')}</span>`
          : '';
      const detail =
        fix.state === 'fixed' && fix.output
          ? ` · ${batch.fixedCopy}${ui.colon}${link(href(relative(fix.output)), relative(fix.output))}`
          : fix.reason
            ? ` · ${text(ui.cannotFix[fix.reason] ?? fix.reason)}`
            : '';
      // The preview (original with the frame marked | copy | replaced background) beside the page.
      const preview = fix.preview
        ? `<a href="${text(href(relative(fix.preview)))}"><img alt="" src="${text(href(relative(fix.preview)))}" style="max-width:100%;height:160px;display:block;margin:4px 0;border:1px solid #ddd"></a>`
        : '';
      block.push(
        `<li class="${severity}">${text(labels.role[fix.role] ?? fix.role)}${text(ui.colon)}${text(state)}${detail}${thumb}${preview}</li>`,
      );
    }
    block.push('</ul>');
  }
  // The verdict is the batch's: a roster problem (ID number, folder) also makes the page "not ready".
  const verdict = result.ready ? ui.summaryReady : report ? null : batch.noAnswers;
  const prepared = template
    .replace('{{body}}', `${block.join('\n')}\n{{body}}`)
    .replace('{{readyClass}}', result.ready ? 'ready' : 'not-ready')
    .replaceAll('{{title}}', text(batch.pageTitle(result.name || `#${result.line}`)));
  if (report) {
    const page = renderHtml(
      { ...report, ready: result.ready },
      {
        messages,
        template: verdict ? prepared.replace('{{verdict}}', text(verdict)) : prepared,
        ...(provinceName ? { provinceName } : {}),
      },
    );
    return page;
  }
  // No verdict without answers, but the materials were still checked: show them.
  const files = result.bestFiles.flatMap((file) => [
    `<h3>${text(labels.role[file.role] ?? file.role)} · ${text(labels.fileStatus[file.status] ?? file.status)}</h3>`,
    '<ul>',
    ...file.findings
      .map((f) => localizeFinding(messages, f))
      .map(
        (f) =>
          `<li class="${text(f.severity)}">${text(f.message)}${f.fix ? `<span class="fix">${text(ui.fix)}${text(ui.colon)}${text(f.fix)}</span>` : ''}</li>`,
      ),
    '</ul>',
  ]);
  const values: Record<string, string> = {
    lang: text(messages.lang),
    title: text(batch.pageTitle(result.name || `#${result.line}`)),
    candidate: text(result.name),
    verdict: text(verdict ?? ''),
    body: files.length ? [`<h2>${text(ui.filesHeading)}</h2>`, ...files].join('\n') : '',
  };
  return prepared.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}
