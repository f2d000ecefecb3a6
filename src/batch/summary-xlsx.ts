/**
 * summary.xlsx (issue 10): the summary as a sheet counsellors can work in. Frozen header, filters on
 * every column, not-ready rows coloured, ID numbers as (masked) text, the registration deadline as a
 * real date. Written with write-excel-file; the filter is added to the sheet XML afterwards, since
 * the writer has no option for it.
 */
import type { Messages } from '../i18n/messages.js';
import type { SummaryRow } from './batch-summary.js';
import { summaryTable } from './batch-summary.js';

const NOT_READY_FILL = '#FDE8E8';
const HEADER_FILL = '#E5E7EB';

/** A1-style column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Adds `<autoFilter ref="A1:…"/>` right after </sheetData> (its place in the OOXML schema), and the
 * hidden `_xlnm._FilterDatabase` name Excel itself writes for it.
 */
export async function addAutoFilter(xlsx: Uint8Array, ref: string, sheetName: string): Promise<Uint8Array> {
  const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
  const files = unzipSync(xlsx);
  const sheet = files['xl/worksheets/sheet1.xml'];
  const workbook = files['xl/workbook.xml'];
  if (!sheet || !workbook) return xlsx;
  const xml = strFromU8(sheet);
  if (xml.includes('<autoFilter')) return xlsx;
  files['xl/worksheets/sheet1.xml'] = strToU8(xml.replace('</sheetData>', `</sheetData><autoFilter ref="${ref}"/>`));
  const absolute = ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  const name = `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${sheetName.replace(/'/g, "''")}'!${absolute}</definedName>`;
  files['xl/workbook.xml'] = strToU8(strFromU8(workbook).replace(/<definedNames\/>|<definedNames>/, (found) => (found === '<definedNames/>' ? `<definedNames>${name}</definedNames>` : `<definedNames>${name}`)));
  return zipSync(files, { level: 6 });
}

export async function summaryXlsx(rows: SummaryRow[], messages: Messages): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const { header, cells } = summaryTable(rows, messages);
  const idColumn = header.indexOf(messages.batch.columns.id);
  const deadlineColumn = header.indexOf(messages.batch.columns.deadline);
  const data = [
    header.map((title) => ({ value: title, fontWeight: 'bold' as const, backgroundColor: HEADER_FILL, wrap: true })),
    ...cells.map((line, i) => {
      const row = rows[i]!;
      const fill = row.ready ? {} : { backgroundColor: NOT_READY_FILL };
      return line.map((value, column) =>
        typeof value === 'number'
          ? { value, type: Number, ...fill }
          : column === deadlineColumn && row.registrationEnd
            ? { value: new Date(`${row.registrationEnd}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd', ...fill }
            : // Every other cell as text: an ID number never becomes 4.4E+17, a name starting with = is not a formula.
              { value: String(value), type: String, ...(column === idColumn ? { fontFamily: 'Consolas' } : {}), ...fill },
      );
    }),
  ];
  // Column widths in characters, by column (a CJK character counts about two).
  const c = messages.batch.columns;
  const width: Record<string, number> = { [c.line]: 6, [c.name]: 10, [c.id]: 22, [c.level]: 24, [c.ready]: 6, [c.eligibility]: 14, [c.route]: 40, [c.problem]: 56, [c.fixed]: 40, [c.deadline]: 12, [c.report]: 28 };
  const widths = header.map((title) => width[title] ?? 12);
  const sheet = messages.batch.title.slice(0, 31);
  const buffer = await writeXlsxFile(data as never, {
    sheet,
    stickyRowsCount: 1,
    orientation: 'landscape',
    columns: widths.map((width) => ({ width })),
  }).toBuffer();
  return addAutoFilter(new Uint8Array(buffer), `A1:${columnLetter(header.length - 1)}${rows.length + 1}`, sheet);
}
