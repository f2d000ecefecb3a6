/**
 * One file out of a tar archive (an npm package tarball, already gunzipped). Pure. Reads the
 * ustar headers in order, honours the pax `path` of long names, and never reads past the buffer.
 */
const BLOCK = 512;

const text = (bytes: Uint8Array, from: number, length: number) => {
  const raw = bytes.subarray(from, from + length);
  const end = raw.indexOf(0);
  return new TextDecoder().decode(end === -1 ? raw : raw.subarray(0, end));
};

const octal = (bytes: Uint8Array, from: number, length: number) => {
  const value = Number.parseInt(text(bytes, from, length).trim() || '0', 8);
  return Number.isFinite(value) ? value : Number.NaN;
};

/** The content of the regular file at `wanted`, undefined when absent, or 'damaged'. */
export function extractFromTar(tar: Uint8Array, wanted: string): Uint8Array | undefined | 'damaged' {
  let offset = 0;
  let paxPath: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) return undefined;
    const size = octal(header, 124, 12);
    if (!Number.isInteger(size) || size < 0) return 'damaged';
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = text(header, 345, 155);
    const name = paxPath ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    const start = offset + BLOCK;
    if (start + size > tar.length) return 'damaged';
    const body = tar.subarray(start, start + size);
    paxPath = undefined;
    if (type === 'x') {
      // pax extended header: "<len> path=<name>\n" records apply to the next entry.
      paxPath = new TextDecoder().decode(body).match(/(?:^|\n)\d+ path=([^\n]*)\n/)?.[1];
    } else if ((type === '0' || type === '\0') && name === wanted) {
      return body;
    }
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return undefined;
}
