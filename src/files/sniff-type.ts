/** The real type of a file from its first bytes, whatever its name says. Pure. */
import type { SniffedType } from '../model/files.js';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'mif2']);
const AVIF_BRANDS = new Set(['avif', 'avis']);

export function sniffType(bytes: Uint8Array): { type: SniffedType; brand?: string } {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { type: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { type: 'png' };
  // %PDF- may follow a few junk bytes; readers accept it within the first 1024.
  const head = ascii(bytes, 0, Math.min(bytes.length, 1024));
  if (head.includes('%PDF-')) return { type: 'pdf' };
  if (ascii(bytes, 0, 4) === 'GIF8') return { type: 'gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { type: 'webp' };
  if (ascii(bytes, 0, 2) === 'BM') return { type: 'bmp' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { type: 'tiff' };
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const major = ascii(bytes, 8, 12).trim();
    const size = Math.min(
      bytes.length,
      ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0),
    );
    const brands = [major];
    for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(bytes, i, i + 4).trim());
    if (brands.some((b) => AVIF_BRANDS.has(b)) && !HEIC_BRANDS.has(major)) return { type: 'avif', brand: major };
    if (brands.some((b) => HEIC_BRANDS.has(b))) return { type: 'heic', brand: major };
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 512));
  if (sample.length > 0 && sample.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20))
    return { type: 'text' };
  return { type: 'unknown' };
}

/** The type a file name claims: `photo.JPG` → 'jpeg'. */
export function extensionType(name: string): string {
  const ext = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  return ext === 'jpg' || ext === 'jpe' || ext === 'jfif'
    ? 'jpeg'
    : ext === 'tif'
      ? 'tiff'
      : ext === 'heif'
        ? 'heic'
        : ext;
}
