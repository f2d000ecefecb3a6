import { describe, expect, it } from 'vitest';
import { assessCandidate } from '../../src/assess/assess-candidate.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { buildReport } from '../../src/report/build-report.js';
import { plain } from '../../src/report/painter.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { displayWidth, renderTable } from '../../src/text/table.js';
import { calendar, makeAnswers, provinces, ruleSet } from '../helpers/fixtures.js';

const outcome = assessCandidate({
  answers: makeAnswers({ work: [{ start: '2025-06' }] }),
  ruleSet,
  calendar,
  today: '2026-02-20',
});
const report = (lang: 'zh-CN' | 'en') =>
  buildReport(outcome, { lang, messages: messagesFor(lang), ruleSet, provinces });

describe('report', () => {
  it('has the shape docs/contract.md gives', () => {
    const r = report('zh-CN');
    expect(r).toMatchObject({ schema: 'shegong.report/v1', today: '2026-02-20', year: 2026, ready: false });
    expect(r.eligibility).toMatchObject({
      status: 'ineligible',
      requiredYears: 2,
      countedMonths: 19,
      shortfallMonths: 5,
    });
    for (const finding of r.eligibility.findings)
      expect(Object.keys(finding)).toEqual(expect.arrayContaining(['id', 'severity', 'message', 'fix']));
    for (const item of r.checklist) expect(['done', 'todo', 'blocked', 'info']).toContain(item.status);
    expect(r.dates.events[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        start: expect.any(String),
        estimated: expect.any(Boolean),
        source: expect.any(String),
        daysFromToday: expect.any(Number),
        note: expect.any(String),
      }),
    );
    expect(r.next[0]?.id).toBe('eligibility.verdict');
  });

  it('every finding and checklist item has words in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const r = report(lang);
      for (const finding of r.eligibility.findings) expect(finding.message).not.toBe(finding.id);
      for (const item of r.checklist) expect(item.text).not.toBe(item.id);
    }
  });

  it('text: summary first, groups, next action last', () => {
    const text = renderText(report('zh-CN'), { messages: messagesFor('zh-CN'), painter: plain, verbose: false });
    // The verdict (✗: not ready) comes before the first group heading, whatever the header lines above it.
    const verdict = text.search(/^✗/m);
    expect(verdict).toBeGreaterThanOrEqual(0);
    expect(verdict).toBeLessThan(text.indexOf('资格\n'));
    expect(text.search(/^✓/m) === -1 || text.search(/^✓/m) > verdict).toBe(true);
    expect(text.indexOf('资格\n')).toBeLessThan(text.indexOf('考后\n'));
    expect(text).toMatch(/还差 \d+ 项/);
    expect(text).not.toContain('ykbgo');
    const verbose = renderText(report('zh-CN'), { messages: messagesFor('zh-CN'), painter: plain, verbose: true });
    expect(verbose).toContain('ykbgo.com'); // the seed's looser 助理 claim, shown only as context
  });

  it('markdown: checkboxes and a dates table', () => {
    const md = renderMarkdown(report('en'), { messages: messagesFor('en'), verbose: true });
    expect(md).toMatch(/^# /);
    expect(md).toContain('- [ ] ');
    expect(md).toContain('| --- |');
  });
});

describe('CJK alignment', () => {
  it('pads by display width, not by string length', () => {
    const lines = renderTable([
      ['已计工作年限', 'x'],
      ['route', 'y'],
    ]);
    expect(displayWidth(lines[0]!.slice(0, lines[0]!.indexOf('x')))).toBe(
      displayWidth(lines[1]!.slice(0, lines[1]!.indexOf('y'))),
    );
  });
});
