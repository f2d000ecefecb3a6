/** SUMMARY_COLUMNS is the one list of the batch summary's columns: every output follows it. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n/messages.js';
import { UPLOAD_ROLES } from '../../src/model/rules.js';
import { safeCell, type SummaryRow, summaryCsv, summaryTable } from '../../src/report/batch-summary.js';
import { plain } from '../../src/report/painter.js';
import { batchPageParts, batchRowHtml } from '../../src/report/render-batch-html.js';
import { renderBatchSummaryText } from '../../src/report/render-batch-summary.js';
import {
  htmlColumns,
  SUMMARY_COLUMNS,
  type SummaryColumn,
  tableColumns,
  terminalColumns,
} from '../../src/report/summary-columns.js';
import { columnLetter, summaryXlsx } from '../../src/report/summary-xlsx.js';

const row = (line: number, ready: boolean): SummaryRow => ({
  line,
  name: `p${line}`,
  id: '110105********002X',
  level: 'assistant',
  ready,
  status: ready ? 'ready' : 'not-ready',
  readyBeforeFix: ready,
  materialsChecked: true,
  eligibility: 'eligible',
  route: 'route',
  files: { photo: 'pass' },
  fixStates: {},
  fixedFiles: {},
  problem: ready ? '' : `problem of p${line}`,
  fixed: '',
  report: `reports/${line}.md`,
  page: `reports/${line}.html`,
  registrationEnd: '2027-03-17',
});

const ROWS = [row(2, false), row(3, true)];
const files = UPLOAD_ROLES.map((role) => `file:${role}`);

/** Header cells of the terminal table (columns are two or more spaces apart). */
const terminalHeader = (columns?: readonly SummaryColumn[]) =>
  renderBatchSummaryText(
    { rows: ROWS, notes: [], output: '/out', htmlFile: '/out/report.html' },
    { messages: messagesFor('en'), painter: plain, columns },
  )
    .split('\n')[0]!
    .trim()
    .split(/ {2,}/);

const PAGE = '<colgroup>{{cols}}</colgroup><tr>{{head}}</tr>{{rows}}{{moreRows}}';
const pageHead = (columns?: readonly SummaryColumn[]) => {
  const { before } = batchPageParts({
    total: 2,
    counts: { ready: 1, 'not-ready': 1, 'needs-info': 0, ineligible: 0 },
    messages: messagesFor('en'),
    template: PAGE,
    meta: '',
    columns,
  });
  return {
    titles: [...before.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]),
    widths: [...before.matchAll(/<col style="width:([^"]*)">/g)].map((m) => m[1]),
  };
};

async function sheet(columns?: readonly SummaryColumn[], messages = messagesFor('en')) {
  const xml = strFromU8(unzipSync(await summaryXlsx(ROWS, messages, columns))['xl/worksheets/sheet1.xml']!);
  const firstRow = xml.match(/<row r="1">(.*?)<\/row>/)![1]!;
  return {
    xml,
    header: [...firstRow.matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) => m[1]),
    widths: [...xml.matchAll(/<col min="\d+" max="\d+" width="([^"]+)"/g)].map((m) => Number(m[1])),
  };
}

describe('SUMMARY_COLUMNS', () => {
  it('names each column once', () => {
    const keys = SUMMARY_COLUMNS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps each output its own subset and order', () => {
    expect(tableColumns().map((c) => c.key)).toEqual([
      'line',
      'name',
      'id',
      'level',
      'status',
      'eligibility',
      'route',
      ...files,
      'problem',
      'fixed',
      'deadline',
      'report',
    ]);
    expect(htmlColumns().map((c) => c.key)).toEqual([
      'thumbnail',
      'line',
      'name',
      'level',
      'id',
      'status',
      'eligibility',
      ...files,
      'problem',
      'report',
    ]);
    expect(terminalColumns().map((c) => c.key)).toEqual(['line', 'name', 'status', 'eligibility', 'problem']);
  });
});

