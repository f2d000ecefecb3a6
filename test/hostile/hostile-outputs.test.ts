/** Hostile inputs, second list: privacy of material names, lost work, exit codes, bounds, spoofing and silence. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as fsp from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkXlsx } from '../../src/roster/roster-limits.js';
import { checkFile } from '../../src/files/check-file.js';
import { probeFile } from '../../src/files-io/probe-file.js';
import { fixToFile } from '../../src/files-io/fix-to-file.js';
import { parseRuleSet } from '../../src/rules/parse-rule-set.js';
import { templatePath } from '../../src/templates/templates-dir.js';
import { provinces, ruleSet } from '../helpers/fixtures.js';
import { runBatch } from '../../src/cli/commands/batch.js';
import { openOutputFolder } from '../../src/cli/batch/output-folder.js';
import { resolveGlobalOptions } from '../../src/cli/global-options.js';
import { fsSeam } from '../../src/io/safe-write.js';
import { batchArgv, exitStatus, readSummary } from '../helpers/batch-runs.js';
import {
  batch,
  HEADER,
  hostileRun,
  keptWork,
  PHOTO,
  photoRoster,
  runningBatch,
  startBatch,
  row,
  walk,
  workspace,
} from '../helpers/hostile-batch.js';
import { BIN, CONFIG_DIR } from '../helpers/run-cli.js';
// @ts-expect-error: a plain .mjs helper of the bench scripts, no types
import { SPREADSHEET_NS, xlsxPackage } from '../../bench/xlsx-package.mjs';
import { runMain } from '../helpers/run-in-process.js';

const ENV = { ...process.env, NO_COLOR: '1', SHEGONG_CONFIG_DIR: CONFIG_DIR, SHEGONG_NO_DATA_NOTICE: '1' };

/** Every local link of an HTML page, decoded and resolved against the page's folder. */
function localLinks(page: string): string[] {
  const html = readFileSync(page, 'utf8');
  return [...html.matchAll(/(?:href|src)="([^"#:]+)"/g)].map((m) =>
    path.resolve(path.dirname(page), decodeURI(m[1]!.replaceAll('&amp;', '&'))),
  );
}

describe('an ID number in a material file name', () => {
  it('appears in no output file name, manifest, page or link, and every link points to a file that exists', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'm', '李四'), { recursive: true });
    copyFileSync(PHOTO, path.join(dir, 'm', '李四', '照片440106199203150022.png'));
    writeFileSync(path.join(dir, 'r.csv'), [HEADER, row('李四'), row('440106199203150049')].join('\n'));
    const result = await batch(dir, 'r.csv', ['--fix']);
    expect(result.code).toBeLessThan(2);
    const out = path.join(dir, 'out');
    const whole = /440106199203150(022|049)/;
    expect(result.out + result.err).not.toMatch(whole);
    const files = walk(out);
    expect(files.some((f) => f.startsWith(path.join('fixed', '0002-李四', '照片')))).toBe(true);
    for (const file of files) {
      expect(file).not.toMatch(whole);
      if (/\.(md|html|csv|json)$/.test(file))
        expect(readFileSync(path.join(out, file), 'utf8'), file).not.toMatch(whole);
    }
    for (const page of [
      'report.html',
      ...files.filter((f) => f.startsWith(`reports${path.sep}`) && f.endsWith('.html')),
    ])
      for (const link of localLinks(path.join(out, page))) expect(existsSync(link), `${page} → ${link}`).toBe(true);
  });
});

describe('bidi and zero-width characters never reach a file name', () => {
  it('a right-to-left override or zero-width joiner in a name is stripped from every output path', async () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, 'r.csv'),
      [HEADER, row('\u202eexe.fdp李'), row('\u200b\u200b王\u200d五\u2066')].join('\n'),
    );
    const result = await batch(dir, 'r.csv');
    expect(result.code).toBe(1);
    const files = walk(path.join(dir, 'out'));
    for (const file of files) expect(file).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff]/);
    expect(files).toContain(path.join('reports', '0002-exe.fdp李.html'));
    expect(files).toContain(path.join('reports', '0003-王五.html'));
  });
});

