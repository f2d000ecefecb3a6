import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, validateIdNumber } from '../../src/text/id-number.js';
import { safeCell } from '../../src/report/batch-summary.js';
import { escapeHtml } from '../../src/text/html.js';
import { mapColumns, normaliseMonthCell, readRow } from '../../src/roster/roster-rows.js';
import { decodeText, parseCsvRoster } from '../../src/roster/roster-table.js';
import { provinces } from '../helpers/fixtures.js';
import { type BatchRun, finishedOne, readSummary, runBatchInProcess, spawnBatch } from '../helpers/batch-runs.js';
import { gbk, xlsx } from '../helpers/office-roster.js';
import { ROOT } from '../helpers/run-cli.js';

const HEADER = '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,已有证书,报考省份,户籍,身份证号,材料目录';
const ROWS = [
  '张三,助理,本科,其他,2019-07,全日制,2019-08..,,广东,广东,11010519491231002X,',
  '李四,中级,本科,社会工作,2018年7月,全日制,2018-08..2020-12; 2021-03..,,湖北,河南,1.10105E+17,',
  '"=HYPERLINK(""x"")",助理,本科,社会工作,2026-06,全日制,,,浙江,,34052419800101001X,',
  '<b>赵六</b>,助理,本科,其他,2019-07,全日制,2019-08..,,广东,,370101190102039973,',
];

function workspace() {
  const dir = mkdtempSync(path.join(tmpdir(), 'shegong-batch-'));
  const demo = path.join(ROOT, 'templates', 'demo', 'files');
  for (const name of ['张三', '李四']) {
    mkdirSync(path.join(dir, 'materials', name), { recursive: true });
    copyFileSync(path.join(demo, '照片.jpg'), path.join(dir, 'materials', name, '照片.jpg'));
  }
  mkdirSync(path.join(dir, 'materials', '<b>赵六</b>'.replace(/[<>/]/g, '_')), { recursive: true });
  return dir;
}

describe('ID numbers (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '440524188001010014', '34052419800101001X', '370101190102039973'])(
    '%s is valid',
    (id) => {
      expect(validateIdNumber(id, '2026-11-21').ok).toBe(true);
    },
  );
  it.each([
    ['1.10105E+17', 'mangled'],
    ['110105194912310000', 'mangled'],
    ['110105194912310021', 'check-digit'],
    ['11010519491331002X', 'birth-date'],
    ['1101051949123100', 'length'],
  ])('%s → %s', (id, reason) => {
    expect(validateIdNumber(id, '2026-11-21')).toMatchObject({ ok: false, reason });
  });
  it('masks all but the area code and the last four', async () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

describe('roster parsing', () => {
  it('decodes strict UTF-8, UTF-8 with BOM, else GB18030', async () => {
    const text = `${HEADER}\n`;
    expect(decodeText(Buffer.from(text, 'utf8')).encoding).toBe('utf-8');
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toMatchObject({
      encoding: 'utf-8-bom',
      text,
    });
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]); // 姓名 in GBK
    expect(decodeText(gbk)).toEqual({ text: '姓名', encoding: 'gb18030' });
  });

  it('maps Chinese and English header synonyms', async () => {
    expect(
      mapColumns([
        '姓名',
        'Level',
        'education',
        '所学专业',
        '毕业年月',
        'study_mode',
        'work',
        'certs',
        '省份',
        'hukou',
        '身份证号码',
        'folder',
      ]),
    ).toEqual({
      name: 0,
      level: 1,
      education: 2,
      major: 3,
      graduated: 4,
      studyMode: 5,
      work: 6,
      certificates: 7,
      province: 8,
      hukou: 9,
      idNumber: 10,
      folder: 11,
    });
  });

  it('reads month cells as offices type them', async () => {
    expect(['43647', '2019-07-01', '2019/7/1', '2019.07', '2019年7月'].map(normaliseMonthCell)).toEqual([
      '2019-07',
      '2019-07',
      '2019-07',
      '2019.07',
      '2019年7月',
    ]);
  });

  it('a bad row gets findings with its line; a good one complete answers', async () => {
    const table = parseCsvRoster(Buffer.from(`${HEADER}\n${ROWS[0]}\n王五,专家,本科,其他,,全日制,,,广东,,,\n`));
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    const columns = mapColumns(table.table.header);
    const good = readRow(table.table.rows[0]!.cells, 2, columns, provinces, '2026-11-21');
    expect(good.answers).toMatchObject({ level: 'assistant', province: 'guangdong', work: [{ start: '2019-08' }] });
    expect(good).toMatchObject({ idMasked: '110105********002X', idTail: '31002X' });
    const bad = readRow(table.table.rows[1]!.cells, 3, columns, provinces, '2026-11-21');
    expect(bad.answers).toBeUndefined();
    expect(bad.findings.map((f) => f.id)).toEqual(['roster.value', 'roster.missing']);
  });

  it('neutralises formula cells and escapes HTML', async () => {
    expect(['=1+1', '+86', '-2', '@x', 'ok'].map(safeCell)).toEqual(["'=1+1", "'+86", "'-2", "'@x", 'ok']);
    expect(escapeHtml('<img src=x onerror="a">&\'')).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
  });
});

