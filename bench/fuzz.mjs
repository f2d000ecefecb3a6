#!/usr/bin/env node
// npm run fuzz: mutate valid uploads (JPEG photos and scans, PNG, WebP, GIF, HEIC, PDF) into N files
// (FUZZ_FILES, default 3000; FUZZ_SEED for another set), then run them through `files` in chunks
// of 100 and through one `batch --fix` (5 files per applicant; some names carry bidi controls and
// zero-width characters), and N/300 mutated xlsx rosters (shared-string indexes, amplification,
// numeric IDs, damaged XML and zip bytes) through `batch`. Counts crashes (an exit code
// other than 0/1, a signal, an internal error or a stack trace), hangs (a `files` chunk over 30 s,
// the batch over FUZZ_BATCH_SECONDS) and the peak memory of each run. Exits 1 on any crash or hang.
import { spawnSync } from 'node:child_process';
import { launcherSettings } from './launcher.mjs';
import { SPREADSHEET_NS, xlsxPackage } from './xlsx-package.mjs';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** As bin/shegong.js starts the real process (its shebang's memory settings). */
const launcher = launcherSettings();
const COUNT = Number(process.env.FUZZ_FILES ?? 3000);
const CHUNK = 100;
const CHUNK_SECONDS = 30;
const BATCH_SECONDS = Number(process.env.FUZZ_BATCH_SECONDS ?? Math.max(60, COUNT / 5));
const work = process.env.FUZZ_DIR ?? path.join(root, '.fuzz');

// A small deterministic PRNG (mulberry32), so a failing mutant can be made again from its seed.
let state = Number(process.env.FUZZ_SEED ?? 20261201) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n) => Math.floor(random() * n);

function pdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function seeds() {
  const { default: sharp } = await import('sharp');
  const face = `<svg xmlns="http://www.w3.org/2000/svg" width="413" height="578"><rect width="100%" height="100%" fill="#fff"/><ellipse cx="206" cy="530" rx="185" ry="170" fill="#1f3a68"/><ellipse cx="206" cy="210" rx="85" ry="125" fill="#e0b193"/></svg>`;
  const page = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="#f4f1ea"/><rect x="120" y="200" width="1000" height="40" fill="#333"/><circle cx="900" cy="1400" r="120" fill="none" stroke="#c22" stroke-width="14"/></svg>`;
  const photo = sharp(Buffer.from(face));
  const scan = sharp(Buffer.from(page));
  return [
    { role: '照片', ext: 'jpg', bytes: await photo.clone().jpeg({ quality: 90 }).toBuffer() },
    { role: '照片', ext: 'png', bytes: await photo.clone().png().toBuffer() },
    { role: '照片', ext: 'webp', bytes: await photo.clone().webp().toBuffer() },
    {
      role: '身份证正面',
      ext: 'jpg',
      bytes: await scan.clone().resize(1000).jpeg({ quality: 85, progressive: true }).toBuffer(),
    },
    { role: '工作证明', ext: 'jpg', bytes: await scan.clone().jpeg({ quality: 80 }).toBuffer() },
    { role: '社保', ext: 'gif', bytes: await scan.clone().resize(600).gif().toBuffer() },
    { role: '学历', ext: 'pdf', bytes: pdf() },
    // An iPhone HEIC: its ispe (declared size) lies inside the first 600 bytes the header mutation
    // edits. FUZZ_HEIC=off leaves it out (to compare a run's peak without libheif).
    ...(process.env.FUZZ_HEIC === 'off'
      ? []
      : [
          {
            role: '照片',
            ext: 'heic',
            bytes: readFileSync(path.join(root, 'test', 'fixtures', 'photos', 'blue.heic')),
          },
        ]),
  ];
}

/** Names as rosters hold them, some with bidi overrides, isolates and zero-width characters. */
const HOSTILE_NAME_PARTS = ['\u202e', '\u202d', '\u2066', '\u2069', '\u200b', '\u200d', '\u200f', '\ufeff', '\u061c'];
function rosterName(n) {
  if (n % 3 !== 0) return `A${n}`;
  const part = () => HOSTILE_NAME_PARTS[int(HOSTILE_NAME_PARTS.length)];
  return `${part()}A${n}${part()}.pdf${part()}exe`;
}

/** A one-sheet xlsx roster (shared strings for the text) with one mutation of its parts or bytes. */
function xlsxRoster(rows) {
  const shared = [];
  const index = (text) => {
    const at = shared.indexOf(text);
    if (at >= 0) return at;
    shared.push(text);
    return shared.length - 1;
  };
  const column = (c) => String.fromCharCode(65 + c);
  const header = ['姓名', '报考级别', '学历', '专业', '毕业时间', '学习形式', '社会工作经历', '身份证号'];
  const table = [header, ...rows];
  const kind = int(6);
  let cells = table.map((cells, r) =>
    cells.map((text, c) => {
      const ref = `${column(c)}${r + 1}`;
      // Excel's number cell for a typed ID (4.4E+17, or rounded).
      if (kind === 2 && r > 0 && c === 7)
        return `<c r="${ref}"><v>${['4.40106199203150E+17', '440106199203150000', '44010619920315002X'][int(3)]}</v></c>`;
      return `<c r="${ref}" t="s"><v>${index(text)}</v></c>`;
    }),
  );
  // A shared-string index past the end, or every cell pointing at one long string.
  if (kind === 0)
    cells = cells.map((row, r) =>
      row.map((cell, c) =>
        r > 0 && int(4) === 0 ? `<c r="${column(c)}${r + 1}" t="s"><v>${int(1e12)}</v></c>` : cell,
      ),
    );
  if (kind === 1) {
    shared.push('名'.repeat(1 + int(60_000)));
    const long = shared.length - 1;
    cells = cells.map((row, r) =>
      r === 0 ? row : row.map((_, c) => `<c r="${column(c)}${r + 1}" t="s"><v>${long}</v></c>`),
    );
  }
  let sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SPREADSHEET_NS}"><sheetData>${cells.map((row, r) => `<row r="${r + 1}">${row.join('')}</row>`).join('')}</sheetData></worksheet>`;
  let strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${SPREADSHEET_NS}" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((text) => `<si><t>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></si>`).join('')}</sst>`;
  // Damaged XML inside a valid zip.
  if (kind === 3) sheet = mutate(Buffer.from(sheet)).toString('utf8');
  if (kind === 4) strings = mutate(Buffer.from(strings)).toString('utf8');
  const zip = Buffer.from(xlsxPackage(sheet, strings));
  // Damaged zip bytes.
  return kind === 5 ? mutate(zip) : zip;
}

