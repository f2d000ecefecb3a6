/**
 * `shegong batch` through the built bin, on real files: rosters as offices write them (no province column, real majors, résumé periods),
 * eligibility-only runs, the state after --fix, folder confinement, unreadable rosters and outputs,
 * per-applicant pages and summary.xlsx.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readRow, mapColumns } from '../../src/roster/roster-rows.js';
import { decodeText } from '../../src/roster/roster-table.js';
import { folderCellProblem } from '../../src/roster/confine.js';
import { unreadableKind } from '../../src/roster/read-roster.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { columnLetter } from '../../src/report/summary-xlsx.js';
import { makePhoto } from '../helpers/make-images.js';
import { provinces } from '../helpers/fixtures.js';
import { BIN, ROOT } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-in-process.js';
import { readSummary, runBatchInProcess } from '../helpers/batch-runs.js';
import { gbk } from '../helpers/office-roster.js';

const DEMO_PHOTO = path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg');
const NO_PROVINCE = '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,身份证号,材料目录';

function workspace(names: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'shegong-batch2-'));
  for (const name of names) {
    mkdirSync(path.join(dir, 'materials', name), { recursive: true });
    copyFileSync(DEMO_PHOTO, path.join(dir, 'materials', name, '照片.jpg'));
  }
  mkdirSync(path.join(dir, 'materials'), { recursive: true });
  return dir;
}

const summary = (dir: string, out = 'out') => readSummary(path.join(dir, out));
const byName = (json: { applicants: { name: string }[] }, name: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: the test reads summary.json loosely
  json.applicants.find((a) => a.name === name) as Record<string, any>;
const ids = (findings: { id: string }[]) => findings.map((f) => f.id);
const batch = (roster: string, dir: string, extra: string[] = [], out = 'out') =>
  runBatchInProcess({ roster, output: path.join(dir, out), today: '2026-12-01', extra });

describe('roster rows (pure)', () => {
  const header = ['姓名', '报考级别', '学历', '专业', '毕业时间', '学习形式', '社会工作经历', '户籍'];
  const columns = mapColumns(header);
  /** One row of cells read as roster line 2 on 2026-12-01, with the flags' answers (if any) for its empty cells. */
  const readLine2 = (cells: string[], flags?: Parameters<typeof readRow>[6]) =>
    readRow(cells, 2, columns, provinces, '2026-12-01', header, flags);
  it('a flag fills an empty column; a roster value wins over the flag', async () => {
    const row = readLine2(['王芳', '', '本科', '社会学', '2019-06', '统招', '2019.07-至今', ''], {
      level: '中级',
      province: '广东',
    });
    expect(row.answers).toMatchObject({
      level: 'intermediate',
      major: 'other',
      studyMode: 'full-time',
      province: 'guangdong',
      work: [{ start: '2019-07' }],
    });
    const own = readLine2(['王芳', '助理', '本科', '社会学', '2019-06', '统招', '2019.07-至今', ''], { level: '中级' });
    expect(own.answers?.level).toBe('assistant');
  });
  it('no province anywhere is not a row finding; eligibility still has its answers', async () => {
    const row = readLine2(['王芳', '助理', '本科', '社会学', '2019-06', '统招', '2019.07-至今', '']);
    expect(row.answers).toBeDefined();
    expect(row.answers?.province).toBeUndefined();
    expect(ids(row.findings)).toEqual(['roster.read-as']);
  });
  it('a real major is read as "other" with an info finding quoting it', async () => {
    const row = readLine2(['王芳', '助理', '本科', '行政管理', '2019-06', '统招', '2019.07-至今', '']);
    expect(row.findings).toEqual([
      expect.objectContaining({
        id: 'roster.read-as',
        severity: 'info',
        args: expect.objectContaining({ value: '行政管理', note: 'note.major-other' }),
      }),
    ]);
  });
  it('one bad cell: a finding quoting it and naming the column; the other answers are kept', async () => {
    const badHukou = readLine2(['王芳', '助理', '本科', '社会工作', '2019-06', '全日制', '2019.07-至今', '火星']);
    expect(badHukou.findings).toEqual([
      expect.objectContaining({
        id: 'roster.value',
        args: expect.objectContaining({ field: '户籍', key: 'hukou', value: '火星' }),
      }),
    ]);
    // 户籍 is not needed for the verdict: eligibility still runs on the rest.
    expect(badHukou.answers).toMatchObject({ level: 'assistant', major: 'social-work' });
    const badWork = readLine2(['王芳', '中级', '本科', '社会工作', '2019-06', '全日制', '去年至今', '']);
    expect(ids(badWork.findings)).toEqual(['roster.value']);
    // An unreadable work cell leaves the work unknown (never zero): the verdict asks for it where it decides.
    expect(badWork.answers).toMatchObject({ work: [], unanswered: { work: 'cell' } });
    expect(badWork.level).toBe('intermediate');
  });
  it('folder cells that leave the materials folder are refused', async () => {
    expect(folderCellProblem('../x')).toBe('parent');
    expect(folderCellProblem('a/../../x')).toBe('parent');
    expect(folderCellProblem('/etc')).toBe('absolute');
    expect(folderCellProblem('C:\\Windows')).toBe('absolute');
    expect(folderCellProblem('一组/张三')).toBeUndefined();
  });
  it('knows the files it cannot read, and UTF-16 text', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(unreadableKind('花名册.xls', ole)).toMatch(/xls/);
    expect(unreadableKind('花名册.et', ole)).toMatch(/WPS/);
    expect(unreadableKind('花名册.csv', Buffer.from('姓名'))).toBeUndefined();
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名\t级别', 'utf16le')]))).toEqual({
      text: '姓名\t级别',
      encoding: 'utf-16le',
    });
    expect(decodeText(Buffer.from('name,level\n', 'utf16le')).encoding).toBe('utf-16le');
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(25)).toBe('Z');
    expect(columnLetter(26)).toBe('AA');
  });
});

