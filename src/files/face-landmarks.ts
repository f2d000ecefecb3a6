/**
 * Landmarks read from the 468-point MediaPipe face mesh: the face oval (so the face's extent can be
 * recomputed after straightening), the eye centres (roll from the eye line), how open the eyes
 * are and how dark the eye regions are against the cheeks (sunglasses). Pure: mesh points in
 * pixels of an RGB image (3 bytes per pixel) in, shares of that image out.
 */
import type { FaceLandmarks } from '../model/files.js';
import { round3 } from './measures.js';

/** MediaPipe face-mesh indices (canonical face model topology). */
const FACE_OVAL = [
  10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136,
  172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
] as const;
/** Per eye: outer corner, inner corner, upper lid, lower lid. */
const EYE_A = { outer: 33, inner: 133, upper: 159, lower: 145 } as const;
const EYE_B = { outer: 263, inner: 362, upper: 386, lower: 374 } as const;
/** Cheek points below each eye, for the skin the eye regions are compared with. */
const CHEEKS = [205, 425] as const;

type Point = [number, number] | [number, number, number?];

const at = (mesh: readonly Point[], i: number): [number, number] => [mesh[i]![0], mesh[i]![1]];
const distance = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Mean Rec. 601 luminance of a square patch (clipped to the image); NaN when it is empty. */
function patchLuma(rgb: Uint8Array, width: number, height: number, cx: number, cy: number, half: number): number {
  const x0 = Math.max(0, Math.floor(cx - half));
  const x1 = Math.min(width, Math.ceil(cx + half));
  const y0 = Math.max(0, Math.floor(cy - half));
  const y1 = Math.min(height, Math.ceil(cy + half));
  let sum = 0;
  let n = 0;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < x1; x += 1) {
      const i = (y * width + x) * 3;
      sum += 0.299 * rgb[i]! + 0.587 * rgb[i + 1]! + 0.114 * rgb[i + 2]!;
      n += 1;
    }
  }
  return n ? sum / n : Number.NaN;
}

/** The landmarks of one mesh, as shares of a `width`×`height` image whose pixels are `rgb`. */
export function landmarksOf(mesh: readonly Point[], rgb: Uint8Array, width: number, height: number): FaceLandmarks {
  const share = ([x, y]: [number, number]): [number, number] => [round3(x / width), round3(y / height)];
  const eye = (e: typeof EYE_A | typeof EYE_B) => {
    const outer = at(mesh, e.outer);
    const inner = at(mesh, e.inner);
    const wide = Math.max(1e-6, distance(outer, inner));
    return {
      centre: [(outer[0] + inner[0]) / 2, (outer[1] + inner[1]) / 2] as [number, number],
      wide,
      open: distance(at(mesh, e.upper), at(mesh, e.lower)) / wide,
    };
  };
  const a = eye(EYE_A);
  const b = eye(EYE_B);
  // Sunglasses: the eye regions (a patch as wide as the eye) are far darker than the cheeks.
  const eyeLuma =
    (patchLuma(rgb, width, height, a.centre[0], a.centre[1], a.wide * 0.6) +
      patchLuma(rgb, width, height, b.centre[0], b.centre[1], b.wide * 0.6)) /
    2;
  const cheekLuma =
    CHEEKS.map((i) => {
      const [x, y] = at(mesh, i);
      return patchLuma(rgb, width, height, x, y, a.wide * 0.4);
    }).reduce((s, v) => s + v, 0) / CHEEKS.length;
  const shade = cheekLuma > 0 && Number.isFinite(eyeLuma) ? eyeLuma / cheekLuma : 1;
  return {
    outline: FACE_OVAL.map((i) => share(at(mesh, i))),
    // In the mesh's order (the subject's right eye, then left), not the picture's: an upside-down
    // face then reads as a roll near 180°, not as level.
    eyes: [share(a.centre), share(b.centre)],
    eyeOpen: round3(Math.min(a.open, b.open)),
    eyeShade: round3(shade),
  };
}

/**
 * Roll in degrees from the eye line, subject's right eye to left (positive: the head leans
 * clockwise in the picture; near ±180: upside down).
 */
export function eyeRoll(landmarks: FaceLandmarks, imageWidth: number, imageHeight: number): number {
  const [[lx, ly], [rx, ry]] = landmarks.eyes;
  return (Math.atan2((ry - ly) * imageHeight, (rx - lx) * imageWidth) * 180) / Math.PI;
}
