import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type * as fsp from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBatch } from '../../src/cli/commands/batch.js';
import { resolveGlobalOptions } from '../../src/cli/global-options.js';
import { UserError } from '../../src/errors.js';
import { fsSeam } from '../../src/io/safe-write.js';
import { messagesFor, problemText } from '../../src/i18n/messages.js';
import { ROSTER_LIMITS } from '../../src/roster/roster-limits.js';
import { readSummary, runBatchInProcess } from '../helpers/batch-runs.js';
import { batch, HEADER, hostileRun, PHOTO, row, tempsIn, walk, workspace } from '../helpers/hostile-batch.js';

describe('a whole ID number appears nowhere, names and folders included', () => {
  it('an ID as folder name, in 毕业时间 and as the name: masked in every file, every path and stdout', async () => {
    const dir = workspace(['440106199203150022']);
    writeFileSync(
      path.join(dir, 'r.csv'),
      [
        HEADER,
        row('李四', { folder: '440106199203150022' }),
        row('王五', { graduated: '440106199203150030' }),
        row('440106199203150049'),
        row('赵六', { id: '440106199203150057' }),
      ].join('\n'),
    );
    const result = await batch(dir, 'r.csv', ['--fix']);
    expect(result.code).toBe(1);
    const out = path.join(dir, 'out');
    const whole = /440106199203150(022|030|049|057)/;
    expect(result.out + result.err).not.toMatch(whole);
    for (const file of walk(out)) {
      expect(file).not.toMatch(whole);
      if (!existsSync(path.join(out, file)) || !/\.(md|html|csv|json)$/.test(file)) continue;
      expect(readFileSync(path.join(out, file), 'utf8'), file).not.toMatch(whole);
    }
    // The masked forms are there: the folder was used, the bad value is still quoted.
    const json = readSummary(out);
    expect(
      json.applicants.find((a: { line: number }) => a.line === 2).fixes.length +
        json.applicants.find((a: { line: number }) => a.line === 2).report.files.length,
    ).toBeGreaterThan(0);
    expect(JSON.stringify(json)).toContain('440106********0030');
  });
});

describe('each applicant writes only their own outputs, never an original', () => {
  it("a re-check of last run's fixed folder (--materials OUT/fixed --output OUT --fix) leaves every original intact", async () => {
    const dir = workspace();
    const sharp = (await import('sharp')).default;
    mkdirSync(path.join(dir, 'm', '王芳'), { recursive: true });
    await sharp(PHOTO)
      .resize(500, 500)
      .gif()
      .toFile(path.join(dir, 'm', '王芳', '照片.gif'));
    writeFileSync(path.join(dir, 'r.csv'), [HEADER, row('王芳')].join('\n'));
    expect((await batch(dir, 'r.csv', ['--fix'])).code).toBeLessThan(2);
    expect(existsSync(path.join(dir, 'out', 'fixed', '0002-王芳', '照片.jpg'))).toBe(true);
    // The counsellor copies the fixed photo into a folder per person beside the GIF, then re-checks.
    const fixed = path.join(dir, 'out', 'fixed');
    mkdirSync(path.join(fixed, '王芳'));
    copyFileSync(path.join(fixed, '0002-王芳', '照片.jpg'), path.join(fixed, '王芳', '照片.jpg'));
    copyFileSync(path.join(dir, 'm', '王芳', '照片.gif'), path.join(fixed, '王芳', '照片.gif'));
    const before = new Map(
      walk(fixed)
        .filter((f) => f.endsWith('.jpg') || f.endsWith('.gif'))
        .map((f) => [f, readFileSync(path.join(fixed, f))]),
    );
    const again = await runBatchInProcess({ ...hostileRun(dir, 'r.csv', ['--fix']), materials: fixed });
    expect(again.code).toBe(1);
    for (const [file, bytes] of before) expect(readFileSync(path.join(fixed, file)).equals(bytes), file).toBe(true);
    const json = readSummary(path.join(dir, 'out'));
    expect(json.applicants[0].fixes[0]).toMatchObject({ state: 'could-not-fix', reason: 'would-overwrite' });
  });

  it('an output folder holding a summary.csv shegong did not write is refused before any work (exit 2)', async () => {
    const dir = workspace(['张三']);
    writeFileSync(path.join(dir, 'r.csv'), [HEADER, row('张三')].join('\n'));
    mkdirSync(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'out', 'summary.csv'), 'the office budget');
    const result = await batch(dir, 'r.csv');
    expect(result.code).toBe(2);
    expect(readFileSync(path.join(dir, 'out', 'summary.csv'), 'utf8')).toBe('the office budget');
    expect(existsSync(path.join(dir, 'out', 'reports'))).toBe(false);
    // Its own earlier outputs (recorded in the manifest) are replaced on a re-run.
    const other = workspace(['张三']);
    writeFileSync(path.join(other, 'r.csv'), [HEADER, row('张三')].join('\n'));
    expect((await batch(other, 'r.csv')).code).toBe(0);
    expect((await batch(other, 'r.csv')).code).toBe(0);
  });

  it('two rows with one ID, or one name and one folder, are findings; neither is ready', async () => {
    const dir = workspace(['王芳']);
    writeFileSync(
      path.join(dir, 'r.csv'),
      [HEADER, row('王芳', { id: '11010519491231002X' }), row('王芳'), row('李雷', { id: '11010519491231002X' })].join(
        '\n',
      ),
    );
    await batch(dir, 'r.csv');
    const json = readSummary(path.join(dir, 'out'));
    const dup = (line: number) => json.applicants.find((a: { line: number }) => a.line === line);
    expect(dup(3).rowFindings.map((f: { id: string }) => f.id)).toContain('roster.duplicate');
    expect(dup(3).ready).toBe(false);
    expect(dup(4).rowFindings.map((f: { id: string }) => f.id)).toContain('roster.duplicate');
  });
});

