/** One candidate's report as a self-contained HTML page (--format html). Every value is escaped. Pure. */
import type { Messages } from '../i18n/messages.js';
import { CHECKLIST_GROUPS } from '../model/report.js';
import { escapeHtml } from '../text/html.js';
import type { Report } from './build-report.js';
import type { ReportFinding } from './localize.js';
import { eventWhen } from './render-text.js';
import { answerRows } from './answer-rows.js';

const finding = (f: ReportFinding, messages: Messages) =>
  `<li class="${escapeHtml(f.severity)}">${escapeHtml(f.message)}${f.fix ? `<span class="fix">${escapeHtml(messages.ui.fix)}${escapeHtml(messages.ui.colon)}${escapeHtml(f.fix)}</span>` : ''}</li>`;

export function renderHtml(
  report: Report,
  options: { messages: Messages; template: string; provinceName?: (id: string) => string },
): string {
  const { messages, template } = options;
  const provinceName = options.provinceName ?? ((id: string) => id);
  const { ui, labels } = messages;
  const e = report.eligibility;
  const c = report.candidate;
  const blocked = report.checklist.filter((i) => i.status === 'blocked' || i.status === 'missed').length;
  const todo = report.checklist.filter((i) => i.status === 'todo').length;
  const sections: string[] = [];

  const eligibility = [
    `<h2>${escapeHtml(ui.eligibilityHeading)}${escapeHtml(ui.colon)}${escapeHtml(labels.eligibility[e.status] ?? e.status)}</h2>`,
    '<ul>',
  ];
  if (e.routeText)
    eligibility.push(`<li class="info">${escapeHtml(ui.route)}${escapeHtml(ui.colon)}${escapeHtml(e.routeText)}</li>`);
  if (e.requiredYears) {
    eligibility.push(
      `<li class="info">${escapeHtml(ui.counted)}${escapeHtml(ui.colon)}${escapeHtml(ui.countedLine(messages.months(e.countedMonths), messages.months(e.requiredYears * 12), messages.day(e.cutoff)))}</li>`,
    );
  }
  eligibility.push(...e.findings.filter((f) => f.severity !== 'info').map((f) => finding(f, messages)), '</ul>');
  sections.push(eligibility.join('\n'));

  if (report.files.length) {
    const files = [`<h2>${escapeHtml(ui.filesHeading)}</h2>`];
    for (const file of report.files) {
      files.push(
        `<h3>${escapeHtml(labels.role[file.role] ?? file.role)} · ${escapeHtml(labels.fileStatus[file.status] ?? file.status)}</h3><div class="meta">${escapeHtml(file.path)}</div>`,
      );
      files.push('<ul>', ...file.findings.map((f) => finding(f, messages)), '</ul>');
    }
    sections.push(files.join('\n'));
  }

  for (const group of CHECKLIST_GROUPS) {
    const items = report.checklist.filter((item) => item.group === group);
    if (!items.length) continue;
    sections.push(
      [
        `<h2>${escapeHtml(labels.group[group] ?? group)}</h2>`,
        '<ul>',
        ...items.map(
          (item) =>
            `<li class="${escapeHtml(item.status)}">${escapeHtml(item.text)}${item.due && item.status !== 'info' && item.status !== 'done' ? ` <span class="due">${escapeHtml(ui.due(item.due, item.dueEstimated ?? false))}</span>` : ''}</li>`,
        ),
        '</ul>',
      ].join('\n'),
    );
  }

  sections.push(
    [
      `<h2>${escapeHtml(ui.datesHeading)}</h2>`,
      '<table>',
      ...report.dates.events.map(
        (event) =>
          `<tr><td>${escapeHtml(event.title)}</td><td class="${event.estimated ? 'estimated' : ''}">${escapeHtml(eventWhen(event, messages))}</td><td>${escapeHtml(event.note)}</td></tr>`,
      ),
      '</table>',
    ].join('\n'),
  );
  if (report.registrationClosed?.judged)
    sections.push(
      `<p><b>${escapeHtml(ui.nextAction)}</b>${escapeHtml(ui.colon)}${escapeHtml(report.registrationClosed.nextText)}</p>`,
    );
  else if (report.nextDeadline)
    sections.push(
      `<p><b>${escapeHtml(ui.nextAction)}</b>${escapeHtml(ui.colon)}${escapeHtml(report.nextDeadline.text)}</p>`,
    );
  if (report.data) sections.push(`<p class="data">${escapeHtml(report.data.text)}</p>`);

  // The answers this page was made from, so a printed copy can be checked later.
  sections.push(
    [
      `<h2>${escapeHtml(ui.answersHeading)}</h2>`,
      '<table class="answers">',
      ...answerRows(c, messages, { province: provinceName }).map(
        ([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
      ),
      '</table>',
    ].join('\n'),
  );

  const values: Record<string, string> = {
    lang: escapeHtml(report.lang),
    title: escapeHtml(ui.title(report.year)),
    candidate: escapeHtml(
      `${ui.candidate}${ui.colon}${[labels.level[String(c.level)], labels.education[String(c.education)], labels.major[String(c.major)], labels.studyMode[String(c.studyMode)]].join(' · ')} · ${ui.provinceLabel} ${c.province ? provinceName(String(c.province)) : ui.provinceNone}`,
    ),
    made: escapeHtml(ui.madeOn(report.today)),
    readyClass: report.ready ? 'ready' : 'not-ready',
    verdict: escapeHtml(
      report.registrationClosed?.judged
        ? report.registrationClosed.text
        : `${
            report.ready
              ? todo
                ? ui.summaryReadyTodo(todo)
                : ui.summaryReady
              : report.eligibility.status === 'unknown'
                ? ui.summaryNeedsInfo(todo)
                : ui.summaryNotReady(blocked, todo)
          }${report.registrationClosed ? ` ${report.registrationClosed.text}` : ''}`,
    ),
    body: sections.join('\n'),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}
