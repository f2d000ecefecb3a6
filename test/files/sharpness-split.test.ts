/**
 * The blur and exposure verdicts on the test corpus, whatever the decode does. The
 * Laplacian thresholds in templates/ (upload.scan.sharpness) belong to one decode size; when the
 * decode changes they are re-derived here (SHEGONG_DERIVE=1 prints every measure and the gaps),
 * and this test proves the sharp/blurred split did not move.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/files/check-file.js';
import { setPhotoModelsEnabled } from '../../src/files-io/photo-models.js';
import { decodeScale, probeFile } from '../../src/files-io/probe-file.js';
import { ruleValue } from '../../src/rules/rule-access.js';
import type { UploadRole } from '../../src/model/rules.js';
import { ruleSet } from '../helpers/fixtures.js';
import { makePhoto, makeScan } from '../helpers/make-images.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shegong-split-'));
const photos = path.join(import.meta.dirname, '..', 'fixtures', 'photos');

/** name, role, blurred (the verdict the check must give), exposure problem expected. */
const corpus: { name: string; role: UploadRole; blurred: boolean; dark?: boolean; make: () => Promise<Buffer> }[] = [
  // A4 at 300 dpi (2480×3508), the page sizes a scanner writes.
  { name: 'a4-sealed.jpg', role: 'work-proof', blurred: false, make: () => makeScan({ seal: true }) },
  { name: 'a4-unsealed.jpg', role: 'diploma', blurred: false, make: () => makeScan({ seal: false }) },
  { name: 'a4-q70.jpg', role: 'diploma', blurred: false, make: () => makeScan({ quality: 70 }) },
  { name: 'a4-blur4.jpg', role: 'work-proof', blurred: true, make: () => makeScan({ seal: true, blur: 4 }) },
  {
    name: 'a4-dark.jpg',
    role: 'work-proof',
    blurred: true,
    dark: true,
    make: () => makeScan({ seal: true, brightness: 0.3 }),
  },
  // Phone shots of a page (3000×4000 and 3024×4032), sharp and defocused.
  { name: 'phone.jpg', role: 'id-back', blurred: false, make: () => makeScan({ width: 3000, height: 4000 }) },
  {
    name: 'phone-12mp.jpg',
    role: 'work-proof',
    blurred: false,
    make: () => makeScan({ width: 3024, height: 4032, seal: true }),
  },
  {
    name: 'phone-blur4.jpg',
    role: 'id-back',
    blurred: true,
    make: () => makeScan({ width: 3000, height: 4000, blur: 4 }),
  },
  {
    name: 'phone-blur6.jpg',
    role: 'work-proof',
    blurred: true,
    make: () => makeScan({ width: 3024, height: 4032, seal: true, blur: 6 }),
  },
  // Stored landscape with an EXIF orientation, a name with brackets (the decode appends its own
  // load option to the name), and a PNG (no DCT: reduced to the same size).
  {
    name: 'phone-rotated.jpg',
    role: 'id-back',
    blurred: false,
    make: async () =>
      sharp(await makeScan({ width: 3000, height: 4000 }))
        .rotate(90)
        .withMetadata({ orientation: 8 })
        .jpeg({ quality: 90 })
        .toBuffer(),
  },
  { name: 'phone [2].jpg', role: 'id-back', blurred: false, make: () => makeScan({ width: 3000, height: 4000 }) },
  {
    name: 'a4.png',
    role: 'diploma',
    blurred: false,
    make: async () =>
      sharp(await makeScan({}))
        .png()
        .toBuffer(),
  },
  // ID cards scanned small.
  { name: 'id.jpg', role: 'id-front', blurred: false, make: () => makeScan({ width: 1011, height: 638 }) },
  {
    name: 'id-blur2.jpg',
    role: 'id-front',
    blurred: true,
    make: () => makeScan({ width: 1011, height: 638, blur: 2 }),
  },
  // Photos: drawn, real (test/fixtures/photos) and blurred copies of both.
  { name: 'photo.jpg', role: 'photo', blurred: false, make: () => makePhoto({ width: 413, height: 578, texture: 24 }) },
  { name: 'photo-354.jpg', role: 'photo', blurred: false, make: () => makePhoto({ texture: 24 }) },
  {
    name: 'photo-wide.jpg',
    role: 'photo',
    blurred: false,
    make: () => makePhoto({ width: 700, height: 560, texture: 24 }),
  },
  {
    name: 'photo-blur2.jpg',
    role: 'photo',
    blurred: true,
    make: async () =>
      sharp(await makePhoto({ width: 413, height: 578, texture: 24 }))
        .blur(2)
        .jpeg({ quality: 92 })
        .toBuffer(),
  },
  {
    name: 'photo-354-blur2.jpg',
    role: 'photo',
    blurred: true,
    make: async () =>
      sharp(await makePhoto({ texture: 24 }))
        .blur(2)
        .jpeg({ quality: 92 })
        .toBuffer(),
  },
  {
    name: 'astronaut.jpg',
    role: 'photo',
    blurred: false,
    make: async () => readFileSync(path.join(photos, 'astronaut.jpg')),
  },
  { name: 'blue.jpg', role: 'photo', blurred: false, make: async () => readFileSync(path.join(photos, 'blue.jpg')) },
  {
    name: 'astronaut-blur3.jpg',
    role: 'photo',
    blurred: true,
    make: () => sharp(path.join(photos, 'astronaut.jpg')).blur(3).jpeg({ quality: 90 }).toBuffer(),
  },
  {
    name: 'blue-blur3.jpg',
    role: 'photo',
    blurred: true,
    make: () => sharp(path.join(photos, 'blue.jpg')).blur(3).jpeg({ quality: 90 }).toBuffer(),
  },
  {
    name: 'phone-photo.jpg',
    role: 'photo',
    blurred: false,
    make: () => sharp(path.join(photos, 'blue.jpg')).resize(3024, 4032).sharpen().jpeg({ quality: 90 }).toBuffer(),
  },
];

