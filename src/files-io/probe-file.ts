/**
 * Gather every fact about one upload file, once: existence, size, real type, header fields
 * (dimensions, orientation, colour space, density from JFIF and EXIF), a pixel-count refusal
 * before any decode, then one shrink-on-load decode for content statistics. Never throws for a
 * bad file: every failure becomes a fact.
 */
import type { FileHandle } from 'node:fs/promises';
import { platform } from 'node:os';
import path from 'node:path';
import type { Sharp } from 'sharp';
import type { FileFacts, ImageHeader } from '../model/files.js';
import type { RuleSet, UploadRole } from '../model/rules.js';
import { ruleValue } from '../rules/rule-access.js';
import { pixelLimitFor } from '../rules/safety-limits.js';
import { contentStats, greyStats } from '../files/content-stats.js';
import { decodeHeic, heicDecoder } from './decode-heic.js';
import { inspectPdf } from '../files/inspect-pdf.js';
import { readJpegDensity } from '../files/jpeg-header.js';
import { readPdf } from './read-pdf.js';
import { recogniseDocument } from '../files/recognise-document.js';
import { createGate } from './gate.js';
import { loadSharp } from './load-sharp.js';
import { openRegular, readRange } from '../io/safe-read.js';
import { CM_PER_INCH, isDecodable } from '../files/measures.js';
import { extensionType, sniffType } from '../files/sniff-type.js';
import { type Detection, detectFaces, faceFacts, findTurn, turnRaw } from './probe-faces.js';

const HEAD_BYTES = 128 * 1024;

/**
 * Each file's check is given up after this long: an engineering bound, not an exam rule.
 * The slowest fuzzed file took 3 s for 100, so a minute is only ever a stuck read.
 */
export const FILE_TIME_LIMIT_MS = 60_000;

