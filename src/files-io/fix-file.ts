/**
 * Write a compliant copy of a photo or scan. The original is only read. Pixels are decoded and
 * resized once to raw; the JPEG quality search encodes that raw buffer only, and the bytes
 * returned are exactly the bytes that were measured (density is patched in before measuring).
 */
import type { FileFacts } from '../model/files.js';
import type { RuleSet } from '../model/rules.js';
import { ruleValue } from '../rules/rule-access.js';
import { withJfifDensity } from '../files/jpeg-header.js';
import { isDecodable, MM_PER_INCH } from '../files/measures.js';
import type { Sharp } from 'sharp';
import { loadSharp } from './load-sharp.js';
import { createGate } from './gate.js';
import { loadPhotoModels, type PhotoModels } from './photo-models.js';
import { cropFromFace, cutOut, matteDoubts, matteTop, settleCrop, whiten } from '../files/photo-whiten.js';
import { uprightSource } from './probe-file.js';

export type FixResult =
  | {
      ok: true;
      bytes: Uint8Array;
      width: number;
      height: number;
      quality: number;
      dpi: number;
      inWindow: boolean;
      encodes: number;
      /** issue 11: the background was made white from a person matte; why that matte may be wrong. */
      whitened?: boolean;
      doubts?: string[];
    }
  | {
      ok: false;
      reason:
        | 'heic'
        | 'pdf'
        | 'undecodable'
        | 'too-small'
        | 'too-many-pixels'
        | 'missing'
        | 'cannot-shrink'
        | 'would-overwrite'
        | 'faces';
      args?: Record<string, number>;
    };

interface Raw {
  data: Buffer;
  width: number;
  height: number;
}

async function encode(raw: Raw, quality: number, dpi: number): Promise<Uint8Array> {
  const sharp = loadSharp();
  // The raw input carries no metadata, so nothing private (GPS, camera) can leak into the copy;
  // withMetadata adds only the EXIF resolution, and JFIF gets the same density below.
  const jpeg = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 3 } })
    .withMetadata({ density: dpi })
    .jpeg({ quality, chromaSubsampling: quality >= 90 ? '4:4:4' : '4:2:0', mozjpeg: false })
    .toBuffer();
  return withJfifDensity(jpeg, dpi);
}

/**
 * The highest quality whose size fits under `max`, preferring sizes at or above `min`.
 * Binary search on quality over the final raw pixels (size grows with quality).
 */
async function searchQuality(
  raw: Raw,
  dpi: number,
  window: { min: number; max: number },
  range = { low: 40, high: 95 },
) {
  let encodes = 0;
  const tryQ = async (quality: number) => {
    encodes += 1;
    return { quality, bytes: await encode(raw, quality, dpi) };
  };
  let best = await tryQ(range.high);
  if (best.bytes.length <= window.max) {
    if (best.bytes.length < window.min) {
      const top = await tryQ(100);
      if (top.bytes.length <= window.max) best = top;
    }
    return { ...best, encodes };
  }
  let low = range.low;
  let high = range.high - 1;
  let fit: typeof best | undefined;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const attempt = await tryQ(mid);
    if (attempt.bytes.length <= window.max) {
      fit = attempt;
      low = mid + 1;
    } else high = mid - 1;
  }
  return { ...(fit ?? (await tryQ(range.low))), encodes };
}

