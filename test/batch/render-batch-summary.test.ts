/** The batch's pure summary pieces: the terminal table, the run notes, an applicant's Markdown. */
import { describe, expect, it } from 'vitest';
import type { SummaryRow } from '../../src/report/batch-summary.js';
import { renderBatchSummaryText, runNotes, type RunTotals } from '../../src/report/render-batch-summary.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { plain } from '../../src/report/painter.js';

const messages = messagesFor('en');

const row = (line: number, ready: boolean, name = `p${line}`, status = ready ? 'ready' : 'not-ready'): SummaryRow =>
  ({
    line,
    name,
    id: '',
    level: 'assistant',
    ready,
    status,
    readyBeforeFix: ready,
    materialsChecked: true,
    eligibility: 'eligible',
    route: '',
    files: {},
    fixStates: {},
    fixedFiles: {},
    problem: ready ? '' : `problem of ${name}`,
    fixed: '',
  }) as SummaryRow;

const view = (rows: SummaryRow[], notes: string[] = []) => ({
  rows,
  notes,
  output: '/out',
  htmlFile: '/out/report.html',
});

/** The roster lines of the table (the lines before the first blank one, after its header). */
const lineNumbers = (text: string) =>
  text
    .split('\n\n')[0]!
    .split('\n')
    .slice(1)
    .map((l) => l.match(/^(\d+)\s/)?.[1])
    .filter(Boolean)
    .map(Number);

describe('renderBatchSummaryText', () => {
  it('lists the not-ready applicants first, then the ready ones, in roster order', () => {
    const text = renderBatchSummaryText(view([row(2, true), row(3, false), row(4, true), row(5, false)]), {
      messages,
      painter: plain,
    });
    expect(lineNumbers(text)).toEqual([3, 5, 2, 4]);
    expect(text).toContain(messages.batch.counts(4, { ready: 2, 'not-ready': 2, 'needs-info': 0, ineligible: 0 }));
    expect(text.endsWith(`${messages.batch.html('/out/report.html')}\n`)).toBe(true);
  });

  it('lists needing information first, then not ready, then ineligible, and counts each status apart', () => {
    const rows = [row(2, true), row(3, false, 'a', 'ineligible'), row(4, false, 'b', 'needs-info'), row(5, false)];
    const text = renderBatchSummaryText(view(rows), { messages, painter: plain });
    expect(lineNumbers(text)).toEqual([4, 5, 3, 2]);
    expect(text).toContain(messages.batch.counts(4, { ready: 1, 'not-ready': 1, 'needs-info': 1, ineligible: 1 }));
  });

  it('shows at most 40 rows and says there are more', () => {
    const rows = Array.from({ length: 45 }, (_, i) => row(i + 2, i % 2 === 0));
    const text = renderBatchSummaryText(view(rows), { messages, painter: plain });
    expect(lineNumbers(text)).toHaveLength(40);
    expect(text.split('\n')).toContain('…');
  });

  it('never prints an ID number whole, even in a name', () => {
    const text = renderBatchSummaryText(view([row(2, false, '11010519491231002X')]), { messages, painter: plain });
    expect(text).not.toContain('11010519491231002X');
  });

  it('prints the run notes between the counts and the paths', () => {
    const text = renderBatchSummaryText(view([row(2, true)], ['NOTE-A', 'NOTE-B']), { messages, painter: plain });
    const lines = text.split('\n');
    expect(lines.indexOf('NOTE-A')).toBe(
      lines.indexOf(messages.batch.counts(1, { ready: 1, 'not-ready': 0, 'needs-info': 0, ineligible: 0 })) + 1,
    );
    expect(lines.indexOf('NOTE-B')).toBe(lines.indexOf(messages.batch.written('/out')) - 1);
  });
});

describe('runNotes', () => {
  const totals: RunTotals = {
    finished: 3,
    total: 5,
    ready: 2,
    readyBeforeFix: 1,
    interrupted: false,
    materialsChecked: true,
    fixed: false,
    noProvince: 0,
    fixCounts: { fixed: 0, 'needs-new': 0, 'could-not-fix': 0 },
  };

  it('says nothing for a complete run with materials, provinces and no --fix', () => {
    expect(runNotes(totals, messages)).toEqual([]);
  });

  it('says each thing that holds for the whole run, once, in order', () => {
    const notes = runNotes(
      { ...totals, interrupted: true, materialsChecked: false, noProvince: 2, fixed: true },
      messages,
    );
    expect(notes).toEqual([
      messages.batch.interruptedNote(3, 5),
      messages.batch.materialsNotChecked,
      messages.batch.noProvince(2),
      messages.batch.fixSummary(0, 0, 0),
      messages.batch.readyAfterFix(1, 2),
    ]);
  });
});