const measured = new Map<
  string,
  { variance: number; blurFinding: boolean; exposureFinding: boolean; sample: string }
>();

beforeAll(async () => {
  setPhotoModelsEnabled(false);
  for (const item of corpus) writeFileSync(path.join(dir, item.name), await item.make());
  for (const item of corpus) {
    const facts = await probeFile(path.join(dir, item.name), { role: item.role, roleFrom: 'flag', ruleSet });
    const result = checkFile(facts, ruleSet);
    const ids = result.findings.map((f) => f.id);
    measured.set(item.name, {
      variance: facts.content?.laplacianVariance ?? Number.NaN,
      blurFinding: ids.includes('scan.sharpness') || ids.includes('photo.sharpness'),
      exposureFinding: ids.includes('scan.exposure'),
      sample: `${facts.content?.sampleWidth}×${facts.content?.sampleHeight}`,
    });
  }
  if (process.env.SHEGONG_DERIVE) {
    const rule = ruleValue(ruleSet, 'upload.scan.sharpness');
    for (const kind of ['scan', 'photo'] as const) {
      const items = corpus.filter((c) => (c.role === 'photo') === (kind === 'photo'));
      const sharpMin = Math.min(
        ...items.filter((c) => !c.blurred && !c.dark).map((c) => measured.get(c.name)!.variance),
      );
      const blurMax = Math.max(...items.filter((c) => c.blurred && !c.dark).map((c) => measured.get(c.name)!.variance));
      console.log(
        `${kind}: sharp min ${sharpMin}, blurred max ${blurMax}, geometric middle ${Math.round(Math.sqrt(sharpMin * blurMax))}`,
      );
    }
    for (const item of corpus)
      console.log(`${item.name} ${JSON.stringify(measured.get(item.name))} decodeSize ${rule.decodeSize}`);
  }
}, 120_000);

describe('decodeScale: exact DCT scales', () => {
  it('picks the largest scale that keeps the long side at least the minimum', () => {
    expect(decodeScale(3000, 4000, 800)).toBe(4); // 750×1000
    expect(decodeScale(2480, 3508, 800)).toBe(4); // 620×877
    expect(decodeScale(4000, 3000, 440)).toBe(8); // 500×375
    expect(decodeScale(1011, 638, 800)).toBe(1);
    expect(decodeScale(1700, 1200, 800)).toBe(2);
    expect(decodeScale(6400, 4800, 800)).toBe(8);
  });

  it('scans are sampled at exactly ceil(side / scale), the size libjpeg gives', () => {
    expect(measured.get('phone.jpg')!.sample).toBe('750×1000');
    expect(measured.get('phone-12mp.jpg')!.sample).toBe('756×1008');
    expect(measured.get('a4-sealed.jpg')!.sample).toBe('620×877');
    expect(measured.get('id.jpg')!.sample).toBe('1011×638');
    expect(measured.get('phone-rotated.jpg')!.sample).toBe('750×1000');
    expect(measured.get('phone [2].jpg')!.sample).toBe('750×1000');
    expect(measured.get('a4.png')!.sample).toBe('620×877');
    expect(measured.get('photo-wide.jpg')!.sample).toBe('440×352');
  });
});

describe('sharp/blurred split at the stored decode size', () => {
  it.each(corpus.map((c) => [c.name, c.blurred] as const))('%s: blurred = %s', (name, blurred) => {
    expect(measured.get(name)!.blurFinding).toBe(blurred);
  });

  it('dark scans and only they get the exposure finding', () => {
    for (const item of corpus)
      expect([item.name, measured.get(item.name)!.exposureFinding]).toEqual([item.name, Boolean(item.dark)]);
  });

  it('sharp and blurred stay well apart from the threshold (a margin, not a coin toss)', () => {
    const rule = ruleValue(ruleSet, 'upload.scan.sharpness');
    for (const item of corpus) {
      if (item.dark) continue;
      const min = item.role === 'photo' ? rule.photoMinLaplacianVariance : rule.minLaplacianVariance;
      const v = measured.get(item.name)!.variance;
      // At least 1.2× below or 1.5× above: a small change of codec does not flip a verdict.
      if (item.blurred) expect([item.name, v * 1.2 <= min]).toEqual([item.name, true]);
      else expect([item.name, v >= min * 1.5]).toEqual([item.name, true]);
    }
  });
});

// Vitest runs test files in one process: leave the models as the next file expects them.
afterAll(() => setPhotoModelsEnabled(true));