describe('a disk that fills up mid-run (ENOSPC through the seam)', () => {
  const original = { ...fsSeam };
  afterEach(() => {
    Object.assign(fsSeam, original);
    vi.restoreAllMocks();
  });
  const setup = (rows: number) => {
    const dir = workspace(Array.from({ length: rows }, (_, i) => `p${i}`));
    writeFileSync(
      path.join(dir, 'r.csv'),
      [HEADER, ...Array.from({ length: rows }, (_, i) => row(`人${i}`, { folder: `p${i}` }))].join('\n'),
    );
    return dir;
  };
  const full = (after: (file: string) => boolean) => {
    fsSeam.open = (async (file: Parameters<typeof fsp.open>[0], ...rest: unknown[]) => {
      const handle = await original.open(file, ...(rest as [number]));
      if (after(String(file))) {
        handle.writeFile = async () => {
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        };
      }
      return handle;
    }) as typeof fsp.open;
  };
  const run = async (dir: string) => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const globals = resolveGlobalOptions({ today: '2026-03-01', input: false, color: false });
    return runBatch(
      path.join(dir, 'r.csv'),
      { materials: path.join(dir, 'm'), output: path.join(dir, 'out'), concurrency: '1' },
      globals,
    ).then(
      (code) => ({ code, error: undefined as unknown }),
      (error: unknown) => ({ code: undefined, error }),
    );
  };

  it('one report write fails: a sentence (exit 2), and the applicants before it keep a valid, interrupted summary', async () => {
    const dir = setup(8);
    let writes = 0;
    full(() => (writes += 1) === 9);
    const { error } = await run(dir);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).args.reason).toBe('ENOSPC');
    const out = path.join(dir, 'out');
    const json = readSummary(out);
    expect(json.interrupted).toBe(true);
    expect(json.finished).toBeGreaterThan(0);
    expect(json.finished).toBeLessThan(8);
    expect(tempsIn(out)).toEqual([]);
  }, 60_000);

  it('every write fails from some point on: a sentence, no temp file and no half summary left', async () => {
    const dir = setup(6);
    let writes = 0;
    full(() => (writes += 1) >= 5);
    const { error } = await run(dir);
    expect(error).toBeInstanceOf(UserError);
    const out = path.join(dir, 'out');
    expect(tempsIn(out)).toEqual([]);
    if (existsSync(path.join(out, 'summary.json')))
      expect(() => JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'))).not.toThrow();
    expect(existsSync(path.join(out, '.shegong.lock'))).toBe(false);
  }, 60_000);
});

