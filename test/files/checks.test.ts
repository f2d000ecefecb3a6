import { mkdtempSync, readFileSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/files/check-file.js';
import { checkOne } from '../../src/files-io/probe-and-check.js';
import { fixToFile } from '../../src/files-io/fix-to-file.js';
import { readJpegDensity } from '../../src/files/jpeg-header.js';
import { probeFile } from '../../src/files-io/probe-file.js';
import { setPhotoModelsEnabled } from '../../src/files-io/photo-models.js';
import type { FileResult } from '../../src/model/report.js';
import type { UploadRole } from '../../src/model/rules.js';
import { ruleSet } from '../helpers/fixtures.js';
import { makePdf, makePhoto, makeScan } from '../helpers/make-images.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shegong-files-'));
const at = (name: string) => path.join(dir, name);
const check = async (name: string, role: UploadRole) =>
  checkFile(await probeFile(at(name), { role, roleFrom: 'flag', ruleSet }), ruleSet);
const ids = (result: FileResult, severity?: string) =>
  result.findings.filter((f) => !severity || f.severity === severity).map((f) => f.id);
/** Every finding as `id:severity`, sorted: a fixture's exact verdict (a new or lost finding fails). */
const verdict = (result: FileResult) => result.findings.map((f) => `${f.id}:${f.severity}`).sort();
/** The notes every drawn photo gets (no face models here; no dpi in the file; the tool reminder). */
const NOTES = ['photo.density:info', 'photo.face:info', 'photo.official-tool:info'];

function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00])),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

beforeAll(async () => {
  // These photos are drawn (no face): they test the pixel heuristics, without the face models.
  // test/files/photo-ml.test.ts covers the models on real photos.
  setPhotoModelsEnabled(false);
  // A photo big enough to land inside the guides' 20–60 KB window, and its faulty siblings.
  const good = await makePhoto({ width: 413, height: 578, texture: 24 });
  writeFileSync(at('照片 good.jpg'), good);
  writeFileSync(at('blue.jpg'), await makePhoto({ background: '#4a86d8', texture: 24 }));
  writeFileSync(at('grey.jpg'), await makePhoto({ grey: true, width: 413, height: 578, texture: 24 }));
  writeFileSync(at('offcentre.jpg'), await makePhoto({ offset: 0.22, width: 413, height: 578, texture: 24 }));
  writeFileSync(at('small.jpg'), await makePhoto({ width: 200, height: 280 }));
  writeFileSync(at('wide.jpg'), await makePhoto({ width: 700, height: 560, texture: 24 }));
  writeFileSync(at('blurred-photo.jpg'), await sharp(good).blur(2).jpeg({ quality: 92 }).toBuffer());
  writeFileSync(at('deep.png'), await sharp(good).toColourspace('rgb16').png().toBuffer());
  writeFileSync(at('cmyk.jpg'), await sharp(good).toColourspace('cmyk').jpeg().toBuffer());
  writeFileSync(
    at('rotated.jpg'),
    await sharp(good).rotate(90).withMetadata({ orientation: 8 }).jpeg({ quality: 95 }).toBuffer(),
  );
  writeFileSync(at('dpi300.jpg'), await sharp(good).withMetadata({ density: 300 }).jpeg({ quality: 92 }).toBuffer());
  writeFileSync(
    at('gps.jpg'),
    await sharp(good)
      .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 0/1' } })
      .jpeg({ quality: 92 })
      .toBuffer(),
  );
  writeFileSync(at('png-as.jpg'), await sharp(good).png().toBuffer());
  writeFileSync(at('photo.png'), await sharp(good).png().toBuffer());
  writeFileSync(at('empty.jpg'), Buffer.alloc(0));
  writeFileSync(at('text.jpg'), 'this is not an image\n');
  writeFileSync(at('truncated.jpg'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(
    at('iphone.jpg'),
    Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
      Buffer.alloc(4000, 1),
    ]),
  );
  writeFileSync(at('bomb.png'), pngHeader(40000, 40000));
  const big = openSync(at('huge-work-proof.jpg'), 'w');
  writeSync(big, good);
  writeSync(big, Buffer.alloc(50 * 1024 * 1024));
  closeSync(big);
  writeFileSync(at('sealed.jpg'), await makeScan({ seal: true }));
  writeFileSync(at('unsealed.jpg'), await makeScan({ seal: false }));
  writeFileSync(at('blurred.jpg'), await makeScan({ seal: true, blur: 4 }));
  writeFileSync(at('dark.jpg'), await makeScan({ seal: true, brightness: 0.3 }));
  writeFileSync(at('id.jpg'), await makeScan({ width: 1011, height: 638 }));
  writeFileSync(at('id-lowres.jpg'), await makeScan({ width: 300, height: 190 }));
  writeFileSync(at('id-midres.jpg'), await makeScan({ width: 700, height: 442 }));
  writeFileSync(at('report.pdf'), makePdf());
  writeFileSync(at('locked.pdf'), makePdf('encrypted'));
  writeFileSync(at('cut.pdf'), makePdf('truncated'));
  writeFileSync(at('fake.pdf'), 'not a pdf at all');
}, 60_000);

