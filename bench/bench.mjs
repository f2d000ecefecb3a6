#!/usr/bin/env node
// npm run bench: the files pipeline against a decode-only floor, measured side by side in one run.
// Generates its own corpus under .bench/ (phone-size 3000×4000 scans of 3–5 MB, some stored sideways
// with EXIF Orientation 6, scanned-page PDFs; batch applicants get real people's photos).
// BENCH_ONLY=photos | fix | batch runs one part; BENCH_SIZES=24,200,1000 and BENCH_BATCH_ROUNDS choose the rosters.
// Each measurement runs in a child process so its peak memory (maxRSS) is its own.
import { spawnSync } from 'node:child_process';
import { launcherSettings } from './launcher.mjs';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** As bin/shegong.js starts the real process (its shebang's memory settings). */
const launcher = launcherSettings();
const corpus = path.join(root, '.bench', 'corpus');
const COUNT = Number(process.env.BENCH_FILES ?? 48);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

async function makeCorpus() {
  // Imported only when a file is missing: the parent process lists the corpus and stays small.
  const sharp = async () => (await import('sharp')).default;
  mkdirSync(corpus, { recursive: true });
  const bases = [];
  for (let i = 0; i < 3; i += 1) {
    const file = path.join(corpus, `base-scan-${i}.jpg`);
    if (!existsSync(file)) {
      // A phone photo of a page: off-white paper, text bars, a red seal and sensor noise, drawn
      // straight into a raw buffer so the JPEG has the entropy (and size) of a real phone shot.
      const width = 3000;
      const height = 4000;
      const raw = Buffer.alloc(width * height * 3);
      let x = 17 + i;
      for (let y = 0; y < height; y += 1) {
        const textRow = y > 400 && y < 2800 && (y - 400) % 120 < 45;
        for (let px = 0; px < width; px += 1) {
          x = (x * 1103515245 + 12345) & 0x7fffffff;
          const grain = ((x >> 16) % 49) - 24;
          const ink = textRow && px > 300 && px < 2600 && (px - 300) % 150 < 110;
          const dx = px - 2100;
          const dy = y - 3200;
          const ring = Math.abs(Math.sqrt(dx * dx + dy * dy) - 270) < 14;
          const o = (y * width + px) * 3;
          const base = ink ? [40, 40, 40] : ring ? [210, 40, 40] : [236, 232, 224];
          raw[o] = Math.max(0, Math.min(255, base[0] + grain));
          raw[o + 1] = Math.max(0, Math.min(255, base[1] + grain));
          raw[o + 2] = Math.max(0, Math.min(255, base[2] + grain));
        }
      }
      await (await sharp())(raw, { raw: { width, height, channels: 3 } })
        .jpeg({ quality: 80 + i * 5 })
        .toFile(file);
    }
    bases.push({ file, role: 'work-proof' });
    const photo = path.join(corpus, `base-photo-${i}.jpg`);
    if (!existsSync(photo)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="413" height="578"><rect width="100%" height="100%" fill="#fff"/><ellipse cx="206" cy="530" rx="185" ry="170" fill="#1f3a68"/><ellipse cx="206" cy="210" rx="85" ry="125" fill="#e0b193"/></svg>`;
      await (await sharp())(Buffer.from(svg)).jpeg({ quality: 92 }).toFile(photo);
    }
    bases.push({ file: photo, role: 'photo' });
  }
  const files = [];
  for (let n = 0; n < COUNT; n += 1) {
    const base = bases[n % bases.length];
    const target = path.join(corpus, `${String(n).padStart(4, '0')}-${base.role}.jpg`);
    if (!existsSync(target)) copyFileSync(base.file, target);
    files.push({ path: target, role: base.role });
  }
  return files;
}

// Rosters of 24, 200 and 1,000 applicants: a training class, an office, a district.
const ROLES = ['照片', '身份证正面', '身份证反面', '学历', '工作证明'];
/** Real people (test/fixtures/photos), so the face detector finds a face and its landmark models run too. */
const FACE_PHOTOS = ['portrait.jpg', 'blue.jpg', 'wall.jpg', 'tilted.jpg'];

/**
 * The batch corpus besides the three synthetic scans: phone shots stored sideways with EXIF
 * Orientation 6 (as a phone held upright writes them, so shegong must rotate), and PDFs of one
 * scanned page (a JPEG image under a line of text, as scanner apps write them). Each PDF's page
 * JPEG is kept beside it: the djpeg floor decodes that image in the PDF's place.
 */
async function makeBatchCorpus() {
  const { default: sharp } = await import('sharp');
  for (let i = 0; i < 2; i += 1) {
    const file = path.join(corpus, `base-exif6-${i}.jpg`);
    if (existsSync(file)) continue;
    // Stored 4000×3000 and turned back upright by the reader: rotate the upright page 90° the other way.
    await sharp(path.join(corpus, `base-scan-${i}.jpg`))
      .rotate(270)
      .jpeg({ quality: 90 })
      .withMetadata({ orientation: 6 })
      .toFile(file);
  }
  for (let i = 0; i < 2; i += 1) {
    const page = path.join(corpus, `base-pdfpage-${i}.jpg`);
    const pdf = path.join(corpus, `base-scan-${i}.pdf`);
    if (existsSync(pdf) && existsSync(page)) continue;
    // A4 at 150 dpi, the scanner apps' usual page.
    await sharp(path.join(corpus, `base-scan-${i + 1}.jpg`))
      .resize(1240, 1754, { fit: 'fill' })
      .jpeg({ quality: 85 })
      .toFile(page);
    writeFileSync(pdf, scannedPdf(readFileSync(page), 1240, 1754, `Diploma scan ${i + 1}`));
  }
}

/** A one-page PDF: the JPEG (DCTDecode) filling an A4 page and a line of Helvetica text over it. */
function scannedPdf(jpeg, width, height, text) {
  const content = `q 595 0 0 842 0 0 cm /Im0 Do Q BT /F1 12 Tf 50 800 Td (${text}) Tj ET`;
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> /Font << /F1 6 0 R >> >> /Contents 5 0 R >>',
    ),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
      ),
      jpeg,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0].length;
  const offsets = [];
  objects.forEach((body, i) => {
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(obj);
    at += obj.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`];
  for (const o of offsets) xref.push(`${String(o).padStart(10, '0')} 00000 n \n`);
  xref.push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`);
  parts.push(Buffer.from(xref.join('')));
  return Buffer.concat(parts);
}

/**
 * N applicants, each a folder with a real person's photo and four phone-size scans, and a roster
 * naming them. Rotating through the applicants: one scan in four is a sideways phone shot (EXIF
 * Orientation 6) and every sixth applicant's diploma is a PDF.
 */
function makeApplicants(count) {
  const root2 = path.join(root, '.bench', `batch-${count}`);
  const materials = path.join(root2, 'materials');
  // Earlier benches wrote a drawing as every photo: start the folder afresh when it is from then.
  if (existsSync(materials) && !existsSync(path.join(root2, 'corpus-faces'))) rmSync(root2, { recursive: true });
  mkdirSync(root2, { recursive: true });
  writeFileSync(path.join(root2, 'corpus-faces'), '');
  const lines = ['姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,报考省份'];
  const files = [];
  /** What the floor decodes: each JPEG itself, each PDF's page image. */
  const floorFiles = [];
  let rotated = 0;
  for (let n = 0; n < count; n += 1) {
    const name = `A${String(n).padStart(4, '0')}`;
    const folder = path.join(materials, name);
    mkdirSync(folder, { recursive: true });
    ROLES.forEach((role, i) => {
      let source;
      let floorSource;
      if (role === '照片') source = path.join(root, 'test', 'fixtures', 'photos', FACE_PHOTOS[n % FACE_PHOTOS.length]);
      else if (role === '学历' && n % 6 === 5) {
        source = path.join(corpus, `base-scan-${n % 2}.pdf`);
        floorSource = path.join(corpus, `base-pdfpage-${n % 2}.jpg`);
      } else if (i === 1 + (n % 4)) {
        source = path.join(corpus, `base-exif6-${n % 2}.jpg`);
        rotated += 1;
      } else source = path.join(corpus, `base-scan-${(n + i) % 3}.jpg`);
      const target = path.join(folder, `${role}${path.extname(source)}`);
      // Hard links: thousands of applicants cost no disk; fall back to copies across devices.
      if (!existsSync(target)) {
        try {
          linkSync(source, target);
        } catch {
          copyFileSync(source, target);
        }
      }
      files.push(target);
      floorFiles.push(floorSource ?? target);
    });
    lines.push(`${name},助理,本科,其他,2018-07,全日制,2018-08..,广东`);
  }
  writeFileSync(path.join(root2, 'roster.csv'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(root2, 'files.txt'), `${floorFiles.join('\n')}\n`);
  return {
    count,
    roster: path.join(root2, 'roster.csv'),
    materials,
    output: path.join(root2, 'out'),
    list: path.join(root2, 'files.txt'),
    files: files.length,
    pdfs: files.filter((f) => f.endsWith('.pdf')).length,
    rotated,
    photos: files.filter((f) => path.basename(f).startsWith('照片')),
    jpegScans: files.filter((f) => !path.basename(f).startsWith('照片') && f.endsWith('.jpg')),
    pdfFiles: files.filter((f) => f.endsWith('.pdf')),
  };
}

/**
 * The work the upload rules require of this roster, measured alone (bench/rules-work.mjs): a lower
 * bound on a batch's CPU, whatever the code around it does. Returns its CPU ms, with and without
 * the photo models (withModels null when they do not load), or null when the run fails.
 */
function rulesWork(set) {
  const listFile = path.join(root, '.bench', `rules-work-${set.count}.json`);
  writeFileSync(listFile, JSON.stringify({ scans: set.jpegScans, photos: set.photos, pdfs: set.pdfFiles }));
  const result = spawnSync(process.execPath, [path.join(root, 'bench', 'rules-work.mjs'), listFile], {
    encoding: 'utf8',
    env: { ...process.env, ...launcher.env },
    // A 200-applicant roster takes about 100 s on a 2-core machine.
    timeout: 20 * 60 * 1000,
  });
  if (result.status !== 0) {
    console.log(
      `    rules' own work: not measured (${result.error?.message ?? result.stderr.trim().split('\n').at(-1)})`,
    );
    return null;
  }
  const work = JSON.parse(result.stdout.trim().split('\n').at(-1));
  // Without the models a photo is only measured on a small decode: left out of that bound.
  const withoutModels = work.scanDecodeMs + work.pdfReadMs;
  return {
    ...work,
    withoutModels,
    withModels: work.modelsMs === null ? null : withoutModels + work.photoDecodeMs + work.modelsMs,
  };
}

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');

