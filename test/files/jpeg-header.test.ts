import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readJpegDensity, withJfifDensity } from '../../src/files/jpeg-header.js';

const WIDTH = 12;
const HEIGHT = 8;

const base = () =>
  sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: { r: 200, g: 40, b: 10 } } });
const jpeg = async (build: (s: sharp.Sharp) => sharp.Sharp = (s) => s): Promise<Uint8Array> =>
  new Uint8Array(await build(base().jpeg()).toBuffer());

/** One JPEG marker segment: FF marker, big-endian length (including itself), data. */
const segment = (marker: number, data: readonly number[]): number[] => [
  0xff,
  marker,
  (data.length + 2) >> 8,
  (data.length + 2) & 0xff,
  ...data,
];
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
/** Insert raw segments right after SOI. */
const afterSoi = (bytes: Uint8Array, ...segs: number[][]): Uint8Array =>
  new Uint8Array([...bytes.subarray(0, 2), ...segs.flat(), ...bytes.subarray(2)]);
/** Marker bytes of the header segments, in order (test-side walker for structure checks). */
const markers = (bytes: Uint8Array): number[] => {
  const out: number[] = [];
  let i = 2;
  while (i + 4 <= bytes.length && bytes[i] === 0xff) {
    const m = bytes[i + 1]!;
    out.push(m);
    if (m === 0xda) break;
    i += 2 + ((bytes[i + 2]! << 8) | bytes[i + 3]!);
  }
  return out;
};

const be16 = (n: number) => [n >> 8, n & 0xff];
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

/** A hand-made big-endian ("MM") EXIF APP1 with the given IFD0 entries; rationals are placed after the IFD. */
function bigEndianExif(
  entries: { tag: number; type: number; short?: number; rational?: [number, number] }[],
): number[] {
  const ifdStart = 8;
  const dataStart = ifdStart + 2 + entries.length * 12 + 4;
  const ifd: number[] = [...be16(entries.length)];
  const data: number[] = [];
  for (const e of entries) {
    ifd.push(...be16(e.tag), ...be16(e.type), ...be32(1));
    if (e.rational) {
      ifd.push(...be32(dataStart + data.length));
      data.push(...be32(e.rational[0]), ...be32(e.rational[1]));
    } else {
      ifd.push(...be16(e.short ?? 0), 0, 0);
    }
  }
  ifd.push(...be32(0)); // no next IFD
  const tiff = [...ascii('MM'), ...be16(42), ...be32(ifdStart), ...ifd, ...data];
  return segment(0xe1, [...ascii('Exif'), 0, 0, ...tiff]);
}

const jfifApp0 = (units: number, x: number, y: number) =>
  segment(0xe0, [...ascii('JFIF'), 0, 1, 2, units, ...be16(x), ...be16(y), 0, 0]);

async function expectDecodes(bytes: Uint8Array) {
  const meta = await sharp(bytes).metadata();
  expect(meta.format).toBe('jpeg');
  expect([meta.width, meta.height]).toEqual([WIDTH, HEIGHT]);
  // Decoding the pixels too, not just the header.
  const { info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([WIDTH, HEIGHT]);
}

describe('readJpegDensity on sharp output', () => {
  it("sharp's default JPEG has neither JFIF APP0 nor EXIF", async () => {
    const bytes = await jpeg();
    expect(markers(bytes)).not.toContain(0xe0);
    expect(markers(bytes)).not.toContain(0xe1);
    expect(readJpegDensity(bytes)).toEqual({ jfif: null, exif: null, dpi: null });
  });

  it('withMetadata({ density: 300 }) is read from EXIF (inches)', async () => {
    const bytes = await jpeg((s) => s.withMetadata({ density: 300 }));
    expect(readJpegDensity(bytes)).toEqual({ jfif: null, exif: { unit: 2, x: 300, y: 300 }, dpi: 300 });
  });

  it("EXIF written without an explicit density carries libvips' default 1 px/mm (25.4 dpi)", async () => {
    const bytes = await jpeg((s) => s.withMetadata({ orientation: 6 }));
    const density = readJpegDensity(bytes);
    expect(density.jfif).toBeNull();
    expect(density.exif?.unit).toBe(2);
    expect(density.exif?.x).toBeCloseTo(25.4, 6);
    expect(density.dpi).toBe(25.4);
  });

  it('a Buffer view with a non-zero byteOffset works the same', async () => {
    const bytes = await jpeg((s) => s.withMetadata({ density: 150, orientation: 3 }));
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 7);
    const view = padded.subarray(7);
    expect(readJpegDensity(view).dpi).toBe(150);
  });
});