describe('shegong batch (built bin)', () => {
  /** A run of `roster` with the workspace's materials into its out/. */
  const inWorkspace = (roster: string, dir: string, extra: string[] = []): BatchRun => ({
    roster,
    materials: path.join(dir, 'materials'),
    output: path.join(dir, 'out'),
    today: '2026-11-21',
    extra,
  });
  const run = (roster: string, dir: string, extra: string[] = []) => runBatchInProcess(inWorkspace(roster, dir, extra));

  it('a GBK roster with Chinese names round-trips into every report', async () => {
    const dir = workspace();
    const roster = path.join(dir, 'roster.csv');
    writeFileSync(roster, gbk(`${HEADER}\r\n${ROWS.join('\r\n')}\r\n`));
    const result = await run(roster, dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('gb18030');
    const out = path.join(dir, 'out');
    const csv = readFileSync(path.join(out, 'summary.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('张三');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toContain('11010519491231002X');
    const json = readSummary(out);
    expect(json.applicants).toHaveLength(4);
    // Entries are streamed as applicants finish; each carries its roster line.
    const byName = (name: string) => json.applicants.find((a: { name: string }) => a.name === name);
    expect(byName('张三').report.eligibility.status).toBe('eligible');
    expect(JSON.stringify(json)).not.toContain('11010519491231002X');
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('&lt;b&gt;赵六&lt;/b&gt;');
    expect(html).not.toContain('<b>赵六</b>');
    expect(html).toContain('data:image/jpeg;base64,');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    expect(existsSync(path.join(out, 'reports', '0002-张三.md'))).toBe(true);
    // Row 3 (李四): Excel-mangled ID; row 5: no materials folder.
    expect(byName('李四').rowFindings.map((f: { id: string }) => f.id)).toContain('roster.id-number');
    expect(byName('<b>赵六</b>').rowFindings.map((f: { id: string }) => f.id)).toContain('roster.folder');
    expect(json).toMatchObject({ total: 4, finished: 4, interrupted: false });
  });

  it('a UTF-8 BOM roster and an xlsx roster give the same verdicts', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'bom.csv'), `\uFEFF${HEADER}\n${ROWS[0]}\n`);
    writeFileSync(path.join(dir, 'roster.xlsx'), xlsx([HEADER.split(','), ROWS[0]!.split(',')]));
    expect((await run(path.join(dir, 'bom.csv'), dir)).code).toBe(0);
    const fromXlsx = await run(path.join(dir, 'roster.xlsx'), dir);
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.err).toContain('xlsx');
    expect(readSummary(path.join(dir, 'out')).applicants[0]).toMatchObject({
      name: '张三',
      idMasked: '110105********002X',
    });
  });

  it('an unreadable roster exits 2 with the reason', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'empty.csv'), '');
    expect((await run(path.join(dir, 'empty.csv'), dir)).code).toBe(2);
    expect((await run(path.join(dir, 'missing.csv'), dir)).code).toBe(2);
    writeFileSync(path.join(dir, 'fake.xlsx'), 'PK not a zip');
    expect((await run(path.join(dir, 'fake.xlsx'), dir)).code).toBe(2);
  });

  it('--fix writes copies under OUTPUT/fixed/<applicant>/, never touches originals, names what needs replacing', async () => {
    const dir = workspace();
    const photo = path.join(dir, 'materials', '张三', '照片.jpg');
    await sharp(readFileSync(photo))
      .rotate(90)
      .withMetadata({ orientation: 8 })
      .jpeg({ quality: 95 })
      .toFile(path.join(dir, 'rotated.jpg'));
    copyFileSync(path.join(dir, 'rotated.jpg'), photo);
    copyFileSync(
      path.join(ROOT, 'templates/demo/files/工作证明.jpg'),
      path.join(dir, 'materials', '张三', '工作证明.jpg'),
    );
    const before = readFileSync(photo);
    writeFileSync(path.join(dir, 'r.csv'), `${HEADER}\n${ROWS[0]}\n`);
    await run(path.join(dir, 'r.csv'), dir, ['--fix']);
    expect(existsSync(path.join(dir, 'out', 'fixed', '0002-张三', '照片.jpg'))).toBe(true);
    expect(existsSync(path.join(dir, 'out', 'fixed', '0002-张三', '工作证明.jpg'))).toBe(false);
    expect(readFileSync(photo).equals(before)).toBe(true);
    const markdown = readFileSync(path.join(dir, 'out', 'reports', '0002-张三.md'), 'utf8');
    expect(markdown).toContain(path.join('fixed', '0002-张三', '照片.jpg'));
    expect(markdown).toContain('需要重新拍摄或扫描');
    expect(readFileSync(path.join(dir, 'out', 'summary.csv'), 'utf8')).toContain(
      path.join('fixed', '0002-张三', '照片.jpg'),
    );
  });

  it('Ctrl-C keeps the reports of the applicants already finished (exit 130)', async () => {
    const dir = workspace();
    const rows = Array.from({ length: 120 }, () => ROWS[0]);
    writeFileSync(path.join(dir, 'big.csv'), `${HEADER}\n${rows.join('\n')}\n`);
    const child = spawnBatch(inWorkspace(path.join(dir, 'big.csv'), dir, ['--concurrency', '1']));
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    // One Ctrl-C stops cleanly (the process exits 130 itself); a second would (rightly) kill at once.
    await finishedOne(child, 120);
    child.kill('SIGINT');
    expect(await code).toBe(130);
    const json = readSummary(path.join(dir, 'out'));
    expect(json.interrupted).toBe(true);
    expect(json.finished).toBeGreaterThan(0);
    expect(json.finished).toBeLessThan(120);
  }, 60_000);
});

