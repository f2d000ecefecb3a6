/** issue 13: education PDFs through the real CLI, as a user runs it. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPdf, recordLines } from '../helpers/make-pdfs.js';
import { candidate, ROOT, runCli } from '../helpers/run-cli.js';

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
  it('a valid 备案表 passes and is recognised; code and ID number are masked in every format', () => {
    const { file } = folder('ok', report('2026年12月31日'));
    const json = runCli(['files', file, ...TODAY, '--format', 'json']);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.out).files[0];
    expect(result.document).toMatchObject({ kind: 'record', level: 'bachelor', validUntil: '2026-12-31', code: 'Q7************I4', idNumber: '110105********002X' });
    for (const args of [[], ['--verbose'], ['--lang', 'en', '--verbose']]) {
      const text = runCli(['files', file, ...TODAY, ...args]);
      expect(text.out + text.err).not.toContain(CODE);
      expect(text.out + text.err).not.toContain(ID);
    }
    expect(json.out).not.toContain(CODE);
    expect(json.out).not.toContain(ID);
  });

  it('an expired report exits 1 with document.expired and the date to extend to', () => {
    const { file } = folder('expired', report('2026年01月31日'));
    const result = runCli(['files', file, ...TODAY, '--format', 'json']);
    expect(result.code).toBe(1);
    const finding = JSON.parse(result.out).files[0].findings.find((f: { id: string }) => f.id === 'document.expired');
    expect(finding).toMatchObject({ severity: 'error', measured: { validUntil: '2026-01-31', daysAgo: 20 } });
    expect(finding.expected.validThrough).toMatch(/^2026-0[34]-\d\d$/);
  });

  it('a scan, an encrypted file and a hostile file each get a verdict, and the run goes on', () => {
    const scan = folder('scan', buildPdf([{ image: { width: 200, height: 280 } }])).file;
    const locked = folder('locked', buildPdf([{ lines: recordLines() }], { encrypt: { user: 'pw', owner: 'o' } })).file;
    const bomb = deflateSync(Buffer.alloc(8 * 1024 * 1024));
    const plain = buildPdf([{ lines: ['x'] }]);
    const hostile = folder('hostile', Buffer.concat([plain.subarray(0, 15), Buffer.from(`9 0 obj\n<< /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`), bomb, Buffer.from('\nendstream\nendobj\n'), plain.subarray(15)])).file;
    const limits = path.join(root, 'limits.json');
    writeFileSync(limits, JSON.stringify({ rules: { 'upload.pdf.reader': { value: { maxInflatedBytes: 1048576 } } } }));
    const result = runCli(['files', scan, locked, hostile, ...TODAY, '--rules', limits, '--format', 'json']);
    expect(result.code).toBe(1);
    const files = JSON.parse(result.out).files as { path: string; findings: { id: string; severity: string; args?: { variant?: string } }[] }[];
    const of = (file: string) => files.find((f) => f.path === file)!.findings.map((f) => `${f.id}:${f.severity}`);
    expect(of(scan)).toEqual(['document.type:warning']);
    expect(of(locked)).toEqual(['pdf.encrypted:error']);
    expect(of(hostile)).toContain('pdf.limits:warning');
    expect(result.err).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });
});

describe('shegong --files <dir> --no-input', () => {
  it('in a province with a post-exam review, a report ending before it is an error', () => {
    const { dir } = folder('review', report('2026年07月31日'));
    const henan = runCli([...candidate({ province: '河南', major: '社会工作' }), '--files', dir, '--no-input', '--format', 'json']);
    expect(henan.code).toBe(1);
    const json = JSON.parse(henan.out);
    expect(ids(json)).toEqual(['document.expires-before-review']);
    const item = (j: { checklist: { id: string; status: string }[] }) => j.checklist.find((i) => i.id === 'materials.education-verification')!.status;
    expect(item(json)).toBe('blocked');
    const guangdong = JSON.parse(runCli([...candidate({ major: '社会工作' }), '--files', dir, '--no-input', '--format', 'json']).out);
    expect(ids(guangdong)).toEqual([]);
    expect(item(guangdong)).toBe('done');
  });

  it('a report whose level is below the answer is a mismatch with both values', () => {
    const { dir } = folder('level', buildPdf([{ lines: recordLines({ level: '专科', validUntil: '2026年12月31日', graduated: '2020年06月30日' }) }]));
    const result = runCli([...candidate({ major: '社会工作' }), '--files', dir, '--no-input', '--format', 'json']);
    const finding = JSON.parse(result.out).files[0].findings.find((f: { id: string }) => f.id === 'document.mismatch');
    expect(finding).toMatchObject({ severity: 'error', measured: { level: 'associate' }, expected: { level: 'bachelor' } });
    for (const format of ['md', 'html']) {
      const out = runCli([...candidate({ major: '社会工作' }), '--files', dir, '--no-input', '--format', format]).out;
      expect(out).not.toContain(CODE);
      expect(out).not.toContain(ID);
    }
  });

  it('pdf.js is not loaded in the main thread, and not at all for a run without PDFs', () => {
    const trace = (args: string[]) => {
      const result = runCli(args, { NODE_OPTIONS: `--import ${path.join(ROOT, 'test/fixtures/trace-imports.mjs')}` });
      return result.err.split('\n').find((l) => l.startsWith('IMPORTS ')) ?? '';
    };
    const { file } = folder('trace', report('2026年12月31日'));
    expect(trace(['files', file, ...TODAY])).not.toContain('pdfjs-dist');
    expect(trace(['files', path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg'), ...TODAY])).not.toContain('pdfjs-dist');
  });
});
