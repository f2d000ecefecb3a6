/**
 * Rosters as offices write them, through the real `batch` command: a third status for rows whose
 * verdict turns on a missing answer, counted apart and never folded into "ineligible".
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { gbk, xlsx } from '../helpers/office-roster.js';
import { runMain } from '../helpers/run-in-process.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { maskMangledId } from '../../src/text/id-number.js';
import { guessRole } from '../../src/files/guess-role.js';
import { ROOT } from '../helpers/run-cli.js';

const workspace = () => mkdtempSync(path.join(tmpdir(), 'shegong-office-'));
// biome-ignore lint/suspicious/noExplicitAny: the test reads summary.json loosely
const summary = (dir: string): any => JSON.parse(readFileSync(path.join(dir, 'out', 'summary.json'), 'utf8'));
// biome-ignore lint/suspicious/noExplicitAny: the test reads summary.json loosely
const byName = (json: any, name: string) => json.applicants.find((a: { name: string }) => a.name === name);
const batch = (roster: string, dir: string, extra: string[] = []) =>
  runMain(['batch', roster, '--output', path.join(dir, 'out'), '--today', '2026-12-06', ...extra]);

describe('needs information: its own status, with the question to ask', () => {
  it('a GBK roster: unknown enrolment and a blank 学历 need information; a blank 学习形式 still gets a verdict', async () => {
    const dir = workspace();
    const roster = path.join(dir, '花名册.csv');
    const rows = [
      '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历',
      // Four years of work before a full-time 大专 whose enrolment month is not given.
      '甲,助理,大专,其他,2023-06,全日制,2016.01-2020.08',
      // Blank study mode, all work after graduation: the mode cannot matter.
      '乙,助理,本科,其他,2015-06,,2015.07-至今',
      // No work before graduation: no enrolment month could help.
      '丙,中级,本科,社会学,2025-06,全日制,2025.07-至今',
      // Blank 学历: no verdict yet.
      '丁,助理,,其他,2015-06,全日制,2015.07-至今',
    ];
    writeFileSync(roster, gbk(`${rows.join('\r\n')}\r\n`));
    const result = await batch(roster, dir, ['--province', '广东']);
    expect(result.code).toBe(1);
    const json = summary(dir);
    expect(byName(json, '甲')).toMatchObject({ status: 'needs-info', ready: false });
    expect(byName(json, '甲').report.eligibility).toMatchObject({ status: 'unknown' });
    expect(byName(json, '甲').report.eligibility.findings[0]).toMatchObject({
      id: 'eligibility.ask-enrolment',
      // 48 months of work from 2016-01 are needed before enrolment.
      expected: { enrolled: '>=2020-01' },
    });
    expect(byName(json, '乙')).toMatchObject({ status: 'ready', ready: true });
    expect(byName(json, '乙').report.eligibility.status).toBe('eligible');
    expect(byName(json, '丙')).toMatchObject({ status: 'ineligible' });
    expect(byName(json, '丁')).toMatchObject({ status: 'needs-info', report: null });
    expect(json.statusCounts).toEqual({ ready: 1, 'not-ready': 0, 'needs-info': 2, ineligible: 1 });
    // The status column in summary.csv, and the question as the row's first problem.
    const csv = readFileSync(path.join(dir, 'out', 'summary.csv'), 'utf8').split('\r\n');
    const header = csv[0]!.replace(/^\uFEFF/, '').split(',');
    const line = (name: string) => csv.find((l) => l.split(',')[1] === name)!.split(',');
    const zh = messagesFor('zh-CN');
    expect(line('甲')[header.indexOf(zh.batch.columns.status)]).toBe(zh.batch.status['needs-info']);
    expect(line('丙')[header.indexOf(zh.batch.columns.status)]).toBe(zh.batch.status.ineligible);
    expect(line('甲')[header.indexOf(zh.batch.columns.problem)]).toBe(
      byName(json, '甲').report.eligibility.findings[0].message,
    );
    // summary.xlsx: a needs-information row has its own fill (style 7–9), never the not-ready one.
    const sheet = strFromU8(
      unzipSync(readFileSync(path.join(dir, 'out', 'summary.xlsx')))['xl/worksheets/sheet1.xml']!,
    );
    const rowXml = (name: string) => sheet.split('<row ').find((r) => r.includes(`>${name}<`))!;
    expect(rowXml('甲')).toMatch(/ s="7"/);
    expect(rowXml('丙')).toMatch(/ s="4"/);
    // report.html and the terminal count the statuses apart.
    const html = readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('class="count needs-info"><b>2</b>');
    expect(result.out).toContain(zh.batch.counts(4, json.statusCounts));
  });

  it('check: the same candidate alone is unknown, not ready, exit 1', async () => {
    const result = await runMain([
      '--level',
      '助理',
      '--education',
      '大专',
      '--major',
      '其他',
      '--graduated',
      '2023-06',
      '--study-mode',
      '全日制',
      '--work',
      '2016-01..2020-08',
      '--province',
      '广东',
      '--no-input',
      '--format',
      'json',
      '--today',
      '2026-12-06',
    ]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    expect(report.ready).toBe(false);
    expect(report.eligibility.status).toBe('unknown');
    expect(report.eligibility.findings.map((f: { id: string }) => f.id)).toContain('eligibility.ask-enrolment');
    // The next step is the missing answer, before any date.
    expect(report.next[0].id).toBe('eligibility.verdict');
  });
});

describe('rosters as offices lay them out', () => {
  const TITLE = '2027年度社会工作者职业资格考试报名花名册（XX区社会工作服务站）';
  const HEADER = [
    '序号',
    '姓名',
    '报考级别',
    '学历',
    '专业',
    '毕业时间',
    '学习形式',
    '从事社会工作时间',
    '所在地市',
    '联系电话',
    '社工岗位经历',
  ];
  const ROWS = [
    ['1', '王芳', '助理', '本科', '社会工作', '2019-06', '全日制', '2019.07-至今', '广东省东莞市', '13800000000', ''],
    ['2', '李强', '中级', '本科', '行政管理', '2016-06', '统招', '2020年3月起', '天河区', '13900000000', ''],
  ];

  it('a GBK CSV with a title line, footers and unfamiliar headers: header found, footers skipped, columns listed', async () => {
    const dir = workspace();
    const roster = path.join(dir, '花名册.csv');
    const lines = [
      `${TITLE},,,,,,,,,,`,
      ',,,,,,,,,,',
      HEADER.join(','),
      ...ROWS.map((r) => r.join(',')),
      '合计：2人,,,,,,,,,,',
      '制表人：李老师,,审核人：,,,日期：2026年12月1日,,,,,',
    ];
    writeFileSync(roster, gbk(`${lines.join('\r\n')}\r\n`));
    const result = await batch(roster, dir);
    const json = summary(dir);
    expect(json.applicants.map((a: { name: string }) => a.name).sort()).toEqual(['李强', '王芳']);
    expect(json.rosterLayout).toMatchObject({ headerLine: 3, titleLines: [1], noteLines: [6, 7] });
    expect(json.rosterLayout.unrecognised).toEqual([
      { header: '序号' },
      { header: '联系电话' },
      { header: '社工岗位经历', nearest: '社会工作经历' },
    ]);
    // The synonyms were read: the work and the province (from a city or a district) count.
    expect(byName(json, '王芳')).toMatchObject({ status: 'ready' });
    expect(byName(json, '王芳').report.candidate.province).toBe('guangdong');
    expect(byName(json, '李强').report.candidate).toMatchObject({ province: 'guangdong', work: ['2020-03..'] });
    expect(result.out).toContain('社工岗位经历');
  });

  it('an xlsx with a merged title row and no work column: work is asked for where it decides, never zero', async () => {
    const dir = workspace();
    const roster = path.join(dir, '花名册.xlsx');
    const header = ['姓名', '报考级别', '学历', '专业', '毕业时间', '学习形式', '报考省份'];
    writeFileSync(
      roster,
      xlsx(
        [
          [TITLE],
          header,
          ['王芳', '助理', '本科', '社会工作', '2019-06', '全日制', '广东'],
          ['赵六', '助理', '本科', '社会学', '2019-06', '全日制', '广东'],
        ],
        ['A1:G1'],
      ),
    );
    await batch(roster, dir);
    const json = summary(dir);
    expect(json.rosterLayout).toMatchObject({ headerLine: 2, titleLines: [1] });
    // 社会工作 本科 needs no years: a verdict without the column.
    expect(byName(json, '王芳')).toMatchObject({ status: 'ready' });
    // Another major needs two years: the missing column is the question.
    expect(byName(json, '赵六')).toMatchObject({ status: 'needs-info' });
    expect(byName(json, '赵六').report.eligibility.findings[0]).toMatchObject({ id: 'eligibility.ask-work' });
  });

  it('no certificates column: a 高级 row is asked for its 中级 certificate, not called ineligible', async () => {
    const dir = workspace();
    const header = ['姓名', '报考级别', '学历', '专业', '毕业时间', '学习形式', '社会工作经历', '报考省份'];
    const rows = [header, ['王五', '高级', '硕士', '其他', '2015-07', '全日制', '2015-08..', '广东']];
    const roster = path.join(dir, '花名册.csv');
    writeFileSync(roster, `${rows.map((r) => r.join(',')).join('\n')}\n`);
    await batch(roster, dir);
    expect(byName(summary(dir), '王五')).toMatchObject({ status: 'needs-info' });
    const report = byName(summary(dir), '王五').report;
    expect(report.eligibility.findings[0]).toMatchObject({
      id: 'eligibility.ask-certificate',
      expected: { certificate: 'intermediate' },
    });
    // Unknown, so never shown as none, nor as a certificate not obtained: one to confirm.
    expect(report.candidate.certificates).toBeUndefined();
    expect(report.candidate.unanswered).toContain('certificates');
    expect(report.checklist.find((i: { id: string }) => i.id === 'materials.certificate')).toMatchObject({
      status: 'todo',
    });

    // With the column and the cell left empty: no certificate, and 高级 needs one.
    const withColumn = [
      [...header, '已有证书'],
      ['王五', '高级', '硕士', '其他', '2015-07', '全日制', '2015-08..', '广东', ''],
    ];
    const again = workspace();
    const second = path.join(again, '花名册.csv');
    writeFileSync(second, `${withColumn.map((r) => r.join(',')).join('\n')}\n`);
    await batch(second, again);
    expect(byName(summary(again), '王五')).toMatchObject({ status: 'ineligible' });
  });
});

describe('ID numbers Excel stored as numbers', () => {
  it('maskMangledId shows only digits really there', () => {
    expect(maskMangledId('4.40106E+17')).toBe('440106????????????');
    expect(maskMangledId('440106199203150000')).toBe('440106*********???');
    expect(maskMangledId('4.40106199203151E+17')).toBe('440106*********???');
  });

  it('xlsx number cells (one ending in X) and a CSV in scientific notation: damage reported, roster read', async () => {
    const dir = workspace();
    const header = ['姓名', '报考级别', '学历', '专业', '毕业时间', '学习形式', '社会工作经历', '报考省份', '身份证号'];
    const row = (name: string, id: string | { n: number }) => [
      name,
      '助理',
      '本科',
      '社会工作',
      '2019-06',
      '全日制',
      '2019.07-至今',
      '广东',
      id,
    ];
    writeFileSync(
      path.join(dir, 'r.xlsx'),
      xlsx([
        header,
        row('王芳', { n: 4.40106199203151e17 }),
        // A number cell whose text ends in X (written by another tool): read as text.
        row('李四', { n: '11010519491231002X' as unknown as number }),
        row('张三', '440106198001010107'),
      ]),
    );
    const result = await batch(path.join(dir, 'r.xlsx'), dir);
    expect(result.code).toBe(1);
    const json = summary(dir);
    expect(byName(json, '王芳')).toMatchObject({ idMasked: '440106*********???' });
    expect(byName(json, '王芳').rowFindings).toEqual([
      expect.objectContaining({ id: 'roster.id-number', measured: expect.objectContaining({ reason: 'mangled' }) }),
    ]);
    expect(byName(json, '李四')).toMatchObject({ idMasked: '110105********002X', rowFindings: [] });
    expect(byName(json, '张三')).toMatchObject({ rowFindings: [] });

    const csvDir = workspace();
    const csv = `${header.join(',')}\r\n${row('刘伟', '4.40106E+17').join(',')}\r\n`;
    writeFileSync(path.join(csvDir, 'r.csv'), gbk(csv));
    await batch(path.join(csvDir, 'r.csv'), csvDir);
    const liu = byName(summary(csvDir), '刘伟');
    expect(liu.idMasked).toBe('440106????????????');
    expect(liu.rowFindings[0]).toMatchObject({ id: 'roster.id-number', measured: { reason: 'mangled' } });
  });
});

describe('materials as people name them', () => {
  it.each([
    ['身份证.jpg', 'id-front'],
    ['身份证人像面.jpg', 'id-front'],
    ['身份证国徽面.jpg', 'id-back'],
    ['身份证反面.png', 'id-back'],
    ['证件照.jpg', 'photo'],
    ['蓝底照.jpg', 'photo'],
    ['一寸免冠.jpeg', 'photo'],
    ['毕业证.jpg', 'diploma'],
    ['毕业证照片.jpg', 'diploma'],
    ['教育部学历证书电子注册备案表.pdf', 'diploma'],
    ['学信网学位在线验证报告.pdf', 'diploma'],
    ['在职证明.pdf', 'work-proof'],
    ['IMG_0012.jpg', undefined],
  ])('%s → %s', (name, role) => expect(guessRole(name)).toBe(role));

  it('files placed by what they are; the rest listed; a missing photo says what the folder holds', async () => {
    const dir = workspace();
    const photo = readFileSync(path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg'));
    mkdirSync(path.join(dir, 'materials', '郑华'), { recursive: true });
    mkdirSync(path.join(dir, 'materials', '李建国'), { recursive: true });
    writeFileSync(path.join(dir, 'materials', '郑华', '蓝底照.jpg'), photo);
    writeFileSync(path.join(dir, 'materials', '郑华', '说明.txt'), '已交');
    writeFileSync(path.join(dir, 'materials', '李建国', '身份证.jpg'), photo);
    writeFileSync(path.join(dir, 'materials', '李建国', 'IMG_0012.jpg'), photo);
    const header = '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,报考省份';
    const rows = [
      '郑华,助理,本科,社会工作,2019-06,全日制,2019.07-至今,广东',
      '李建国,助理,本科,社会工作,2019-06,全日制,2019.07-至今,广东',
    ];
    writeFileSync(path.join(dir, 'r.csv'), gbk(`${header}\r\n${rows.join('\r\n')}\r\n`));
    await batch(path.join(dir, 'r.csv'), dir, ['--materials', path.join(dir, 'materials')]);
    const json = summary(dir);
    const zheng = byName(json, '郑华');
    expect(zheng.report.files.map((f: { role: string }) => f.role)).toEqual(['photo']);
    expect(zheng.rowFindings).toEqual([
      expect.objectContaining({ id: 'roster.files-unplaced', measured: { unplaced: ['说明.txt'], extra: [] } }),
    ]);
    const li = byName(json, '李建国');
    const roles = li.report.files.map((f: { role: string }) => f.role);
    expect(roles).toEqual(expect.arrayContaining(['photo', 'id-front']));
    const missing = li.report.files.find((f: { role: string }) => f.role === 'photo').findings[0];
    expect(missing).toMatchObject({ id: 'file.missing', severity: 'error' });
    expect(missing.message).toContain('IMG_0012.jpg');
    expect(missing.message).not.toContain('照片.jpg');
  });
});

describe('one close without a province', () => {
  it('dates and batch give the same conservative close, inside the national window', async () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, 'r.csv'),
      gbk(
        '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历\r\n王芳,助理,本科,社会工作,2019-06,全日制,2019.07-至今\r\n',
      ),
    );
    await batch(path.join(dir, 'r.csv'), dir);
    const close = summary(dir).applicants[0].report.dates.events.find((e: { id: string }) => e.id === 'registration');
    const dates = JSON.parse((await runMain(['dates', '--today', '2026-12-06', '--format', 'json'])).out);
    const shown = dates.events.find((e: { id: string }) => e.id === 'registration');
    expect(shown).toMatchObject({ start: close.start, end: close.end, estimated: true });
  });
});

describe('the first blocker after --fix', () => {
  it('is what the fixed copy still fails (its background), not what the fix cured (the aspect)', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'materials', '梁刚'), { recursive: true });
    // A photo on a coloured wall, stretched to 540×720: wrong aspect (a crop cures it) and a
    // background that is not white (the photo models are off in tests: nothing whitens it).
    await sharp(path.join(ROOT, 'test', 'fixtures', 'photos', 'rotated.jpg'))
      .resize(540, 720, { fit: 'fill' })
      .jpeg({ quality: 95 })
      .toFile(path.join(dir, 'materials', '梁刚', '照片.jpg'));
    writeFileSync(
      path.join(dir, 'r.csv'),
      gbk(
        '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,报考省份\r\n梁刚,助理,本科,社会工作,2019-06,全日制,2019.07-至今,广东\r\n',
      ),
    );
    await batch(path.join(dir, 'r.csv'), dir, ['--materials', path.join(dir, 'materials'), '--fix']);
    const liang = byName(summary(dir), '梁刚');
    expect(liang.fixes).toEqual([
      expect.objectContaining({ role: 'photo', state: 'needs-new', reason: 'still-fails' }),
    ]);
    const photo = liang.report.files.find((f: { role: string }) => f.role === 'photo');
    const errors = photo.findings
      .filter((f: { severity: string }) => f.severity === 'error')
      .map((f: { id: string }) => f.id);
    expect(errors).toContain('photo.background');
    expect(errors).not.toContain('photo.aspect');
  });
});

describe('check --files: files no name fits are listed, never silently dropped', () => {
  it('a stray file is a warning in the report, not a task and not a block', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, '说明.txt'), '已交');
    writeFileSync(
      path.join(dir, 'IMG_0012.jpg'),
      readFileSync(path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg')),
    );
    const answers = ['--level', '助理', '--education', '本科', '--major', '社会工作', '--graduated', '2019-06'];
    const result = await runMain([
      ...answers,
      '--study-mode',
      '全日制',
      '--work',
      '2019-07..',
      '--province',
      '广东',
      '--files',
      dir,
      '--no-input',
      '--format',
      'json',
      '--today',
      '2026-12-06',
    ]);
    const report = JSON.parse(result.out);
    const strays = report.files.filter((f: { role: string }) => f.role === 'unknown');
    expect(strays.map((f: { path: string }) => path.basename(f.path)).sort()).toEqual(['IMG_0012.jpg', '说明.txt']);
    expect(strays.every((f: { status: string }) => f.status === 'warn')).toBe(true);
    expect(report.checklist.map((i: { id: string }) => i.id)).not.toContain('materials.file.unknown');
    expect(result.code).toBe(0);
  });
});
