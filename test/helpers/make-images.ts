/**
 * Images made with sharp for tests: ID photos, scans, seals. Nothing binary is committed: each is
 * drawn once and then read from a cache in node_modules (test/helpers/fixture-cache.ts).
 */
import sharp from 'sharp';
import { cachedImage } from './fixture-cache.js';

/** Intermediate images: PNG is lossless at any level, so level 0 gives the same pixels, much faster. */
const LOSSLESS_FAST = { compressionLevel: 0 } as const;

/** Deterministic pseudo-random noise, so sizes and statistics are stable across runs. */
function noise(width: number, height: number, amplitude: number, seed = 7): Buffer {
  const data = Buffer.alloc(width * height * 3);
  let x = seed;
  for (let i = 0; i < data.length; i += 1) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    data[i] = 128 + ((x >> 16) % (2 * amplitude + 1)) - amplitude;
  }
  return data;
}

export interface PhotoOptions {
  width?: number;
  height?: number;
  background?: string;
  /** Shift the person horizontally, as a share of the width. */
  offset?: number;
  grey?: boolean;
  quality?: number;
  /** Extra texture so the JPEG is as big as a real photo. */
  texture?: number;
}

/** A passport-style photo: head and shoulders on a plain background (from the cache when it holds it). */
export async function makePhoto(options: PhotoOptions = {}): Promise<Buffer> {
  return cachedImage('photo', options, () => drawPhoto(options));
}

async function drawPhoto(options: PhotoOptions = {}): Promise<Buffer> {
  const width = options.width ?? 354;
  const height = options.height ?? 496;
  const cx = width * (0.5 + (options.offset ?? 0));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${options.background ?? '#ffffff'}"/>
    <ellipse cx="${cx}" cy="${height * 0.92}" rx="${width * 0.45}" ry="${height * 0.3}" fill="#1f3a68"/>
    <rect x="${cx - width * 0.07}" y="${height * 0.5}" width="${width * 0.14}" height="${height * 0.15}" fill="#d9a989"/>
    <ellipse cx="${cx}" cy="${height * 0.36}" rx="${width * 0.2}" ry="${height * 0.22}" fill="#e0b193"/>
    <ellipse cx="${cx}" cy="${height * 0.2}" rx="${width * 0.21}" ry="${height * 0.1}" fill="#222222"/>
  </svg>`;
  let image = sharp(Buffer.from(svg));
  const texture = options.texture ?? 10;
  if (texture > 0) {
    // Texture on the person only (the background stays flat, like a studio wall).
    const mask = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><ellipse cx="${cx}" cy="${height * 0.36}" rx="${width * 0.2}" ry="${height * 0.22}" fill="#fff"/><ellipse cx="${cx}" cy="${height * 0.92}" rx="${width * 0.45}" ry="${height * 0.3}" fill="#fff"/></svg>`,
    );
    const grain = await sharp(noise(width, height, texture), { raw: { width, height, channels: 3 } })
      .joinChannel(await sharp(mask).resize(width, height).extractChannel(0).toBuffer())
      .png(LOSSLESS_FAST)
      .toBuffer();
    image = sharp(
      await image
        .composite([{ input: grain, blend: 'overlay' }])
        .png(LOSSLESS_FAST)
        .toBuffer(),
    );
  }
  if (options.grey) image = image.greyscale();
  return image.jpeg({ quality: options.quality ?? 92 }).toBuffer();
}

export interface ScanOptions {
  width?: number;
  height?: number;
  seal?: boolean;
  blur?: number;
  brightness?: number;
  quality?: number;
}

const scans = new Map<string, Promise<Buffer>>();

/**
 * A document: white page, lines of "text", optionally a round red seal near the bottom right.
 * The same options give the same bytes (seeded noise), so each is drawn once and then cached.
 */
export async function makeScan(options: ScanOptions = {}): Promise<Buffer> {
  const key = JSON.stringify(options);
  const drawn = scans.get(key) ?? cachedImage('scan', options, () => drawScan(options));
  scans.set(key, drawn);
  return Buffer.from(await drawn);
}

async function drawScan(options: ScanOptions): Promise<Buffer> {
  const width = options.width ?? 2480;
  const height = options.height ?? 3508;
  const lines: string[] = [];
  for (let y = height * 0.1; y < height * 0.7; y += height * 0.03) {
    for (let x = width * 0.1; x < width * 0.85; x += width * 0.05) {
      lines.push(`<rect x="${x}" y="${y}" width="${width * 0.035}" height="${height * 0.012}" fill="#222"/>`);
    }
  }
  const r = width * 0.09;
  const seal = options.seal
    ? `<circle cx="${width * 0.7}" cy="${height * 0.8}" r="${r}" fill="none" stroke="#d81e1e" stroke-width="${r * 0.1}"/>
       <polygon points="${width * 0.7},${height * 0.8 - r * 0.35} ${width * 0.7 + r * 0.33},${height * 0.8 + r * 0.25} ${width * 0.7 - r * 0.33},${height * 0.8 + r * 0.25}" fill="#d81e1e"/>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fbfbf8"/>${lines.join('')}${seal}</svg>`;
  let image = sharp(Buffer.from(svg));
  const grain = await sharp(noise(width, height, 6), { raw: { width, height, channels: 3 } })
    .png(LOSSLESS_FAST)
    .toBuffer();
  image = sharp(
    await image
      .composite([{ input: grain, blend: 'overlay' }])
      .png(LOSSLESS_FAST)
      .toBuffer(),
  );
  if (options.blur) image = image.blur(options.blur);
  if (options.brightness) image = image.modulate({ brightness: options.brightness });
  return image.jpeg({ quality: options.quality ?? 85 }).toBuffer();
}

/** A minimal well-formed one-page PDF, or a variant. */
export function makePdf(variant: 'ok' | 'encrypted' | 'truncated' = 'ok'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${variant === 'encrypted' ? ' /Encrypt 5 0 R' : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  const buffer = Buffer.from(body, 'latin1');
  return variant === 'truncated' ? buffer.subarray(0, Math.floor(buffer.length / 2)) : buffer;
}

/** A JPEG with junk bytes between segments: libjpeg warns ("extraneous bytes"), phones produce it. */
export function withJunk(jpeg: Buffer): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0x00, 0x00, 0x00]), jpeg.subarray(2)]);
}
