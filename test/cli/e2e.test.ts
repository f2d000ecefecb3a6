import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { EVENTS_EVERY_YEAR } from '../helpers/fixtures.js';
import { BIN, CONFIG_DIR, ELIGIBLE, ROOT, candidate, runCli } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-in-process.js';

describe('shegong (built bin)', () => {
  it('--help and --version exit 0', async () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('check');
    expect(runCli(['--version']).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  // The few runs below are real processes on purpose: the exit status a shell sees and a fix
  // written by the built bin. Everything else in this file runs in-process (runMain).
  it('a real process exits 0 when ready, 1 when not, 2 on a usage error', () => {
    expect(runCli([...ELIGIBLE, '--format', 'json']).code).toBe(0);
    expect(runCli([...candidate({ work: '2025-07..' }), '--format', 'json']).code).toBe(1);
    const usage = runCli(['--bogus']);
    expect(usage.code).toBe(2);
    expect(usage.err).not.toMatch(/ {4}at /);
  });

  it('a real fix writes a 295×413 copy and leaves the original', () => {
    const out = path.join(CONFIG_DIR, 'real-fix.jpg');
    const original = path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg');
    const before = readFileSync(original);
    const fixed = runCli(['fix', original, '--as', 'photo', '--output', out, '--force', '--format', 'json']);
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.out)).toMatchObject({ ok: true, output: { width: 295, height: 413 } });
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(original).equals(before)).toBe(true);
  });

  it('an eligible candidate from flags: exit 0, JSON only on stdout', async () => {
    const result = await runMain([...ELIGIBLE, '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report).toMatchObject({ schema: 'shegong.report/v1', year: 2026, today: '2026-02-20', ready: true });
    expect(report.eligibility).toMatchObject({
      status: 'eligible',
      route: 'assistant.bachelor-other',
      requiredYears: 2,
      countedMonths: 78,
    });
    expect(report.checklist.map((i: { group: string }) => i.group)).toEqual(
      expect.arrayContaining(['eligibility', 'materials', 'registration', 'exam', 'after']),
    );
    for (const id of EVENTS_EVERY_YEAR) expect(report.dates.events.map((e: { id: string }) => e.id)).toContain(id);
  });

  it('a candidate who falls short: exit 1 with the shortfall and the earliest year', async () => {
    const result = await runMain([...candidate({ work: '2025-07..' }), '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    expect(report.ready).toBe(false);
    expect(report.eligibility).toMatchObject({
      status: 'ineligible',
      countedMonths: 18,
      shortfallMonths: 6,
      earliestYear: 2027,
    });
    expect(report.eligibility.findings.map((f: { id: string }) => f.id)).toContain('eligibility.years');
    expect(report.checklist.find((i: { id: string }) => i.id === 'eligibility.verdict').status).toBe('blocked');
  });

  it('without a TTY a missing answer is a usage error naming the flag; it never hangs', async () => {
    const result = await runMain(['--level', 'assistant', '--today', '2026-02-20']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--education');
    expect(result.err).toContain('--province');
    expect(result.err).not.toMatch(/at .*\.js:\d+/);
  });

  it('a bad value is a usage error that says what is accepted', async () => {
    const result = await runMain(candidate({ level: '专家' }));
    expect(result.code).toBe(2);
    expect(result.err).toContain('专家');
  });

  it('text output in English and Chinese, no colour codes under NO_COLOR', async () => {
    const zh = await runMain(ELIGIBLE);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain('符合');
    expect(zh.out).not.toContain('\u001b[');
    const en = await runMain([...ELIGIBLE, '--lang', 'en']);
    expect(en.out).toContain('Eligible');
  });

  it('markdown output and --output writes the file atomically', async () => {
    const file = path.join(CONFIG_DIR, 'out', 'report.md');
    const result = await runMain([...ELIGIBLE, '--format', 'md', '--output', file]);
    expect(result.code).toBe(0);
    expect(result.out).toBe('');
    expect(readFileSync(file, 'utf8')).toMatch(/^# /);
  });

  it('demo runs with no input', async () => {
    const result = await runMain(['demo', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).eligibility.status).toBe('eligible');
  });

  it('rules: text and JSON, with sources; a malformed override exits 2 listing every problem', async () => {
    const text = await runMain(['rules']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('国人部发〔2006〕71号');
    const json = JSON.parse((await runMain(['rules', '--format', 'json'])).out);
    expect(json.rules['eligibility.assistant'].confidence).toBe('official');

    const bad = path.join(CONFIG_DIR, 'bad-rules.json');
    writeFileSync(
      bad,
      JSON.stringify({ rules: { 'pass-line': { value: { score: -1 } }, 'fees.nowhere': { value: {} } } }),
    );
    const result = await runMain(['rules', '--rules', bad]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('pass-line');
    expect(result.err).toContain('fees.nowhere');

    const broken = path.join(CONFIG_DIR, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect((await runMain(['rules', '--rules', broken])).code).toBe(2);
    expect((await runMain(['rules', '--rules', path.join(CONFIG_DIR, 'missing.json')])).code).toBe(2);
  });

  it('an override changes the numbers: a province fee from --rules reaches the checklist', async () => {
    const file = path.join(CONFIG_DIR, 'fees.json');
    writeFileSync(file, JSON.stringify({ rules: { 'fees.guangdong': { value: { objective: 99 } } } }));
    const report = JSON.parse((await runMain([...ELIGIBLE, '--rules', file, '--format', 'json'])).out);
    expect(report.checklist.find((i: { id: string }) => i.id === 'registration.fee').text).toContain('198');
  });

  it('profile: empty at first, path inside the configured folder, reset works', async () => {
    expect((await runMain(['profile', 'path'])).out.trim().startsWith(CONFIG_DIR)).toBe(true);
    expect((await runMain(['profile', 'show', '--format', 'json'])).code).toBe(0);
    expect((await runMain(['profile', 'reset'])).code).toBe(0);
    expect((await runMain(['profile', 'nonsense'])).code).toBe(2);
  });

  it('profile path and reset speak JSON with --format json', async () => {
    expect(JSON.parse((await runMain(['profile', 'path', '--format', 'json'])).out)).toMatchObject({
      schema: 'shegong.profile/v1',
    });
    expect(JSON.parse((await runMain(['profile', 'reset', '--format', 'json'])).out)).toMatchObject({ reset: true });
  });

  it('a missing certificate is a usage error naming the one the route needs', async () => {
    const needsAssistant = await runMain(candidate({ level: '中级', education: '高中', work: '2012-01..' }));
    expect(needsAssistant.code).toBe(2);
    expect(needsAssistant.err).toContain('助理社会工作师证书');
  });

  it('a reader that closes the pipe early (| head -c 1): exit 0, no stack trace (spawned: EPIPE)', () => {
    const result = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; "${process.execPath}" "${BIN}" ${ELIGIBLE.map((a) => `'${a}'`).join(' ')} --format json | head -c 1 >/dev/null`,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, SHEGONG_CONFIG_DIR: CONFIG_DIR, NO_COLOR: '1' },
      },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
  });

  it('flags never write the profile (scripts do not change saved answers)', async () => {
    await runMain(['profile', 'reset']);
    await runMain(ELIGIBLE);
    const shown = JSON.parse((await runMain(['profile', 'show', '--format', 'json'])).out);
    expect(shown.answers).toEqual({});
    expect(existsSync(shown.path) ? (JSON.parse(readFileSync(shown.path, 'utf8')).answers ?? {}) : {}).toEqual({});
  });
});

describe('start-up cost', () => {
  const packagesLoaded = (args: string[]) => {
    const result = runCli(args, { NODE_OPTIONS: `--import ${path.join(ROOT, 'test/fixtures/trace-imports.mjs')}` });
    const line = result.err.split('\n').find((l) => l.startsWith('IMPORTS '));
    const urls: string[] = JSON.parse(line?.slice('IMPORTS '.length) ?? '[]');
    return new Set(urls.flatMap((url) => url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? []));
  };

  it('--help, --version and usage errors load only commander', async () => {
    for (const args of [['--help'], ['--version'], ['--frobnicate']]) {
      expect([...packagesLoaded(args)]).toEqual(['commander']);
    }
  });

  it('a check run loads what it needs but never prompts, conf or sharp without a TTY', async () => {
    const loaded = packagesLoaded(ELIGIBLE);
    expect(loaded.has('dayjs')).toBe(true); // the trace sees packages at all
    expect(loaded.has('@inquirer/prompts')).toBe(false);
    expect(loaded.has('conf')).toBe(false);
    expect(loaded.has('sharp')).toBe(false);
  });
});

describe('check with files', () => {
  const demoFiles = path.join(ROOT, 'templates', 'demo', 'files');

  it('--files DIR finds the materials by name; a failing file makes the run exit 1', async () => {
    const result = await runMain([...ELIGIBLE, '--files', demoFiles, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out);
    const byRole = Object.fromEntries(report.files.map((f: { role: string; status: string }) => [f.role, f.status]));
    expect(byRole).toEqual({ 'id-front': 'pass', photo: 'pass', 'work-proof': 'fail' });
    expect(report.checklist.find((i: { id: string }) => i.id === 'materials.photo').status).toBe('done');
  });

  it('--photo alone: a good photo keeps the candidate ready', async () => {
    const result = await runMain([...ELIGIBLE, '--photo', path.join(demoFiles, '照片.jpg'), '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).files[0]).toMatchObject({
      role: 'photo',
      status: 'pass',
      measured: { width: 295, height: 413 },
    });
  });

  it('--fix writes a .fixed copy beside a fixable original, reports the copy, leaves the unfixable alone', async () => {
    const folder = path.join(CONFIG_DIR, 'materials');
    mkdirSync(folder, { recursive: true });
    await sharp(path.join(demoFiles, '照片.jpg')).png().toFile(path.join(folder, '照片.png'));
    copyFileSync(path.join(demoFiles, '工作证明.jpg'), path.join(folder, '工作证明.jpg'));
    const original = readFileSync(path.join(folder, '照片.png'));
    const result = await runMain([
      ...ELIGIBLE,
      '--photo',
      path.join(folder, '照片.png'),
      '--work-proof',
      path.join(folder, '工作证明.jpg'),
      '--fix',
      '--format',
      'json',
    ]);
    const report = JSON.parse(result.out);
    expect(readFileSync(path.join(folder, '照片.png')).equals(original)).toBe(true);
    expect(report.files.find((f: { role: string }) => f.role === 'photo')).toMatchObject({ status: 'pass' });
    expect(report.files.find((f: { role: string }) => f.role === 'photo').path).toContain('照片.fixed.jpg');
    // Low resolution and no seal: no copy would cure that.
    expect(existsSync(path.join(folder, '工作证明.fixed.jpg'))).toBe(false);
    // Run again: the first copy stays, the new one takes a numbered name.
    const first = readFileSync(path.join(folder, '照片.fixed.jpg'));
    const again = JSON.parse(
      (await runMain([...ELIGIBLE, '--photo', path.join(folder, '照片.png'), '--fix', '--format', 'json'])).out,
    );
    expect(again.files.find((f: { role: string }) => f.role === 'photo').path).toContain('照片.fixed-2.jpg');
    expect(readFileSync(path.join(folder, '照片.fixed.jpg')).equals(first)).toBe(true);
  });

  it('files and fix commands: verdicts, exit codes, no overwrite', async () => {
    const files = await runMain(['files', demoFiles, '--format', 'json']);
    expect(files.code).toBe(1);
    expect(JSON.parse(files.out).files).toHaveLength(3);
    expect((await runMain(['files', path.join(demoFiles, '照片.jpg')])).code).toBe(0);
    // A typo in the path is a usage error that names it, not a failed material.
    expect((await runMain(['files', '/nonexistent/照片.jpg'])).code).toBe(2);
    const out = path.join(CONFIG_DIR, 'fixed-out');
    const fixed = await runMain([
      'fix',
      path.join(demoFiles, '照片.jpg'),
      '--as',
      'photo',
      '--output',
      `${out}/`,
      '--format',
      'json',
    ]);
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.out)).toMatchObject({ ok: true, output: { width: 295, height: 413 } });
    expect(
      (
        await runMain([
          'fix',
          path.join(demoFiles, '照片.jpg'),
          '--as',
          'photo',
          '--output',
          path.join(demoFiles, '照片.jpg'),
        ])
      ).code,
    ).toBe(2);
    expect((await runMain(['fix', path.join(demoFiles, '照片.jpg'), '--as', 'nonsense', '--output', out])).code).toBe(
      2,
    );
  });
});

describe('--format html', () => {
  it('writes one self-contained, escaped page for a candidate', async () => {
    const demoFiles = path.join(ROOT, 'templates', 'demo', 'files');
    const result = await runMain([...ELIGIBLE, '--files', demoFiles, '--format', 'html']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/^<!doctype html>/);
    expect(result.out).toContain('<li class="blocked">');
    expect(result.out).not.toMatch(/(src|href)="https?:/);
    expect(result.out).not.toContain('{{');
  });
});

describe('rule numbers reach the words', () => {
  it('overriding the re-check days and the province window length changes the checklist text', async () => {
    const file = path.join(CONFIG_DIR, 'words.json');
    writeFileSync(
      file,
      JSON.stringify({
        rules: {
          'scores.recheck': { value: { days: 45 } },
          'registration.province-window': { value: { minDays: 5, maxDays: 12 } },
        },
      }),
    );
    const report = JSON.parse(
      (await runMain([...ELIGIBLE, '--rules', file, '--format', 'json', '--province', '江苏'])).out,
    );
    expect(report.checklist.find((i: { id: string }) => i.id === 'after.scores').text).toContain('45');
    expect(report.checklist.find((i: { id: string }) => i.id === 'registration.window').text).toContain('5–12');
  });
});
