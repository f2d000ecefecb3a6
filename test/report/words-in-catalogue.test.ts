/** The core names things by code; every word and every punctuation mark comes from the catalogue. */
import { describe, expect, it } from 'vitest';
import { fromRecords } from '../../src/roster/roster-table.js';
import { assessCandidate } from '../../src/assess/assess-candidate.js';
import { buildEvents, examDates } from '../../src/dates/build-events.js';
import { messagesFor, problemText } from '../../src/i18n/messages.js';
import type { Lang } from '../../src/model/rules.js';
import { buildDatesReport } from '../../src/report/dates-report.js';
import { localizeEvent, nameContext } from '../../src/report/localize.js';
import { buildReport } from '../../src/report/build-report.js';
import { plain } from '../../src/report/painter.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { calendar, makeAnswers, provinces, ruleSet } from '../helpers/fixtures.js';

const FULL_WIDTH = /[：；（），、]/;
const lastYear = Math.max(...Object.keys(calendar.years).map(Number));
const estimatedYear = lastYear + 1;

const outcome = assessCandidate({
  answers: makeAnswers({ work: [{ start: '2025-06' }] }),
  ruleSet,
  calendar,
  today: '2026-02-20',
});
const report = (lang: Lang) => {
  const r = buildReport(outcome, { lang, messages: messagesFor(lang), ruleSet, provinces });
  // A checked file with measured and expected values, so the Markdown shows its heading and the verbose line.
  r.files.push({
    path: 'photo.jpg',
    role: 'photo',
    status: 'fail',
    measured: {},
    findings: [
      { id: 'photo.pixels', severity: 'error', message: 'm', measured: { width: 1 }, expected: { width: 2 }, fix: 'f' },
    ],
  });
  return r;
};

describe('dates: an estimated exam weekend says where it was copied from in words of the reader’s language', () => {
  it('the core keeps the derivation as data (year and sources), not as a sentence', () => {
    const exam = examDates(calendar, estimatedYear);
    expect(exam.estimated).toBe(true);
    expect(exam.source).toBe(calendar.pattern.source);
    expect(exam.derived).toEqual({ kind: 'exam-copied', from: String(lastYear), sources: [expect.any(String)] });
    const event = buildEvents(calendar, ruleSet, { year: estimatedYear, today: '2026-02-20' }).find(
      (e) => e.id === 'exam',
    );
    expect(event?.derived?.kind).toBe('exam-copied');
  });

  it('English keeps its sentence; Chinese gets a Chinese one', () => {
    const dates = (lang: Lang) =>
      buildDatesReport({
        calendar,
        ruleSet,
        provinces,
        lang,
        messages: messagesFor(lang),
        today: '2026-02-20',
        year: estimatedYear,
      }).events.find((e) => e.id === 'exam')!;
    expect(dates('en').source).toContain(`exam weekend copied from ${lastYear}`);
    expect(dates('zh-CN').source).not.toMatch(/copied|earliest/);
    expect(dates('zh-CN').source).toContain(String(lastYear));
    expect(dates('zh-CN')).not.toHaveProperty('derived');
  });

  it('a conservative registration close is worded per language, naming the provinces', () => {
    const event = buildEvents(calendar, ruleSet, { year: estimatedYear, today: '2026-02-20', deadlines: true }).find(
      (e) => e.id === 'registration',
    )!;
    expect(event.derived?.kind).toBe('earliest-close');
    const { from, provinces: first = [] } = event.derived!;
    const zh = localizeEvent(messagesFor('zh-CN'), event, nameContext(ruleSet, provinces, 'zh-CN'));
    expect(zh.source).not.toMatch(/earliest provincial close/);
    for (const id of first) expect(zh.source).toContain(provinces.find((p) => p.id === id)!.zh);
    const en = localizeEvent(messagesFor('en'), event, nameContext(ruleSet, provinces, 'en'));
    expect(en.source).toContain(`earliest provincial close in ${from}: ${first.join(', ')}`);
  });
});

describe('report renderers take their punctuation from the catalogue', () => {
  it('--lang en Markdown has no full-width punctuation of its own', () => {
    const md = renderMarkdown(report('en'), { messages: messagesFor('en'), verbose: true });
    expect(md).toContain('`photo.jpg` (');
    expect(md).toContain('width=1; ');
    // Words that come from the (Chinese) rule data, such as sources, are not in this report.
    const offending = md.split('\n').filter((line) => FULL_WIDTH.test(line));
    expect(offending.map((line) => `${line.match(FULL_WIDTH)?.[0]} ${line.slice(0, 60)}`)).toEqual([]);
  });

  it('Chinese Markdown keeps its full-width punctuation', () => {
    const md = renderMarkdown(report('zh-CN'), { messages: messagesFor('zh-CN'), verbose: true });
    expect(md).toContain('：`photo.jpg`（');
    expect(md).toContain('width=1；');
  });

  it('verbose text names the source with the language’s colon', () => {
    const zh = renderText(report('zh-CN'), { messages: messagesFor('zh-CN'), painter: plain, verbose: true });
    const source = messagesFor('zh-CN').ui.source;
    expect(zh).toContain(`${source}：`);
    expect(zh).not.toContain(`${source}: `);
  });
});

describe('roster problems are codes', () => {
  it('a roster without a header row says so by code', () => {
    expect(fromRecords([], 'utf-8')).toMatchObject({ ok: false, reason: 'no-header-row' });
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = problemText(messagesFor(lang), 'error.roster', { reason: 'no-header-row' });
      expect(text).not.toContain('no-header-row');
    }
  });
});