/** One mutant: bit flips, truncation, a splice, inserted or deleted bytes, or a header length edit. */
function mutate(bytes) {
  const out = Buffer.from(bytes);
  switch (int(6)) {
    case 0: {
      for (let n = 1 + int(20); n > 0; n -= 1) out[int(out.length)] ^= 1 << int(8);
      return out;
    }
    case 1:
      return out.subarray(0, int(out.length));
    case 2: {
      const from = int(out.length);
      const to = int(out.length);
      return Buffer.concat([out.subarray(0, from), out.subarray(to)]);
    }
    case 3: {
      const at = int(out.length);
      const junk = Buffer.alloc(1 + int(4096), int(256));
      return Buffer.concat([out.subarray(0, at), junk, out.subarray(at)]);
    }
    case 4: {
      // Header fields: the first 600 bytes hold SOF/IHDR/VP8 sizes and segment lengths.
      for (let n = 1 + int(6); n > 0; n -= 1) out[int(Math.min(600, out.length))] = [0, 0xff, 0x7f, int(256)][int(4)];
      return out;
    }
    default: {
      const text = out
        .toString('latin1')
        .replace(/\/Count \d+|\/Length \d+|startxref\n\d+/, (m) => m.replace(/\d+$/, String(int(1e9))));
      return Buffer.from(text, 'latin1');
    }
  }
}

