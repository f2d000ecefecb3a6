/**
 * Read a PDF for real with Mozilla's pdf.js (legacy Node build): page count (object streams
 * included), password protection, damage, the text of each page and which pages are images with
 * no text layer. pdf.js runs in a worker thread with a heap limit and a time limit, and every Flate
 * stream is first test-inflated with a byte cap, so a hostile file becomes an answer, never a hang
 * or an out-of-memory crash. pdf.js is loaded only inside that worker, only when a PDF is read.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createGate } from './gate.js';
import { oneHeavyAtATime } from './heavy-work.js';
import { constants as zlibConstants, createInflate } from 'node:zlib';
import type { PdfPageText } from '../model/files.js';
import type { PdfReaderLimits } from '../model/rules.js';

export type { PdfPageText };

export type PdfReadFailure = 'password' | 'damaged' | 'time' | 'memory' | 'inflate' | 'error';

export type PdfReading =
  | {
      ok: true;
      pages: number;
      texts: PdfPageText[] /** Opened although encrypted (an empty user password). */;
      encrypted: boolean;
      ms: number;
    }
  | { ok: false; reason: PdfReadFailure; detail: string; ms: number };

/**
 * Inflate every Flate stream with a shared byte budget, counting and discarding the output as it
 * streams (memory stays at zlib's chunk size whatever the ratio). Returns the bytes inflated, or
 * null when the budget is exceeded (a decompression bomb). Streams that do not inflate (encrypted,
 * damaged) are skipped: pdf.js decides about those.
 */
export async function inflatedSize(bytes: Uint8Array, budget: number): Promise<number | null> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  const streamRe = /(?<![A-Za-z])stream\r?\n/g;
  let total = 0;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(text)) !== null) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const dictStart = text.lastIndexOf('<<', m.index);
    const dict = dictStart >= 0 && m.index - dictStart < 4096 ? text.slice(dictStart, m.index) : '';
    streamRe.lastIndex = end + 'endstream'.length;
    if (!/\/FlateDecode|\/Fl(?![A-Za-z])/.test(dict)) continue;
    const size = await inflateCounted(buffer.subarray(start, end), budget - total);
    if (size === null) return null;
    total += size;
  }
  return total;
}

/** Bytes one Flate stream inflates to, stopping past `limit` (null); a stream that fails to inflate counts what it gave. */
function inflateCounted(data: Buffer, limit: number): Promise<number | null> {
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: zlibConstants.Z_SYNC_FLUSH, chunkSize: 256 * 1024 });
    let size = 0;
    let done = false;
    const finish = (value: number | null) => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(null);
    });
    inflate.on('end', () => finish(size));
    inflate.on('error', () => finish(size));
    inflate.end(data);
  });
}

let pdfjsLocation: { pdf: string; cmaps: string; fonts: string } | undefined;

function locatePdfjs() {
  if (!pdfjsLocation) {
    const require = createRequire(import.meta.url);
    const pdf = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
    const root = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');
    pdfjsLocation = { pdf: pathToFileURL(pdf).href, cmaps: `${root}cmaps/`, fonts: `${root}standard_fonts/` };
  }
  return pdfjsLocation;
}

