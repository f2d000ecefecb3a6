/**
 * Rosters as training offices write them, for tests: GBK CSV (what Excel saves on Chinese
 * Windows, encoded by iconv) and xlsx built with fflate, with number cells and merged title rows.
 */
import { execFileSync } from 'node:child_process';
import { strToU8, zipSync } from 'fflate';

/** GB18030 bytes of a text (iconv: Node decodes GB18030 but cannot encode it). */
export const gbk = (text: string) =>
  Buffer.from(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text }));

/** A cell: text, or a number as Excel stores it (`{ n: 4.40106e17 }`). */
export type XlsxCell = string | { n: number };

const column = (index: number) => {
  let name = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) name = String.fromCharCode(65 + ((i - 1) % 26)) + name;
  return name;
};
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An .xlsx of one sheet; `merges` like `A1:J1` (a merged title row). */
export function xlsx(rows: XlsxCell[][], merges: string[] = []): Uint8Array {
  const cell = (value: XlsxCell, r: number, c: number) =>
    typeof value === 'string'
      ? value === ''
        ? ''
        : `<c r="${column(c)}${r}" t="inlineStr"><is><t>${xmlText(value)}</t></is></c>`
      : `<c r="${column(c)}${r}"><v>${value.n}</v></c>`;
  const merged = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, r + 1, c)).join('')}</row>`).join('')}</sheetData>${merged}</worksheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}
