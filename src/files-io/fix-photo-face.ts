/**
 * A photo a reviewer accepts, or an honest refusal. From the face the probe found:
 *   1. refuse what no edit can mend: a pose beyond the norm, eyes covered or closed, a head rolled
 *      past the straightening limit, another person as large as the candidate;
 *   2. decode the picture at a scale that carries the output's pixels, take the region around the
 *      face and rotate it level;
 *   3. segment the person, refine the matte against the full-resolution picture, keep only the
 *      candidate;
 *   4. fit the frame inside the picture and the norm (or say which edge is missing);
 *   5. correct light gently, replace the background only when it is not white, cut, resize
 *      (never enlarge), measure the written pixels against the norm, encode.
 * Pure steps live in src/files/ (face-landmarks, photo-frame, photo-matte, photo-light,
 * photo-norms); this module decodes, calls the models and passes buffers between them.
 */
import type { FaceBox, FileFacts } from '../model/files.js';
import type { RuleSet } from '../model/rules.js';
import { ruleValue } from '../rules/rule-access.js';
import { eyeRoll } from '../files/face-landmarks.js';
import { boundsOf, cornersOf, fitFrame, overlapShare, type Point, type Rect, whereIs } from '../files/photo-frame.js';
import { applyLight, lightBackground, planLight } from '../files/photo-light.js';
import {
  distanceFromBackground,
  gateByColour,
  keepCandidate,
  localBackground,
  COARSE_SLOT,
  matteTop,
  type Planes,
  planeStore,
  refineMatte,
  unmixMatte,
  whitenLocal,
} from '../files/photo-matte.js';
import { measureWritten, normProblems } from '../files/photo-norms.js';
import { encodePhoto } from './encode-jpeg.js';
import { uprightRegion } from './upright-source.js';
import type { FixRefusal, FixResult, PhotoChange, PhotoView } from './fix-result.js';
import { loadSharp } from './load-sharp.js';
import type { PhotoModels } from './photo-models.js';

type Box = { left: number; top: number; right: number; bottom: number };

const refusal = (reason: FixRefusal, view?: PhotoView, args?: Record<string, number | string>): FixResult => ({
  ok: false,
  reason,
  ...(args ? { args } : {}),
  ...(view ? { view } : {}),
});

const faceArea = (f: Box) => (f.right - f.left) * (f.bottom - f.top);
const asMark = (f: Box, kind: 'face' | 'problem') => ({
  left: f.left,
  top: f.top,
  right: f.right,
  bottom: f.bottom,
  kind,
});

/**
 * Maps between the source picture (pixels of the upright original) and the straightened region
 * (pixels of the decoded region after sharp's rotate, whose canvas grows to hold the corners).
 * sharp turns by `degrees` clockwise about the region's centre.
 */
class RegionMap {
  private readonly cos: number;
  private readonly sin: number;
  private readonly region: Rect;
  private readonly scale: number;
  private readonly outWidth: number;
  private readonly outHeight: number;
  constructor(region: Rect, scale: number, degrees: number, outWidth: number, outHeight: number) {
    const t = (degrees * Math.PI) / 180;
    this.cos = Math.cos(t);
    this.sin = Math.sin(t);
    this.region = region;
    this.scale = scale;
    this.outWidth = outWidth;
    this.outHeight = outHeight;
  }
  forward([x, y]: Point): Point {
    const dx = x * this.scale - this.region.left - this.region.width / 2;
    const dy = y * this.scale - this.region.top - this.region.height / 2;
    return [this.outWidth / 2 + dx * this.cos - dy * this.sin, this.outHeight / 2 + dx * this.sin + dy * this.cos];
  }
  back([x, y]: Point): Point {
    const dx = x - this.outWidth / 2;
    const dy = y - this.outHeight / 2;
    const rx = dx * this.cos + dy * this.sin + this.region.width / 2 + this.region.left;
    const ry = -dx * this.sin + dy * this.cos + this.region.height / 2 + this.region.top;
    return [rx / this.scale, ry / this.scale];
  }
  /** Is a straightened point backed by a pixel of the decoded region (not the rotation's fill)? */
  inside(p: Point): boolean {
    const [x, y] = this.back(p);
    const sx = x * this.scale - this.region.left;
    const sy = y * this.scale - this.region.top;
    return sx >= -0.5 && sy >= -0.5 && sx <= this.region.width + 0.5 && sy <= this.region.height + 0.5;
  }
}