describe('hand-made headers', () => {
  it('JFIF in dots per cm converts to dpi; JFIF wins over EXIF', async () => {
    const bytes = afterSoi(
      await jpeg(),
      jfifApp0(2, 118, 118),
      bigEndianExif([{ tag: 0x011a, type: 5, rational: [72, 1] }]),
    );
    await expectDecodes(bytes);
    expect(readJpegDensity(bytes)).toEqual({
      jfif: { units: 2, x: 118, y: 118 },
      exif: { unit: 2, x: 72, y: 72 },
      dpi: 299.72,
    });
  });

  it('JFIF aspect-only (units 0) falls back to EXIF', async () => {
    const bytes = afterSoi(
      await jpeg(),
      jfifApp0(0, 1, 1),
      bigEndianExif([{ tag: 0x011a, type: 5, rational: [600, 2] }]),
    );
    expect(readJpegDensity(bytes)).toEqual({
      jfif: { units: 0, x: 1, y: 1 },
      exif: { unit: 2, x: 300, y: 300 },
      dpi: 300,
    });
  });

  it('big-endian EXIF with ResolutionUnit cm and a distinct Y', async () => {
    const exif = bigEndianExif([
      { tag: 0x0112, type: 3, short: 8 },
      { tag: 0x011a, type: 5, rational: [236, 2] },
      { tag: 0x011b, type: 5, rational: [59, 1] },
      { tag: 0x0128, type: 3, short: 3 },
    ]);
    const bytes = afterSoi(await jpeg(), exif);
    await expectDecodes(bytes);
    expect(readJpegDensity(bytes)).toEqual({ jfif: null, exif: { unit: 3, x: 118, y: 59 }, dpi: 299.72 });
  });

  it('EXIF without XResolution, with unit 1 or a zero denominator gives null', async () => {
    const plain = await jpeg();
    const noX = afterSoi(plain, bigEndianExif([{ tag: 0x011b, type: 5, rational: [300, 1] }]));
    expect(readJpegDensity(noX).exif).toBeNull();
    const unitless = afterSoi(
      plain,
      bigEndianExif([
        { tag: 0x011a, type: 5, rational: [300, 1] },
        { tag: 0x0128, type: 3, short: 1 },
      ]),
    );
    expect(readJpegDensity(unitless)).toEqual({ jfif: null, exif: null, dpi: null });
    const zeroDen = afterSoi(plain, bigEndianExif([{ tag: 0x011a, type: 5, rational: [300, 0] }]));
    expect(readJpegDensity(zeroDen).exif).toBeNull();
  });

  it('EXIF offsets pointing outside the segment are ignored', async () => {
    const plain = await jpeg();
    const tiffHeader = (ifdOffset: number) => [...ascii('MM'), ...be16(42), ...be32(ifdOffset)];
    const farIfd = segment(0xe1, [...ascii('Exif'), 0, 0, ...tiffHeader(0xfffffff0)]);
    // IFD claims 65535 entries but holds one; the rational's offset is far away.
    const bogus = segment(0xe1, [
      ...ascii('Exif'),
      0,
      0,
      ...tiffHeader(8),
      ...be16(0xffff),
      ...be16(0x011a),
      ...be16(5),
      ...be32(1),
      ...be32(0x7fffffff),
    ]);
    for (const bytes of [afterSoi(plain, farIfd), afterSoi(plain, bogus)]) {
      expect(readJpegDensity(bytes)).toEqual({ jfif: null, exif: null, dpi: null });
    }
  });

  it('skips fill bytes before a marker', async () => {
    const bytes = afterSoi(await jpeg(), [0xff, 0xff, ...jfifApp0(1, 96, 96)]);
    expect(readJpegDensity(bytes).jfif).toEqual({ units: 1, x: 96, y: 96 });
  });
});

