/** The interview in a real pseudo-terminal, as a person meets it. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasScript, runInPty } from '../helpers/pty.js';
import { ROOT } from '../helpers/run-cli.js';

const FLAGS = [
  '--level',
  '助理',
  '--education',
  '本科',
  '--major',
  '其他',
  '--study-mode',
  '全日制',
  '--province',
  '广东',
  '--today',
  '2026-12-01',
];

describe.skipIf(!hasScript)('interview in a pseudo-terminal', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'shegong-pty-'));
  const env = { HOME: home, SHEGONG_CONFIG_DIR: path.join(home, 'cfg'), NO_COLOR: '1' };
  mkdirSync(path.join(home, '材料'));
  copyFileSync(path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg'), path.join(home, '材料', '照片.jpg'));

  it('--format html -o asks, re-asks after wrong answers, and writes the page', async () => {
    const s = runInPty([...FLAGS, '--format', 'html', '-o', '清单.html'], env, home);
    await s.waitFor(/取得该学历的年月/);
    s.type('2023-13\r');
    await s.waitFor(/无法识别年月/);
    s.type('\u00152020-06\r'); // Ctrl-U clears the wrong answer, as a user would erase it
    await s.waitFor(/社会工作经历时段/);
    s.type('2020-07..\r');
    await s.waitFor(/其他已取得或在读的学历/);
    expect(s.screen()).not.toMatch(/navigate|select\b/); // key hints in Chinese
    s.type('\r'); // 否 is the default
    await s.waitFor(/你的学历属于哪种情况/);
    s.type('\r'); // 国内取得 is the default
    await s.waitFor(/户籍所在省份/);
    s.type('\r');
    await s.waitFor(/报名材料所在文件夹/);
    s.type('nope\r');
    await s.waitFor(/找不到文件夹 nope/);
    s.type('\u0015~/材料\r');
    const code = await s.done;
    const screen = s.screen();
    expect(screen).not.toMatch(/--files|not a folder|查看用法/);
    expect([0, 1]).toContain(code);
    const html = readFileSync(path.join(home, '清单.html'), 'utf8');
    expect(html).toContain('生成于 2026年12月1日');
    expect(html).toContain('报考省份 广东');
    expect(html).toContain('2020-07 至今');
    expect(html).toContain('照片.jpg'); // the folder typed with ~ was found and its photo checked
  }, 60_000);

  it('the next run offers last time’s answers, and -o writes the text without asking again', async () => {
    const s = runInPty(['--today', '2026-12-01', '-o', '清单.txt'], env, home);
    await s.waitFor(/使用上次保存的回答吗/);
    s.type('\r');
    await s.waitFor(/报名材料所在文件夹/);
    s.type('\r'); // empty skips
    expect([0, 1]).toContain(await s.done);
    expect(readFileSync(path.join(home, '清单.txt'), 'utf8')).toContain('报考省份 广东');
  }, 60_000);

  it('--use-profile needs no terminal answers at all', async () => {
    const s = runInPty(['--today', '2026-12-01', '--use-profile', '--format', 'md', '-o', '清单.md'], env, home);
    expect([0, 1]).toContain(await s.done);
    expect(s.screen()).not.toMatch(/使用上次|报名材料所在文件夹/);
    expect(existsSync(path.join(home, '清单.md'))).toBe(true);
  }, 60_000);

  it('advice after the interview names no flag the user never typed', async () => {
    const s = runInPty(
      [
        '--level',
        '中级',
        '--education',
        '本科',
        '--major',
        '其他',
        '--graduated',
        '2020-06',
        '--study-mode',
        '全日制',
        '--province',
        '广东',
        '--today',
        '2026-12-01',
        '--format',
        'html',
        '-o',
        '短.html',
      ],
      { ...env, SHEGONG_CONFIG_DIR: path.join(home, 'cfg-short') },
      home,
    );
    await s.waitFor(/社会工作经历时段/);
    s.type('2025-01..\r');
    await s.waitFor(/其他已取得或在读的学历/);
    s.type('\r');
    await s.waitFor(/你的学历属于哪种情况/);
    s.type('\r');
    await s.waitFor(/户籍所在省份/);
    s.type('\r');
    await s.waitFor(/报名材料所在文件夹/);
    s.type('\r');
    expect(await s.done).toBe(1);
    const html = readFileSync(path.join(home, '短.html'), 'utf8');
    expect(html).toContain('shegong profile edit');
    expect(html).not.toMatch(/--work|--cert|--enrolled/);
  }, 60_000);

  it('`shegong > 清单.txt` still asks (on stderr) and the file holds only the report', async () => {
    const s = runInPty(['--today', '2026-12-01'], env, home, '重定向.txt');
    await s.waitFor(/使用上次保存的回答吗/);
    s.type('\r');
    await s.waitFor(/报名材料所在文件夹/);
    s.type('\r');
    expect([0, 1]).toContain(await s.done);
    const text = readFileSync(path.join(home, '重定向.txt'), 'utf8');
    expect(text).toMatch(/^社会工作者职业资格考试/);
    expect(text).not.toMatch(/使用上次|\u001b/);
  }, 60_000);

  it('profile edit asks again with the saved answers as defaults and saves the change', async () => {
    const s = runInPty(['profile', 'edit'], env, home);
    await s.waitFor(/报考级别/);
    s.type('\u001b[B\r'); // one down from the saved 助理: 中级
    for (const prompt of [/最高学历/, /所学专业/, /取得该学历的年月/, /学习形式/, /社会工作经历时段/, /报考省份/]) {
      await s.waitFor(prompt);
      s.type('\r'); // keep the saved answer
    }
    await s.waitFor(/其他已取得或在读的学历/);
    s.type('\r');
    await s.waitFor(/你的学历属于哪种情况/);
    s.type('\r');
    await s.waitFor(/户籍所在省份/);
    s.type('\r');
    expect(await s.done).toBe(0);
    expect(s.screen()).toMatch(/报考级别\s+社会工作师（中级）/);
    expect(s.screen()).toMatch(/社会工作经历\s+2020-07 至今/);
  }, 60_000);
});
