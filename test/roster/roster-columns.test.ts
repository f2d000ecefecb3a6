/**
 * A carried roster column (model/roster-columns.ts) goes from its cell to the outputs its
 * declaration names, unchanged on the way. CARRIED_COLUMNS may be empty: these use a made-up one.
 */
import { describe, expect, it } from 'vitest';
import { rowFacts } from '../../src/assess/assess-applicant.js';
import { messagesFor } from '../../src/i18n/messages.js';
import type { CarriedColumn, CarriedField } from '../../src/model/roster-columns.js';
import { summaryTable, type SummaryRow } from '../../src/report/batch-summary.js';
import { carriedColumn, htmlColumns, terminalColumns } from '../../src/report/summary-columns.js';
import { readCarried, type RosterRow } from '../../src/roster/roster-rows.js';

const phone = 'phone' as CarriedField;
const declared = (column: Partial<CarriedColumn>): [CarriedField, CarriedColumn] => [
  phone,
  { headers: ['联系电话'], read: 'text', shownIn: ['table'], ...column },
];
const cells = (value: string) => (field: string) => (field === 'phone' ? value : '');

describe('a carried roster column', () => {
  it('is read as declared: one line, ID numbers masked; a month cell as YYYY-MM; a blank cell absent', () => {
    const text = readCarried(cells('138 0000 1111\n分机 2'), [declared({})]) as Record<string, string>;
    expect(text.phone).not.toContain('\n');
    const id = readCarried(cells('110101199003074514'), [declared({})]) as Record<string, string>;
    expect(id.phone).not.toBe('110101199003074514');
    const month = readCarried(cells('2019/7/1'), [declared({ read: 'month' })]) as Record<string, string>;
    expect(month.phone).toBe('2019-07');
    expect(readCarried(cells(''), [declared({})])).toBeUndefined();
  });

  it('travels with the row facts a result repeats, on every path', () => {
    const row = { line: 2, name: '张三', carried: { phone: '13800001111' }, findings: [] } as unknown as RosterRow;
    expect(rowFacts(row)).toEqual({ line: 2, name: '张三', carried: { phone: '13800001111' } });
  });

  it('shows in the outputs its declaration names and no other', () => {
    const column = carriedColumn(declared({ shownIn: ['table'] }));
    const messages = messagesFor('zh-CN');
    const words = {
      ...messages,
      batch: { ...messages.batch, columns: { ...messages.batch.columns, phone: '联系电话' } },
    };
    const row = { line: 2, carried: { phone: '13800001111' } } as unknown as SummaryRow;
    const table = summaryTable([row], words, [column]);
    expect(table).toEqual({ header: ['联系电话'], cells: [['13800001111']] });
    expect(htmlColumns([column])).toEqual([]);
    expect(terminalColumns([column])).toEqual([]);
  });
});