describe('photo checks', () => {
  it('a good photo passes (only the official-tool reminder and the guides’ dpi note)', async () => {
    const result = await check('照片 good.jpg', 'photo');
    expect(ids(result, 'error')).toEqual([]);
    expect(result.measured).toMatchObject({ format: 'jpeg', width: 413, height: 578 });
    expect(ids(result)).toContain('photo.official-tool');
    expect(ids(await check('dpi300.jpg', 'photo'))).not.toContain('photo.density');
    expect(ids(result)).not.toContain('photo.sharpness');
  });

  it.each([
    ['照片 good.jpg', []],
    ['dpi300.jpg', ['photo.face:info', 'photo.official-tool:info']],
    ['gps.jpg', []],
    ['blue.jpg', ['photo.background:error']],
    ['grey.jpg', ['photo.colour:error']],
    ['cmyk.jpg', ['photo.colour:error']],
    ['small.jpg', ['file.size:error', 'photo.dimensions:error']],
    ['wide.jpg', ['photo.aspect:error']],
    ['photo.png', ['file.format:error']],
    ['png-as.jpg', ['file.format:error']],
    ['deep.png', ['file.format:error', 'photo.colour:warning']],
    ['offcentre.jpg', ['photo.position:warning']],
    ['rotated.jpg', ['photo.orientation:warning']],
    ['blurred-photo.jpg', ['file.size:info', 'photo.sharpness:warning']],
  ])('%s → exactly %j (and the notes)', async (name, expected) => {
    const all = name === 'dpi300.jpg' ? expected : [...expected, ...NOTES];
    expect(verdict(await check(name, 'photo'))).toEqual([...all].sort());
  });

  it('measures orientation-corrected size', async () => {
    const result = await check('rotated.jpg', 'photo');
    expect(result.measured).toMatchObject({
      width: 578,
      height: 413,
      orientedWidth: 413,
      orientedHeight: 578,
      orientation: 8,
    });
    expect(ids(result)).not.toContain('photo.aspect');
  });

  it('recognises the official tool’s output', async () => {
    const out = path.join(dir, 'official');
    const fixed = await fixToFile(at('照片 good.jpg'), 'photo', path.join(out, '报名照片.jpg'), ruleSet);
    expect(fixed.ok && fixed.result.findings.find((f) => f.id === 'photo.official-tool')?.args?.variant).toBe(
      'recognised',
    );
  });
});