describe('malformed input never throws', () => {
  it('PNG and empty input give nulls', async () => {
    const png = new Uint8Array(await base().png().toBuffer());
    for (const bytes of [png, new Uint8Array(0), new Uint8Array([0xff]), new Uint8Array([0xff, 0xd8])]) {
      expect(readJpegDensity(bytes)).toEqual({ jfif: null, exif: null, dpi: null });
    }
  });

  it('every truncation of a JPEG with EXIF and JFIF is handled', async () => {
    const full = withJfifDensity(await jpeg((s) => s.withMetadata({ density: 300, orientation: 6 })), 200);
    expect(readJpegDensity(full).jfif).toEqual({ units: 1, x: 200, y: 200 });
    for (let n = 0; n <= full.length; n++) {
      const cut = full.subarray(0, n);
      expect(() => readJpegDensity(cut)).not.toThrow();
      expect(() => withJfifDensity(cut, 300)).not.toThrow();
    }
    // Once the segment is cut short it is not read.
    expect(readJpegDensity(full.subarray(0, 10))).toEqual({ jfif: null, exif: null, dpi: null });
  });

  it('corrupted bytes are handled', async () => {
    const full = await jpeg((s) => s.withMetadata({ density: 300, orientation: 6 }));
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let round = 0; round < 300; round++) {
      const copy = new Uint8Array(full);
      for (let k = 0; k < 4; k++) copy[2 + (next() % 200)] = next() % 256;
      expect(() => readJpegDensity(copy)).not.toThrow();
      expect(() => withJfifDensity(copy, 300)).not.toThrow();
    }
  });
});

describe('withJfifDensity', () => {
  it('inserts an 18-byte JFIF APP0 right after SOI when there is none', async () => {
    const input = await jpeg();
    const snapshot = new Uint8Array(input);
    const out = withJfifDensity(input, 300);
    expect(input).toEqual(snapshot); // input untouched
    expect(out.length).toBe(input.length + 18);
    expect([...out.subarray(0, 20)]).toEqual([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...ascii('JFIF'),
      0,
      1,
      1,
      1,
      0x01,
      0x2c,
      0x01,
      0x2c,
      0,
      0,
    ]);
    expect(out.subarray(20)).toEqual(input.subarray(2));
    expect(readJpegDensity(out)).toEqual({ jfif: { units: 1, x: 300, y: 300 }, exif: null, dpi: 300 });
    await expectDecodes(out);
    expect((await sharp(out).metadata()).density).toBe(300);
  });

  it('inserts before an existing EXIF-only header and keeps the EXIF', async () => {
    const input = await jpeg((s) => s.withMetadata({ density: 72, orientation: 6 }));
    const out = withJfifDensity(input, 300);
    expect(out.length).toBe(input.length + 18);
    expect(markers(out).slice(0, 2)).toEqual([0xe0, 0xe1]);
    expect(readJpegDensity(out)).toEqual({
      jfif: { units: 1, x: 300, y: 300 },
      exif: { unit: 2, x: 72, y: 72 },
      dpi: 300,
    });
    expect((await sharp(out).metadata()).orientation).toBe(6);
    await expectDecodes(out);
  });

  it('edits an existing JFIF APP0 in place (same length)', async () => {
    const input = afterSoi(await jpeg(), jfifApp0(2, 28, 28));
    const out = withJfifDensity(input, 300);
    expect(out.length).toBe(input.length);
    expect(out).not.toBe(input);
    expect(readJpegDensity(input).jfif).toEqual({ units: 2, x: 28, y: 28 });
    expect(readJpegDensity(out)).toEqual({ jfif: { units: 1, x: 300, y: 300 }, exif: null, dpi: 300 });
    // Only units and the two densities changed.
    const changed = [...out.keys()].filter((i) => out[i] !== input[i]);
    expect(changed.every((i) => i >= 13 && i <= 17)).toBe(true);
    await expectDecodes(out);

    // Patching the output of a previous insertion also edits in place.
    const twice = withJfifDensity(withJfifDensity(await jpeg(), 72), 300);
    expect(twice.length).toBe((await jpeg()).length + 18);
    expect(readJpegDensity(twice).jfif).toEqual({ units: 1, x: 300, y: 300 });
  });

  it('non-JPEG input or an unusable dpi returns an unchanged copy', async () => {
    const png = new Uint8Array(await base().png().toBuffer());
    const out = withJfifDensity(png, 300);
    expect(out).toEqual(png);
    expect(out).not.toBe(png);
    expect(withJfifDensity(new Uint8Array(0), 300)).toEqual(new Uint8Array(0));
    const plain = await jpeg();
    expect(withJfifDensity(plain, Number.NaN)).toEqual(plain);
    expect(withJfifDensity(plain, 0)).toEqual(plain);
    expect(readJpegDensity(withJfifDensity(plain, 1e9)).jfif).toEqual({ units: 1, x: 65535, y: 65535 });
  });
});