/**
 * The worker's program, as source (an eval'd worker runs the same under tsc's output and under the
 * test runner). It loads pdf.js once, then for each job opens the document, reads the text of the
 * first pages, counts painted images on pages without text, and posts plain data back.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { pdfUrl, cMapUrl, standardFontDataUrl } = workerData;
// pdf.js's own messages would land in the parent's stdout (and break --format json): silence them.
for (const level of ['log', 'info', 'warn', 'error', 'debug']) console[level] = () => {};
// pdf.js's display layer requires @napi-rs/canvas (a native Skia, installed with pdfjs-dist as an
// optional dependency) when it is imported, to draw pages: about 30 MB resident for a worker that
// never draws a page. It is refused here (pdf.js then goes on without it), and DOMMatrix gets a
// stand-in with the affine steps pdf.js uses outside drawing: one built at import, and a Type3
// font glyph's scale-and-translate (reached from text content and operator lists).
const Module = require('node:module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === '@napi-rs/canvas') throw Object.assign(new Error('not loaded: PDFs are read, never drawn'), { code: 'MODULE_NOT_FOUND' });
  return load.call(this, request, ...rest);
};
globalThis.DOMMatrix ??= class DOMMatrix {
  constructor() { Object.assign(this, { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }); }
  scaleSelf(sx = 1, sy = sx) { this.a *= sx; this.b *= sx; this.c *= sy; this.d *= sy; return this; }
  translateSelf(tx = 0, ty = 0) { this.e += this.a * tx + this.c * ty; this.f += this.b * tx + this.d * ty; return this; }
};
// pdf.js 5.4 (WorkerTransport's constructor) adds a listener per document to PagesMapper, a list
// shared by all documents, and never removes it: each document read stayed reachable, about 26 KB
// (the heap grew 13 to 27 MB over 549 fuzz PDFs). The listeners a read added are removed after it.
const added = [];
const watchListeners = (pdfjs) => {
  const add = pdfjs.PagesMapper && pdfjs.PagesMapper.prototype.addListener;
  if (!add) return pdfjs;
  pdfjs.PagesMapper.prototype.addListener = function (listener) {
    added.push([this, listener]);
    return add.call(this, listener);
  };
  return pdfjs;
};
// The last documents read, weakly: a census (below) counts how many a full collection leaves.
const readBefore = [];
let loading;
parentPort.on('message', async ({ census, data, maxPages, maxChars, maxImagePixels }) => {
  if (census) {
    require('node:v8').setFlagsFromString('--expose-gc');
    require('node:vm').runInNewContext('gc')();
    const held = readBefore.filter((ref) => ref.deref() !== undefined).length;
    parentPort.postMessage({ census: { read: readBefore.length, held } });
    return;
  }
  let pdfjs;
  try {
    pdfjs = await (loading = loading || import(pdfUrl).then(watchListeners));
  } catch (error) {
    parentPort.postMessage({ ok: false, name: 'LoadError', message: String(error && error.message) });
    return;
  }
  let doc;
  let answer;
  try {
    const task = pdfjs.getDocument({
      data, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
      isOffscreenCanvasSupported: false, isImageDecoderSupported: false, stopAtErrors: false,
      cMapUrl, cMapPacked: true, standardFontDataUrl, maxImageSize: maxImagePixels, ignoreErrors: true,
    });
    doc = await task.promise;
    const imageOps = new Set([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageXObjectRepeat, pdfjs.OPS.paintImageMaskXObject]);
    const texts = [];
    let chars = 0;
    for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (typeof item.str !== 'string') continue;
        text += item.str;
        if (item.hasEOL) text += '\\n';
      }
      text = text.slice(0, Math.max(0, maxChars - chars));
      chars += text.length;
      let images = 0;
      if (!text.trim()) {
        const ops = await page.getOperatorList();
        for (const fn of ops.fnArray) if (imageOps.has(fn)) images++;
      }
      texts.push({ text, images });
      page.cleanup();
    }
    let encrypted = false;
    try {
      const meta = await doc.getMetadata();
      encrypted = Boolean(meta && meta.info && meta.info.EncryptFilterName);
    } catch {}
    answer = { ok: true, pages: doc.numPages, texts, encrypted };
  } catch (error) {
    answer = { ok: false, name: String(error && error.name), message: String(error && error.message).slice(0, 200) };
  } finally {
    if (doc) {
      await doc.destroy().catch(() => {});
      readBefore.push(new WeakRef(doc));
      if (readBefore.length > 32) readBefore.shift();
    }
    for (const [mapper, listener] of added.splice(0)) mapper.removeListener(listener);
  }
  // Answered once the document is let go: the parent may hand this worker its next job at once.
  parentPort.postMessage(answer);
});
`;

interface WorkerAnswer {
  census?: { read: number; held: number };
  ok: boolean;
  pages?: number;
  texts?: PdfPageText[];
  encrypted?: boolean;
  name?: string;
  message?: string;
}

/**
 * Workers that finished a job cleanly wait here for the next (pdf.js stays loaded: spawning a
 * worker and importing pdf.js costs about 100 ms). A worker that timed out or died is never
 * reused. Idle workers are unref'd, so they never keep the process alive.
 */
