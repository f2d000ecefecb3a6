/**
 * summary.xlsx: the summary as a sheet counsellors can work in. Frozen header, filters on
 * every column, not-ready rows coloured, ID numbers as (masked) text, the registration deadline as a
 * real date. Written by hand as a stream (see writeSummaryXlsx), so memory does not grow with the roster.
 */
import type { Messages } from '../i18n/messages.js';
import type { SummaryRow } from './batch-summary.js';
import { summaryTable } from './batch-summary.js';
import { SUMMARY_COLUMNS, type SummaryColumn, tableColumns } from './summary-columns.js';

const NOT_READY_FILL = '#FDE8E8';
const NEEDS_INFO_FILL = '#FEF3C7';
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

/** Text as XML character data: escaped, without the characters XML 1.0 forbids (NUL, lone surrogates). */
const xmlText = (value: string) =>
  value
    // eslint-disable-next-line no-control-regex
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    )
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const excelSerial = (day: string) => Math.round((Date.parse(`${day}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
/** Cell styles: 0 plain, 1 header, 2 ID (Consolas), 3 date, then 4–6 on the not-ready fill, 7–9 on the needs-information fill. */
// The Normal cell style (cellStyleXfs + cellStyles) is what readers such as openpyxl expect as the default.
const STYLES = `${XML}<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="100" formatCode="yyyy-mm-dd"/></numFmts><fonts count="3"><font><family val="2"/><scheme val="minor"/><color theme="1"/></font><font><family val="2"/><scheme val="minor"/><b/><color theme="1"/></font><font><name val="Consolas"/><family val="2"/><color theme="1"/></font></fonts><fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FF${HEADER_FILL.slice(1)}"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FF${NOT_READY_FILL.slice(1)}"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FF${NEEDS_INFO_FILL.slice(1)}"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="10"><xf/><xf fontId="1" applyFont="1" fillId="2" applyFill="1" applyAlignment="1"><alignment wrapText="1"/></xf><xf fontId="2" applyFont="1"/><xf numFmtId="100" applyNumberFormat="1"/><xf fillId="3" applyFill="1"/><xf fontId="2" applyFont="1" fillId="3" applyFill="1"/><xf numFmtId="100" applyNumberFormat="1" fillId="3" applyFill="1"/><xf fillId="4" applyFill="1"/><xf fontId="2" applyFont="1" fillId="4" applyFill="1"/><xf numFmtId="100" applyNumberFormat="1" fillId="4" applyFill="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/**
 * summary.xlsx streamed: the sheet is written row by row into a deflate stream and
 * handed out in chunks, so 20,000 applicants never sit in memory as cell objects (write-excel-file
 * took ~230 MB for them). Same look as before: frozen header, filters, widths, fills, dates as dates.
 */
export async function writeSummaryXlsx(
  rows: readonly SummaryRow[],
  messages: Messages,
  sink: (chunk: Uint8Array) => Promise<void>,
  columns: readonly SummaryColumn[] = SUMMARY_COLUMNS,
): Promise<void> {
  const { Zip, ZipDeflate, strToU8 } = await import('fflate');
  const shown = tableColumns(columns);
  const { header } = summaryTable([], messages, shown);
  const sheetName = messages.batch.title.slice(0, 31);
  const last = columnLetter(header.length - 1);
  const ref = `A1:${last}${rows.length + 1}`;

  let pending: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else pending.push(chunk);
  });
  const flush = async () => {
    if (failure) throw failure;
    const out = pending;
    pending = [];
    for (const chunk of out) await sink(chunk);
  };
  const whole = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(text), true);
  };
  whole(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default ContentType="application/xml" Extension="xml"/><Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" PartName="/xl/workbook.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" PartName="/xl/styles.xml"/><Override ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" PartName="/xl/worksheets/sheet1.xml"/></Types>`,
  );
  whole(
    '_rels/.rels',
    `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const absolute = ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  whole(
    'xl/workbook.xml',
    `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets><sheet r:id="rId1" sheetId="1" name="${xmlText(sheetName)}"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${xmlText(sheetName.replace(/'/g, "''"))}'!${absolute}</definedName></definedNames><calcPr/></workbook>`,
  );
  whole(
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  whole('xl/styles.xml', STYLES);
  await flush();

  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  const cols = header
    .map((_, i) => `<col min="${i + 1}" max="${i + 1}" width="${shown[i]!.table.width}" customWidth="1"/>`)
    .join('');
  sheet.push(
    strToU8(
      `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" xSplit="0" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>`,
    ),
  );
  const text = (ref1: string, value: string, style: number) =>
    `<c r="${ref1}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
  sheet.push(strToU8(`<row r="1">${header.map((title, i) => text(`${columnLetter(i)}1`, title, 1)).join('')}</row>`));
  const BATCH = 500;
  for (let start = 0; start < rows.length; start += BATCH) {
    const slice = rows.slice(start, start + BATCH);
    const { cells } = summaryTable(slice, messages, shown);
    const xml = cells
      .map((line, k) => {
        const row = slice[k]!;
        const r = start + k + 2;
        const fill = row.ready ? 0 : row.status === 'needs-info' ? 6 : 3;
        return `<row r="${r}">${line
          .map((value, column) => {
            const at = `${columnLetter(column)}${r}`;
            if (typeof value === 'number') return `<c r="${at}"${fill ? ` s="${fill + 1}"` : ''}><v>${value}</v></c>`;
            const kind = shown[column]!.table.kind;
            if (kind === 'date' && value) return `<c r="${at}" s="${3 + fill}"><v>${excelSerial(value)}</v></c>`;
            // Every other cell as text: an ID number never becomes 4.4E+17, a name starting with = is not a formula.
            return text(at, value, kind === 'id' ? 2 + fill : fill ? fill + 1 : 0);
          })
          .join('')}</row>`;
      })
      .join('');
    sheet.push(strToU8(xml));
    await flush();
  }
  sheet.push(
    strToU8(
      `</sheetData><autoFilter ref="${ref}"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>`,
    ),
    true,
  );
  zip.end();
  await flush();
}

/** The whole file in memory (small rosters, tests). */
export async function summaryXlsx(
  rows: readonly SummaryRow[],
  messages: Messages,
  columns: readonly SummaryColumn[] = SUMMARY_COLUMNS,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeSummaryXlsx(
    rows,
    messages,
    async (chunk) => {
      chunks.push(chunk);
    },
    columns,
  );
  return new Uint8Array(Buffer.concat(chunks));
}
