/** The pure defences behind the batch attacks: masking, names, encodings, bounds. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { safeCell } from '../../src/report/batch-summary.js';
import { checkXlsx, inspectXlsx, ROSTER_LIMITS, type XlsxChecked } from '../../src/roster/roster-limits.js';
import { mapColumns } from '../../src/roster/roster-rows.js';
import { decodeText, parseCsvRoster } from '../../src/roster/roster-table.js';
import { fileNamePart, maskIds, oneLine } from '../../src/roster/safe-text.js';

describe('maskIds', () => {
  it('masks 18- and 15-character IDs anywhere, keeps other numbers', () => {
    expect(maskIds('m/440106199203150022/照片.png')).toBe('m/440106********0022/照片.png');
    expect(maskIds('无法识别：“11010519491231002X”')).toBe('无法识别：“110105********002X”');
    expect(maskIds('old 440106920315003 id')).toBe('old 440106*****5003 id');
    expect(maskIds('2026-03-01, 13800138000, 4401061992031500221')).toBe(
      '2026-03-01, 13800138000, 4401061992031500221',
    );
  });
});

describe('names as file names', () => {
  it('NUL, newlines, a cut emoji, reserved names and 300 characters become one safe, short part', () => {
    expect(oneLine('李\u0000四\n五')).toBe('李 四 五');
    expect(fileNamePart('a\uD83D')).toBe('a\uFFFD');
    expect(fileNamePart(`${'a'.repeat(59)}😀😀`)).toBe(`${'a'.repeat(59)}😀`);
    expect([...fileNamePart('名'.repeat(300))]).toHaveLength(60);
    expect(fileNamePart('../../x')).not.toMatch(/^\.|\//);
    expect(fileNamePart('CON')).toBe('_CON');
    expect(fileNamePart('440106199203150022')).toBe('440106_0022');
  });

  it('full-width ＝＋－＠ at the start of a CSV cell are neutralised like = + - @', () => {
    for (const text of ['＝1+1', '＋1', '－1', '＠SUM(A1)', '=1', '@x'])
      expect(safeCell(text).startsWith("'")).toBe(true);
    expect(safeCell('张三')).toBe('张三');
  });
});

describe('rosters as offices save them and as attackers do', () => {
  it('a GBK header over UTF-8 rows: each line in its own encoding', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xbc, 0xb6, 0xb1, 0xf0, 0x0a]),
      Buffer.from('张三,助理\n'),
    ]);
    expect(decodeText(bytes)).toEqual({ text: '姓名,级别\n张三,助理\n', encoding: 'utf-8+gb18030' });
  });

  it('a 2 MB header line is refused on the bytes; a million-column header maps in well under a second', () => {
    const long = parseCsvRoster(Buffer.from(`${'a,'.repeat(1_000_000)}\nx\n`));
    expect(long).toMatchObject({ ok: false, line: 1, reason: 'record-too-big' });
    // CPU time, not wall time: on a shared 2-core machine the wall clock also counts other work.
    const started = process.cpuUsage();
    mapColumns(Array.from({ length: 1_000_000 }, (_, i) => `c${i}`));
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(1_500);
  });

  it('too many columns or rows: refused with a reason, not parsed on', () => {
    expect(
      parseCsvRoster(
        Buffer.from(`${Array.from({ length: ROSTER_LIMITS.columns + 1 }, (_, i) => `c${i}`).join(',')}\n`),
      ),
    ).toMatchObject({ ok: false, reason: 'too-many-columns' });
    const rows = `姓名,报考级别\n${'张三,助理\n'.repeat(ROSTER_LIMITS.rows + 1)}`;
    expect(parseCsvRoster(Buffer.from(rows))).toMatchObject({ ok: false, reason: 'too-many-rows' });
  });

  it('checkXlsx: a sheet unpacking past the cap and a sheet with too many rows are refused; a normal one passes', () => {
    const small = {
      xlsxPartBytes: 1024 * 1024,
      xlsxTotalBytes: 2 * 1024 * 1024,
      rows: 10,
    } as unknown as typeof ROSTER_LIMITS;
    const sheet = (body: string) =>
      zipSync({
        'xl/worksheets/sheet1.xml': [strToU8(`<worksheet><sheetData>${body}</sheetData></worksheet>`), { level: 9 }],
      });
    expect(checkXlsx(sheet(' '.repeat(3 * 1024 * 1024)), { ...ROSTER_LIMITS, ...small })).toEqual({
      reason: 'xlsx-too-big',
    });
    expect(checkXlsx(sheet('<row r="1"/>'.repeat(20)), { ...ROSTER_LIMITS, ...small })).toMatchObject({
      reason: 'too-many-rows',
      rows: 20,
    });
    expect(checkXlsx(sheet('<x:row r="1"></x:row>'.repeat(20)), { ...ROSTER_LIMITS, ...small })).toMatchObject({
      reason: 'too-many-rows',
    });
    expect(checkXlsx(sheet('<row r="1"/>'.repeat(5)), { ...ROSTER_LIMITS, ...small })).toBeUndefined();
    expect(checkXlsx(strToU8('not a zip at all'))).toEqual({ reason: 'not-a-zip' });
  });
});

describe('a cell pointing past the shared strings', () => {
  it('is patched in a copy: the roster bytes handed in stay as they were (a stored, unzipped sheet)', () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>99</v></c></row></sheetData></worksheet>`;
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>姓名</t></si></sst>`;
    // level 0: the sheet is stored, so its part is a view on the package's bytes, a Buffer as read from disk.
    const bytes = Buffer.from(
      zipSync({
        'xl/worksheets/sheet1.xml': [strToU8(sheet), { level: 0 }],
        'xl/sharedStrings.xml': strToU8(strings),
      }),
    );
    const before = Uint8Array.from(bytes);
    const checked = inspectXlsx(bytes);
    expect('reason' in checked).toBe(false);
    expect((checked as XlsxChecked).danglingRows).toEqual([2]);
    expect(Uint8Array.from(bytes)).toEqual(before);
    expect(Uint8Array.from((checked as XlsxChecked).bytes)).not.toEqual(before);
  });
});