interface PooledWorker {
  worker: Worker;
  heapMb: number;
  youngMb: number;
}
const idle: PooledWorker[] = [];

function spawn(where: ReturnType<typeof locatePdfjs>, heapMb: number, youngMb: number): PooledWorker {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pdfUrl: where.pdf, cMapUrl: where.cmaps, standardFontDataUrl: where.fonts },
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: youngMb,
      stackSizeMb: 4,
    },
    // Captured, never read: nothing is written to them (console is silenced), and reading would keep an idle worker alive.
    stdout: true,
    stderr: true,
  });
  const pooled = { worker, heapMb, youngMb };
  worker.on('exit', () => {
    const at = idle.indexOf(pooled);
    if (at >= 0) idle.splice(at, 1);
  });
  // An idle worker's late error (none expected) must not become an unhandled 'error' event.
  worker.on('error', () => {});
  return pooled;
}

function acquire(where: ReturnType<typeof locatePdfjs>, heapMb: number, youngMb: number): PooledWorker {
  const at = idle.findIndex((p) => p.heapMb === heapMb && p.youngMb === youngMb);
  const pooled = at >= 0 ? idle.splice(at, 1)[0]! : spawn(where, heapMb, youngMb);
  pooled.worker.ref();
  return pooled;
}

/** How many readers wait idle in the pool (for tests). */
export const idleReaders = (): number => idle.length;

/** Let every idle reader go (their threads end; the next PDF starts a fresh one). */
export function closeIdleReaders(): void {
  for (const pooled of idle.splice(0)) void pooled.worker.terminate();
}

/** A full pool keeps the limits last used: an idle worker with other limits makes room. */
function release(pooled: PooledWorker, keep: number) {
  if (idle.length >= keep) {
    const other = idle.findIndex((p) => p.heapMb !== pooled.heapMb || p.youngMb !== pooled.youngMb);
    if (other < 0 || keep < 1) {
      void pooled.worker.terminate();
      return;
    }
    void idle.splice(other, 1)[0]!.worker.terminate();
  }
  pooled.worker.unref();
  idle.push(pooled);
}

/**
 * At most `keepWorkers` PDFs are read at once: each worker is a V8 heap with pdf.js loaded, and a
 * batch with several applicants in flight otherwise held several (measured: +110 MB at 4). The
 * time limit starts when a PDF gets its worker, not while it waits.
 */
const readers = createGate();

/** Read a whole PDF file's bytes within the limits. Never throws, never outlives timeoutMs by much. */
export async function readPdf(bytes: Uint8Array, limits: PdfReaderLimits): Promise<PdfReading> {
  // Never beside a fix (heavy-work.ts), but ahead of the fixes waiting: a probe's time limit is
  // running. The reader's own time limit starts inside.
  return readers.run(limits.keepWorkers, () => oneHeavyAtATime(() => readPdfNow(bytes, limits), { forACheck: true }));
}