/** Decode once, upright, flattened on white, sRGB, 3 channels; `shape` resizes (and crops). */
async function decodeRaw(facts: FileFacts, ruleSet: RuleSet, shape: (image: Sharp) => Sharp): Promise<Raw> {
  const sharp = loadSharp();
  // Same tolerance as the probe: what passed the checks must decode here too.
  void sharp;
  const image = await uprightSource(facts, ruleValue(ruleSet, 'upload.image').maxPixels);
  const { data, info } = await shape(image)
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function refuse(facts: FileFacts): FixResult | undefined {
  if (!facts.exists || !facts.readable || facts.bytes === 0) return { ok: false, reason: 'missing' };
  if (facts.sniffed === 'heic' && !facts.image) return { ok: false, reason: 'heic' };
  if (facts.sniffed === 'pdf') return { ok: false, reason: 'pdf' };
  if (facts.refusedPixels !== undefined) return { ok: false, reason: 'too-many-pixels' };
  if ((!isDecodable(facts.sniffed) && facts.sniffed !== 'heic') || facts.decodeError || !facts.image)
    return { ok: false, reason: 'undecodable' };
  return undefined;
}

/** A photo's fixed copy; one fix at a time in the process (see oneAtATime). */
export const fixPhoto = (facts: FileFacts, ruleSet: RuleSet): Promise<FixResult> =>
  oneAtATime(() => fixPhotoNow(facts, ruleSet));

async function fixPhotoNow(facts: FileFacts, ruleSet: RuleSet): Promise<FixResult> {
  const refused = refuse(facts);
  if (refused) return refused;
  // issue 11: with exactly one face, crop around it and make the background white. Several
  // faces: no crop can tell whose photo it is. No face (or no models): converted and cropped by
  // the mask heuristic as before, and the copy's check keeps photo.face.
  if (facts.face && facts.face.faces.length > 1)
    return { ok: false, reason: 'faces', args: { faces: facts.face.faces.length } };
  if (facts.face?.faces.length === 1) {
    const state = await loadPhotoModels();
    if (state.ok) return fixPhotoFromFace(facts, ruleSet, state.models);
  }
  const image = facts.image!;
  const output = ruleValue(ruleSet, 'upload.photo.output');
  const aspect = ruleValue(ruleSet, 'upload.photo.aspect');
  const w = image.orientedWidth;
  const h = image.orientedHeight;
  const target = aspect.width / aspect.height;

  // The largest 25:35 box inside the image, centred on the head, with a little space above it.
  const cropW = w / h > target ? Math.round(h * target) : w;
  const cropH = w / h > target ? h : Math.round(w / target);
  if (cropW < output.width || cropH < output.height) {
    return {
      ok: false,
      reason: 'too-small',
      args: { width: w, height: h, minWidth: output.width, minHeight: output.height },
    };
  }
  const subject = facts.content?.subject;
  const position = ruleValue(ruleSet, 'upload.photo.position');
  const centreX = (subject?.headCentre ?? 0.5) * w;
  const left = clamp(Math.round(centreX - cropW / 2), 0, w - cropW);
  const headTop = (subject?.top ?? 0) * h;
  const margin = ((position.headTopMin + position.headTopMax) / 2) * cropH;
  const top = clamp(Math.round(headTop - margin), 0, h - cropH);

  // Resize first, then extract, so JPEG shrink-on-load still applies.
  const scale = output.width / cropW;
  const resizedW = Math.max(output.width, Math.round(w * scale));
  const resizedH = Math.max(output.height, Math.round(h * scale));
  const raw = await decodeRaw(facts, ruleSet, (img) =>
    img.resize({ width: resizedW, height: resizedH, fit: 'fill' }).extract({
      left: clamp(Math.round(left * scale), 0, resizedW - output.width),
      top: clamp(Math.round(top * scale), 0, resizedH - output.height),
      width: output.width,
      height: output.height,
    }),
  );
  return encodePhoto(raw, ruleSet);
}

/** The photo's final pixels → a JPEG inside the byte window, at the guides' density, as bytes measured once. */
async function encodePhoto(raw: { data: Buffer; width: number; height: number }, ruleSet: RuleSet) {
  const official = ruleValue(ruleSet, 'upload.photo.bytes');
  const guides = ruleValue(ruleSet, 'upload.photo.bytes-guides');
  const window = { min: Math.max(official.min, guides.min), max: guides.max };
  const dpi = ruleValue(ruleSet, 'upload.photo.density-guides').min;
  const found = await searchQuality(raw, dpi, window);
  return {
    ok: true as const,
    bytes: found.bytes,
    width: raw.width,
    height: raw.height,
    quality: found.quality,
    dpi,
    inWindow: found.bytes.length >= window.min && found.bytes.length <= window.max,
    encodes: found.encodes,
  };
}

/** Work size decode → crop from the face → segment a region around it → white → 295×413 → KB search. */
/**
 * Fixes run one at a time (issue 15): a fix decodes the whole image upright (a phone scan is tens
 * of MB of raw pixels), and a photo's face-based fix also holds its matte as floats and the
 * whitened copy; a batch's parallel applicants stacked those up (fuzz batch --fix peaks 232–272 MB
 * at 200 applicants). Checking, the bulk of a batch, stays parallel.
 */
const fixes = createGate();
const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => fixes.run(1, work);

async function fixPhotoFromFace(facts: FileFacts, ruleSet: RuleSet, models: PhotoModels): Promise<FixResult> {
  const sharp = loadSharp();
  const output = ruleValue(ruleSet, 'upload.photo.output');
  const rule = ruleValue(ruleSet, 'upload.photo.crop');
  const { hairAllowance } = ruleValue(ruleSet, 'upload.photo.face');
  const work = await decodeRaw(facts, ruleSet, (img) =>
    img.resize({ width: rule.workSize, height: rule.workSize, fit: 'inside', withoutEnlargement: true }),
  );
  const W = work.width;
  const H = work.height;
  const share = facts.face!.faces[0]!;
  const face = { left: share.left * W, top: share.top * H, right: share.right * W, bottom: share.bottom * H };
  let crop = cropFromFace(face, output, rule, hairAllowance);
  if (crop.width * rule.maxUpscale < output.width) {
    return {
      ok: false,
      reason: 'too-small',
      args: {
        width: Math.round(crop.width),
        height: Math.round(crop.height),
        minWidth: output.width,
        minHeight: output.height,
      },
    };
  }

  // Segment a region around the crop, not the whole frame (a small face segments badly).
  const marginX = crop.width * rule.roiMargin;
  const marginY = crop.height * rule.roiMargin;
  const roiLeft = clamp(Math.floor(crop.left - marginX), 0, W - 1);
  const roiTop = clamp(Math.floor(crop.top - marginY), 0, H - 1);
  const roiW = clamp(Math.ceil(crop.left + crop.width + marginX), roiLeft + 1, W) - roiLeft;
  const roiH = clamp(Math.ceil(crop.top + crop.height + marginY), roiTop + 1, H) - roiTop;
  const roiRgb = await sharp(work.data, { raw: { width: W, height: H, channels: 3 } })
    .extract({ left: roiLeft, top: roiTop, width: roiW, height: roiH })
    .raw()
    .toBuffer();
  const small = await sharp(roiRgb, { raw: { width: roiW, height: roiH, channels: 3 } })
    .resize({ width: rule.segmentSize, height: rule.segmentSize, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const smallAlpha = await models.segment(small.data, small.info.width, small.info.height);
  const alphaBytes = Buffer.from(Uint8Array.from(smallAlpha, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255)));
  const alphaFull = await sharp(alphaBytes, {
    raw: { width: small.info.width, height: small.info.height, channels: 1 },
  })
    .resize({ width: roiW, height: roiH, fit: 'fill', kernel: 'cubic' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  const alpha = Float32Array.from(alphaFull, (v) => v / 255);

  // The head top from the matte, over the face's columns; the crop settles on it.
  const hair = matteTop(alpha, roiW, roiH, { from: face.left - roiLeft, to: face.right - roiLeft });
  const hairTop = hair === null ? null : hair + roiTop;
  crop = settleCrop(crop, hairTop, H, rule);
  const faceH = face.bottom - face.top;
  const hairLost = hairTop === null || hairTop > face.top - HAIR_LOST_SHARE * faceH;

  const white = whiten(new Uint8Array(roiRgb.buffer, roiRgb.byteOffset, roiRgb.byteLength), alpha, roiW, roiH, rule);
  const cut = cutOut(
    { rgb: white.rgb, alpha: white.alpha, width: roiW, height: roiH, left: roiLeft, top: roiTop },
    crop,
  );
  const doubts = matteDoubts(
    cut.alpha,
    cut.width,
    cut.height,
    face.bottom - Math.round(crop.top),
    hairLost,
    white.unsureShare,
    rule,
  );
  const resized = await sharp(cut.rgb, { raw: { width: cut.width, height: cut.height, channels: 3 } })
    .resize({ width: output.width, height: output.height, fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { data: resized.data, width: resized.info.width, height: resized.info.height };
  return { ...(await encodePhoto(raw, ruleSet)), whitened: true, doubts };
}

/** The matte's top must reach this share of the face height above the brow, or the hair was lost. */
const HAIR_LOST_SHARE = 0.1;

/** A scan's fixed copy; one fix at a time in the process (see oneAtATime). */
export const fixScan = (facts: FileFacts, ruleSet: RuleSet): Promise<FixResult> =>
  oneAtATime(() => fixScanNow(facts, ruleSet));

async function fixScanNow(facts: FileFacts, ruleSet: RuleSet): Promise<FixResult> {
  const refused = refuse(facts);
  if (refused) return refused;
  const image = facts.image!;
  const spec = ruleValue(ruleSet, 'upload.roles')[facts.role];
  const resolution = ruleValue(ruleSet, 'upload.scan.resolution');
  const hard = ruleValue(ruleSet, 'upload.scan.bytes').max;
  const soft = ruleValue(ruleSet, 'upload.scan.bytes-guides').max;
  const long = Math.max(image.orientedWidth, image.orientedHeight);
  const docLongInches = Math.max(spec.document?.widthMm ?? 297, spec.document?.heightMm ?? 210) / MM_PER_INCH;
  // Never more pixels than the good resolution needs, never fewer than the minimum allows.
  const goodLong = Math.round(docLongInches * resolution.goodDpi);
  const minLong = Math.round(docLongInches * resolution.minDpi);
  let targetLong = Math.min(long, goodLong);
  let encodes = 0;
  for (;;) {
    const size = targetLong;
    const raw = await decodeRaw(facts, ruleSet, (img) =>
      img.resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true }),
    );
    const dpi = Math.round(Math.max(raw.width, raw.height) / docLongInches);
    const found = await searchQuality(raw, dpi, { min: 0, max: soft }, { low: 60, high: 90 });
    encodes += found.encodes;
    const fits = found.bytes.length <= soft;
    const next = Math.round(targetLong * 0.85);
    if (fits || next < minLong) {
      if (!fits && found.bytes.length > hard)
        return { ok: false, reason: 'cannot-shrink', args: { bytes: found.bytes.length, max: hard } };
      return {
        ok: true,
        bytes: found.bytes,
        width: raw.width,
        height: raw.height,
        quality: found.quality,
        dpi,
        inWindow: fits,
        encodes,
      };
    }
    targetLong = next;
  }
}

const clamp = (v: number, low: number, high: number) => Math.min(Math.max(v, low), Math.max(low, high));