/** The real CLI as a whole process (start-up included), its peak memory through bench/rss-run.mjs. */
function runCli(args, { ml = false } = {}) {
  const rssFile = path.join(root, '.bench', `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...launcher.execArgv, path.join(root, 'bench', 'rss-run.mjs'), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...launcher.env, SHEGONG_RSS_FILE: rssFile, ...(ml ? {} : { SHEGONG_ML: 'off' }) },
  });
  const wall = ms(start);
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`shegong ${args[0]} exited ${result.status}: ${result.stderr}`);
  const [rssKb, cpuMs] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { ms: wall, cpuMs, rssMb: rssKb / 1024 };
}

function runBatch(set, options) {
  rmSync(set.output, { recursive: true, force: true });
  return runCli(
    ['batch', set.roster, '--materials', set.materials, '--output', set.output, '--today', '2026-11-21', '--no-color'],
    options,
  );
}

/**
 * CPU time (user + system, ms) of this process's finished children, from /proc/self/stat's
 * cutime and cstime: a child's and its own waited-for children's time lands there when it is
 * reaped, so a delta around spawnSync is the whole child tree's CPU. That covers xargs and every
 * djpeg it runs (process.resourceUsage() counts this process only, and Node has no
 * getrusage(RUSAGE_CHILDREN)); null off Linux. Resolution: one clock tick (10 ms).
 */
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, cutime 16, cstime 17.
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(after[13]) + Number(after[14])) * 1000) / CLK_TCK;
  } catch {
    return null;
  }
}

/** The floor: libjpeg-turbo decoding every file at 1/8 scale, one process after another (xargs, as a shell loop would). */
function runDjpeg(set) {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(
    'xargs',
    ['-a', set.list, '-d', '\n', '-n', '1', 'djpeg', '-scale', '1/8', '-outfile', '/dev/null'],
    { stdio: 'ignore' },
  );
  if (result.status !== 0) throw new Error(`djpeg floor failed (${result.status})`);
  const wall = ms(start);
  const cpuAfter = childrenCpuMs();
  return { ms: wall, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/** djpeg on PATH, else installed from Debian/Ubuntu's libjpeg-turbo-progs when we may; else null (the row is skipped). */
function ensureDjpeg() {
  const has = () => !spawnSync('djpeg', ['-version'], { stdio: 'ignore' }).error;
  if (has()) return true;
  const canApt = !spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).error && process.getuid?.() === 0;
  if (canApt && process.env.BENCH_NO_INSTALL !== '1') {
    console.log('djpeg not found: installing libjpeg-turbo-progs (apt-get) for the decode floor …');
    const install = () =>
      spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'libjpeg-turbo-progs'], {
        stdio: 'ignore',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      }).status === 0;
    if (install() || (spawnSync('apt-get', ['update'], { stdio: 'ignore' }).status === 0 && install())) return has();
  }
  console.log(
    'djpeg floor: skipped — djpeg (libjpeg-turbo) is not installed; on Debian/Ubuntu: apt-get install libjpeg-turbo-progs',
  );
  return false;
}

// The photo case. Real photos (test/fixtures/photos) through the same path as
// `shegong fix --as photo`: probe with the face detector, crop around the face, segment, white
// background, 295×413 encode and KB search, then the re-check. First photo (models load) and warm.
const PHOTOS = ['portrait.jpg', 'blue.jpg', 'red.jpg', 'wall.jpg', 'tilted.jpg', 'blue.heic'];
const PHOTO_ROUNDS = Number(process.env.BENCH_PHOTO_ROUNDS ?? 3);
const FIX_ROUNDS = Number(process.env.BENCH_FIX_ROUNDS ?? 5);
const FIX_PHOTOS = Number(process.env.BENCH_FIX_PHOTOS ?? 12);
/** A phone-size input (3024×4032, 12 MP) made from blue.jpg, so decode and shrink costs show. */
const PHONE = 'phone-blue-3024x4032.jpg';

async function makePhonePhoto() {
  const file = path.join(root, '.bench', PHONE);
  if (existsSync(file)) return;
  const { default: sharp } = await import('sharp');
  mkdirSync(path.dirname(file), { recursive: true });
  await sharp(path.join(root, 'test', 'fixtures', 'photos', 'blue.jpg'))
    .resize(3024, 4032)
    .jpeg({ quality: 90 })
    .toFile(file);
}

async function measurePhotos() {
  const { loadRuleSet } = await import(path.join(root, 'dist/rules/load-rule-set.js'));
  const { fixToFile } = await import(path.join(root, 'dist/files-io/fix-to-file.js'));
  const { ruleSet } = await loadRuleSet();
  const outDir = path.join(root, '.bench', 'photos');
  mkdirSync(outDir, { recursive: true });
  const one = async (name, n) => {
    const start = process.hrtime.bigint();
    const input =
      name === PHONE ? path.join(root, '.bench', PHONE) : path.join(root, 'test', 'fixtures', 'photos', name);
    const outcome = await fixToFile(input, 'photo', path.join(outDir, `${n}-${name}.jpg`), ruleSet);
    if (!outcome.ok || !outcome.whitened) throw new Error(`${name}: not whitened`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const first = await one(PHOTOS[0], 0);
  const warm = [];
  for (let round = 0; round < PHOTO_ROUNDS; round += 1)
    for (const name of [...PHOTOS, PHONE]) warm.push({ name, ms: await one(name, warm.length + 1) });
  process.stdout.write(JSON.stringify({ first, warm, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

/** Installed size of the production packages, with and without the photo ML optionalDependencies. */
function installedSizes() {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages;
  // The lock's root lists optional packages under dependencies too; package.json tells them apart.
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const closure = (names) => {
    const seen = new Set();
    const stack = [...names];
    while (stack.length) {
      const name = stack.pop();
      if (seen.has(name) || !lock[`node_modules/${name}`]) continue;
      seen.add(name);
      const entry = lock[`node_modules/${name}`];
      stack.push(...Object.keys({ ...entry.dependencies, ...entry.optionalDependencies }));
    }
    return seen;
  };
  const required = closure(Object.keys(pkg.dependencies ?? {}));
  const optional = [...closure(Object.keys(pkg.optionalDependencies ?? {}))].filter((n) => !required.has(n));
  const du = (dir) => {
    let total = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) total += du(full);
      else if (entry.isFile()) total += statSync(full).size;
    }
    return total;
  };
  const size = (names) =>
    [...names].reduce(
      (sum, n) => sum + (existsSync(path.join(root, 'node_modules', n)) ? du(path.join(root, 'node_modules', n)) : 0),
      0,
    );
  const own = ['bin', 'dist', 'templates', 'assets'].reduce(
    (sum, d) => sum + (existsSync(path.join(root, d)) ? du(path.join(root, d)) : 0),
    0,
  );
  return { own, required: size(required), optional: size(optional), optionalCount: optional.length };
}

/** One measurement in this (child) process: mode 'floor' or 'full'. */
async function measure(mode) {
  // The files pipeline targets are about decoding: measured without the photo models (the
  // photo case below measures those), as with SHEGONG_ML=off.
  (await import(path.join(root, 'dist/files-io/photo-models.js'))).setPhotoModelsEnabled(false);
  const files = readdirSync(corpus)
    .filter((f) => /^\d{4}-/.test(f))
    .sort()
    .slice(0, COUNT)
    .map((f) => ({ path: path.join(corpus, f), role: f.includes('photo') ? 'photo' : 'work-proof' }));
  const { loadRuleSet } = await import(path.join(root, 'dist/rules/load-rule-set.js'));
  const { checkFiles } = await import(path.join(root, 'dist/files-io/probe-and-check.js'));
  const { mapLimit } = await import(path.join(root, 'dist/files-io/map-limit.js'));
  const { loadSharp } = await import(path.join(root, 'dist/files-io/load-sharp.js'));
  const { ruleSet } = await loadRuleSet();
  const sharp = loadSharp();
  const sizeFor = (role) =>
    role === 'photo'
      ? ruleSet.rules['upload.image'].value.photoDecodeSize
      : ruleSet.rules['upload.scan.sharpness'].value.decodeSize;
  const floor = () =>
    mapLimit(files, CONCURRENCY, (f) =>
      sharp(f.path)
        .resize({ width: sizeFor(f.role), height: sizeFor(f.role), fit: 'inside', withoutEnlargement: true })
        .raw()
        .toBuffer()
        .then((b) => b.length),
    );
  const full = () => checkFiles(files, ruleSet, CONCURRENCY);
  const run = mode === 'floor' ? floor : full;
  await run(); // warm-up: page cache, JIT
  const start = process.hrtime.bigint();
  const results = await run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const failed = mode === 'full' ? results.filter((r) => r.findings.some((f) => f.id === 'file.corrupt')).length : 0;
  process.stdout.write(
    JSON.stringify({ mode, ms, files: files.length, maxRssMb: process.resourceUsage().maxRSS / 1024, failed }),
  );
}

function child(mode) {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', mode], {
    encoding: 'utf8',
    env: process.env,
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

if (process.argv[2] === '--make-corpus') {
  await makeCorpus();
  await makeBatchCorpus();
  await makePhonePhoto();
} else if (process.argv[2] === '--measure') {
  if (process.argv[3] === 'photos') await measurePhotos();
  else await measure(process.argv[3]);
} else {
  if (!existsSync(path.join(root, 'dist/files-io/probe-and-check.js'))) throw new Error('build first: npm run build');
  // Drawn in a child: on Linux a child's peak memory (maxRSS) starts at its parent's resident
  // size when it was forked, so a bench process grown by drawing 12 MP images would lend every
  // measured CLI run that peak (a first run once read 398 MB for a batch that peaks at 180 MB).
  const made = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--make-corpus'], { stdio: 'inherit' });
  if (made.status !== 0) throw new Error('could not make the bench corpus');
  const files = await makeCorpus();
  if (process.env.BENCH_ONLY === 'photos' || !process.env.BENCH_ONLY) {
    await makePhonePhoto();
    const run = child('photos');
    const warm = run.warm.map((w) => w.ms);
    const mean = warm.reduce((a, b) => a + b, 0) / warm.length;
    const worst = run.warm.reduce((a, b) => (b.ms > a.ms ? b : a));
    const mb = (bytes) => (bytes / 1048576).toFixed(0);
    const sizes = installedSizes();
    console.log(
      `photo fix, first  : ${run.first.toFixed(0)} ms incl. model load (target < 3000 ms)  ${run.first < 3000 ? 'OK' : 'OVER'}`,
    );
    console.log(
      `photo fix, warm   : mean ${mean.toFixed(0)} ms, worst ${worst.ms.toFixed(0)} ms (${worst.name}) over ${warm.length} photos (target < 1500 ms)  ${worst.ms < 1500 ? 'OK' : 'OVER'}`,
    );
    console.log(
      `photo peak memory : ${run.maxRssMb.toFixed(0)} MB (target < 500 MB)  ${run.maxRssMb < 500 ? 'OK' : 'OVER'}`,
    );
    console.log(
      `installed size    : ${mb(sizes.own + sizes.required)} MB without the optional photo packages, ${mb(sizes.own + sizes.required + sizes.optional)} MB with them (${sizes.optionalCount} packages, ${mb(sizes.optional)} MB)`,
    );
    if (process.env.BENCH_ONLY === 'photos') process.exit(0);
  }
  if (process.env.BENCH_ONLY === 'fix' || !process.env.BENCH_ONLY) {
    fixSection();
    if (process.env.BENCH_ONLY === 'fix') process.exit(0);
  }
  if (process.env.BENCH_ONLY !== 'batch' && process.env.BENCH_ONLY !== 'fix') {
    const scanBytes = statSync(files.find((f) => f.role === 'work-proof').path).size;
    console.log(
      `corpus: ${files.length} files (scans 3000×4000, ${(scanBytes / 1048576).toFixed(1)} MB each; photos 413×578), concurrency ${CONCURRENCY}, ${os.cpus().length} cores, ${ROUNDS} rounds`,
    );
    const floors = [];
    const fulls = [];
    // Alternate the two so drift on the machine hits both alike; keep the best of each.
    for (let round = 0; round < ROUNDS; round += 1) {
      floors.push(child('floor'));
      fulls.push(child('full'));
    }
    const best = (list) => list.reduce((a, b) => (b.ms < a.ms ? b : a));
    const floor = best(floors);
    const full = best(fulls);
    const rate = (m) => (m.files / (m.ms / 1000)).toFixed(1);
    console.log(
      `decode-only floor : ${floor.ms.toFixed(0)} ms  ${rate(floor)} files/s  peak ${floor.maxRssMb.toFixed(0)} MB`,
    );
    console.log(
      `full files checks : ${full.ms.toFixed(0)} ms  ${rate(full)} files/s  peak ${full.maxRssMb.toFixed(0)} MB`,
    );
    const ratio = full.ms / floor.ms;
    console.log(`ratio full/floor  : ${ratio.toFixed(2)}× (target ≤ 1.30×)  ${ratio <= 1.3 ? 'OK' : 'OVER'}`);
    console.log(
      `peak memory       : ${full.maxRssMb.toFixed(0)} MB (target < 200 MB)  ${full.maxRssMb < 200 ? 'OK' : 'OVER'}`,
    );
    if (full.failed) console.log(`warning: ${full.failed} files failed to decode`);
  }
  await makeBatchCorpus();
  batchSection();
}

/**
 * The photo fix as a person meets it, with the models on: a cold `fix` of a portrait (process
 * start, model load, one detection on the input, the fix, one on the copy), and the cost per photo
 * in `batch --fix` (the same roster with and without --fix, the difference over the photos).
 */
function fixSection() {
  const portrait = path.join(root, 'test', 'fixtures', 'photos', 'portrait.jpg');
  const out = path.join(root, '.bench', 'fix-out.jpg');
  const cold = [];
  for (let i = 0; i < FIX_ROUNDS; i += 1)
    cold.push(runCli(['fix', portrait, '--as', 'photo', '-o', out, '--force', '--no-color'], { ml: true }));
  const coldMs = median(cold.map((r) => r.ms));
  console.log(
    `cold fix          : ${coldMs.toFixed(0)} ms wall, ${median(cold.map((r) => r.cpuMs)).toFixed(0)} ms CPU, peak ${Math.max(...cold.map((r) => r.rssMb)).toFixed(0)} MB (median of ${FIX_ROUNDS}; target ≤ 1500 ms wall)  ${coldMs <= 1500 ? 'OK' : 'OVER'}`,
  );
  const dir = path.join(root, '.bench', 'fix-batch');
  const materials = path.join(dir, 'materials');
  const lines = ['姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,报考省份'];
  for (let n = 0; n < FIX_PHOTOS; n += 1) {
    const name = `P${String(n).padStart(3, '0')}`;
    mkdirSync(path.join(materials, name), { recursive: true });
    const target = path.join(materials, name, '照片.jpg');
    if (!existsSync(target)) copyFileSync(portrait, target);
    lines.push(`${name},助理,本科,其他,2018-07,全日制,2018-08..,广东`);
  }
  writeFileSync(path.join(dir, 'roster.csv'), `${lines.join('\n')}\n`);
  const batch = (fix) => {
    const output = path.join(dir, fix ? 'out-fix' : 'out');
    rmSync(output, { recursive: true, force: true });
    return runCli(
      [
        'batch',
        path.join(dir, 'roster.csv'),
        '--materials',
        materials,
        '--output',
        output,
        '--today',
        '2026-11-21',
        '--no-color',
        ...(fix ? ['--fix'] : []),
      ],
      { ml: true },
    );
  };
  const plain = [];
  const fixed = [];
  for (let i = 0; i < FIX_ROUNDS; i += 1) {
    plain.push(batch(false));
    fixed.push(batch(true));
  }
  const per = (key) => (median(fixed.map((r) => r[key])) - median(plain.map((r) => r[key]))) / FIX_PHOTOS;
  console.log(
    `batch --fix       : ${per('ms').toFixed(0)} ms wall, ${per('cpuMs').toFixed(0)} ms CPU per photo beyond the check (${FIX_PHOTOS} portraits, median of ${FIX_ROUNDS}; batch --fix peak ${Math.max(...fixed.map((r) => r.rssMb)).toFixed(0)} MB)`,
  );
}

/**
 * `shegong batch` (whole process) with the photo models on and off against the sequential
 * `djpeg -scale 1/8` of the same files, interleaved round by round, medians; then one candidate's
 * `check --files` and `--help` against bare Node. Each batch ratio is given twice: in wall time
 * (what the targets say, true on a quiet machine) and in CPU time (user + system: the CLI's own
 * from bench/rss-run.mjs, every thread included; the floor's from the children's times, see
 * childrenCpuMs), which a busy machine barely moves. On 2 cores the batch's wall is at least half
 * its CPU while the sequential floor's wall is its CPU, so a wall target T needs CPU ≤ 2T.
 */
function batchSection() {
  const sizes = (process.env.BENCH_SIZES ?? '24,200,1000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const roundsFor = (n) => Number(process.env.BENCH_BATCH_ROUNDS ?? (n <= 24 ? 5 : n <= 200 ? 3 : 1));
  const djpeg = ensureDjpeg();
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  console.log(
    `\nbatch vs the decode floor (sequential djpeg -scale 1/8 of the same files), ${cores} cores, load average ${load()}`,
  );
  const TARGET = { on: 1.0, off: 0.8 };
  const rows = [];
  for (const size of sizes) {
    const set = makeApplicants(size);
    const rounds = roundsFor(size);
    console.log(
      `  ${size} applicants: ${set.files} files (real faces, ${set.rotated} scans with EXIF Orientation 6, ${set.pdfs} PDFs), ${rounds} round${rounds > 1 ? 's' : ''}`,
    );
    // Warm-up (page cache, first folder creation); the big rosters skip it: their files are hard
    // links to a few images, already in the page cache.
    if (size <= 200) {
      runBatch(set);
      runBatch(set, { ml: true });
    }
    const runs = { on: [], off: [] };
    const floors = [];
    const steps = [
      () => djpeg && floors.push(runDjpeg(set)),
      () => runs.on.push(runBatch(set, { ml: true })),
      () => runs.off.push(runBatch(set)),
    ];
    for (let round = 0; round < rounds; round += 1) {
      // Rotate which goes first, so drift on a shared machine hits all three alike.
      for (let k = 0; k < steps.length; k += 1) steps[(round + k) % steps.length]();
    }
    const floor = floors.length ? median(floors.map((f) => f.ms)) : null;
    const floorCpu = floors.length && floors[0].cpuMs !== null ? median(floors.map((f) => f.cpuMs)) : null;
    if (floor !== null)
      console.log(
        `    djpeg floor   : ${(floor / 1000).toFixed(2)} s wall, ${floorCpu === null ? '–' : (floorCpu / 1000).toFixed(2)} s CPU = ${(set.files / (floor / 1000)).toFixed(1)} files/s`,
      );
    // The bound for rosters a round of which takes minutes at most (it decodes every scan once more).
    const work = size <= 200 && floorCpu !== null ? rulesWork(set) : null;
    if (work) {
      const s = (value) => (value / 1000).toFixed(2);
      const bound = (models) => {
        if (models === 'on' && work.withModels === null) return `the photo models did not load (${work.modelsLoaded})`;
        const ratio = (models === 'on' ? work.withModels : work.withoutModels) / floorCpu;
        const needs = TARGET[models] * cores;
        return `${ratio.toFixed(2)}× the floor's CPU ${models === 'on' ? 'with' : 'without'} the models (the wall target needs ≤ ${needs.toFixed(2)}×: ${ratio < needs ? `${((1 - ratio / needs) * 100).toFixed(0)} % left for everything else` : 'out of reach'})`;
      };
      console.log(
        `    rules' own work: ${work.scans} scans decoded at the sharpness rule's scale with its statistics ${s(work.scanDecodeMs)} s CPU, ${work.pdfs} PDFs read ${s(work.pdfReadMs)} s, ${work.photos} photos at the face rule's size ${s(work.photoDecodeMs)} s${work.modelsMs === null ? '' : `, the face model ${s(work.modelsMs)} s (load ${s(work.modelLoadMs)}, first ${s(work.firstDetectionMs)}, ${(work.warmDetectionMs ?? 0).toFixed(0)} ms a photo)`}; alone, one file after another: ${bound('on')}; ${bound('off')}`,
      );
    }
    for (const models of ['on', 'off']) {
      const batches = runs[models];
      const wall = median(batches.map((b) => b.ms));
      const cpu = median(batches.map((b) => b.cpuMs));
      const peak = Math.max(...batches.map((b) => b.rssMb));
      // Paired with the floor of the same round.
      const ratios = floors.map((f, i) => batches[i].ms / f.ms);
      const cpuRatios = floorCpu === null ? [] : floors.map((f, i) => batches[i].cpuMs / f.cpuMs);
      const ratio = ratios.length ? median(ratios) : null;
      const cpuRatio = cpuRatios.length ? median(cpuRatios) : null;
      const target = TARGET[models];
      const row = {
        applicants: size,
        models,
        files: set.files,
        rounds,
        batchMs: wall,
        batchCpuMs: cpu,
        floorMs: floor,
        floorCpuMs: floorCpu,
        ratio,
        ratioMin: ratios.length ? Math.min(...ratios) : null,
        ratioMax: ratios.length ? Math.max(...ratios) : null,
        cpuRatio,
        cpuRatioMin: cpuRatios.length ? Math.min(...cpuRatios) : null,
        cpuRatioMax: cpuRatios.length ? Math.max(...cpuRatios) : null,
        rulesWorkCpuMs: work ? (models === 'on' ? work.withModels : work.withoutModels) : null,
        filesPerSecond: set.files / (wall / 1000),
        peakMb: peak,
        load: load(),
      };
      rows.push(row);
      const wallText =
        ratio === null
          ? 'floor skipped'
          : `wall ${ratio.toFixed(2)}× [${row.ratioMin.toFixed(2)}..${row.ratioMax.toFixed(2)}] (target ≤ ${target.toFixed(2)}×) ${ratio <= target ? 'OK' : 'OVER'}`;
      const cpuText =
        cpuRatio === null
          ? ''
          : `; CPU ${cpuRatio.toFixed(2)}× [${row.cpuRatioMin.toFixed(2)}..${row.cpuRatioMax.toFixed(2)}] (the wall target needs ≤ ${(target * cores).toFixed(2)}× on ${cores} cores) ${cpuRatio <= target * cores ? 'OK' : 'OVER'}`;
      console.log(
        `    models ${models.padEnd(3)}    : ${(wall / 1000).toFixed(2)} s wall, ${(cpu / 1000).toFixed(2)} s CPU = ${row.filesPerSecond.toFixed(1)} files/s; ${wallText}${cpuText}; peak ${peak.toFixed(0)} MB (target ≤ 250 MB) ${peak <= 250 ? 'OK' : 'OVER'}; load ${row.load}`,
      );
    }
  }
  const small = makeApplicants(Math.min(...sizes, 24));

  // One candidate, five phone-size files: the whole `check --files` process.
  const folder = path.join(small.materials, 'A0000');
  const checkArgs = [
    'check',
    '--level',
    'assistant',
    '--education',
    'bachelor',
    '--major',
    'other',
    '--graduated',
    '2018-07',
    '--study-mode',
    'full-time',
    '--work',
    '2018-08..',
    '--province',
    '广东',
    '--files',
    folder,
    '--today',
    '2026-11-21',
    '--no-color',
  ];
  runCli(checkArgs, { ml: true });
  // The photo models on, as a user gets them: the target. Off beside it, for the models' share.
  const checksMl = Array.from({ length: 5 }, () => runCli(checkArgs, { ml: true }));
  const checks = Array.from({ length: 3 }, () => runCli(checkArgs));
  const checkMl = median(checksMl.map((r) => r.ms));
  const check = median(checks.map((r) => r.ms));
  console.log(
    `  check --files   : one candidate, a photo and four phone-size scans: ${(checkMl / 1000).toFixed(2)} s wall, ${(median(checksMl.map((r) => r.cpuMs)) / 1000).toFixed(2)} s CPU with the photo models (target ≤ 1.00 s wall) ${checkMl <= 1000 ? 'OK' : 'OVER'}; off ${(check / 1000).toFixed(2)} s wall, ${(median(checks.map((r) => r.cpuMs)) / 1000).toFixed(2)} s CPU`,
  );

  // Start-up: --help against bare Node, 20 interleaved pairs.
  const help = [];
  const bare = [];
  const helpCpu = [];
  const bareCpu = [];
  const timed = (command, args) => {
    const cpu = childrenCpuMs();
    const start = process.hrtime.bigint();
    spawnSync(command, args, { stdio: 'ignore' });
    const wall = ms(start);
    const after = childrenCpuMs();
    return { wall, cpu: cpu === null || after === null ? null : after - cpu };
  };
  for (let i = 0; i < 21; i += 1) {
    const b = timed(process.execPath, ['-e', '0']);
    const h = timed(path.join(root, 'bin', 'shegong.js'), ['--help']);
    if (i > 0) {
      bare.push(b.wall);
      help.push(h.wall);
      bareCpu.push(b.cpu);
      helpCpu.push(h.cpu);
    }
  }
  const helpRatio = median(help.map((h, i) => h / bare[i]));
  // Whole-run sums: one start-up is a few clock ticks of CPU, too coarse to pair.
  const sum = (list) => list.reduce((a, b) => a + b, 0);
  const helpCpuRatio = bareCpu.includes(null) ? null : sum(helpCpu) / sum(bareCpu);
  console.log(
    `  --help          : ${median(help).toFixed(0)} ms vs node -e 0 ${median(bare).toFixed(0)} ms: wall ${helpRatio.toFixed(2)}× (target ≤ 1.50×) ${helpRatio <= 1.5 ? 'OK' : 'OVER'}${helpCpuRatio === null ? '' : `; CPU ${helpCpuRatio.toFixed(2)}×`}; load ${load()}`,
  );
  writeFileSync(
    path.join(root, '.bench', 'batch-results.json'),
    JSON.stringify({ rows, checkMs: check, checkMlMs: checkMl, helpRatio, helpCpuRatio, load: load() }, null, 2),
  );
}
