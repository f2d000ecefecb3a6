/** Education PDFs through the real CLI, as a user runs it. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPdf, recordLines } from '../helpers/make-pdfs.js';
import { candidate, ROOT, runCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-in-process.js';
import { runBatchInProcess } from '../helpers/batch-runs.js';

const root = mkdtempSync(path.join(tmpdir(), 'shegong-docs-cli-'));
const CODE = 'Q7W8E9R0T1Y2U3I4';
const ID = '11010519491231002X';
/** A folder 材料-<name>/ holding one 学历.pdf. */
function folder(name: string, bytes: Buffer): { dir: string; file: string } {
  const dir = path.join(root, `材料-${name}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '学历.pdf');
  writeFileSync(file, bytes);
  return { dir, file };
}
const report = (validUntil: string) => buildPdf([{ lines: recordLines({ validUntil, code: CODE, id: ID }) }]);
const ids = (json: { files: { findings: { id: string; severity: string }[] }[] }, severity = 'error') =>
  json.files.flatMap((f) => f.findings.filter((x) => x.severity === severity).map((x) => x.id));
const TODAY = ['--today', '2026-02-20'];

describe('shegong files 学历.pdf', () => {
  it('a valid 备案表 passes and is recognised; code and ID number are masked in every format', async () => {
    const { file } = folder('ok', report('2026年12月31日'));
    const json = await runMain(['files', file, ...TODAY, '--format', 'json']);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.out).files[0];
    expect(result.document).toMatchObject({
      kind: 'record',
      level: 'bachelor',
      validUntil: '2026-12-31',
      code: 'Q7************I4',
      idNumber: '110105********002X',
    });
    for (const args of [[], ['--verbose'], ['--lang', 'en', '--verbose']]) {
      const text = await runMain(['files', file, ...TODAY, ...args]);
      expect(text.out + text.err).not.toContain(CODE);
      expect(text.out + text.err).not.toContain(ID);
    }
    expect(json.out).not.toContain(CODE);
    expect(json.out).not.toContain(ID);
  });

  it('twelve reports in one run share pooled readers and the process still exits by itself', async () => {
    const files = Array.from({ length: 12 }, (_, i) => folder(`many-${i}`, report('2026年12月31日')).file);
    // An idle pdf.js worker keeping the process alive would run into runCli's timeout: status null, not 0.
    const result = runCli(['files', ...files, '--as', 'diploma', ...TODAY, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).files.map((f: { document: { kind: string } }) => f.document.kind)).toEqual(
      Array(12).fill('record'),
    );
  });

  it('an expired report exits 1 with document.expired and the date to extend to', async () => {
    const { file } = folder('expired', report('2026年01月31日'));
    const result = await runMain(['files', file, ...TODAY, '--format', 'json']);
    expect(result.code).toBe(1);
    const finding = JSON.parse(result.out).files[0].findings.find((f: { id: string }) => f.id === 'document.expired');
    expect(finding).toMatchObject({ severity: 'error', measured: { validUntil: '2026-01-31', daysAgo: 20 } });
    expect(finding.expected.validThrough).toMatch(/^2026-0[34]-\d\d$/);
  });

  it('a scan, an encrypted file and a hostile file each get a verdict, and the run goes on', async () => {
    const scan = folder('scan', buildPdf([{ image: { width: 200, height: 280 } }])).file;
    const locked = folder('locked', buildPdf([{ lines: recordLines() }], { encrypt: { user: 'pw', owner: 'o' } })).file;
    const bomb = deflateSync(Buffer.alloc(8 * 1024 * 1024));
    const plain = buildPdf([{ lines: ['x'] }]);
    const hostile = folder(
      'hostile',
      Buffer.concat([
        plain.subarray(0, 15),
        Buffer.from(`9 0 obj\n<< /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`),
        bomb,
        Buffer.from('\nendstream\nendobj\n'),
        plain.subarray(15),
      ]),
    ).file;
    const limits = path.join(root, 'limits.json');
    writeFileSync(limits, JSON.stringify({ rules: { 'upload.pdf.reader': { value: { maxInflatedBytes: 1048576 } } } }));
    const result = await runMain(['files', scan, locked, hostile, ...TODAY, '--rules', limits, '--format', 'json']);
    expect(result.code).toBe(1);
    const files = JSON.parse(result.out).files as {
      path: string;
      findings: { id: string; severity: string; args?: { variant?: string } }[];
    }[];
    const of = (file: string) => files.find((f) => f.path === file)!.findings.map((f) => `${f.id}:${f.severity}`);
    expect(of(scan)).toEqual(['document.type:warning']);
    expect(of(locked)).toEqual(['pdf.encrypted:error']);
    expect(of(hostile)).toContain('pdf.limits:warning');
    expect(result.err).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });
});

describe('shegong --files <dir> --no-input', () => {
  it('in a province with a post-exam review, a report ending before it is an error', async () => {
    const { dir } = folder('review', report('2026年07月31日'));
    const henan = await runMain([
      ...candidate({ province: '河南', major: '社会工作' }),
      '--files',
      dir,
      '--no-input',
      '--format',
      'json',
    ]);
    expect(henan.code).toBe(1);
    const json = JSON.parse(henan.out);
    expect(ids(json)).toEqual(['document.expires-before-review']);
    const item = (j: { checklist: { id: string; status: string }[] }) =>
      j.checklist.find((i) => i.id === 'materials.education-verification')!.status;
    expect(item(json)).toBe('blocked');
    const guangdong = JSON.parse(
      (await runMain([...candidate({ major: '社会工作' }), '--files', dir, '--no-input', '--format', 'json'])).out,
    );
    expect(ids(guangdong)).toEqual([]);
    expect(item(guangdong)).toBe('done');
  });

  it('--education-case abroad asks for the CSCSE certificate; an unknown case is a usage error', async () => {
    const ok = await runMain([...candidate(), '--education-case', '境外', '--no-input', '--format', 'json']);
    const item = JSON.parse(ok.out).checklist.find((i: { id: string }) => i.id === 'materials.education-verification');
    expect(item.status).toBe('todo');
    expect((await runMain([...candidate(), '--education-case', 'mars', '--no-input'])).code).toBe(2);
  });

  it('a report whose level is below the answer is a mismatch with both values', async () => {
    const { dir } = folder(
      'level',
      buildPdf([{ lines: recordLines({ level: '专科', validUntil: '2026年12月31日', graduated: '2020年06月30日' }) }]),
    );
    const result = await runMain([
      ...candidate({ major: '社会工作' }),
      '--files',
      dir,
      '--no-input',
      '--format',
      'json',
    ]);
    const finding = JSON.parse(result.out).files[0].findings.find((f: { id: string }) => f.id === 'document.mismatch');
    expect(finding).toMatchObject({
      severity: 'error',
      measured: { level: 'associate' },
      expected: { level: 'bachelor' },
    });
    for (const format of ['md', 'html']) {
      const out = (
        await runMain([...candidate({ major: '社会工作' }), '--files', dir, '--no-input', '--format', format])
      ).out;
      expect(out).not.toContain(CODE);
      expect(out).not.toContain(ID);
    }
  });

  it('pdf.js is not loaded in the main thread, and not at all for a run without PDFs', async () => {
    const trace = (args: string[]) => {
      const result = runCli(args, { NODE_OPTIONS: `--import ${path.join(ROOT, 'test/fixtures/trace-imports.mjs')}` });
      return result.err.split('\n').find((l) => l.startsWith('IMPORTS ')) ?? '';
    };
    const { file } = folder('trace', report('2026年12月31日'));
    expect(trace(['files', file, ...TODAY])).not.toContain('pdfjs-dist');
    expect(trace(['files', path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg'), ...TODAY])).not.toContain(
      'pdfjs-dist',
    );
  });
});

describe('shegong batch with 学信网 reports', () => {
  it('compares the report with the roster name and ID (masked) and with the applicant’s province dates', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-docs-batch-'));
    const demo = path.join(ROOT, 'templates', 'demo', 'files');
    const put = (name: string, pdf: Buffer) => {
      mkdirSync(path.join(dir, 'materials', name), { recursive: true });
      copyFileSync(path.join(demo, '照片.jpg'), path.join(dir, 'materials', name, '照片.jpg'));
      writeFileSync(path.join(dir, 'materials', name, '学历.pdf'), pdf);
    };
    put('张三', report('2026年12月31日'));
    put('王五', report('2026年07月31日')); // the report is 张三's, and ends before 河南's review
    writeFileSync(
      path.join(dir, 'roster.csv'),
      [
        '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,报考省份,身份证号',
        `张三,助理,本科,社会工作,2020-06,全日制,无,广东,${ID}`,
        '王五,助理,本科,社会工作,2020-06,全日制,无,河南,440524188001010014',
      ].join('\n'),
    );
    const result = await runBatchInProcess({
      roster: path.join(dir, 'roster.csv'),
      materials: path.join(dir, 'materials'),
      output: path.join(dir, 'out'),
      today: '2026-02-20',
    });
    expect(result.code).toBe(1);
    const summary = readFileSync(path.join(dir, 'out', 'summary.json'), 'utf8');
    expect(summary).not.toContain(CODE);
    expect(summary).not.toContain(ID);
    type Finding = { id: string; severity: string; expected?: Record<string, string> };
    const applicants = JSON.parse(summary).applicants as {
      name: string;
      report: { files: { role: string; findings: Finding[] }[] };
    }[];
    const findings = (name: string) =>
      applicants
        .find((a) => a.name === name)!
        .report.files.find((f) => f.role === 'diploma')!
        .findings.map((f) => `${f.id}:${f.severity}:${Object.keys(f.expected ?? {}).join('+')}`);
    expect(findings('张三')).toEqual(['document.type:info:']);
    expect(findings('王五')).toEqual([
      'document.type:info:',
      'document.expires-before-review:error:validThrough+window',
      'document.mismatch:warning:holder',
      'document.mismatch:warning:idNumber',
    ]);
  });
});