describe('a signal at any moment keeps finished work and leaves no lock or temp file', () => {
  it('SIGHUP mid-batch (terminal closed): exit 129, summaries of the finished applicants, no lock, no temp', async () => {
    const { dir, child } = await runningBatch(60, ENV);
    child.kill('SIGHUP');
    expect(await exitStatus(child)).toBe(129);
    const json = keptWork(path.join(dir, 'out'));
    expect(json.interrupted).toBe(true);
    expect(json.finished).toBeGreaterThan(0);
  }, 30_000);

  it('Ctrl-C the moment the lock appears: exit 130, an (empty) summary, no lock left', async () => {
    const dir = workspace();
    photoRoster(dir, 3);
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const watcher = watch(out);
    const child = startBatch(dir, ENV);
    watcher.on('change', (_event, file) => {
      if (file === '.shegong.lock' && existsSync(path.join(out, file))) {
        child.kill('SIGINT');
        watcher.close();
      }
    });
    expect(await exitStatus(child)).toBe(130);
    watcher.close();
    keptWork(out);
  }, 30_000);

  it('a temp file and a lock left by a killed run (kill -9) are cleaned by the next run', async () => {
    const dir = workspace(['p0']);
    writeFileSync(path.join(dir, 'r.csv'), [HEADER, row('人0', { folder: 'p0' })].join('\n'));
    mkdirSync(path.join(dir, 'out', 'reports'), { recursive: true });
    writeFileSync(path.join(dir, 'out', '.shegong.lock'), '999999999\n');
    writeFileSync(path.join(dir, 'out', '.shegong-0123456789ab.tmp'), 'half');
    writeFileSync(path.join(dir, 'out', 'reports', '.shegong-ba9876543210.tmp'), 'half');
    expect((await batch(dir, 'r.csv')).code).toBe(0);
    keptWork(path.join(dir, 'out'));
  });
});

describe('the exit code is the applicants', () => {
  it('batch … 2>&1 | head -c 10 exits 1 when an applicant is blocked', () => {
    const dir = workspace(['p0']);
    writeFileSync(path.join(dir, 'r.csv'), [HEADER, row('人0', { folder: 'p0' }), row('无材料')].join('\n'));
    const quoted = [BIN, ...batchArgv(hostileRun(dir, 'r.csv', ['--concurrency', '1']))].map((arg) => `'${arg}'`);
    const result = spawnSync(
      'bash',
      ['-c', `'${process.execPath}' ${quoted.join(' ')} 2>&1 | head -c 10 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`],
      { env: ENV, encoding: 'utf8', timeout: 30_000 },
    );
    expect(result.stdout.trim()).toBe('rc=1');
    expect(readSummary(path.join(dir, 'out')).finished).toBe(2);
  });
});