describe('rosters bounded before parsing', () => {
  /** The sentence a roster refusal prints, from the catalogue (its reason code names the check that refused). */
  const refusal = (args: Record<string, string>) => problemText(messagesFor('zh-CN'), 'error.roster', args);
  it('a 50 MB header line and a 50 MB cell are refused by the line bound, before csv-parse, with their line (exit 2)', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'header.csv'), `${'a,'.repeat(25_000_000)}\nx\n`);
    writeFileSync(path.join(dir, 'cell.csv'), `姓名,报考级别\n${'x'.repeat(50_000_000)},助理\n`);
    for (const [file, line] of [
      ['header.csv', '1'],
      ['cell.csv', '2'],
    ] as const) {
      const result = await batch(dir, file);
      expect(result.code).toBe(2);
      // The refusal is the byte scan's (record-too-big names the bound), which runs before the parser.
      expect(result.err).toContain(
        refusal({ line, reason: 'record-too-big', limit: String(ROSTER_LIMITS.recordBytes / 1024) }),
      );
      expect(result.err).not.toMatch(/at .*\.js:\d+/);
    }
  }, 30_000);

  it('a photo or a PDF given as the roster: said as not a table, naming what it is (exit 2)', async () => {
    const dir = workspace();
    copyFileSync(path.join('test', 'fixtures', 'photos', 'portrait.jpg'), path.join(dir, '花名册.csv'));
    writeFileSync(path.join(dir, '花名册.pdf'), '%PDF-1.4\n1 0 obj << >> endobj\n');
    for (const [file, type] of [
      ['花名册.csv', 'JPEG'],
      ['花名册.pdf', 'PDF'],
    ] as const) {
      const result = await batch(dir, file);
      expect(result.code).toBe(2);
      expect(result.err).toContain(
        problemText(messagesFor('zh-CN'), 'error.roster-not-table', { file: path.join(dir, file), reason: type }),
      );
    }
  }, 30_000);

  it('an xlsx whose sheet unpacks to 100 MB is refused by the unpacked-size bound, without the parser', async () => {
    const dir = workspace();
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${' '.repeat(100_000_000)}</sheetData></worksheet>`;
    writeFileSync(
      path.join(dir, 'bomb.xlsx'),
      zipSync({
        'xl/worksheets/sheet1.xml': [strToU8(sheet), { level: 9 }],
        'xl/workbook.xml': strToU8('<workbook/>'),
      }),
    );
    const result = await batch(dir, 'bomb.xlsx');
    expect(result.code).toBe(2);
    // xlsx-too-big comes only from checkXlsx, which runs before read-excel-file is imported.
    expect(result.err).toContain(refusal({ line: '', reason: 'xlsx-too-big', limit: '' }));
    expect(result.err).not.toContain('Maximum call stack');
  }, 30_000);

  it('a long cell is cut, never copied whole into the outputs; mismatched quotes are a sentence, not library English', async () => {
    const dir = workspace();
    writeFileSync(path.join(dir, 'r.csv'), [HEADER, row('张三', { graduated: 'x'.repeat(100_000) })].join('\n'));
    await batch(dir, 'r.csv');
    expect(readFileSync(path.join(dir, 'out', 'summary.json'), 'utf8').length).toBeLessThan(60_000);
    writeFileSync(path.join(dir, 'q.csv'), `${HEADER}\n"张三"x,助理\n`);
    const quotes = await runBatchInProcess({ ...hostileRun(dir, 'q.csv', [], 'out2'), materials: undefined });
    if (quotes.code === 2) expect(quotes.err).not.toMatch(/Invalid|Closing Quote/);
  });
});

describe('names the tool did not expect, and full-width formulas', () => {
  it('NUL, newline, a cut emoji, 300 characters, ＝1+1: report.html is written, names are safe, CSV neutralised', async () => {
    const dir = workspace();
    const names = ['李\u0000四', '张\n三', `${'a'.repeat(59)}😀`, '名'.repeat(300), '＝1+1', '＠SUM(A1)'];
    writeFileSync(path.join(dir, 'r.csv'), [HEADER, ...names.map((name) => row(name))].join('\n'));
    const result = await batch(dir, 'r.csv');
    expect(result.code).toBe(1);
    const out = path.join(dir, 'out');
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toContain('</html>');
    for (const file of readdirSync(path.join(out, 'reports'))) {
      expect(file).not.toMatch(/[\u0000-\u001f]/);
      expect(Buffer.byteLength(file)).toBeLessThanOrEqual(255);
      expect(file).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    const csv = readFileSync(path.join(out, 'summary.csv'), 'utf8');
    expect(csv).toContain(",'＝1+1,");
    expect(csv).toContain(",'＠SUM(A1),");
    // A row with no materials folder is not ready in its own report either.
    const json = readSummary(out);
    for (const applicant of json.applicants) {
      expect(applicant.ready).toBe(false);
      if (applicant.report) expect(applicant.report.ready).toBe(false);
      const md = readFileSync(path.join(out, applicant.page.replace(/\.html$/, '.md')), 'utf8');
      expect(md).not.toContain('已准备就绪');
    }
  });
});
