/**
 * A photo whose pixels stand sideways or upside down (a scanner, a screenshot, an editor that
 * dropped the EXIF flag): the face detector then either sees the face rolled by about a quarter
 * turn, or, upside down, fits a mesh to it as if it were upright with a weak detector score. This
 * module decides which quarter turns to try and whether a turned picture shows the face upright.
 * Pure; the thresholds come from the `upload.photo.face` rule.
 */

import type { QuarterTurn } from '../model/files.js';

/** What the decision reads of one detected face. */
export interface SeenFace {
  /** The face detector's own confidence, before the mesh. */
  detectorScore: number;
  /** Degrees, positive clockwise. */
  roll: number;
}

export interface TurnRule {
  sidewaysRoll: number;
  doubtScore: number;
  uprightScore: number;
  uprightMaxRoll: number;
}

const best = (faces: readonly SeenFace[]) =>
  faces.reduce<SeenFace | undefined>(
    (a, f) => (a === undefined || f.detectorScore > a.detectorScore ? f : a),
    undefined,
  );

/**
 * The turns worth trying, most likely first; none when the picture already shows a face the
 * detector is sure of and that is not lying on its side.
 */
export function turnsToTry(faces: readonly SeenFace[], rule: TurnRule): QuarterTurn[] {
  const face = best(faces);
  // Lying on its side: a face rolled clockwise by a quarter turn is set upright by turning the
  // picture a quarter turn back (270° clockwise), and the other way round.
  if (face && Math.abs(face.roll) >= rule.sidewaysRoll) return face.roll > 0 ? [270] : [90];
  if (face && face.detectorScore >= rule.doubtScore) return [];
  // No face, or a doubtful one: upside down is the likelier, then either side.
  return [180, 90, 270];
}

/** Does the turned picture show one face upright, more surely than the picture as stored? */
export function uprightAfterTurn(before: readonly SeenFace[], after: readonly SeenFace[], rule: TurnRule): boolean {
  const turned = best(after);
  if (!turned) return false;
  if (turned.detectorScore < rule.uprightScore || Math.abs(turned.roll) > rule.uprightMaxRoll) return false;
  const stored = best(before);
  // Sideways faces score high either way; the roll says which is upright. Otherwise the turned
  // picture must be the surer one.
  return (
    stored === undefined || Math.abs(stored.roll) >= rule.sidewaysRoll || turned.detectorScore > stored.detectorScore
  );
}

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A resize to `width`×`height` and a cut `region`, both in the upright frame, said in the frame the
 * pixels are stored in, for a picture that is turned clockwise by `turn` to stand upright: resizing
 * and cutting before turning keeps libvips from holding the whole picture. Pure.
 */
export function inStoredFrame(
  turn: QuarterTurn,
  width: number,
  height: number,
  region: Region,
): { width: number; height: number; region: Region } {
  const { left, top, width: w, height: h } = region;
  if (turn === 180)
    return { width, height, region: { left: width - left - w, top: height - top - h, width: w, height: h } };
  // A quarter turn swaps the sides. Turned 90° clockwise, the stored picture's left column becomes
  // the upright top row; turned 270°, its right column does.
  const sides = { width: height, height: width };
  return turn === 90
    ? { ...sides, region: { left: top, top: width - left - w, width: h, height: w } }
    : { ...sides, region: { left: height - top - h, top: left, width: h, height: w } };
}
