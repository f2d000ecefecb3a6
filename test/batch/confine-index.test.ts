/** The materials folder is read once; looking applicants up in that index finds what the disk finds. */
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applicantFiles, findFolder, indexMaterials } from '../../src/roster/confine.js';
import type { RosterRow } from '../../src/roster/roster-rows.js';

const row = (name: string, folder?: string) =>
  ({ line: 2, name, findings: [], ...(folder ? { folder } : {}) }) as unknown as RosterRow;

describe('materials index', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shegong-index-'));
  const materials = path.join(dir, 'materials');
  mkdirSync(path.join(materials, '张伟'), { recursive: true });
  mkdirSync(path.join(materials, '组1', '李娜'), { recursive: true });
  mkdirSync(path.join(dir, 'secret'));
  symlinkSync(path.join(dir, 'secret'), path.join(materials, '链接'));
  symlinkSync(path.join(materials, '张伟'), path.join(materials, '别名'));
  writeFileSync(path.join(materials, '文件'), 'x');
  const real = realpathSync(materials);

  it('gives the same folder or refusal as looking on disk, for every kind of cell', async () => {
    const index = await indexMaterials(materials);
    expect(index?.get('张伟')).toBe('dir');
    const rows = [
      row('张伟'),
      row('无此人'),
      row('x', '组1/李娜'),
      row('x', '链接'),
      row('x', '别名'),
      row('文件'),
      row('x', '.'),
    ];
    for (const r of rows)
      expect([r.name, r.folder, await findFolder(r, materials, real, index)]).toEqual([
        r.name,
        r.folder,
        await findFolder(r, materials, real),
      ]);
    expect(await findFolder(row('张伟'), materials, real, index)).toEqual({ folder: path.join(materials, '张伟') });
    expect(await findFolder(row('x', '链接'), materials, real, index)).toEqual({ refused: 'outside', cell: '链接' });
  });

  it('reads an applicant folder once and sorts its files by role; a FIFO-like non-file is refused', async () => {
    const folder = path.join(materials, '张伟');
    writeFileSync(path.join(folder, '照片.jpg'), 'x');
    writeFileSync(path.join(folder, '学历.pdf'), 'x');
    mkdirSync(path.join(folder, '身份证正面.jpg'));
    symlinkSync('/etc/hostname', path.join(folder, '工作证明.jpg'));
    const { found, refused } = await applicantFiles(folder, real);
    expect(found.map((f) => f.role).sort()).toEqual(['diploma', 'photo']);
    expect(refused.map((f) => [f.role, f.reason])).toEqual([['work-proof', 'outside']]);
  });
});
