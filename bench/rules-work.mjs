#!/usr/bin/env node
// The work the upload rules require of a batch, measured alone in one process, one file after
// another: a lower bound on the batch's CPU, to set beside the decode floor. Run by bench.mjs as
// `node bench/rules-work.mjs LIST.json`, where LIST.json is { scans, photos, pdfs } (file lists);
// prints one JSON line of CPU milliseconds (user + system, every thread of this process).
//
// - Scans: one decode each at the DCT scale the sharpness rule sets (upload.scan.sharpness
//   decodeSize) and the grey statistics the rule is measured by (the Laplacian's variance); no
//   EXIF turn, no colour for the work proof: less than the probe does.
// - Photos: one decode each (EXIF-upright) fitted inside the face rule's decodeSize, and one
//   detection by the photo models (loaded once, as a batch does); no quarter-turn search, no
//   landmarks, no background check.
// - PDFs: read once each by the CLI's own reader (pdf.js in a worker: page count, text layer,
//   images), as the PDF rules need; their page images are not decoded.
// Left out altogether, so the bound is low: Node's start, the roster, the reports.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => import(path.join(root, 'dist', file));
const list = JSON.parse(readFileSync(process.argv[2], 'utf8'));

const { loadRuleSet } = await dist('rules/load-rule-set.js');
const { decodeScale } = await dist('files-io/probe-file.js');
const { loadSharp } = await dist('files-io/load-sharp.js');
const { loadPhotoModels } = await dist('files-io/photo-models.js');
const { greyStats } = await dist('files/content-stats.js');
const { readPdf, closeIdleReaders } = await dist('files-io/read-pdf.js');
const { ruleSet } = await loadRuleSet();
const scanSide = ruleSet.rules['upload.scan.sharpness'].value.decodeSize;
const faceSide = ruleSet.rules['upload.photo.face'].value.decodeSize;
// As the CLI sets it: one libvips thread per decode, no operation cache.
const sharp = loadSharp();

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const timed = async (work) => {
  const start = cpuMs();
  const value = await work();
  return { value, ms: cpuMs() - start };
};

/** Each scan's sample, long side in pixels: what the sharpness rule measured. */
const sampleSides = [];
const scans = await timed(async () => {
  for (const file of list.scans) {
    const { width, height } = await sharp(file).metadata();
    const scale = decodeScale(width, height, scanSide);
    // libvips' `[shrink=N]` load option: the JPEG's scaled IDCT, as the probe decodes it.
    const { data, info } = await sharp(scale > 1 ? `${file}[shrink=${scale}]` : file)
      .extractChannel(1)
      .raw()
      .toBuffer({ resolveWithObject: true });
    // The sharpness rule's own measure (variance of the Laplacian) with the other grey statistics.
    greyStats(new Uint8Array(data.buffer, data.byteOffset, data.length), info.width, info.height);
    sampleSides.push(Math.max(info.width, info.height));
  }
});

const pdfs = await timed(async () => {
  for (const file of list.pdfs ?? []) await readPdf(readFileSync(file), ruleSet.rules['upload.pdf.reader'].value);
  closeIdleReaders();
});

const photos = await timed(async () => {
  const decoded = [];
  for (const file of list.photos) {
    const { data, info } = await sharp(file)
      .rotate()
      .resize({ width: faceSide, height: faceSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    decoded.push([new Uint8Array(data.buffer, data.byteOffset, data.length), info.width, info.height]);
  }
  return decoded;
});

const load = await timed(() => loadPhotoModels());
// Without the models (not installed) the bound without them still stands: the models' fields are null.
const models = load.value.ok ? load.value.models : undefined;
const [first, ...rest] = photos.value;
const firstDetection = await timed(async () => (models && first ? models.detectFaces(...first, 3) : []));
const warm = await timed(async () => {
  let found = 0;
  for (const photo of models ? rest : []) found += (await models.detectFaces(...photo, 3)).length;
  return found;
});

console.log(
  JSON.stringify({
    scans: list.scans.length,
    sampleSides,
    photos: list.photos.length,
    modelsLoaded: load.value.ok ? true : load.value.reason,
    faces: firstDetection.value.length + warm.value,
    pdfs: (list.pdfs ?? []).length,
    scanDecodeMs: scans.ms,
    pdfReadMs: pdfs.ms,
    photoDecodeMs: photos.ms,
    modelLoadMs: models ? load.ms : null,
    firstDetectionMs: models ? firstDetection.ms : null,
    warmDetectionMs: models && rest.length ? warm.ms / rest.length : null,
    modelsMs: models ? load.ms + firstDetection.ms + warm.ms : null,
  }),
);