describe('a rerun into a used output folder', () => {
  const original = { ...fsSeam };
  afterEach(() => {
    Object.assign(fsSeam, original);
    vi.restoreAllMocks();
  });
  const rosterOf = (dir: string, file: string, names: string[]) =>
    writeFileSync(path.join(dir, file), [HEADER, ...names.map((name, i) => row(name, { folder: `p${i}` }))].join('\n'));
  const reports = (dir: string) =>
    walk(path.join(dir, 'out'))
      .filter((f) => f.startsWith(`reports${path.sep}`))
      .sort();

  it('after a disk that filled up half-way, the same folder is reused', async () => {
    const dir = workspace(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    rosterOf(dir, 'r.csv', ['人0', '人1', '人2', '人3', '人4', '人5']);
    let writes = 0;
    fsSeam.open = (async (file: Parameters<typeof fsp.open>[0], ...rest: unknown[]) => {
      const handle = await original.open(file, ...(rest as [number]));
      if ((writes += 1) >= 6)
        handle.writeFile = async () => {
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        };
      return handle;
    }) as typeof fsp.open;
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const globals = resolveGlobalOptions({ today: '2026-03-01', input: false, color: false });
    await expect(
      runBatch(
        path.join(dir, 'r.csv'),
        { materials: path.join(dir, 'm'), output: path.join(dir, 'out'), concurrency: '1' },
        globals,
      ),
    ).rejects.toMatchObject({ args: { reason: 'ENOSPC' } });
    expect(reports(dir).length).toBeGreaterThan(0);
    Object.assign(fsSeam, original);
    vi.restoreAllMocks();
    const again = await batch(dir, 'r.csv');
    expect(again.err).not.toContain('--force');
    expect(again.code).toBe(0);
    expect(reports(dir)).toHaveLength(12);
  });

  it('another roster into the same folder: the old roster’s pages are removed, and the run says so', async () => {
    const dir = workspace(['p0', 'p1', 'p2']);
    rosterOf(dir, 'a.csv', ['甲', '乙', '丙']);
    rosterOf(dir, 'b.csv', ['丁', '戊']);
    expect((await batch(dir, 'a.csv', ['--fix'])).code).toBe(0);
    expect(reports(dir)).toHaveLength(6);
    const second = await batch(dir, 'b.csv', ['--fix']);
    expect(second.code).toBe(0);
    expect(reports(dir)).toEqual(
      ['0002-丁.html', '0002-丁.md', '0003-戊.html', '0003-戊.md'].map((f) => path.join('reports', f)),
    );
    expect(existsSync(path.join(dir, 'out', 'fixed', '0004-丙'))).toBe(false);
    const manifest = readFileSync(path.join(dir, 'out', '.shegong-manifest.json'), 'utf8');
    expect(manifest).not.toMatch(/甲|乙|丙/);
    expect(second.err).toMatch(/\b6\b/);
  });

  it('a page written after the summaries (an applicant abandoned by a second Ctrl-C) is not left for the rerun to trip on', async () => {
    const dir = workspace();
    const out = path.join(dir, 'out');
    mkdirSync(out);
    const folder = await openOutputFolder(out, out, undefined);
    await folder.plan(['reports/0002-甲.md', 'reports/0003-乙.md'], []);
    await folder.write(path.join(out, 'reports', '0002-甲.md'), 'finished');
    await folder.removeStale();
    await folder.writeManifest();
    await folder.write(path.join(out, 'reports', '0003-乙.md'), 'late');
    expect(existsSync(path.join(out, 'reports', '0003-乙.md'))).toBe(false);
    const again = await openOutputFolder(out, out, undefined);
    await expect(again.plan(['reports/0002-甲.md', 'reports/0003-乙.md'], [])).resolves.toBeUndefined();
  });

  it('a page in the way that no shegong run wrote: refused before any work, naming a new folder, never --force', async () => {
    const dir = workspace(['p0']);
    rosterOf(dir, 'r.csv', ['人0']);
    mkdirSync(path.join(dir, 'out', 'reports'), { recursive: true });
    writeFileSync(path.join(dir, 'out', 'reports', '0002-人0.md'), 'mine');
    const result = await batch(dir, 'r.csv');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--output');
    expect(result.err).not.toContain('--force');
    expect(readFileSync(path.join(dir, 'out', 'reports', '0002-人0.md'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(dir, 'out', 'summary.json'))).toBe(false);
  });
});

/** A one-sheet workbook with shared strings; `rows` are <row> elements (cells built by the helpers below). */
function workbook(rows: string, shared: string[]): Uint8Array {
  return xlsxPackage(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SPREADSHEET_NS}"><sheetData>${rows}</sheetData></worksheet>`,
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${SPREADSHEET_NS}" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((text) => `<si><t>${text}</t></si>`).join('')}</sst>`,
  );
}
const ref = (r: number, c: number) => `${'ABCDEFGHIJK'[c]}${r}`;
const sharedCell = (r: number, c: number, index: number) => `<c r="${ref(r, c)}" t="s"><v>${index}</v></c>`;
const textCell = (r: number, c: number, text: string) =>
  `<c r="${ref(r, c)}" t="inlineStr"><is><t>${text}</t></is></c>`;
const numberCell = (r: number, c: number, value: string) => `<c r="${ref(r, c)}"><v>${value}</v></c>`;
const sheetRow = (r: number, cells: string[]) => `<row r="${r}">${cells.join('')}</row>`;
const headerRow = sheetRow(
  1,
  ['姓名', '报考级别', '身份证号'].map((title, c) => textCell(1, c, title)),
);

describe('an xlsx whose cells resolve to more text than the bound', () => {
  it('2,000 rows whose cells all point to one 60,000-character shared string: refused before the parser', () => {
    const rows = Array.from({ length: 2_000 }, (_, i) =>
      sheetRow(i + 2, [sharedCell(i + 2, 0, 0), sharedCell(i + 2, 1, 1), sharedCell(i + 2, 2, 0)]),
    ).join('');
    const bytes = workbook(headerRow + rows, ['名'.repeat(60_000), '助理']);
    expect(bytes.length).toBeLessThan(100_000);
    expect(checkXlsx(bytes)).toEqual({ reason: 'xlsx-too-big' });
    // The same shape with ordinary names passes.
    expect(checkXlsx(workbook(headerRow + rows, ['张三', '助理']))).toBeUndefined();
  });
});

describe('xlsx cells that do not refuse the whole roster', () => {
  it('a shared-string index past the end: that row gets a finding, the others are read', async () => {
    const dir = workspace();
    const bytes = workbook(
      headerRow +
        sheetRow(2, [sharedCell(2, 0, 99_999), textCell(2, 1, '助理'), textCell(2, 2, '440106199203150022')]) +
        sheetRow(3, [sharedCell(3, 0, 0), textCell(3, 1, '助理'), textCell(3, 2, '440106199203150022')]),
      ['王五'],
    );
    writeFileSync(path.join(dir, 'oob.xlsx'), bytes);
    const result = await batch(dir, 'oob.xlsx');
    expect(result.code).toBe(1);
    const json = readSummary(path.join(dir, 'out'));
    const [damaged, intact] = [...json.applicants].sort((a, b) => a.line - b.line);
    expect([damaged.line, intact.line]).toEqual([2, 3]);
    expect(damaged.rowFindings.map((f: { id: string }) => f.id)).toContain('roster.cell-damaged');
    expect(intact.name).toBe('王五');
    expect(intact.rowFindings.map((f: { id: string }) => f.id)).not.toContain('roster.cell-damaged');
  });

  it('numeric ID cells (Excel’s 4.4E+17, a rounded 18-digit number, one ending in X): row findings, never a refused roster', async () => {
    const dir = workspace();
    const bytes = workbook(
      headerRow +
        sheetRow(2, [textCell(2, 0, '李四'), textCell(2, 1, '助理'), numberCell(2, 2, '4.40106199203150E+17')]) +
        sheetRow(3, [textCell(3, 0, '王五'), textCell(3, 1, '助理'), numberCell(3, 2, '440106199203150000')]) +
        sheetRow(4, [textCell(4, 0, '赵六'), textCell(4, 1, '助理'), numberCell(4, 2, '44010619920315002X')]),
      [],
    );
    writeFileSync(path.join(dir, 'num.xlsx'), bytes);
    const result = await batch(dir, 'num.xlsx');
    expect(result.code).toBe(1);
    const json = readSummary(path.join(dir, 'out'));
    const idReason = (line: number) =>
      json.applicants
        .find((a: { line: number }) => a.line === line)
        .rowFindings.find((f: { id: string }) => f.id === 'roster.id-number')?.measured.reason;
    expect([idReason(2), idReason(3)]).toEqual(['mangled', 'mangled']);
    expect(idReason(4)).toBeDefined();
  });
});

describe('two names, one materials folder', () => {
  it('the later row gets an error finding; neither is ready on the other person’s photo', async () => {
    const dir = workspace(['A1']);
    writeFileSync(
      path.join(dir, 'r.csv'),
      [HEADER, row('A1', { folder: 'A1' }), row('王芳', { folder: 'A1' })].join('\n'),
    );
    const result = await batch(dir, 'r.csv');
    expect(result.code).toBe(1);
    const json = readSummary(path.join(dir, 'out'));
    const second = json.applicants.find((a: { line: number }) => a.line === 3);
    expect(second.ready).toBe(false);
    expect(second.rowFindings).toContainEqual(
      expect.objectContaining({ id: 'roster.duplicate', measured: { field: 'folder', first: 2 } }),
    );
  });
});

describe('a GIF is refused by the size it declares, before any decode', () => {
  /** The offset of the first image descriptor (0x2C): past the screen descriptor, colour table and extensions. */
  const descriptorAt = (gif: Buffer) => {
    let at = 13 + (gif[10]! & 0x80 ? 3 * 2 ** ((gif[10]! & 7) + 1) : 0);
    while (gif[at] === 0x21) {
      at += 2;
      while (gif[at]! > 0) at += gif[at]! + 1;
      at += 1;
    }
    expect(gif[at]).toBe(0x2c);
    return at;
  };

  // A 4 KB fuzz mutant declared 33368×849 in its image descriptor: libvips decodes a GIF's frame
  // whole, as RGBA, and `files` peaked at 229 MB. GIF has its own ceiling (SAFETY.maxGifPixels).
  it('a small GIF whose frame says 33368×849: image.pixels, nothing decoded; a real one is still read', async () => {
    const { default: sharp } = await import('sharp');
    const real = await sharp({ create: { width: 600, height: 849, channels: 3, background: '#f4f1ea' } })
      .gif()
      .toBuffer();
    const dir = workspace();
    const realFile = path.join(dir, '社保.gif');
    writeFileSync(realFile, real);
    const bomb = Buffer.from(real);
    bomb.writeUInt16LE(33_368, descriptorAt(bomb) + 5);
    const bombFile = path.join(dir, '社保缴费.gif');
    writeFileSync(bombFile, bomb);
    const facts = await probeFile(bombFile, { role: 'social-security', roleFrom: 'flag', ruleSet });
    expect(facts.refusedPixels).toBe(33_368 * 849);
    expect(checkFile(facts, ruleSet).findings).toContainEqual(
      expect.objectContaining({ id: 'image.pixels', expected: { maxPixels: 9_000_000 } }),
    );
    const read = await probeFile(realFile, { role: 'social-security', roleFrom: 'flag', ruleSet });
    expect(read.refusedPixels).toBeUndefined();
    expect(read.image?.width).toBe(600);
  });
});

describe('a HEIC is refused by the size it declares, before any decode', () => {
  it('a small HEIC whose ispe says 10000×10000: image.pixels, nothing decoded', async () => {
    const bytes = Buffer.from(readFileSync(path.join('test', 'fixtures', 'photos', 'blue.heic')));
    const ispe = bytes.indexOf('ispe');
    bytes.writeUInt32BE(10_000, ispe + 8);
    bytes.writeUInt32BE(10_000, ispe + 12);
    const dir = workspace();
    const file = path.join(dir, '照片.heic');
    writeFileSync(file, bytes);
    const facts = await probeFile(file, { role: 'photo', roleFrom: 'flag', ruleSet });
    expect(facts.refusedPixels).toBe(100_000_000);
    const result = checkFile(facts, ruleSet);
    expect(result.findings.map((f) => f.id)).toContain('image.pixels');
    // The real 672×896 photo is still read.
    const real = await probeFile(path.join('test', 'fixtures', 'photos', 'blue.heic'), {
      role: 'photo',
      roleFrom: 'flag',
      ruleSet,
    });
    expect(real.refusedPixels).toBeUndefined();
    expect(real.image?.width).toBe(672);
  });

  it('a damaged HEIC: a corrupt-file finding, JSON output intact (libheif prints nothing), fix says damaged', async () => {
    const dir = workspace();
    const cut = path.join(dir, '照片.heic');
    writeFileSync(cut, readFileSync(path.join('test', 'fixtures', 'photos', 'blue.heic')).subarray(0, 3000));
    // A HEIC brand and nothing after it: libheif's wrapper logged "Could not parse HEIF file" to stdout.
    const bare = path.join(dir, '证件照.heic');
    writeFileSync(bare, Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'));
    for (const file of [cut, bare]) {
      const run = spawnSync(process.execPath, [BIN, 'files', '--as', 'photo', file, '--format', 'json'], {
        env: ENV,
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(JSON.stringify(JSON.parse(run.stdout))).toContain('file.corrupt');
      const fixed = await fixToFile(file, 'photo', path.join(dir, `${path.basename(file)}.jpg`), ruleSet);
      expect(fixed).toMatchObject({ ok: false, reason: 'undecodable' });
    }
  });
});

describe('--rules cannot lift the decode and reader bounds', () => {
  const exam = JSON.parse(readFileSync(templatePath('rules', 'exam.json'), 'utf8'));
  const uploads = JSON.parse(readFileSync(templatePath('rules', 'uploads.json'), 'utf8'));
  const bundled = { ...exam, rules: { ...exam.rules, ...uploads.rules } };
  const override = (rules: Record<string, unknown>) =>
    parseRuleSet(bundled, [{ file: 'max.json', json: { rules } }], provinces);
  it('the values that reached 315–341 MB (268 MP, 4096-px decodes, 512 MB reads) are refused, each named', () => {
    const result = override({
      'upload.image': { value: { maxPixels: 268_402_689, photoDecodeSize: 4096, maxReadBytes: 536_870_912 } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const key of ['maxPixels', 'photoDecodeSize', 'maxReadBytes'])
      expect(result.problems.map((p) => p.args.where)).toContain(`rules.upload.image.value.${key}`);
  });
  it('the PDF reader’s image, text and heap limits are capped too; the bundled values and lower ones pass', () => {
    const result = override({
      'upload.pdf.reader': {
        value: { maxImagePixels: 1e12, maxTextPages: 1e9, maxTextChars: 1e12, maxHeapMb: 4096 },
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const key of ['maxImagePixels', 'maxTextPages', 'maxTextChars', 'maxHeapMb'])
      expect(result.problems.map((p) => p.args.where)).toContain(`rules.upload.pdf.reader.value.${key}`);
    expect(override({}).ok).toBe(true);
    expect(override({ 'upload.image': { value: { maxPixels: 20_000_000, photoDecodeSize: 400 } } }).ok).toBe(true);
  });
});

describe('files DIR checks every file a role fits', () => {
  it('a folder of three photos: three results, none dropped in silence', async () => {
    const dir = workspace();
    for (const name of ['照片1.jpg', '照片2.jpg', '照片3.jpg']) copyFileSync(PHOTO, path.join(dir, 'm', name));
    const result = await runMain(['files', path.join(dir, 'm'), '--format', 'json']);
    expect(result.code).toBeLessThan(2);
    const json = JSON.parse(result.out);
    expect(json.files.map((f: { path: string }) => path.basename(f.path)).sort()).toEqual([
      '照片1.jpg',
      '照片2.jpg',
      '照片3.jpg',
    ]);
  });
});

describe('xlsx shared-string cells the parser reads as empty stay empty, without a finding', () => {
  it('an empty <v/> in a t="s" cell is not called damaged', async () => {
    const dir = workspace();
    const bytes = workbook(
      headerRow +
        sheetRow(2, [textCell(2, 0, '李四'), textCell(2, 1, '助理'), '<c r="C2" t="s"><v></v></c>']) +
        sheetRow(3, [sharedCell(3, 0, 0), textCell(3, 1, '助理')]),
      ['王五'],
    );
    writeFileSync(path.join(dir, 'empty.xlsx'), bytes);
    const result = await batch(dir, 'empty.xlsx');
    expect(result.code).toBe(1);
    const json = readSummary(path.join(dir, 'out'));
    expect(json.finished).toBe(2);
    for (const applicant of json.applicants)
      expect(applicant.rowFindings.map((f: { id: string }) => f.id)).not.toContain('roster.cell-damaged');
  });
});
