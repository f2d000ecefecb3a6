/**
 * Where the written photo's frame goes: the head straightened, the face centred, the head top and
 * height inside the norm, the frame wholly inside the picture and never needing enlargement.
 * Pure geometry on points and rectangles; no pixels.
 *
 * The frame is searched in straightened coordinates (the picture rotated level); the caller says
 * which of those points are backed by the source's pixels, since a frame that leaves the picture
 * would need invented pixels.
 */
import type { RuleValues } from '../model/rules.js';

export type Point = [number, number];

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const cornersOf = (r: Rect): Point[] => [
  [r.left, r.top],
  [r.left + r.width, r.top],
  [r.left, r.top + r.height],
  [r.left + r.width, r.top + r.height],
];

/** The axis-aligned box around points. */
export function boundsOf(points: readonly Point[]): { left: number; top: number; right: number; bottom: number } {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const [x, y] of points) {
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  }
  return { left, top, right, bottom };
}

export type FrameProblem = 'top' | 'sides' | 'bottom' | 'too-small';

export type FrameResult =
  | { ok: true; frame: Rect; headTop: number; headHeight: number }
  | { ok: false; problem: FrameProblem };

export interface FrameInput {
  /** The face (brow to chin, cheek to cheek) in straight coordinates. */
  face: { left: number; top: number; right: number; bottom: number };
  /** The top of the hair in straight coordinates. */
  hairTop: number;
  /** Is this straight-coordinate point inside the available picture? */
  inside: (p: Point) => boolean;
  out: { width: number; height: number };
  crop: Pick<RuleValues['upload.photo.crop'], 'faceArea' | 'headTop'>;
  norm: RuleValues['upload.photo.written'];
}

/**
 * The frame closest to the preferred one (face `faceArea` of the frame, head top `headTop` down)
 * that meets the norm and lies inside the picture, or which edge is missing: the head too close
 * to the top, the picture too narrow for the shoulders, the body cut off at the bottom, or too few
 * pixels (the frame would have to be enlarged).
 */
export function fitFrame(input: FrameInput): FrameResult {
  const { face, hairTop, out, crop, norm } = input;
  const aspect = out.width / out.height;
  const faceW = face.right - face.left;
  const faceH = face.bottom - face.top;
  const cx = (face.left + face.right) / 2;
  const head = face.bottom - hairTop;
  const preferred = out.height * Math.sqrt((faceW * faceH) / crop.faceArea / (out.width * out.height));
  // Never enlarged: the frame holds at least the output's pixels.
  // A little inside the norm's limits: resampling and JPEG move an edge by a pixel.
  const slack = FIT_SLACK;
  const minH = Math.max(head / (norm.headHeightMax - slack), out.height / norm.maxUpscale);
  const maxH = head / (norm.headHeightMin + slack);
  const fits = (r: Rect) => cornersOf(r).every(input.inside);
  const candidates: number[] = [];
  const step = Math.max(0.5, preferred * 0.01);
  for (let d = 0; preferred - d >= minH || preferred + d <= maxH; d += step) {
    if (preferred - d >= minH && preferred - d <= maxH) candidates.push(preferred - d);
    if (d > 0 && preferred + d <= maxH && preferred + d >= minH) candidates.push(preferred + d);
  }
  // The limits themselves: a frame that fits only at the smallest or largest height is found too.
  if (minH <= maxH) candidates.push(minH, maxH);
  for (const height of candidates) {
    const width = height * aspect;
    const left = cx - width / 2;
    const target = hairTop - crop.headTop * height;
    const highest = hairTop - (norm.headTopMax - slack) * height;
    const lowest = hairTop - (norm.headTopMin + slack) * height;
    const tops = [target];
    for (let d = step; target - d >= highest || target + d <= lowest; d += step) {
      if (target + d <= lowest) tops.push(target + d);
      if (target - d >= highest) tops.push(target - d);
    }
    for (const top of tops) {
      const frame = { left, top, width, height };
      if (fits(frame)) return { ok: true, frame, headTop: (hairTop - top) / height, headHeight: head / height };
    }
  }
  // Nothing fits: say which edge the preferred frame (at the nearest allowed height) leaves the
  // picture by: the top above the head, the sides beside the shoulders, the bottom below them.
  if (maxH < minH) return { ok: false, problem: 'too-small' };
  const height = Math.min(Math.max(preferred, minH), maxH);
  const width = height * aspect;
  const frame = { left: cx - width / 2, top: hairTop - crop.headTop * height, width, height };
  const right = frame.left + width;
  const bottom = frame.top + height;
  if (!input.inside([cx, frame.top])) return { ok: false, problem: 'top' };
  if (!input.inside([cx, bottom])) return { ok: false, problem: 'bottom' };
  const sideOut = [frame.top, face.bottom, bottom].some(
    (y) => !input.inside([frame.left, y]) || !input.inside([right, y]),
  );
  return { ok: false, problem: sideOut ? 'sides' : 'bottom' };
}

/** Share of the frame's height kept clear of the norm's limits when fitting. */
const FIT_SLACK = 0.01;

export type Where = 'left' | 'right' | 'behind';

/** Where another face is, seen from the chosen one: beside it, or above and behind it. */
export function whereIs(other: { left: number; right: number }, chosen: { left: number; right: number }): Where {
  const centre = (other.left + other.right) / 2;
  if (centre < chosen.left) return 'left';
  if (centre > chosen.right) return 'right';
  return 'behind';
}

/** Share of `box`'s area that lies inside `frame`. */
export function overlapShare(box: { left: number; top: number; right: number; bottom: number }, frame: Rect): number {
  const w = Math.min(box.right, frame.left + frame.width) - Math.max(box.left, frame.left);
  const h = Math.min(box.bottom, frame.top + frame.height) - Math.max(box.top, frame.top);
  const area = (box.right - box.left) * (box.bottom - box.top);
  return w > 0 && h > 0 && area > 0 ? (w * h) / area : 0;
}
