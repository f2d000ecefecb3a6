/** Rosters, materials and output checks shared by the hostile batch tests. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { type BatchRun, finishedOne, readSummary, runBatchInProcess, spawnBatch } from './batch-runs.js';
import { ROOT } from './run-cli.js';

export const HEADER = '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,已有证书,报考省份,身份证号,材料目录';
export const row = (name: string, extra: { graduated?: string; id?: string; folder?: string } = {}) =>
  `${name.includes(',') || name.includes('\n') ? `"${name}"` : name},助理,本科,社会工作,${extra.graduated ?? '2019-07'},全日制,2019-08..,,广东,${extra.id ?? ''},${extra.folder ?? ''}`;
export const PHOTO = path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg');

export function workspace(folders: string[] = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'shegong-hostile-'));
  for (const folder of folders) {
    mkdirSync(path.join(dir, 'm', folder), { recursive: true });
    copyFileSync(PHOTO, path.join(dir, 'm', folder, '照片.jpg'));
  }
  mkdirSync(path.join(dir, 'm'), { recursive: true });
  return dir;
}
/** A run of the workspace's roster `name` with its materials (m/) into `out` (or another folder), on the day these tests use. */
export const hostileRun = (dir: string, name: string, extra: string[] = [], out = 'out'): BatchRun => ({
  roster: path.join(dir, name),
  materials: path.join(dir, 'm'),
  output: path.join(dir, out),
  today: '2026-03-01',
  extra,
});
export const batch = (dir: string, roster: string, extra: string[] = []) =>
  runBatchInProcess(hostileRun(dir, roster, extra));

/** A roster `name` of `rows` applicants (人0, 人1, …), each with the demo photo in its own folder (m/p0, m/p1, …). */
export function photoRoster(dir: string, rows: number, name = 'big.csv') {
  for (let i = 0; i < rows; i += 1) {
    mkdirSync(path.join(dir, 'm', `p${i}`), { recursive: true });
    copyFileSync(PHOTO, path.join(dir, 'm', `p${i}`, '照片.jpg'));
  }
  writeFileSync(
    path.join(dir, name),
    [HEADER, ...Array.from({ length: rows }, (_, i) => row(`人${i}`, { folder: `p${i}` }))].join('\n'),
  );
}

/** Every file under a folder, with its path relative to it. */
export function walk(folder: string, base = folder): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? [path.relative(base, full), ...walk(full, base)] : [path.relative(base, full)];
  });
}
export const tempsIn = (folder: string) => walk(folder).filter((file) => file.endsWith('.tmp'));

/** The workspace's big.csv, one applicant at a time, as a process of its own. */
export const startBatch = (dir: string, env?: NodeJS.ProcessEnv) =>
  spawnBatch(hostileRun(dir, 'big.csv', ['--concurrency', '1']), env);

/** A fresh workspace whose roster of `rows` applicants is running as its own process, once the first has finished. */
export async function runningBatch(rows: number, env?: NodeJS.ProcessEnv) {
  const dir = workspace();
  photoRoster(dir, rows);
  const child = startBatch(dir, env);
  await finishedOne(child, rows);
  return { dir, child };
}

/**
 * The run left what a rerun needs: summaries that agree (a CSV row and a JSON entry per finished
 * applicant), a whole report.html, no lock, no temp file. Returns summary.json.
 */
export function keptWork(out: string) {
  const json = readSummary(out);
  const csvRows = readFileSync(path.join(out, 'summary.csv'), 'utf8').trim().split('\r\n').length - 1;
  expect(csvRows).toBe(json.finished);
  expect(json.applicants).toHaveLength(json.finished);
  expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('</html>');
  expect(tempsIn(out)).toEqual([]);
  expect(existsSync(path.join(out, '.shegong.lock'))).toBe(false);
  return json;
}