describe.each(['zh-CN', 'en'] as const)('every output follows the list (%s)', (lang) => {
  const messages = messagesFor(lang);
  const headers = (columns: readonly SummaryColumn[]) => columns.map((c) => c.header(messages));

  it('summary.csv: header and cells in table order', () => {
    const [header] = summaryCsv(ROWS, messages)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(header).toBe(headers(tableColumns()).map(safeCell).join(','));
    expect(summaryTable(ROWS, messages).cells[0]).toHaveLength(tableColumns().length);
  });

  it('summary.xlsx: header and widths in table order', async () => {
    const { header, widths } = await sheet(undefined, messages);
    expect(header).toEqual(headers(tableColumns()));
    expect(widths).toEqual(tableColumns().map((c) => c.table.width));
  });

  it('report.html: head, widths and cells in html order', () => {
    const { before } = batchPageParts({
      total: 2,
      counts: { ready: 1, 'not-ready': 1, 'needs-info': 0, ineligible: 0 },
      messages,
      template: PAGE,
      meta: '',
    });
    const titles = [...before.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(titles).toEqual(headers(htmlColumns()));
    expect(before.match(/<col /g)).toHaveLength(htmlColumns().length);
    expect(batchRowHtml(ROWS[0]!, messages).match(/<td[ >]/g)).toHaveLength(htmlColumns().length);
    // Every cell names its column, for the card layout on narrow screens.
    expect(batchRowHtml(ROWS[0]!, messages).match(/<td data-label="[^"]+"/g)).toHaveLength(htmlColumns().length);
  });

  it('the terminal table: header in terminal order', () => {
    const text = renderBatchSummaryText(
      { rows: ROWS, notes: [], output: '/out', htmlFile: '/out/report.html' },
      { messages, painter: plain },
    );
    expect(text.split('\n')[0]!.trim().split(/ {2,}/)).toEqual(headers(terminalColumns()));
  });
});

describe('a column added to the list', () => {
  const room: SummaryColumn = {
    key: 'room',
    header: () => 'Exam room',
    value: (r) => `room-${r.line}`,
    table: { width: 9 },
    html: { width: '5%' },
    terminal: {},
  };
  const afterName = (column: SummaryColumn) => {
    const at = SUMMARY_COLUMNS.findIndex((c) => c.key === 'name') + 1;
    return [...SUMMARY_COLUMNS.slice(0, at), column, ...SUMMARY_COLUMNS.slice(at)];
  };
  const columns = afterName(room);
  const messages = messagesFor('en');

  it('appears in summary.csv', () => {
    const [header, first] = summaryCsv(ROWS, messages, columns)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(header!.split(',').slice(0, 3)).toEqual(['Row', 'Name', 'Exam room']);
    expect(first!.split(',').slice(0, 3)).toEqual(['2', 'p2', 'room-2']);
  });

  it('appears in summary.xlsx, with its width', async () => {
    const { xml, header, widths } = await sheet(columns);
    expect(header.slice(0, 3)).toEqual(['Row', 'Name', 'Exam room']);
    expect(widths[2]).toBe(9);
    expect(xml).toContain('<c r="C2" s="4" t="inlineStr"><is><t xml:space="preserve">room-2</t></is></c>');
    expect(xml).toContain(`<autoFilter ref="A1:${columnLetter(header.length - 1)}3"/>`);
  });

  it('appears in report.html, head and cells', () => {
    const { titles, widths } = pageHead(columns);
    expect(titles.slice(0, 4)).toEqual(['Photo', 'Row', 'Name', 'Exam room']);
    expect(widths[3]).toBe('5%');
    expect(batchRowHtml(ROWS[0]!, messages, columns)).toContain(
      '<td data-label="Name">p2</td><td data-label="Exam room">room-2</td>',
    );
  });

  it('appears in the terminal table', () => {
    expect(terminalHeader(columns).slice(0, 3)).toEqual(['Row', 'Name', 'Exam room']);
  });

  it('stays out of an output it has no facet for', async () => {
    const csvOnly = afterName({ ...room, html: undefined, terminal: undefined });
    expect(pageHead(csvOnly).titles).not.toContain('Exam room');
    expect(terminalHeader(csvOnly)).not.toContain('Exam room');
    expect((await sheet(csvOnly)).header).toContain('Exam room');
  });

  it('can sit elsewhere in the page with `before`', () => {
    const early = afterName({ ...room, html: { width: '5%', before: 'line' } });
    expect(pageHead(early).titles.slice(0, 3)).toEqual(['Photo', 'Exam room', 'Row']);
    expect(summaryTable([], messages, early).header.slice(0, 3)).toEqual(['Row', 'Name', 'Exam room']);
  });
});