/**
 * One photo's fix, with one store of matte planes (photo-matte.ts, Planes); a retry with a wider
 * region grows them, which allocates again.
 */
export const fixPhotoFromFace = (facts: FileFacts, ruleSet: RuleSet, models: PhotoModels): Promise<FixResult> =>
  fixWithPlanes(facts, ruleSet, models, planeStore());

async function fixWithPlanes(
  facts: FileFacts,
  ruleSet: RuleSet,
  models: PhotoModels,
  planes: Planes,
): Promise<FixResult> {
  const output = ruleValue(ruleSet, 'upload.photo.output');
  const norm = ruleValue(ruleSet, 'upload.photo.written');
  const retouch = ruleValue(ruleSet, 'upload.photo.retouch');
  const image = facts.image!;
  const W = image.orientedWidth;
  const H = image.orientedHeight;
  const faces = facts.face!.faces;
  const chosen = faces[0]!;
  const faceMark = asMark(chosen, 'face');

  // 1. What no edit can mend.
  // Another whole face as large as the candidate's: whose photo is it? A face cut by the
  // picture's edge is a bystander's; it only matters if it reaches into the frame (below).
  const edge = retouch.edgeMargin;
  for (const other of faces.slice(1)) {
    const cutByEdge = other.left <= edge || other.top <= edge || other.right >= 1 - edge || other.bottom >= 1 - edge;
    if (!cutByEdge && faceArea(other) >= retouch.otherFaceArea * faceArea(chosen))
      return refusal(`faces-${whereIs(other, chosen)}`, { marks: [faceMark, asMark(other, 'problem')] });
  }
  if (Math.abs(chosen.yaw) > norm.maxYaw)
    return refusal('pose-yaw', { marks: [asMark(chosen, 'problem')] }, { yaw: Math.round(chosen.yaw) });
  if (Math.abs(chosen.pitch) > norm.maxPitch)
    return refusal('pose-pitch', { marks: [asMark(chosen, 'problem')] }, { pitch: Math.round(chosen.pitch) });
  const marks = chosen.landmarks;
  if (marks && marks.eyeShade < retouch.eyeShadeMin)
    return refusal('eyes-covered', { marks: [eyeMark(chosen)] }, { shade: marks.eyeShade });
  if (marks && marks.eyeOpen < retouch.eyeOpenMin)
    return refusal('eyes-closed', { marks: [eyeMark(chosen)] }, { open: marks.eyeOpen });
  // The eye line's roll and the detector's share a sign: positive leans clockwise.
  const measuredRoll = marks ? eyeRoll(marks, W, H) : chosen.roll;
  if (Math.abs(measuredRoll) > retouch.maxStraighten)
    return refusal('tilt', { marks: [asMark(chosen, 'problem')] }, { roll: Math.round(measuredRoll) });
  const roll = Math.abs(measuredRoll) <= retouch.levelWithin ? 0 : measuredRoll;
  // A black-and-white photo: colour cannot be invented.
  if (facts.content && facts.content.chroma <= ruleValue(ruleSet, 'upload.photo.colour').maxGreyChroma)
    return refusal('grey', { marks: [faceMark] });

  // 2–4. The region around the face, its matte and the frame; once more with a wider region when
  // the frame ran into the region's edge rather than the picture's.
  const crop = ruleValue(ruleSet, 'upload.photo.crop');
  let prepared = await prepareRegion(facts, ruleSet, models, planes, roll, crop.roiMargin);
  let fitted = fitIn(prepared, ruleSet);
  if (!fitted.ok && fitted.problem !== 'too-small' && !prepared.wholePicture) {
    prepared = await prepareRegion(facts, ruleSet, models, planes, roll, crop.roiMargin * WIDER);
    fitted = fitIn(prepared, ruleSet);
  }
  const { map, rgb, width: RW, height: RH, face, matte, background, hairTop, guessH } = prepared;
  const frameOnOriginal = (frame: Rect): [number, number][] =>
    cornersOf(frame).map((p) => {
      const [x, y] = map.back(p);
      return [x / W, y / H];
    });
  if (!fitted.ok) {
    const width = (guessH * output.width) / output.height;
    const preferred = {
      left: (face.left + face.right) / 2 - width / 2,
      top: hairTop - crop.headTop * guessH,
      width,
      height: guessH,
    };
    const view = { frame: frameOnOriginal(preferred), marks: [faceMark] };
    if (fitted.problem === 'too-small')
      return refusal('too-small', view, {
        height: Math.round((face.bottom - hairTop) / norm.headHeightMin),
        minHeight: output.height,
      });
    return refusal(`frame-${fitted.problem}`, view);
  }
  const frame = fitted.frame;
  const frameCorners = frameOnOriginal(frame);

  // Another face inside the frame: whose photo is it? Where it is, so the person can crop it off.
  for (const other of faces.slice(1)) {
    const box = boundsOf(
      cornersOf({
        left: other.left * W,
        top: other.top * H,
        width: (other.right - other.left) * W,
        height: (other.bottom - other.top) * H,
      }).map((p) => map.forward(p)),
    );
    if (overlapShare(box, frame) > retouch.otherFaceInFrame)
      return refusal(`faces-${whereIs(other, chosen)}`, {
        frame: frameCorners,
        marks: [faceMark, asMark(other, 'problem')],
      });
  }

  // 5. Light, background, cut, resize, measure, encode.
  const sharp = loadSharp();
  const light = planLight(rgb, RW, face, retouch);
  if (light.problem)
    return refusal(
      `light-${light.problem}`,
      { frame: frameCorners, marks: [asMark(chosen, 'problem')] },
      { luma: light.faceLuma, cast: light.cast },
    );
  // The region's pixels, the background's colour and the lit pixels are each changed in place
  // from here on: nothing reads them as they were (photo-matte.ts, Planes, on why it matters).
  const lit = applyLight(rgb, light, rgb);
  // The frame in whole pixels, inside the region (rounding never pushes it past an edge).
  const fw = Math.min(RW, Math.round(frame.width));
  const fh = Math.min(RH, Math.round(frame.height));
  const fx = clampInt(Math.round(frame.left), 0, RW - fw);
  const fy = clampInt(Math.round(frame.top), 0, RH - fh);
  const needsWhite = backgroundNotWhite(lit, matte, RW, { left: fx, top: fy, width: fw, height: fh }, norm, retouch);
  const composed = needsWhite
    ? whitenLocal(
        lit,
        matte,
        light.changed ? lightBackground(background, light, background.planes) : background,
        { clear: crop.backgroundAlpha, solid: crop.foregroundAlpha },
        lit,
      ).rgb
    : lit;
  const cut = await sharp(Buffer.from(composed.buffer, composed.byteOffset, composed.length), {
    raw: { width: RW, height: RH, channels: 3 },
  })
    .extract({ left: fx, top: fy, width: fw, height: fh })
    .resize({ width: output.width, height: output.height, fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const matteCut = await sharp(toBytes(matte), {
    raw: { width: RW, height: RH, channels: 1 },
  })
    .extract({ left: fx, top: fy, width: fw, height: fh })
    .resize({ width: output.width, height: output.height, fit: 'fill', kernel: 'linear' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  const outMatte = toShares(matteCut);
  const k = output.width / fw;
  const faceOut = {
    left: (face.left - fx) * k,
    top: (face.top - fy) * k,
    right: (face.right - fx) * k,
    bottom: (face.bottom - fy) * k,
  };
  const outRgb = new Uint8Array(cut.data.buffer, cut.data.byteOffset, cut.data.length);
  const upscale = output.height / fh;
  const measures = measureWritten(outRgb, outMatte, output.width, output.height, faceOut, upscale, norm);
  const replaced = needsWhite ? replacedMask(outMatte) : undefined;
  const view: PhotoView = { frame: frameCorners, marks: [faceMark], ...(replaced ? { replaced } : {}) };
  const problems = normProblems(measures, norm);
  if (problems.length) {
    const first = problems[0]!;
    const reason: FixRefusal =
      first === 'background'
        ? 'norm-background'
        : first === 'edge'
          ? 'norm-edge'
          : first === 'centre'
            ? 'norm-centre'
            : first === 'upscale'
              ? 'too-small'
              : 'norm-head';
    return refusal(reason, view, {
      problems: problems.join(','),
      ...measures,
      gamma: light.gamma,
      cast: light.cast,
      faceLuma: light.faceLuma,
    });
  }
  const changes: PhotoChange[] = [
    ...(image.turn !== undefined ? (['turn'] as const) : []),
    ...(roll !== 0 ? (['straighten'] as const) : []),
    'crop',
    ...(light.changed ? (['light'] as const) : []),
    ...(needsWhite ? (['background'] as const) : []),
    'resize',
    'encode',
  ];
  const encoded = await encodePhoto({ data: cut.data, width: output.width, height: output.height }, ruleSet);
  return {
    ...encoded,
    whitened: needsWhite,
    changes,
    measures: {
      ...measures,
      roll: Math.round(measuredRoll * 10) / 10,
      gamma: light.gamma,
      cast: light.cast,
      faceLuma: light.faceLuma,
    },
    view,
  };
}

/** A retry's region margin, as a multiple of the rule's. */
const WIDER = 4;

interface Prepared {
  map: RegionMap;
  rgb: Uint8Array;
  width: number;
  height: number;
  /** The face in region pixels, straightened. */
  face: Box;
  matte: Float32Array;
  background: ReturnType<typeof localBackground>;
  hairTop: number;
  /** The preferred frame's height, in region pixels. */
  guessH: number;
  /** The region is the whole picture (a wider one cannot help). */
  wholePicture: boolean;
}

/**
 * Decode the region around the face (only it: libvips resizes and cuts while streaming), rotate it
 * level, segment the person and refine the matte to the candidate alone.
 */
async function prepareRegion(
  facts: FileFacts,
  ruleSet: RuleSet,
  models: PhotoModels,
  planes: Planes,
  roll: number,
  roiMargin: number,
): Promise<Prepared> {
  const sharp = loadSharp();
  const output = ruleValue(ruleSet, 'upload.photo.output');
  const crop = ruleValue(ruleSet, 'upload.photo.crop');
  const retouch = ruleValue(ruleSet, 'upload.photo.retouch');
  const { hairAllowance } = ruleValue(ruleSet, 'upload.photo.face');
  const W = facts.image!.orientedWidth;
  const H = facts.image!.orientedHeight;
  const chosen = facts.face!.faces[0]!;
  const toPx = ([x, y]: [number, number]): Point => [x * W, y * H];
  const outline: Point[] = chosen.landmarks
    ? chosen.landmarks.outline.map(toPx)
    : cornersOf({
        left: chosen.left * W,
        top: chosen.top * H,
        width: (chosen.right - chosen.left) * W,
        height: (chosen.bottom - chosen.top) * H,
      });
  const centre: Point = [((chosen.left + chosen.right) / 2) * W, ((chosen.top + chosen.bottom) / 2) * H];
  const turn = (degrees: number) => {
    const t = (degrees * Math.PI) / 180;
    return ([x, y]: Point): Point => {
      const dx = x - centre[0];
      const dy = y - centre[1];
      return [centre[0] + dx * Math.cos(t) - dy * Math.sin(t), centre[1] + dx * Math.sin(t) + dy * Math.cos(t)];
    };
  };
  const faceLevel = boundsOf(outline.map(turn(-roll)));
  const guess = preferredHeight(faceLevel, output, crop.faceArea);
  const guessTop = faceLevel.top - hairAllowance * (faceLevel.bottom - faceLevel.top) - crop.headTop * guess;
  const margin = guess * (0.5 + roiMargin);
  const levelRegion: Point[] = cornersOf({
    left: (faceLevel.left + faceLevel.right) / 2 - margin,
    top: guessTop - guess * roiMargin,
    width: 2 * margin,
    height: guess * (1 + 2 * roiMargin),
  });
  const want = boundsOf(levelRegion.map(turn(roll)));
  // Enough pixels that the frame is not enlarged, never more than the picture has.
  const scale = Math.min(1, (retouch.detail * output.height) / guess);
  const sw = Math.max(1, Math.round(W * scale));
  const sh = Math.max(1, Math.round(H * scale));
  const left = clampInt(Math.floor(want.left * scale), 0, sw - 1);
  const top = clampInt(Math.floor(want.top * scale), 0, sh - 1);
  const region = {
    left,
    top,
    width: clampInt(Math.ceil(want.right * scale), left + 1, sw) - left,
    height: clampInt(Math.ceil(want.bottom * scale), top + 1, sh) - top,
  };
  const decoded = await (await uprightRegion(facts, ruleValue(ruleSet, 'upload.image').maxPixels, sw, sh, region))
    .raw()
    .toBuffer({ resolveWithObject: true });
  const work = { data: decoded.data, width: decoded.info.width, height: decoded.info.height };
  const levelled = await sharp(work.data, { raw: { width: work.width, height: work.height, channels: 3 } })
    .rotate(roll === 0 ? 0 : -roll, { background: { r: 255, g: 255, b: 255 } })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const RW = levelled.info.width;
  const RH = levelled.info.height;
  const rgb = new Uint8Array(levelled.data.buffer, levelled.data.byteOffset, levelled.data.length);
  const map = new RegionMap(region, scale, roll === 0 ? 0 : -roll, RW, RH);
  const face = boundsOf(outline.map((p) => map.forward(p)));
  const faceW = face.right - face.left;
  const faceH = face.bottom - face.top;

  // The selfie model sees a square (Human squashes any other input to its 256×256 with a plain
  // bilinear step, and stretches the matte back the same way): handing it that square, shrunk here
  // with antialiasing, keeps its WebAssembly heap from growing for a region-sized input and output.
  const small = await sharp(levelled.data, { raw: { width: RW, height: RH, channels: 3 } })
    .resize({ width: crop.segmentSize, height: crop.segmentSize, fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const coarse = await models.segment(small.data, small.info.width, small.info.height);
  const upscaled = await sharp(toBytes(coarse), {
    raw: { width: small.info.width, height: small.info.height, channels: 1 },
  })
    .resize({ width: RW, height: RH, fit: 'fill', kernel: 'cubic' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  const coarseMatte = toShares(upscaled, planes.take(COARSE_SLOT, upscaled.length));
  // The old background's colour around the person, then the matte refined against how far each
  // pixel is from it (the edge runs where the picture stops looking like the backdrop).
  const background = localBackground(rgb, coarseMatte, RW, RH, faceW * 0.35, planes);
  const guide = distanceFromBackground(rgb, background, planes);
  const radius = crop.guidedRadius * Math.hypot(RW, RH);
  // Refined, then gated, unmixed and cut to the candidate in the same plane.
  const matte = refineMatte(guide, coarseMatte, RW, RH, radius, crop.guidedEps, planes);
  gateByColour(matte, coarseMatte, guide, matte);
  unmixMatte(rgb, matte, background, RW, RH, faceW * 0.05, planes, matte);
  keepCandidate(matte, RW, RH, face, { head: crop.headCorridor, body: crop.bodyCorridor }, planes, matte);
  const found = matteTop(matte, RW, RH, { from: face.left, to: face.right });
  const hairTop = found !== null && found < face.top - 0.1 * faceH ? found : face.top - hairAllowance * faceH;
  return {
    map,
    rgb,
    width: RW,
    height: RH,
    face,
    matte,
    background,
    hairTop,
    guessH: guess * scale,
    wholePicture: region.left === 0 && region.top === 0 && region.width === sw && region.height === sh,
  };
}

function fitIn(prepared: Prepared, ruleSet: RuleSet) {
  return fitFrame({
    face: prepared.face,
    hairTop: prepared.hairTop,
    inside: (p) => prepared.map.inside(p),
    out: ruleValue(ruleSet, 'upload.photo.output'),
    crop: ruleValue(ruleSet, 'upload.photo.crop'),
    norm: ruleValue(ruleSet, 'upload.photo.written'),
  });
}

/** The frame's height the crop rule prefers (the face `faceArea` of the frame's area). */
function preferredHeight(face: Box, out: { width: number; height: number }, share: number): number {
  return out.height * Math.sqrt(faceArea(face) / share / (out.width * out.height));
}

/** More than the norm's share of the frame's background is not white (so it must be replaced). */
function backgroundNotWhite(
  rgb: Uint8Array,
  matte: Float32Array,
  width: number,
  frame: Rect,
  norm: { backgroundMin: number },
  retouch: { replaceAbove: number },
): boolean {
  let short = 0;
  let all = 0;
  for (let y = frame.top; y < frame.top + frame.height; y += 1) {
    for (let x = frame.left; x < frame.left + frame.width; x += 1) {
      const p = y * width + x;
      all += 1;
      if (matte[p]! >= 0.5) continue;
      const i = p * 3;
      if (rgb[i]! < norm.backgroundMin || rgb[i + 1]! < norm.backgroundMin || rgb[i + 2]! < norm.backgroundMin)
        short += 1;
    }
  }
  return all > 0 && short / all > retouch.replaceAbove;
}

function replacedMask(matte: Float32Array): Uint8Array {
  const mask = new Uint8Array(matte.length);
  for (let p = 0; p < matte.length; p += 1) mask[p] = matte[p]! < 0.5 ? 1 : 0;
  return mask;
}

/** A box around both eyes, as shares of the original (where the preview points for sunglasses). */
function eyeMark(face: FaceBox) {
  const [[ax, ay], [bx, by]] = face.landmarks!.eyes;
  const w = Math.abs(bx - ax) * 0.5;
  return {
    left: Math.min(ax, bx) - w,
    top: Math.min(ay, by) - w * 0.6,
    right: Math.max(ax, bx) + w,
    bottom: Math.max(ay, by) + w * 0.6,
    kind: 'problem' as const,
  };
}

/** A 0–1 matte as bytes for sharp, and back (plain loops: typed-array `from` with a mapper is slow). */
function toBytes(matte: Float32Array): Buffer {
  const bytes = Buffer.allocUnsafe(matte.length);
  for (let p = 0; p < matte.length; p += 1) {
    const v = matte[p]!;
    bytes[p] = v <= 0 ? 0 : v >= 1 ? 255 : Math.round(v * 255);
  }
  return bytes;
}
function toShares(bytes: Uint8Array, matte: Float32Array = new Float32Array(bytes.length)): Float32Array {
  for (let p = 0; p < bytes.length; p += 1) matte[p] = bytes[p]! / 255;
  return matte;
}

const clampInt = (v: number, low: number, high: number) => Math.min(Math.max(v, low), Math.max(low, high));