async function readPdfNow(bytes: Uint8Array, limits: PdfReaderLimits): Promise<PdfReading> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if ((await inflatedSize(bytes, limits.maxInflatedBytes)) === null) {
    return { ok: false, reason: 'inflate', detail: `> ${limits.maxInflatedBytes} bytes inflated`, ms: elapsed() };
  }
  let where: ReturnType<typeof locatePdfjs>;
  try {
    where = locatePdfjs();
  } catch (error) {
    return {
      ok: false,
      reason: 'error',
      detail: `pdfjs-dist: ${String((error as Error).message).split('\n')[0]}`,
      ms: elapsed(),
    };
  }
  const data = new Uint8Array(bytes); // a private copy to transfer
  return new Promise<PdfReading>((resolve) => {
    let settled = false;
    let pooled: PooledWorker;
    const detach = () => {
      pooled.worker.off('message', onMessage);
      pooled.worker.off('error', onError);
      pooled.worker.off('exit', onExit);
    };
    const finish = (reading: PdfReading, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      detach();
      if (reusable) release(pooled, limits.keepWorkers);
      else void pooled.worker.terminate();
      resolve(reading);
    };
    const onMessage = (answer: WorkerAnswer) => {
      if (answer.ok)
        finish(
          {
            ok: true,
            pages: answer.pages ?? 0,
            texts: answer.texts ?? [],
            encrypted: answer.encrypted === true,
            ms: elapsed(),
          },
          true,
        );
      else
        finish(
          {
            ok: false,
            reason: failureOf(answer.name ?? '', answer.message ?? ''),
            detail: `${answer.name}: ${answer.message}`,
            ms: elapsed(),
          },
          answer.name !== 'LoadError',
        );
    };
    const onError = (error: NodeJS.ErrnoException) =>
      finish(
        {
          ok: false,
          reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' || error instanceof RangeError ? 'memory' : 'error',
          detail: String(error.message).split('\n')[0] ?? '',
          ms: elapsed(),
        },
        false,
      );
    const onExit = (code: number) =>
      finish({ ok: false, reason: 'error', detail: `worker exited (${code})`, ms: elapsed() }, false);
    const timer = setTimeout(
      () => finish({ ok: false, reason: 'time', detail: `> ${limits.timeoutMs} ms`, ms: elapsed() }, false),
      limits.timeoutMs,
    );
    try {
      pooled = acquire(where, limits.maxHeapMb, limits.youngHeapMb);
    } catch (error) {
      settled = true;
      clearTimeout(timer);
      resolve({ ok: false, reason: 'error', detail: String((error as Error).message), ms: elapsed() });
      return;
    }
    pooled.worker.on('message', onMessage);
    pooled.worker.on('error', onError);
    pooled.worker.on('exit', onExit);
    pooled.worker.postMessage(
      { data, maxPages: limits.maxTextPages, maxChars: limits.maxTextChars, maxImagePixels: limits.maxImagePixels },
      [data.buffer as ArrayBuffer],
    );
  });
}

function failureOf(name: string, message: string): PdfReadFailure {
  if (name === 'PasswordException') return 'password';
  if (
    name === 'InvalidPDFException' ||
    name === 'FormatError' ||
    name === 'MissingPDFException' ||
    name === 'UnknownErrorException'
  )
    return 'damaged';
  if (/call stack|out of memory|Array buffer allocation/i.test(message)) return 'memory';
  return 'damaged';
}

/**
 * How many of the last 32 documents an idle reader with these limits read (`read`), and how many of
 * them are still in memory after a full collection (`held`: 0 when a reader keeps none; the test of
 * watchListeners, above). A diagnostic: null when no reader with these limits is idle, or when it
 * does not answer within the limits' time.
 */
export async function documentsStillHeld(limits: PdfReaderLimits): Promise<{ read: number; held: number } | null> {
  const at = idle.findIndex((p) => p.heapMb === limits.maxHeapMb && p.youngMb === limits.youngHeapMb);
  if (at < 0) return null;
  const pooled = idle.splice(at, 1)[0]!;
  const { worker } = pooled;
  worker.ref();
  const census = await new Promise<{ read: number; held: number } | null>((resolve) => {
    const settle = (value: { read: number; held: number } | null) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onEnd);
      worker.off('exit', onEnd);
      resolve(value);
    };
    const onMessage = (answer: WorkerAnswer) => settle(answer.census ?? null);
    const onEnd = () => settle(null);
    const timer = setTimeout(onEnd, limits.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onEnd);
    worker.on('exit', onEnd);
    worker.postMessage({ census: true });
  });
  if (census) release(pooled, limits.keepWorkers);
  else void worker.terminate();
  return census;
}
