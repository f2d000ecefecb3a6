/** Rosters, materials and output checks shared by the hostile batch tests. */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './run-cli.js';
import { runMain } from './run-in-process.js';

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
export const batch = (dir: string, roster: string, extra: string[] = []) =>
  runMain([
    'batch',
    path.join(dir, roster),
    '--materials',
    path.join(dir, 'm'),
    '--output',
    path.join(dir, 'out'),
    '--today',
    '2026-03-01',
    ...extra,
  ]);

/** Every file under a folder, with its path relative to it. */
export function walk(folder: string, base = folder): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? [path.relative(base, full), ...walk(full, base)] : [path.relative(base, full)];
  });
}
export const tempsIn = (folder: string) => walk(folder).filter((file) => file.endsWith('.tmp'));