/** A probe that takes longer than `ms` becomes an unreadable file (ETIMEDOUT), never a stuck batch. */
export async function probeWithin(
  file: string,
  options: Parameters<typeof probeFile>[1],
  ms: number | undefined,
): Promise<FileFacts> {
  if (!ms) return probeFile(file, options);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<FileFacts>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          path: file,
          name: path.basename(file),
          role: options.role,
          roleFrom: options.roleFrom,
          exists: true,
          readable: false,
          readError: 'ETIMEDOUT',
          bytes: 0,
          extension: '',
          sniffed: 'unknown',
        }),
      ms,
    );
    timer.unref();
  });
  try {
    return await Promise.race([probeFile(file, options), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ProbeOptions {
  role: UploadRole;
  roleFrom: FileFacts['roleFrom'];
  ruleSet: RuleSet;
  /** Also make a thumbnail this many pixels across, from the same decode. */
  thumbnailSize?: number;
}

export async function probeFile(file: string, options: ProbeOptions): Promise<FileFacts> {
  const facts: FileFacts = {
    path: file,
    name: path.basename(file),
    role: options.role,
    roleFrom: options.roleFrom,
    exists: false,
    readable: false,
    bytes: 0,
    extension: extensionType(path.basename(file)),
    sniffed: 'unknown',
  };
  const opened = await openRegular(file);
  if (!opened.ok) {
    if (opened.code !== 'ENOENT' && opened.code !== 'ENOTDIR') {
      facts.exists = true;
      facts.readError = opened.code;
    }
    return facts;
  }
  try {
    return await probeOpen(opened.handle, opened.size, facts, options);
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
}

async function probeOpen(
  handle: FileHandle,
  size: number,
  facts: FileFacts,
  options: ProbeOptions,
): Promise<FileFacts> {
  const file = facts.path;
  facts.exists = true;
  facts.bytes = size;
  const limits = ruleValue(options.ruleSet, 'upload.image');
  let head: Uint8Array;
  try {
    head = await readRange(handle, Math.min(size, HEAD_BYTES), HEAD_BYTES);
    facts.readable = true;
  } catch (error) {
    facts.readError = (error as NodeJS.ErrnoException).code ?? String(error);
    return facts;
  }
  if (size === 0) return facts;

  const sniffed = sniffType(head);
  facts.sniffed = sniffed.type;
  if (sniffed.brand) facts.brand = sniffed.brand;

  if (sniffed.type === 'pdf') {
    const partial = size > limits.maxReadBytes;
    const bytes = size <= HEAD_BYTES ? head : await readRange(handle, size, limits.maxReadBytes);
    facts.pdf = inspectPdf(bytes);
    facts.pdf.bytes = size;
    // Only the head and the tail of a huge PDF were read: startxref offsets cannot be verified
    // against the joined buffer, so the cross-reference check is not applied (size decides).
    if (partial) facts.pdf.xrefOk = true;
    // The structural check first (fast, and the fallback); then pdf.js, bounded.
    if (partial || !facts.pdf.header) {
      facts.pdfRead = { ok: false, reason: 'skipped', detail: partial ? 'partial read' : 'no header', ms: 0 };
      return facts;
    }
    const reading = await readPdf(bytes, ruleValue(options.ruleSet, 'upload.pdf.reader'));
    if (reading.ok) {
      facts.document = recogniseDocument(reading.texts, options.ruleSet);
      facts.pdfRead = {
        ok: true,
        pages: reading.pages,
        textPages: reading.texts.filter((t) => t.text.trim()).length,
        imageOnlyPages: facts.document.imageOnlyPages,
        encrypted: reading.encrypted,
        ms: reading.ms,
      };
    } else {
      facts.pdfRead = { ok: false, reason: reading.reason, detail: reading.detail, ms: reading.ms };
    }
    return facts;
  }
  if (!isDecodable(sniffed.type) && !(sniffed.type === 'heic' && heicDecoder())) return facts;
  // The decoders read the bytes this handle read, never the path again: what was checked is what
  // is decoded. Past maxReadBytes, Linux's /proc/self/fd names this same open file.
  const viaFd = platform() === 'linux' ? `/proc/self/fd/${handle.fd}` : undefined;
  // A JPEG on Linux is decoded through the handle's name with shrink-on-load: no need to hold its bytes.
  const input: string | Uint8Array =
    size <= HEAD_BYTES
      ? head
      : sniffed.type === 'jpeg' && viaFd
        ? viaFd
        : size <= limits.maxReadBytes
          ? await readRange(handle, size, limits.maxReadBytes)
          : (viaFd ?? file);
  if (sniffed.type === 'heic') return probeHeic(input, facts, options);

  const sharp = loadSharp();
  let header: ImageHeader;
  try {
    // A JPEG's header comes from the bytes already read: libvips given a file name
    // probes it with every loader (about 60 stat/open calls per file); given bytes, none.
    const fromHead =
      sniffed.type === 'jpeg'
        ? await sharp(head, { limitInputPixels: false })
            .metadata()
            .catch(() => undefined)
        : undefined;
    const meta = fromHead ?? (await sharp(input, { limitInputPixels: false, pages: -1 }).metadata());
    const width = meta.width ?? 0;
    // Animated images report the height of all frames stacked; one frame is pageHeight.
    const height = meta.pageHeight ?? meta.height ?? 0;
    const orientation = meta.orientation ?? 1;
    const swapped = orientation >= 5;
    const density = sniffed.type === 'jpeg' ? readJpegDensity(head) : undefined;
    header = {
      format: meta.format ?? sniffed.type,
      width,
      height,
      orientation,
      orientedWidth: swapped ? height : width,
      orientedHeight: swapped ? width : height,
      space: meta.space ?? 'unknown',
      channels: meta.channels ?? 0,
      depth: meta.depth ?? 'uchar',
      hasAlpha: meta.hasAlpha ?? false,
      pages: meta.pages ?? 1,
      jfifDpi: density?.jfif ? jfifToDpi(density.jfif) : null,
      exifDpi: density?.exif
        ? Math.round(density.exif.unit === 3 ? density.exif.x * CM_PER_INCH : density.exif.x)
        : null,
    };
    facts.image = header;
  } catch (error) {
    facts.decodeError = cleanMessage(error);
    return facts;
  }

  if (header.width * header.height > pixelLimitFor(sniffed.type, limits.maxPixels)) {
    facts.refusedPixels = header.width * header.height;
    return facts;
  }

  // A JPEG is decoded at the DCT scale chosen for it (shrink-on-load, exactly: libvips reads the
  // `[shrink=N]` load option from the name, here Linux's /proc/self/fd name of the handle already
  // checked, so the decoded file is still the one that was opened); other inputs are reduced by the
  // same factor.
  const byName = sniffed.type === 'jpeg' && viaFd !== undefined;
  return probePixels(
    (scale) =>
      sharp(byName && scale > 1 ? `${viaFd}[shrink=${scale}]` : input, {
        limitInputPixels: limits.maxPixels,
        failOn: 'truncated',
      }).rotate(),
    byName,
    header,
    facts,
    options,
  );
}

/** HEIC through libheif (WebAssembly): header facts from the decoded image, then the same content checks. */
async function probeHeic(file: string | Uint8Array, facts: FileFacts, options: ProbeOptions): Promise<FileFacts> {
  const limits = ruleValue(options.ruleSet, 'upload.image');
  let decoded: Awaited<ReturnType<typeof decodeHeic>>;
  try {
    decoded = await decodeHeic(file, limits.maxPixels, (picture) => probeSize(picture, options));
  } catch (error) {
    facts.decodeError = cleanMessage(error);
    return facts;
  }
  const { width, height } = 'refused' in decoded ? decoded : decoded.picture;
  const header: ImageHeader = {
    format: 'heif',
    width,
    height,
    orientation: 1,
    orientedWidth: width,
    orientedHeight: height,
    space: 'srgb',
    channels: 3,
    depth: 'uchar',
    hasAlpha: false,
    pages: 1,
    jfifDpi: null,
    exifDpi: null,
  };
  facts.image = header;
  if ('refused' in decoded) {
    facts.refusedPixels = width * height;
    return facts;
  }
  const sharp = loadSharp();
  const { data, width: w, height: h } = decoded;
  return probePixels(() => sharp(data, { raw: { width: w, height: h, channels: 3 } }), false, header, facts, options);
}

/**
 * The fewest pixels the probe of a picture this size reads (so a HEIC can be decoded reduced): the
 * photo's sample, or the scan's exact-scale sample, and the face detector's. Pure.
 */
function probeSize(picture: { width: number; height: number }, options: ProbeOptions) {
  if (options.role === 'photo') {
    const side = Math.max(sampleSide(options), ruleValue(options.ruleSet, 'upload.photo.face').decodeSize);
    const shrink = Math.min(1, side / Math.max(picture.width, picture.height));
    return { width: picture.width * shrink, height: picture.height * shrink };
  }
  const scale = decodeScale(picture.width, picture.height, sampleSide(options));
  return { width: Math.ceil(picture.width / scale), height: Math.ceil(picture.height / scale) };
}

/** The statistics sample's side: the photo's fit-inside size, a scan's least long side. */
const sampleSide = (options: ProbeOptions) =>
  options.role === 'photo'
    ? ruleValue(options.ruleSet, 'upload.image').photoDecodeSize
    : ruleValue(options.ruleSet, 'upload.scan.sharpness').decodeSize;

/** Decodes in flight across the process (a batch probes many files at once). */
const decodes = createGate();

/** The JPEG DCT scales libjpeg decodes directly (shrink-on-load), largest first. */
const DCT_SCALES = [8, 4, 2] as const;

/**
 * The decode scale for an image: the largest of 1/8, 1/4, 1/2 that keeps the long side at least
 * `minSide`, else 1. The sample is then exactly ceil(side / scale): what libjpeg's
 * scaled IDCT gives, with no resample after it, and between minSide and twice that, so the
 * Laplacian thresholds stored with minSide hold. Pure.
 */
export function decodeScale(width: number, height: number, minSide: number): number {
  const long = Math.max(width, height);
  for (const scale of DCT_SCALES) if (Math.ceil(long / scale) >= minSide) return scale;
  return 1;
}

/**
 * One small decode and the content statistics of it. `source(scale)` gives the image as EXIF
 * says it stands, already reduced by `scale` when `scaled` (a JPEG's shrink-on-load); otherwise it
 * is reduced here to the same size. A photo whose face says the picture stands sideways or upside
 * down is measured again turned upright (`header.turn`: the small decode is turned, never the
 * picture), its faces then the ones found on the turned sample (`turnedFaces`).
 */
async function probePixels(
  source: (scale: number) => Sharp,
  scaled: boolean,
  header: ImageHeader,
  facts: FileFacts,
  options: ProbeOptions,
  turnedFaces?: Detection,
): Promise<FileFacts> {
  const sharp = loadSharp();
  const limits = ruleValue(options.ruleSet, 'upload.image');
  const minSide = sampleSide(options);
  // The photo keeps the sample its thresholds were set on (fit inside photoDecodeSize): most photos
  // are 295×413 and decode whole; a phone-size one shrinks on load, then a resample of a few
  // hundred pixels. Scans, the costly files, decode at an exact DCT scale.
  const photo = options.role === 'photo';
  const scale = photo ? 1 : decodeScale(header.width, header.height, minSide);
  // Colour matters for the photo (background, greyscale) and the work proof (red seal). Other
  // scans need only luminance: their green channel stands in for it (0.59 of luma), a third of
  // the pixels for the JS checks and no colour conversion in libvips (greyscale() costs ~15%).
  const colour =
    options.role === 'photo' ||
    options.role === 'work-proof' ||
    header.space !== 'srgb' ||
    header.channels < 3 ||
    header.hasAlpha;
  // At most decodesAtOnce small decodes alive (decoded, not yet measured): while the photo models
  // hold the main thread, libvips keeps finishing decodes whose pixels would otherwise pile up.
  const release = await decodes.enter(limits.decodesAtOnce);
  try {
    try {
      let decoder = source(scaled ? scale : 1);
      if (photo) decoder = decoder.resize({ width: minSide, height: minSide, fit: 'inside', withoutEnlargement: true });
      else if (!scaled && scale > 1) {
        decoder = decoder.resize({
          width: Math.ceil(header.orientedWidth / scale),
          height: Math.ceil(header.orientedHeight / scale),
          fit: 'fill',
        });
      }
      if (header.hasAlpha) decoder = decoder.flatten({ background: '#ffffff' });
      // An 8-bit sRGB input needs no colour conversion; anything else (CMYK, 16-bit, grey) is brought to it.
      const plainRgb = header.space === 'srgb' && header.channels === 3 && header.depth === 'uchar';
      const decoded = await (colour ? (plainRgb ? decoder : decoder.toColourspace('srgb')) : decoder.extractChannel(1))
        .raw()
        .toBuffer({ resolveWithObject: true });
      const { data: buffer, info } = header.turn ? await turnRaw(decoded.data, decoded.info, header.turn) : decoded;
      // A plain Uint8Array, never a Buffer: the statistics' loops then see one array type (monomorphic).
      const data = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
      if (!colour) {
        facts.content = greyStats(data, info.width, info.height);
        return facts;
      }
      const rgb = info.channels === 3 ? data : toRgb(data, info.channels);
      if (options.thumbnailSize) {
        const jpeg = await sharp(rgb, { raw: { width: info.width, height: info.height, channels: 3 } })
          .resize({
            width: options.thumbnailSize,
            height: options.thumbnailSize,
            fit: 'inside',
            withoutEnlargement: true,
          })
          .jpeg({ quality: 60 })
          .toBuffer();
        facts.thumbnail = `data:image/jpeg;base64,${jpeg.toString('base64')}`;
      }
      const background = ruleValue(options.ruleSet, 'upload.photo.background');
      facts.content = contentStats(rgb, info.width, info.height, {
        patchShare: background.patchShare,
        backgroundDistance: ruleValue(options.ruleSet, 'upload.photo.position').backgroundDistance,
        subject: options.role === 'photo',
        ...(options.role === 'work-proof' ? { red: ruleValue(options.ruleSet, 'upload.seal') } : {}),
      });
    } catch (error) {
      facts.decodeError = cleanMessage(error);
      return facts;
    }
  } finally {
    release();
  }
  if (options.role !== 'photo') return facts;
  const rule = ruleValue(options.ruleSet, 'upload.photo.face');
  if (turnedFaces) {
    facts.face = faceFacts(turnedFaces.faces, turnedFaces.width, turnedFaces.height, rule.minScore, turnedFaces.rgb);
    return facts;
  }
  const seen = await detectFaces(source(1), facts, options.ruleSet);
  if (seen === null) return facts;
  const found = await findTurn(seen, options.ruleSet);
  if (found === undefined) return facts;
  // Measured again as the picture stands upright: size, statistics; the faces found turned.
  const { turn } = found;
  const quarter = turn !== 180;
  facts.image = {
    ...header,
    turn,
    orientedWidth: quarter ? header.orientedHeight : header.orientedWidth,
    orientedHeight: quarter ? header.orientedWidth : header.orientedHeight,
  };
  delete facts.content;
  delete facts.face;
  // The thumbnail stays the picture as stored: a report shows what the candidate brought.
  const { thumbnailSize: _asStored, ...measure } = options;
  return probePixels(source, scaled, facts.image, facts, measure, found.detection);
}

function jfifToDpi(jfif: { units: 0 | 1 | 2; x: number }): number | null {
  if (jfif.units === 1) return jfif.x;
  if (jfif.units === 2) return Math.round(jfif.x * CM_PER_INCH);
  return null;
}

function toRgb(data: Uint8Array, channels: number): Uint8Array {
  const pixels = data.length / channels;
  const rgb = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p += 1) {
    const v = data[p * channels]!;
    rgb[p * 3] = channels >= 3 ? data[p * channels]! : v;
    rgb[p * 3 + 1] = channels >= 3 ? data[p * channels + 1]! : v;
    rgb[p * 3 + 2] = channels >= 3 ? data[p * channels + 2]! : v;
  }
  return rgb;
}

/** libvips messages carry paths and newlines; keep the first line, without the path. */
const cleanMessage = (error: unknown) =>
  String((error as Error)?.message ?? error)
    .split('\n')[0]!
    .slice(0, 200);
