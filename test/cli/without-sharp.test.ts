/**
 * An install without sharp's platform binary (`npm install --omit=optional` drops it with the photo
 * models): what needs no image works, the demo says which sample files it did not check, and a
 * command that must decode an image ends with the sentence saying what to install, exit 2.
 * Real processes, each preloading test/fixtures/without-sharp.cjs, which makes `require('sharp')`
 * fail as it does on such an install (it applies in the launcher's worker thread too).
 */
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../helpers/make-images.js';
import { ELIGIBLE, ROOT, runCli } from '../helpers/run-cli.js';

const PRELOAD = path.join(ROOT, 'test', 'fixtures', 'without-sharp.cjs');
const env = { NODE_OPTIONS: `--require ${PRELOAD}` };
const PHOTO = path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg');
const REMEDY = 'npm install --include=optional sharp';

describe('without sharp', () => {
  it('demo still prints the checklist, names the unchecked sample files and exits 0', () => {
    const run = runCli(['demo', '--format', 'json'], env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out) as { eligibility: unknown; files?: unknown[] };
    expect(report.eligibility).toBeDefined();
    expect(report.files ?? []).toEqual([]);
    expect(run.err).toContain('照片.jpg');
    expect(run.err).toContain(REMEDY);
    expect(run.err).not.toContain('内部错误');
  });

  it('files on a photo: the remedy, exit 2, never an internal error', () => {
    const run = runCli(['files', PHOTO], env);
    expect(run.code).toBe(2);
    expect(run.err).toContain(REMEDY);
    expect(run.err).not.toContain('内部错误');
  });

  it('fix and check --files end the same way', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-no-sharp-'));
    copyFileSync(PHOTO, path.join(dir, '照片.jpg'));
    const fix = runCli(['fix', path.join(dir, '照片.jpg'), '--output', path.join(dir, 'out.jpg')], env);
    expect([fix.code, fix.err.includes(REMEDY)]).toEqual([2, true]);
    const check = runCli([...ELIGIBLE, '--files', dir, '--no-input'], env);
    expect([check.code, check.err.includes(REMEDY)]).toEqual([2, true]);
  });

  it('batch with --materials stops before any row with the remedy', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-no-sharp-'));
    mkdirSync(path.join(dir, 'm', '张三'), { recursive: true });
    copyFileSync(PHOTO, path.join(dir, 'm', '张三', '照片.jpg'));
    writeFileSync(
      path.join(dir, 'r.csv'),
      '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,报考省份,材料目录\n张三,助理,本科,社会工作,2019-07,全日制,2019-08..,广东,张三\n',
    );
    const run = runCli(
      ['batch', path.join(dir, 'r.csv'), '--materials', path.join(dir, 'm'), '--output', path.join(dir, 'out')],
      env,
    );
    expect([run.code, run.err.includes(REMEDY)]).toEqual([2, true]);
  });

  it('needs no sharp for dates, rules or a PDF', () => {
    expect(runCli(['dates', '--province', '广东', '--format', 'json'], env).code).toBe(0);
    expect(runCli(['rules', '--format', 'json'], env).code).toBe(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-no-sharp-'));
    writeFileSync(path.join(dir, '学历.pdf'), makePdf());
    const pdf = runCli(['files', path.join(dir, '学历.pdf'), '--format', 'json'], env);
    expect(pdf.code).not.toBe(2);
    expect(pdf.err).not.toContain(REMEDY);
  });
});