describe('roster line numbers', () => {
  const REVIEW_HEADER = '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,报考省份,身份证号';
  it('survive blank lines; a bad ID does not hide the verdict', () => {
    const table = parseCsvRoster(
      Buffer.from(`${REVIEW_HEADER}\n\n\n李一,助理,本科,其他,2018-07,全日制,2018-08..,广东,110105194912310021\n`),
    );
    expect(table.ok && table.table.rows[0]?.line).toBe(4);
    if (!table.ok) return;
    const row = readRow(
      table.table.rows[0]!.cells,
      4,
      mapColumns(table.table.header),
      provinces,
      '2026-11-21',
      table.table.header,
    );
    expect(row.findings.map((f) => f.id)).toEqual(['roster.id-number']);
    expect(row.answers?.level).toBe('assistant');
  });
});

describe('batch --fix with the materials inside the output', () => {
  it('summary.json stays valid JSON with concurrent applicants; --fix never writes over an original', async () => {
    const HEADER9 = '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,报考省份,身份证号';
    const pngBytes = await sharp(path.join(ROOT, 'templates/demo/files/照片.jpg')).png().toBuffer();
    const work = mkdtempSync(path.join(tmpdir(), 'shegong-batch-'));
    const materials = path.join(work, 'out', 'fixed');
    const rows: string[] = [];
    for (let n = 0; n < 12; n += 1) {
      mkdirSync(path.join(materials, `A${n}`), { recursive: true });
      // PNG bytes named .jpg: fixable, and its fixed copy would be fixed/A<n>/照片.jpg — the original itself.
      writeFileSync(path.join(materials, `A${n}`, '照片.jpg'), pngBytes);
      rows.push(`A${n},助理,本科,其他,2018-07,全日制,2018-08..,广东,`);
    }
    const before = readFileSync(path.join(materials, 'A0', '照片.jpg'));
    writeFileSync(path.join(work, 'r.csv'), `${HEADER9}\n${rows.join('\n')}\n`);
    // Materials inside the output's fixed/ folder: the worst case for overwriting.
    const result = await runBatchInProcess({
      roster: path.join(work, 'r.csv'),
      materials,
      output: path.join(work, 'out'),
      today: '2026-11-21',
      extra: ['--concurrency', '4', '--fix'],
    });
    expect(result.code).toBe(0);
    const json = readSummary(path.join(work, 'out'));
    expect(json.applicants).toHaveLength(12);
    // Fixed copies go under a key per roster row (0002-A0), never the original's own folder.
    for (let n = 0; n < 12; n += 1)
      expect(readFileSync(path.join(materials, `A${n}`, '照片.jpg')).equals(before)).toBe(true);
    expect(readFileSync(path.join(work, 'out', 'summary.csv'), 'utf8')).toContain('fixed/0002-A0/照片.jpg');
  }, 60_000);
});