describe('shegong batch (built bin)', () => {
  it('a GBK roster with no province column: runs without --province (said once), and with it', async () => {
    const dir = workspace(['王芳', '李强']);
    const rows = [
      '王芳,助理,大学本科,行政管理,2019-06,统招,2019.07-至今,,',
      '李强,中级社工,本科学历,社会工作,2016-06,普通全日制,2016.07-2018.06；2019年3月-至今,,',
    ];
    const roster = path.join(dir, '花名册.csv');
    writeFileSync(roster, gbk(`${NO_PROVINCE}\r\n${rows.join('\r\n')}\r\n`));
    const without = await batch(roster, dir, ['--materials', path.join(dir, 'materials')]);
    expect(without.code).toBe(0);
    expect(without.err).not.toMatch(/Error|at .*\.js/);
    let json = summary(dir);
    expect(json.noProvince).toBe(2);
    expect(byName(json, '王芳').rowFindings.map((f: { id: string }) => f.id)).toEqual(['roster.read-as']);
    expect(byName(json, '王芳').report.eligibility.status).toBe('eligible');
    expect(byName(json, '李强').report.candidate).toMatchObject({
      level: 'intermediate',
      education: 'bachelor',
      major: 'social-work',
    });
    expect(byName(json, '李强').report.files.map((f: { status: string }) => f.status)).toEqual(['pass']);
    // The fee needs the province: none named, and no registration.fee total.
    const fee = byName(json, '王芳').report.checklist.find((i: { id: string }) => i.id === 'registration.fee');
    expect(fee.text).not.toMatch(/= \d+/);

    const withFlag = await batch(
      roster,
      dir,
      ['--materials', path.join(dir, 'materials'), '--province', '广东'],
      'out2',
    );
    expect(withFlag.code).toBe(0);
    json = summary(dir, 'out2');
    expect(json.noProvince).toBe(0);
    expect(byName(json, '王芳').report.candidate.province).toBe('guangdong');
    expect(byName(json, '王芳').report.checklist.find((i: { id: string }) => i.id === 'registration.fee').text).toMatch(
      /= \d+/,
    );
  });

  it('a bad batch-wide flag is one usage error (exit 2), not one per row', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'r.csv'), `${NO_PROVINCE}\n王芳,助理,本科,社会工作,2019-06,全日制,2019.07-至今,,\n`);
    const result = await batch(path.join(dir, 'r.csv'), dir, ['--province', '火星']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('火星');
  });

  it('without --materials: an eligibility-only run that says so', async () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, 'r.csv'),
      `${NO_PROVINCE}\n王芳,助理,本科,社会工作,2019-06,全日制,2019.07-至今,,\n赵六,中级,本科,社会学,2025-06,全日制,2025.07-至今,,\n`,
    );
    const result = await batch(path.join(dir, 'r.csv'), dir, ['--province', '广东']);
    expect(result.code).toBe(1);
    const json = summary(dir);
    expect(json.materialsChecked).toBe(false);
    expect(byName(json, '王芳')).toMatchObject({ ready: true, materialsChecked: false });
    expect(byName(json, '王芳').rowFindings).toEqual([]);
    expect(byName(json, '赵六')).toMatchObject({ ready: false });
    expect(byName(json, '赵六').report.eligibility.status).toBe('ineligible');
    expect(readFileSync(path.join(dir, 'out', 'report.html'), 'utf8')).toContain('class="unchecked"');
  });

  it('--fix then re-check: a wrong-aspect photo becomes ready; a tiny one needs a new photo', async () => {
    const dir = workspace();
    for (const name of ['宽照', '小照']) mkdirSync(path.join(dir, 'materials', name));
    // The demo photo with white bars left and right: wrong aspect, fixable by a crop.
    await sharp(DEMO_PHOTO)
      .extend({ left: 150, right: 150, background: '#ffffff' })
      .jpeg({ quality: 95 })
      .toFile(path.join(dir, 'materials', '宽照', '照片.jpg'));
    writeFileSync(path.join(dir, 'materials', '小照', '照片.jpg'), await makePhoto({ width: 100, height: 140 }));
    writeFileSync(
      path.join(dir, 'r.csv'),
      `${NO_PROVINCE}\n宽照,助理,本科,社会工作,2019-06,全日制,2019.07-至今,,\n小照,助理,本科,社会工作,2019-06,全日制,2019.07-至今,,\n`,
    );
    const before = readFileSync(path.join(dir, 'materials', '宽照', '照片.jpg'));
    const result = await batch(path.join(dir, 'r.csv'), dir, [
      '--materials',
      path.join(dir, 'materials'),
      '--province',
      '广东',
      '--fix',
    ]);
    expect(result.code).toBe(1);
    const json = summary(dir);
    const wide = byName(json, '宽照');
    expect(wide).toMatchObject({ ready: true, readyBeforeFix: false });
    expect(wide.fixes).toEqual([
      expect.objectContaining({
        role: 'photo',
        state: 'fixed',
        statusAfter: 'pass',
        output: 'fixed/0002-宽照/照片.jpg',
      }),
    ]);
    expect(wide.report.ready).toBe(true);
    expect(wide.report.files[0].path).toContain(path.join('fixed', '0002-宽照', '照片.jpg'));
    const small = byName(json, '小照');
    expect(small.ready).toBe(false);
    expect(small.fixes.map((f: { state: string }) => f.state)).toEqual(['needs-new']);
    expect(json.fixCounts).toEqual({ fixed: 1, 'needs-new': 1, 'could-not-fix': 0 });
    expect(json).toMatchObject({ ready: 1, readyBeforeFix: 0 });
    expect(readFileSync(path.join(dir, 'materials', '宽照', '照片.jpg')).equals(before)).toBe(true);
    // The CSV: ready from the fixed copy, a column for the state after fixing.
    const csv = readFileSync(path.join(dir, 'out', 'summary.csv'), 'utf8').split('\r\n');
    const wideLine = csv.find((line) => line.includes('宽照'))!;
    expect(wideLine).toContain('fixed/0002-宽照/照片.jpg');
    const header = csv[0]!.replace(/^\uFEFF/, '').split(',');
    const zh = messagesFor('zh-CN');
    expect(wideLine.split(',')[header.indexOf(zh.batch.columns.status)]).toBe(zh.batch.status.ready);
    // The batch page links the fixed copy; the applicant's page shows it with a thumbnail.
    const html = readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('href="fixed/0002-%E5%AE%BD%E7%85%A7/%E7%85%A7%E7%89%87.jpg"');
    const page = readFileSync(path.join(dir, 'out', wide.page), 'utf8');
    expect(page).toContain('href="../fixed/0002-%E5%AE%BD%E7%85%A7/%E7%85%A7%E7%89%87.jpg"');
    expect(page).toMatch(/<img alt="" src="data:image\/jpeg;base64,/);
    expect(page).toContain('href="../report.html"');
  });

  it('folders stay inside --materials: ../x, /etc, a symlink out, a FIFO and a link to /etc/passwd are findings', async () => {
    const dir = workspace(['安全']);
    const materials = path.join(dir, 'materials');
    mkdirSync(path.join(dir, 'secret'));
    copyFileSync(DEMO_PHOTO, path.join(dir, 'secret', '照片.jpg'));
    symlinkSync(path.join(dir, 'secret'), path.join(materials, 'link'));
    mkdirSync(path.join(materials, '特殊'));
    symlinkSync('/etc/passwd', path.join(materials, '特殊', '照片.jpg'));
    execFileSync('mkfifo', [path.join(materials, '特殊', '身份证正面.jpg')]);
    const rows = ['越界,../secret', '绝对,/etc', '链接,link', '特殊,', '安全,', '../secret,'].map((cells) => {
      const [name, folder] = cells.split(',');
      return `${name},助理,本科,社会工作,2019-06,全日制,2019.07-至今,,${folder}`;
    });
    writeFileSync(path.join(dir, 'r.csv'), `${NO_PROVINCE}\n${rows.join('\n')}\n`);
    // The FIFO named like a material is never opened (a read of it would block the run for good).
    const result = await batch(path.join(dir, 'r.csv'), dir, ['--materials', materials, '--province', '广东', '--fix']);
    expect(result.code).toBe(1);
    const json = summary(dir);
    const reasons = (name: string) =>
      byName(json, name)
        .rowFindings.filter((f: { id: string }) => f.id !== 'roster.read-as')
        .map((f: { id: string; measured: { reason?: string } }) => `${f.id}:${f.measured.reason ?? ''}`);
    expect(reasons('越界')).toEqual(['roster.folder-outside:parent']);
    expect(reasons('绝对')).toEqual(['roster.folder-outside:absolute']);
    expect(reasons('链接')).toEqual(['roster.folder-outside:outside']);
    expect(reasons('特殊').sort()).toEqual(['roster.file-refused:not-regular', 'roster.file-refused:outside']);
    // A name that is a path is not used as a folder.
    expect(reasons('../secret')).toEqual(['roster.folder:']);
    expect(byName(json, '安全').ready).toBe(true);
    // Nothing outside was read or copied.
    expect(existsSync(path.join(dir, 'out', 'fixed'))).toBe(false);
    expect(JSON.stringify(json)).not.toContain('root:');
    expect(readFileSync(path.join(dir, 'out', 'report.html'), 'utf8')).not.toContain(path.join(dir, 'secret'));
  });

  it('two applicants in folders with the same last name never share fixed copies', async () => {
    const dir = workspace();
    for (const group of ['组1', '组2']) {
      mkdirSync(path.join(dir, 'materials', group, '张伟'), { recursive: true });
      await sharp(DEMO_PHOTO)
        .extend({ left: 150, right: 150, background: '#ffffff' })
        .jpeg()
        .toFile(path.join(dir, 'materials', group, '张伟', '照片.jpg'));
    }
    writeFileSync(
      path.join(dir, 'r.csv'),
      `${NO_PROVINCE}\n张伟,助理,本科,社会工作,2019-06,全日制,2019.07-至今,,组1/张伟\n张伟,助理,本科,社会工作,2019-06,全日制,2019.07-至今,,组2/张伟\n`,
    );
    await batch(path.join(dir, 'r.csv'), dir, [
      '--materials',
      path.join(dir, 'materials'),
      '--province',
      '广东',
      '--fix',
    ]);
    const outputs = summary(dir)
      .applicants.flatMap((a: { fixes: { output: string }[] }) => a.fixes.map((f) => f.output))
      .sort();
    // One folder per roster row (line + name), never the folder's basename.
    expect(outputs).toEqual(['fixed/0002-张伟/照片.jpg', 'fixed/0003-张伟/照片.jpg']);
  });

  it('rosters that cannot be read, and outputs that cannot be written, say why (exit 2, no stack trace)', async () => {
    const dir = workspace();
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    writeFileSync(path.join(dir, '花名册.xls'), ole);
    writeFileSync(path.join(dir, '花名册.et'), ole);
    writeFileSync(path.join(dir, 'a-file'), 'x');
    writeFileSync(path.join(dir, 'random.xlsx'), Buffer.concat([Buffer.from('PK'), Buffer.alloc(300, 7)]));
    const cases: [string[], RegExp][] = [
      [[path.join(dir, '花名册.xls')], /\.xlsx/],
      [[path.join(dir, '花名册.et')], /WPS/],
      [[path.join(dir, 'missing.csv')], /找不到花名册/],
      [[dir], /文件夹/],
      [[path.join(dir, 'random.xlsx')], /不是可读的表格/],
    ];
    for (const [args, message] of cases) {
      const result = await batch(args[0]!, dir);
      expect(result.code, args[0]).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err).not.toMatch(/内部错误| {4}at |Error:/);
    }
    writeFileSync(path.join(dir, 'r.csv'), `${NO_PROVINCE}\n王芳,助理,本科,社会工作,2019-06,全日制,2019.07-至今,,\n`);
    const roster = path.join(dir, 'r.csv');
    for (const output of [path.join(dir, 'a-file'), path.join(dir, 'a-file', 'sub'), '/proc/shegong-out']) {
      const result = await runMain(['batch', roster, '--output', output, '--today', '2026-12-01'], {}, ROOT);
      expect(result.code, output).toBe(2);
      expect(result.err).toContain('无法使用输出目录');
      expect(result.err).not.toMatch(/内部错误| {4}at /);
    }
    // An xlsx without the sheet asked for says which.
    const { default: writeXlsxFile } = await import('write-excel-file/node');
    await writeXlsxFile([NO_PROVINCE.split(',').map((value) => ({ value }))], {}).toFile(
      path.join(dir, 'one-sheet.xlsx'),
    );
    const sheet = await batch(path.join(dir, 'one-sheet.xlsx'), dir, ['--sheet', '9']);
    expect(sheet.code).toBe(2);
    expect(sheet.err).toContain('没有工作表“9”');
    // English too.
    const english = await runMain(
      ['batch', path.join(dir, '花名册.xls'), '--output', path.join(dir, 'o'), '--lang', 'en'],
      {},
      ROOT,
    );
    expect(english.err).toMatch(/save it as \.xlsx or CSV/i);
  });

  it('an unwritable output folder (read-only) is a sentence, not a stack trace', async () => {
    const dir = workspace();
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'ro'));
    chmodSync(path.join(dir, 'ro'), 0o555);
    writeFileSync(path.join(dir, 'r.csv'), `${NO_PROVINCE}\n王芳,助理,本科,社会工作,2019-06,全日制,2019.07-至今,,\n`);
    const args = [BIN, 'batch', path.join(dir, 'r.csv'), '--output', path.join(dir, 'ro'), '--today', '2026-12-01'];
    // Root writes anywhere: run as nobody, as a counsellor's own account would be.
    const asRoot = process.getuid?.() === 0;
    const result = spawnSync(
      asRoot ? 'setpriv' : process.execPath,
      asRoot ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args] : args,
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SHEGONG_CONFIG_DIR: dir } },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('没有写入权限');
    expect(result.stderr).not.toMatch(/ {4}at |内部错误/);
  });

  it('a UTF-16 roster (Excel "Unicode text") is read', async () => {
    const dir = workspace();
    const text = `${NO_PROVINCE.replaceAll(',', '\t')}\r\n王芳\t助理\t本科\t社会工作\t2019-06\t全日制\t2019.07-至今\t\t\r\n`;
    writeFileSync(
      path.join(dir, 'unicode.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const result = await batch(path.join(dir, 'unicode.txt'), dir, ['--province', '广东']);
    expect(result.code).toBe(0);
    expect(result.err).toContain('utf-16le');
    expect(byName(summary(dir), '王芳').ready).toBe(true);
  });

  it('summary.xlsx reads back: header, masked IDs as text, deadlines as dates, frozen header, filters', async () => {
    const dir = workspace(['王芳']);
    writeFileSync(
      path.join(dir, 'r.csv'),
      `${NO_PROVINCE}\n王芳,助理,本科,社会工作,2019-06,全日制,2019.07-至今,440106198001010107,\n赵六,中级,本科,社会学,2025-06,全日制,2025.07-至今,110105194912310021,\n`,
    );
    await batch(path.join(dir, 'r.csv'), dir, ['--materials', path.join(dir, 'materials'), '--province', '广东']);
    const file = path.join(dir, 'out', 'summary.xlsx');
    const { readSheet } = await import('read-excel-file/node');
    const rows = (await readSheet(readFileSync(file))) as unknown[][];
    const header = rows[0] as string[];
    expect(header).toEqual(expect.arrayContaining(['姓名', '身份证号', '级别', '状态', '报名截止', '修复后']));
    expect(rows).toHaveLength(3);
    const at = (row: unknown[], title: string) => row[header.indexOf(title)];
    const wang = rows.find((row) => row.includes('王芳'))!;
    expect(at(wang, '身份证号')).toBe('440106********0107');
    expect(at(wang, '级别')).toBe('助理社会工作师（初级）');
    expect(at(wang, '状态')).toBe('就绪');
    expect(at(wang, '报名截止')).toBeInstanceOf(Date);
    const zhao = rows.find((row) => row.includes('赵六'))!;
    expect(at(zhao, '状态')).toBe('不符合');
    expect(readFileSync(path.join(dir, 'out', 'summary.csv'), 'utf8')).not.toContain('110105194912310021');
    const sheet = strFromU8(unzipSync(readFileSync(file))['xl/worksheets/sheet1.xml']!);
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(new RegExp(`<autoFilter ref="A1:${columnLetter(header.length - 1)}3"/>`));
    // Not-ready rows carry a fill; the ready row does not.
    const styles = strFromU8(unzipSync(readFileSync(file))['xl/styles.xml']!);
    expect(styles.toUpperCase()).toContain('FDE8E8');
    // A default (Normal) cell style: without it openpyxl warns "Workbook contains no default style".
    expect(styles).toMatch(/<cellStyle name="Normal" xfId="0" builtinId="0"\/>/);
  });

  it('a row with one unreadable cell still gets its materials checked, on its page too', async () => {
    const dir = workspace(['王芳']);
    writeFileSync(path.join(dir, 'r.csv'), `${NO_PROVINCE}\n王芳,中级社工,本科,社会工作,2019-06,全日制,从去年开始,,\n`);
    expect((await batch(path.join(dir, 'r.csv'), dir, ['--materials', path.join(dir, 'materials')])).code).toBe(1);
    const wang = byName(summary(dir), '王芳');
    // The work is unknown, and 中级 needs years: the row needs information, with a verdict that says so.
    expect(wang).toMatchObject({ ready: false, status: 'needs-info', level: 'intermediate' });
    expect(wang.report.eligibility.status).toBe('unknown');
    expect(wang.rowFindings).toEqual([
      expect.objectContaining({ id: 'roster.value', measured: { field: 'work', value: '从去年开始' } }),
    ]);
    const csv = readFileSync(path.join(dir, 'out', 'summary.csv'), 'utf8');
    expect(csv).toContain('社会工作师（中级）');
    expect(csv).toContain('通过');
    const page = readFileSync(path.join(dir, 'out', wang.page), 'utf8');
    expect(page).toContain('从去年开始');
    expect(page).toContain('<h3>报名照片 · 通过</h3>');
  });

  it('per-applicant pages: self-contained HTML beside the Markdown, linked from report.html', async () => {
    const dir = workspace(['王芳']);
    writeFileSync(
      path.join(dir, 'r.csv'),
      `${NO_PROVINCE}\n王芳,助理,本科,社会工作,2019-06,全日制,2019.07-至今,110105194912310021,\n`,
    );
    await batch(path.join(dir, 'r.csv'), dir, ['--materials', path.join(dir, 'materials'), '--province', '广东']);
    const json = summary(dir);
    const wang = byName(json, '王芳');
    // A bad ID number makes the batch verdict "not ready": the page and the JSON report agree.
    expect(wang.ready).toBe(false);
    expect(wang.report.ready).toBe(false);
    expect(existsSync(path.join(dir, 'out', 'reports', '0002-王芳.md'))).toBe(true);
    const page = readFileSync(path.join(dir, 'out', wang.page), 'utf8');
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).toContain('class="verdict not-ready"');
    expect(page).toContain('110105********0021');
    expect(page).not.toContain('110105194912310021');
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    const html = readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain(`href="${encodeURI(wang.page)}"`);
    expect(html).toContain('@page { size: A4 landscape');
    expect(html).toContain('<th scope="col">级别</th>');
  });
});