function run(args, seconds) {
  const rssFile = path.join(work, `rss-${process.pid}-${int(1e9)}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [...launcher.execArgv, path.join(root, 'bench', 'rss-run.mjs'), ...args], {
    encoding: 'utf8',
    input: '',
    timeout: seconds * 1000,
    killSignal: 'SIGKILL',
    env: {
      ...process.env,
      ...launcher.env,
      NO_COLOR: '1',
      SHEGONG_RSS_FILE: rssFile,
      SHEGONG_CONFIG_DIR: path.join(work, 'config'),
    },
    maxBuffer: 256 * 1024 * 1024,
  });
  let rssMb = 0;
  try {
    rssMb = Number(readFileSync(rssFile, 'utf8').split(' ')[0]) / 1024;
    rmSync(rssFile);
  } catch {}
  const hung =
    result.error?.code === 'ETIMEDOUT' || (result.signal === 'SIGKILL' && Date.now() - started >= seconds * 1000 - 50);
  const stack = /\n\s+at .+\(.+:\d+:\d+\)|node:internal|内部错误|Internal error/.test(result.stderr ?? '');
  const crashed = !hung && (result.signal !== null || ![0, 1].includes(result.status ?? -1) || stack);
  return {
    ms: Date.now() - started,
    code: result.status,
    signal: result.signal,
    hung,
    crashed,
    stack,
    rssMb,
    stderr: (result.stderr ?? '').slice(0, 2000),
  };
}

rmSync(work, { recursive: true, force: true });
const filesDir = path.join(work, 'files');
const materials = path.join(work, 'materials');
mkdirSync(filesDir, { recursive: true });
const bases = await seeds();
const names = [];
const perApplicant = 5;
const rows = [];
for (let n = 0; n < COUNT; n += 1) {
  const base = bases[n % bases.length];
  const bytes = mutate(base.bytes);
  const name = `${base.role}-${String(n).padStart(5, '0')}.${base.ext}`;
  writeFileSync(path.join(filesDir, name), bytes);
  names.push(name);
  const applicant = Math.floor(n / perApplicant);
  const folder = path.join(materials, `A${applicant}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${base.role}${n % perApplicant}.${base.ext}`), bytes);
  if (n % perApplicant === 0)
    rows.push(`${rosterName(applicant)},助理,本科,其他,2019-07,全日制,2019-08..,,广东,,,A${applicant}`);
}
writeFileSync(
  path.join(work, 'roster.csv'),
  `姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,已有证书,报考省份,户籍,身份证号,材料目录\n${rows.join('\n')}\n`,
);

const failures = [];
let filesPeak = 0;
let slowest = 0;
for (let i = 0; i < names.length; i += CHUNK) {
  const chunk = names.slice(i, i + CHUNK).map((name) => path.join(filesDir, name));
  const result = run(['files', ...chunk, '--format', 'json'], CHUNK_SECONDS);
  filesPeak = Math.max(filesPeak, result.rssMb);
  slowest = Math.max(slowest, result.ms);
  if (result.hung || result.crashed)
    failures.push({ what: `files ${names[i]}…${names[Math.min(i + CHUNK, names.length) - 1]}`, ...result });
}
const batch = run(
  [
    'batch',
    path.join(work, 'roster.csv'),
    '--materials',
    materials,
    '--output',
    path.join(work, 'out'),
    '--fix',
    '--today',
    '2026-12-01',
  ],
  BATCH_SECONDS,
);
if (batch.hung || batch.crashed) failures.push({ what: 'batch --fix', ...batch });

// Mutated xlsx rosters, each through an eligibility-only batch (no materials: the roster reader is the surface).
const XLSX_ROSTERS = Math.max(1, Math.round(COUNT / 300));
let xlsxPeak = 0;
for (let n = 0; n < XLSX_ROSTERS; n += 1) {
  const xlsxRows = Array.from({ length: 1 + int(2000) }, (_, r) => [
    rosterName(r),
    '助理',
    '本科',
    '社会工作',
    '2019-07',
    '全日制',
    '2019-08..',
    `440106199203150${String(int(1000)).padStart(3, '0')}`,
  ]);
  const file = path.join(work, `roster-${n}.xlsx`);
  writeFileSync(file, xlsxRoster(xlsxRows));
  const result = run(
    ['batch', file, '--output', path.join(work, `xout-${n}`), '--today', '2026-12-01'],
    CHUNK_SECONDS * 2,
  );
  xlsxPeak = Math.max(xlsxPeak, result.rssMb);
  // A refused roster (exit 2, a sentence) is an answer; a signal, a stack or another code is a crash.
  if (result.hung || result.signal !== null || result.stack || ![0, 1, 2].includes(result.code ?? -1))
    failures.push({ what: `batch ${path.basename(file)}`, ...result, crashed: !result.hung });
}

const crashes = failures.filter((f) => f.crashed).length;
const hangs = failures.filter((f) => f.hung).length;
const summary = {
  files: COUNT,
  applicants: rows.length,
  crashes,
  hangs,
  filesPeakMb: Math.round(filesPeak),
  slowestChunkMs: slowest,
  batchMs: batch.ms,
  batchPeakMb: Math.round(batch.rssMb),
  xlsxRosters: XLSX_ROSTERS,
  xlsxPeakMb: Math.round(xlsxPeak),
  cores: os.availableParallelism?.() ?? os.cpus().length,
};
console.log(JSON.stringify(summary));
for (const failure of failures)
  console.error(
    `${failure.hung ? 'HANG' : 'CRASH'} ${failure.what}: code ${failure.code} signal ${failure.signal}\n${failure.stderr}`,
  );
process.exitCode = crashes || hangs ? 1 : 0;