describe('bad input never stops the run', () => {
  it.each([
    ['missing.jpg', ['file.missing:error']],
    ['empty.jpg', ['file.empty:error']],
    ['text.jpg', ['file.format:error', 'file.size:error']],
    ['truncated.jpg', ['file.corrupt:error', 'file.size:info']],
    ['iphone.jpg', ['file.corrupt:error', 'file.format:error', 'file.size:error']],
    ['bomb.png', ['file.format:error', 'file.size:error', 'image.pixels:error']],
    ['fake.pdf', ['file.format:error', 'file.size:error']],
    ['deep.png', ['file.format:error', 'photo.colour:warning', ...NOTES]],
  ])('%s → exactly %j', async (name, expected) => {
    const result = await check(name, 'photo');
    expect(result.status).toBe('fail');
    expect(verdict(result)).toEqual([...expected].sort());
  });

  it('says HEIC, however the file is named', async () => {
    const result = await check('iphone.jpg', 'photo');
    expect(result.findings[0]).toMatchObject({
      id: 'file.format',
      measured: { type: 'heic', extension: 'jpeg', brand: 'heic' },
      args: { variant: 'heic' },
    });
  });

  it('PNG bytes named .jpg: the bytes decide', async () => {
    expect((await check('png-as.jpg', 'photo')).findings[0]).toMatchObject({
      id: 'file.format',
      severity: 'error',
      measured: { type: 'png', extension: 'jpeg' },
    });
    expect((await check('png-as.jpg', 'photo')).findings.length).toBeGreaterThan(0);
  });

  it('refuses a 40000 × 40000 bomb before decoding', async () => {
    expect((await check('bomb.png', 'id-front')).findings.find((f) => f.id === 'image.pixels')?.measured).toMatchObject(
      { pixels: 1_600_000_000 },
    );
  });

  it('a 50 MB file gets a size verdict (a warning: the 2 MB figure rests on a guide, not a notice)', async () => {
    const result = await check('huge-work-proof.jpg', 'work-proof');
    expect(result.findings.find((f) => f.id === 'file.size')).toMatchObject({ severity: 'warning' });
  });

  it('the official tool’s own output (报名照片.jpg, 295 × 413, about 10 KB, 96 dpi) never fails for its size or dpi', async () => {
    const small = await makePhoto({ width: 295, height: 413, texture: 0, quality: 60 });
    expect(small.length).toBeLessThan(10_240);
    writeFileSync(at('报名照片.jpg'), small);
    writeFileSync(at('source-small.jpg'), small);
    const official = await check('报名照片.jpg', 'photo');
    expect(ids(official)).not.toContain('file.size');
    expect(ids(official)).not.toContain('photo.density');
    expect(official.findings.find((f) => f.id === 'photo.official-tool')?.args).toMatchObject({
      variant: 'recognised',
    });
    // The same bytes under another name are a source photo: under the tool's 10 KB input minimum.
    expect((await check('source-small.jpg', 'photo')).findings.find((f) => f.id === 'file.size')).toMatchObject({
      severity: 'error',
    });
  });

  it('the guides’ 300 dpi is only an info note on a photo', async () => {
    expect((await check('照片 good.jpg', 'photo')).findings.find((f) => f.id === 'photo.density')).toMatchObject({
      severity: 'info',
    });
  });

  it('a folder is unreadable, not a crash', async () => {
    expect(ids(await check('.', 'photo'))).toEqual(['file.unreadable']);
  });

  it('an unnamed role is a finding', async () => {
    expect((await checkOne({ path: at('blue.jpg') }, ruleSet)).findings[0]?.id).toBe('file.role');
    expect((await checkOne({ path: at('照片 good.jpg') }, ruleSet)).role).toBe('photo');
  });
});

describe('scan checks', () => {
  it('a sharp, sealed, 300-dpi work proof passes', async () => {
    expect(ids(await check('sealed.jpg', 'work-proof')).filter((id) => id !== 'file.size')).toEqual([]);
  });

  it.each([
    ['sealed.jpg', 'work-proof', []],
    ['unsealed.jpg', 'work-proof', ['seal.missing:warning']],
    ['blurred.jpg', 'work-proof', ['scan.sharpness:warning']],
    ['dark.jpg', 'work-proof', ['scan.exposure:warning', 'scan.sharpness:warning']],
    ['id.jpg', 'id-front', []],
    ['id-lowres.jpg', 'id-front', ['scan.resolution:error']],
    ['id-midres.jpg', 'id-front', ['scan.resolution:warning']],
    ['huge-work-proof.jpg', 'work-proof', ['file.size:warning', 'scan.resolution:error', 'seal.missing:warning']],
    ['bomb.png', 'id-front', ['file.format:error', 'image.pixels:error']],
    ['photo.png', 'id-back', ['file.format:error']],
  ])('%s as %s → exactly %j', async (name, role, expected) => {
    expect(verdict(await check(name, role as UploadRole))).toEqual([...expected].sort());
  });

  it('resolution is measured against the document’s physical size', async () => {
    const low = await check('id-lowres.jpg', 'id-front');
    expect(low.findings.find((f) => f.id === 'scan.resolution')).toMatchObject({
      severity: 'error',
      measured: { dpi: 89 },
    });
    expect(ids(await check('id.jpg', 'id-front'))).not.toContain('scan.resolution');
  });

  it('a picture given as the diploma says the platform wants the 学信网 PDF (a warning, never a block)', async () => {
    const picture = (await check('id.jpg', 'diploma')).findings.find((f) => f.id === 'document.type');
    expect(picture).toMatchObject({ severity: 'warning', args: { variant: 'image' } });
    expect((await check('id.jpg', 'id-front')).findings.map((f) => f.id)).not.toContain('document.type');
  });

  it('seal numbers are reported', async () => {
    const unsealed = (await check('unsealed.jpg', 'work-proof')).findings.find((f) => f.id === 'seal.missing');
    expect(unsealed?.measured).toMatchObject({ redShare: 0 });
    expect(unsealed?.args?.heuristic).toBe(true);
  });
});

