/**
 * The face facts of a photo, from the probe's decode fitted inside the detector's size: what the
 * face models see, turned to shares of the picture, and whether the picture stands sideways or
 * upside down (the turn that sets the face upright, found on the same small decode turned in
 * memory; see src/files/picture-turn.ts for the decision).
 */
import type { Sharp } from 'sharp';
import type { FaceFacts, FileFacts, QuarterTurn } from '../model/files.js';
import type { RuleSet } from '../model/rules.js';
import { ruleValue } from '../rules/rule-access.js';
import { landmarksOf } from '../files/face-landmarks.js';
import { round3 } from '../files/measures.js';
import { turnsToTry, uprightAfterTurn } from '../files/picture-turn.js';
import { loadSharp } from './load-sharp.js';
import { loadPhotoModels, type DetectedFace } from './photo-models.js';

/** What the detector saw in one decode, and the decode (RGB) it saw it in. */
export interface Detection {
  faces: DetectedFace[];
  rgb: Uint8Array;
  width: number;
  height: number;
}

/** Raw pixels turned clockwise by a quarter turn or two (lossless; a small decode, never the picture). */
export async function turnRaw(
  data: Buffer,
  info: { width: number; height: number; channels: number },
  turn: QuarterTurn,
) {
  const channels = info.channels as 1 | 2 | 3 | 4;
  return loadSharp()(data, { raw: { width: info.width, height: info.height, channels } })
    .rotate(turn)
    .raw()
    .toBuffer({ resolveWithObject: true });
}

/**
 * The clockwise quarter turn that sets a photo's face upright, when the detector's view of the
 * picture as stored says it lies sideways or upside down and the same sample, turned, confirms it;
 * with what the detector saw there.
 */
export async function findTurn(
  seen: Detection,
  ruleSet: RuleSet,
): Promise<{ turn: QuarterTurn; detection: Detection } | undefined> {
  const rule = ruleValue(ruleSet, 'upload.photo.face');
  const sample = Buffer.from(seen.rgb.buffer, seen.rgb.byteOffset, seen.rgb.length);
  for (const turn of turnsToTry(seen.faces, rule)) {
    const detection = await turnRaw(sample, { width: seen.width, height: seen.height, channels: 3 }, turn)
      .then(({ data, info }) =>
        detectIn(
          loadSharp()(data, { raw: { width: info.width, height: info.height, channels: 3 } }),
          rule.decodeSize,
          rule.maxFaces,
        ),
      )
      .catch(() => null);
    if (detection && 'faces' in detection && uprightAfterTurn(seen.faces, detection.faces, rule))
      return { turn, detection };
  }
  return undefined;
}

/**
 * Face facts from a larger decode (a small face in a big frame needs the pixels); models load
 * once. Returns what the detector saw, or null when it did not run.
 */
export async function detectFaces(image: Sharp, facts: FileFacts, ruleSet: RuleSet): Promise<Detection | null> {
  const rule = ruleValue(ruleSet, 'upload.photo.face');
  const detection = await detectIn(image, rule.decodeSize, rule.maxFaces).catch(() => 'failed' as const);
  if (detection === 'failed' || !('faces' in detection)) {
    facts.faceSkipped = detection === 'failed' ? 'failed' : detection.skipped;
    return null;
  }
  const { faces, rgb, width, height } = detection;
  facts.face = faceFacts(faces, width, height, rule.minScore, rgb);
  return detection;
}

/** One decode fitted inside `size` and the detector's faces in it. */
async function detectIn(
  image: Sharp,
  size: number,
  maxFaces: number,
): Promise<Detection | { skipped: FileFacts['faceSkipped'] & string }> {
  const state = await loadPhotoModels();
  if (!state.ok) return { skipped: state.reason };
  const { data, info } = await image
    .resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const faces = await state.models.detectFaces(data, info.width, info.height, maxFaces);
  const rgb = new Uint8Array(data.buffer, data.byteOffset, data.length);
  return { faces, rgb, width: info.width, height: info.height };
}

/** Detections in pixels → shares of the image, weak ones dropped. Pure. */
export function faceFacts(
  faces: DetectedFace[],
  width: number,
  height: number,
  minScore: number,
  rgb?: Uint8Array,
): FaceFacts {
  const r = round3;
  return {
    sampleWidth: width,
    sampleHeight: height,
    faces: faces
      .filter((f) => f.score >= minScore)
      .map((f) => ({
        score: f.score,
        left: r(Math.max(0, f.mesh.left) / width),
        top: r(Math.max(0, f.mesh.top) / height),
        right: r(Math.min(width, f.mesh.right) / width),
        bottom: r(Math.min(height, f.mesh.bottom) / height),
        yaw: f.yaw,
        pitch: f.pitch,
        roll: f.roll,
        ...(rgb && f.points.length >= 468 ? { landmarks: landmarksOf(f.points, rgb, width, height) } : {}),
      }))
      // The largest face first: it is the one a fix keeps.
      .sort((a, b) => (b.right - b.left) * (b.bottom - b.top) - (a.right - a.left) * (a.bottom - a.top)),
  };
}
