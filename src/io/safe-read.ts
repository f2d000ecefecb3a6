/**
 * The one way files are read: opened once, non-blocking, checked with fstat on the
 * handle, read through that handle. Opened files are recorded as inputs, so no write lands on them.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { protectIdentity } from './safe-write.js';

/**
 * Open a file once, without blocking: a FIFO swapped in after any earlier look
 * cannot hang the open, and `fstat` on the handle (not the path) decides: a regular file, its size.
 * The file is recorded as an input, so no write of this run can land on it.
 */
export async function openRegular(
  file: string,
): Promise<{ ok: true; handle: FileHandle; size: number } | { ok: false; code: string }> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    return { ok: false, code: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  const info = await handle.stat().catch(() => undefined);
  if (!info?.isFile()) {
    await handle.close().catch(() => undefined);
    return { ok: false, code: !info ? 'EIO' : info.isDirectory() ? 'EISDIR' : 'not-regular' };
  }
  protectIdentity(info.dev, info.ino);
  return { ok: true, handle, size: info.size };
}

export async function readRange(handle: FileHandle, bytes: number, maxRead: number): Promise<Uint8Array> {
  if (bytes <= maxRead) {
    const buffer = new Uint8Array(bytes);
    let at = 0;
    while (at < bytes) {
      const { bytesRead } = await handle.read(buffer, at, bytes - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === bytes ? buffer : buffer.subarray(0, at);
  }
  // Too big to read whole: the head and the tail hold a PDF's header and trailer.
  const half = Math.floor(maxRead / 2);
  const buffer = new Uint8Array(half * 2);
  await handle.read(buffer, 0, half, 0);
  await handle.read(buffer, half, half, bytes - half);
  return buffer;
}

/** The whole file through an open handle (fix reads its input so: one open, fstat-checked). */
export async function readRegular(file: string, maxBytes: number): Promise<Uint8Array> {
  const opened = await openRegular(file);
  if (!opened.ok) throw Object.assign(new Error(opened.code), { code: opened.code });
  try {
    if (opened.size > maxBytes) throw Object.assign(new Error('EFBIG'), { code: 'EFBIG' });
    return await readRange(opened.handle, opened.size, maxBytes);
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
}