describe('PDF checks (structural)', () => {
  it.each([
    ['report.pdf', 'diploma', ['document.type:warning']],
    ['report.pdf', 'work-proof', ['seal.missing:info']],
    ['locked.pdf', 'diploma', ['document.type:warning', 'pdf.encrypted:error']],
    ['cut.pdf', 'diploma', ['file.corrupt:error']],
    ['fake.pdf', 'diploma', ['file.format:error']],
  ])('%s as %s → exactly %j', async (name, role, expected) => {
    expect(verdict(await check(name, role as UploadRole))).toEqual([...expected].sort());
  });

  it('a PDF where only JPEG is allowed is a format error', async () => {
    expect(ids(await check('report.pdf', 'id-front'), 'error')).toContain('file.format');
  });
});

describe('fix', () => {
  it('photo: 295 × 413, upright, inside the byte window, JFIF and EXIF density, original untouched', async () => {
    const before = readFileSync(at('rotated.jpg'));
    const output = at('fixed/rotated.jpg');
    const outcome = await fixToFile(at('rotated.jpg'), 'photo', output, ruleSet);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const bytes = readFileSync(output);
    expect(bytes.length).toBe(outcome.bytes);
    expect(bytes.length).toBeGreaterThanOrEqual(20 * 1024);
    expect(bytes.length).toBeLessThanOrEqual(60 * 1024);
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([295, 413, 1]);
    expect(readJpegDensity(bytes)).toMatchObject({ jfif: { units: 1, x: 300, y: 300 }, exif: { x: 300 } });
    expect(outcome.result.status).not.toBe('fail');
    expect(readFileSync(at('rotated.jpg')).equals(before)).toBe(true);
  });

  it('photo: crops a wide picture to 25:35 and converts PNG to JPEG', async () => {
    for (const name of ['wide.jpg', 'photo.png']) {
      const outcome = await fixToFile(at(name), 'photo', at(`fixed/${name}.jpg`), ruleSet);
      expect(outcome.ok && outcome.result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('strips GPS and other private metadata', async () => {
    expect((await sharp(readFileSync(at('gps.jpg'))).metadata()).exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    const outcome = await fixToFile(at('gps.jpg'), 'photo', at('fixed/gps.jpg'), ruleSet);
    expect(outcome.ok).toBe(true);
    const exif = (await sharp(readFileSync(at('fixed/gps.jpg'))).metadata()).exif;
    // No GPS IFD pointer (tag 0x8825) in either byte order.
    expect(exif?.includes(Buffer.from([0x25, 0x88])) || exif?.includes(Buffer.from([0x88, 0x25]))).toBeFalsy();
  });

  it('never upscales a small photo; a HEIC the decoder cannot read is a damaged file', async () => {
    expect(await fixToFile(at('small.jpg'), 'photo', at('fixed/small.jpg'), ruleSet)).toMatchObject({
      ok: false,
      reason: 'too-small',
    });
    // iphone.jpg is a HEIC header over filler (file.corrupt above): no iPhone setting mends it.
    expect(await fixToFile(at('iphone.jpg'), 'photo', at('fixed/iphone.jpg'), ruleSet)).toMatchObject({
      ok: false,
      reason: 'undecodable',
    });
  });

  it('scan: shrinks a 300-dpi A4 proof under the suggested size while keeping resolution', async () => {
    const outcome = await fixToFile(at('sealed.jpg'), 'work-proof', at('fixed/sealed.jpg'), ruleSet);
    expect(outcome.ok && outcome.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(
      outcome.ok && outcome.result.findings.filter((f) => f.id === 'scan.resolution' && f.severity === 'error'),
    ).toEqual([]);
  });
});

describe('format verdicts say what can be done', () => {
  it('offers fix only for types it can convert', async () => {
    writeFileSync(at('scan.bmp'), Buffer.from('BM\0\0\0\0', 'latin1'));
    writeFileSync(at('roster.csv'), Buffer.from([0xff, 0xfe, 0, 0, 1, 2, 3]));
    expect((await check('scan.bmp', 'photo')).findings[0]?.args).toMatchObject({ variant: 'unknown', type: 'bmp' });
    expect((await check('roster.csv', 'diploma')).findings[0]?.args).toMatchObject({
      variant: 'unknown',
      type: 'unknown',
    });
    expect((await check('photo.png', 'photo')).findings[0]?.args).toMatchObject({ variant: 'type' });
  });
});

// Vitest runs test files in one process: leave the models as the next file expects them.
afterAll(() => setPhotoModelsEnabled(true));
