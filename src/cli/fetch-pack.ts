/**
 * `shegong data update`'s one network call: the newest published `shegong` package on the npm
 * registry → its tarball → the signed pack inside (packs/shegong-data.json). Bounded in time (one
 * deadline for the whole exchange) and in bytes (every body, and the unpacked tarball). Never
 * throws: a problem says what went wrong. Only this module, and only this command, uses the network.
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { Problem } from '../errors.js';
import { extractFromTar } from '../packs/tar.js';

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org';
/** Where the signed pack sits inside the published package. */
export const PACK_IN_PACKAGE = 'package/packs/shegong-data.json';

export interface FetchOptions {
  registry: string;
  timeoutMs: number;
  /** The most any one download may be, and the most the tarball may unpack to (four times this). */
  maxBytes: number;
}

export type Fetched = { ok: true; bytes: Uint8Array; packageVersion: string } | { ok: false; problem: Problem };

class Stop extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.key);
    this.problem = problem;
  }
}

async function download(url: string, accept: string, signal: AbortSignal, maxBytes: number): Promise<Uint8Array> {
  const response = await fetch(url, { headers: { accept }, signal, redirect: 'follow' });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new Stop({ key: 'update.http', args: { status: String(response.status) } });
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  const tooLarge: Problem = { key: 'update.too-large', args: { limit: String(maxBytes) } };
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new Stop(tooLarge);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new Stop(tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function fetchPublishedPack(options: FetchOptions): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const registry = options.registry.replace(/\/+$/, '');
  try {
    const metaBytes = await download(
      `${registry}/shegong`,
      'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8',
      controller.signal,
      options.maxBytes,
    );
    let meta: {
      'dist-tags'?: { latest?: string };
      versions?: Record<string, { dist?: { tarball?: string; integrity?: string } }>;
    };
    try {
      meta = JSON.parse(new TextDecoder().decode(metaBytes));
    } catch {
      throw new Stop({ key: 'update.bad-metadata', args: {} });
    }
    const latest = meta?.['dist-tags']?.latest;
    const dist = latest ? meta.versions?.[latest]?.dist : undefined;
    if (!latest || typeof dist?.tarball !== 'string') throw new Stop({ key: 'update.bad-metadata', args: {} });
    const tarball = await download(dist.tarball, 'application/octet-stream', controller.signal, options.maxBytes);
    // npm records a sha512 of the tarball: a download that differs is not the published package.
    const integrity = dist.integrity?.match(/^sha512-(.+)$/)?.[1];
    if (integrity && createHash('sha512').update(tarball).digest('base64') !== integrity)
      throw new Stop({ key: 'update.integrity', args: {} });
    let tar: Uint8Array;
    try {
      tar = gunzipSync(tarball, { maxOutputLength: options.maxBytes * 4 });
    } catch (error) {
      throw new Stop(
        (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
          ? { key: 'update.too-large', args: { limit: String(options.maxBytes * 4) } }
          : { key: 'update.bad-tarball', args: {} },
      );
    }
    const pack = extractFromTar(tar, PACK_IN_PACKAGE);
    if (pack === 'damaged') throw new Stop({ key: 'update.bad-tarball', args: {} });
    if (!pack) throw new Stop({ key: 'update.no-pack', args: { version: latest } });
    return { ok: true, bytes: pack, packageVersion: latest };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, problem: error.problem };
    if (controller.signal.aborted)
      return { ok: false, problem: { key: 'update.timeout', args: { seconds: String(options.timeoutMs / 1000) } } };
    const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
    const code = cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (error as Error).name;
    return { ok: false, problem: { key: 'update.network', args: { code } } };
  } finally {
    clearTimeout(timer);
  }
}
