/** An interface a non-technical Chinese user can use without help. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/table.js';
import { CONFIG_DIR, ELIGIBLE, ROOT } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-in-process.js';

const demoPhoto = path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg');
const fresh = () => mkdtempSync(path.join(tmpdir(), 'shegong-12-'));

describe('commander speaks the user’s language', () => {
  it('help headings are Chinese by default and English with --lang en', async () => {
    const zh = await runMain(['--help']);
    expect(zh.code).toBe(0);
    for (const heading of ['用法：', '选项：', '命令：']) expect(zh.out).toContain(heading);
    expect(zh.out).not.toMatch(/Usage:|Options:|Commands:|display help|output the version/);
    const fix = (await runMain(['fix', '--help'])).out;
    expect(fix).toContain('参数：');
    expect((await runMain(['--help', '--lang', 'EN'])).out).toMatch(/^Usage: shegong/m);
  });

  it('every command’s help lists the global options it uses, with examples', async () => {
    const batch = (await runMain(['batch', '--help'])).out;
    expect(batch).toMatch(/通用选项：[\s\S]*--output/);
    expect(batch).toMatch(/示例：\n {2}shegong batch /);
    const dates = (await runMain(['dates', '--help'])).out;
    expect(dates).toContain('--format');
    expect(dates).toContain('--ics');
    expect(dates).toMatch(/示例：[\s\S]*--ics/);
    for (const command of ['check', 'rules', 'profile', 'files', 'fix', 'demo'])
      expect((await runMain([command, '--help'])).out).toContain('示例：');
  });

  it('help lines fit 80 columns by display width', async () => {
    for (const command of [[], ['check'], ['dates'], ['fix']]) {
      const out = (await runMain([...command, '--help'], { COLUMNS: '80' })).out;
      const wide = out.split('\n').filter((line) => displayWidth(line) > 80 && !line.startsWith('  shegong'));
      expect(wide).toEqual([]);
    }
  });

  it('unknown option, unknown command with a suggestion, missing argument: Chinese, exit 2, English only with --verbose', async () => {
    const option = await runMain(['--bogus']);
    expect(option.code).toBe(2);
    expect(option.err).toContain('没有 “--bogus” 这个选项');
    expect(option.err).not.toContain('error:');
    const typo = await runMain(['date']);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/没有 “date” 这个命令。你是不是想输入 (data 或 )?dates？/);
    const missing = await runMain(['fix']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('缺少参数 <file>');
    const profile = await runMain(['profile', 'bogus']);
    expect(profile.code).toBe(2);
    expect(profile.err).toContain('profile 没有 “bogus” 这个操作');
    expect((await runMain(['--bogus', '--verbose'])).err).toContain("error: unknown option '--bogus'");
    expect((await runMain(['--bogus', '--lang', 'en'])).err).toContain("Unknown option '--bogus'");
  });
});

describe('values in either language', () => {
  it('--lang EN, --today 2026/11/30, --as 照片', async () => {
    expect((await runMain([...ELIGIBLE, '--lang', 'EN', '--format', 'json'])).code).toBe(0);
    const today = JSON.parse((await runMain(['dates', '--today', '2026/11/30', '--format', 'json'])).out);
    expect(today.today).toBe('2026-11-30');
    expect(JSON.parse((await runMain(['dates', '--today', '2026年11月30日', '--format', 'json'])).out).today).toBe(
      '2026-11-30',
    );
    const dir = fresh();
    copyFileSync(demoPhoto, path.join(dir, 'IMG_0001.jpg'));
    const files = await runMain(['files', path.join(dir, 'IMG_0001.jpg'), '--as', '照片', '--format', 'json']);
    expect(JSON.parse(files.out).files[0].role).toBe('photo');
    const bad = await runMain(['files', path.join(dir, 'IMG_0001.jpg'), '--as', '护照']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('无法识别材料用途“护照”');
  });
});

describe('library and system errors as sentences', () => {
  it('a JSON syntax error names the line and the column; the V8 text only with --verbose', async () => {
    const file = path.join(fresh(), 'broken.json');
    writeFileSync(file, '{\n  "rules": {\n    oops: 1\n  }\n}\n');
    const result = await runMain(['rules', '--rules', file]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('第 3 行第 5 列');
    expect(result.err).not.toMatch(/position|Expected/);
    expect((await runMain(['rules', '--rules', file, '--verbose'])).err).toMatch(/JSON/);
  });

  it('a missing rules file and a missing --files folder say so in words', async () => {
    const missing = await runMain(['rules', '--rules', '/nonexistent/x.json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件或文件夹不存在');
    expect(missing.err).not.toContain('ENOENT');
    const folder = await runMain([...ELIGIBLE, '--files', '/nonexistent/材料']);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('找不到 /nonexistent/材料');
    expect(folder.err).not.toContain('not a folder');
  });

  it('a materials folder with no file in it is a mistake to correct, never "0 failed" and exit 0', async () => {
    const empty = fresh();
    writeFileSync(path.join(empty, '.DS_Store'), ''); // hidden files are not materials
    const files = await runMain(['files', empty]);
    expect(files.code).toBe(2);
    expect(files.out).toBe('');
    expect(files.err).toContain(empty);
    const check = await runMain([...ELIGIBLE, '--files', empty]);
    expect(check.code).toBe(2);
    expect(check.out).toBe('');

    // One level too high: the files are in a subfolder, which is not looked into. It is named.
    const above = fresh();
    mkdirSync(path.join(above, '张三'));
    writeFileSync(path.join(above, '张三', '照片.jpg'), 'x');
    for (const args of [
      ['files', above],
      [...ELIGIBLE, '--files', above],
    ]) {
      const result = await runMain(args);
      expect(result.code).toBe(2);
      expect(result.err).toContain(path.join(above, '张三'));
    }
    // A folder with any file, even one no name fits, is checked as before.
    writeFileSync(path.join(above, 'notes.txt'), 'x');
    expect((await runMain(['files', above])).code).not.toBe(2);
  });

  it('an output path through a file or a dangling link is a sentence, not an internal error', async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'afile'), '');
    const through = await runMain(['demo', '-o', path.join(dir, 'afile', 'x.txt')]);
    expect(through.code).toBe(2);
    expect(through.err).toMatch(/路径中有一(段|部分)是文件而不是文件夹/);
    expect(through.err).not.toMatch(/内部错误|\.tmp/);
  });

  it('an output path under /proc fails at once instead of spinning', async () => {
    // Spinning (the ENOENT/EEXIST loop under /proc) would never return: the test's time limit is the guard.
    const result = await runMain(['demo', '-o', '/proc/sub/x.txt']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('无法写入');
  });
});

describe('fix needs only the file', () => {
  it('writes <name>.fixed.jpg beside the original, then a numbered name, never over a file unless --force', async () => {
    const dir = fresh();
    const photo = path.join(dir, '照片.jpg');
    copyFileSync(demoPhoto, photo);
    const original = readFileSync(photo);
    const first = await runMain(['fix', photo]);
    expect(first.code).toBe(0);
    expect(existsSync(path.join(dir, '照片.fixed.jpg'))).toBe(true);
    writeFileSync(path.join(dir, '照片.fixed.jpg'), 'keep me');
    const second = await runMain(['fix', photo]);
    expect(second.code).toBe(0);
    expect(readFileSync(path.join(dir, '照片.fixed.jpg'), 'utf8')).toBe('keep me');
    expect(existsSync(path.join(dir, '照片.fixed-2.jpg'))).toBe(true);
    expect(second.err).toContain('照片.fixed-2.jpg');
    expect((await runMain(['fix', photo, '--force'])).code).toBe(0);
    expect(readFileSync(path.join(dir, '照片.fixed.jpg'), 'utf8')).not.toBe('keep me');
    expect(readFileSync(photo).equals(original)).toBe(true);
  });

  it('a missing file or a folder names the path and exits 2', async () => {
    const gone = await runMain(['fix', '/nonexistent/照片.jpg']);
    expect(gone.code).toBe(2);
    expect(gone.err).toContain('/nonexistent/照片.jpg');
    const dir = fresh();
    const folder = await runMain(['fix', dir]);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain(dir);
  });
});

describe('tables that fit', () => {
  for (const columns of [80, 120]) {
    it(`dates and the checklist fit ${columns} columns by display width, no date broken`, async () => {
      for (const args of [
        ['dates', '--today', '2026-12-01', '--province', '广东', '--level', '中级'],
        ['demo', '--today', '2026-12-01'],
      ]) {
        const out = (await runMain(args, { COLUMNS: String(columns) })).out;
        const lines = out.split('\n');
        expect(lines.filter((line) => displayWidth(line) > columns)).toEqual([]);
        // Every date starts and ends on one line.
        for (const line of lines) expect(line).not.toMatch(/\d{4}年$|\d{4}年\d{1,2}月$/);
      }
    });
  }

  it('the dates countdown column starts at the same display column on every row', async () => {
    const out = (await runMain(['dates', '--today', '2026-12-01'], { COLUMNS: '200' })).out;
    const starts = out
      .split('\n')
      .filter((line) => /^ {2}[○●✓] /.test(line))
      .map((line) => displayWidth(line.slice(0, line.search(/还有 \d+ 天|已过|进行中/))));
    expect(starts.length).toBeGreaterThan(5);
    expect(new Set(starts).size).toBe(1);
  });

  it('dates --province X --level Y shows that level’s papers and times', async () => {
    const out = (await runMain(['dates', '--today', '2026-12-01', '--province', '广东', '--level', '中级'])).out;
    expect(out).toMatch(/社会工作实务（中级）\s+2027年5月23日 14:00–16:30/);
    expect((await runMain(['dates', '--today', '2026-12-01', '--province', '广东', '--level', '助理'])).out).toMatch(
      /社会工作实务（初级）/,
    );
    expect((await runMain(['dates', '--today', '2026-12-01', '--format', 'md'])).out).not.toContain('| | | | |');
  });
});

describe('saved answers', () => {
  it('profile show prints labels and values in words; --use-profile runs without a terminal', async () => {
    const config = fresh();
    mkdirSync(config, { recursive: true });
    writeFileSync(
      path.join(config, 'config.json'),
      JSON.stringify({
        answers: {
          level: 'assistant',
          education: 'bachelor',
          major: 'other',
          graduated: '2020-06',
          studyMode: 'full-time',
          work: '2020-07..',
          certificates: 'none',
          province: 'guangdong',
        },
      }),
    );
    const env = { SHEGONG_CONFIG_DIR: config };
    const show = (await runMain(['profile'], env)).out;
    expect(show).toMatch(/报考级别\s+助理社会工作师（初级）/);
    expect(show).toMatch(/报考省份\s+广东/);
    expect(show).toContain('2020-07 至今');
    expect(show).not.toMatch(/\blevel\b|assistant|guangdong/);
    const used = await runMain(['--use-profile', '--today', '2026-12-01', '--format', 'json'], env);
    expect([0, 1]).toContain(used.code);
    expect(JSON.parse(used.out).candidate).toMatchObject({ level: 'assistant', province: 'guangdong' });
    // A flag given now wins over the saved answer.
    expect(
      JSON.parse(
        (await runMain(['--use-profile', '--level', '中级', '--today', '2026-12-01', '--format', 'json'], env)).out,
      ).candidate.level,
    ).toBe('intermediate');
    const empty = await runMain(['--use-profile'], { SHEGONG_CONFIG_DIR: fresh() });
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('还没有保存的回答');
  });
});

describe('the HTML checklist is a document', () => {
  it('shows the day it was made, the province and the answers it used', async () => {
    const file = path.join(CONFIG_DIR, '清单.html');
    expect([0, 1]).toContain((await runMain([...ELIGIBLE, '--format', 'html', '-o', file])).code);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('生成于 2026年2月20日');
    expect(html).toContain('报考省份 广东');
    expect(html).toMatch(/<th>社会工作经历<\/th><td>2020-07 至今<\/td>/);
  });
});

describe('housekeeping', () => {
  it('LICENSE exists and the README names the version --version prints', async () => {
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/MIT License/);
    const version = (await runMain(['--version'])).out.trim();
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(`shegong ${version}`);
  });
});
