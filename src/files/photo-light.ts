/**
 * Gentle light and colour correction for a photo the tool writes: a face too dark or too bright
 * is brought toward a normal level by one gamma curve, and a colour cast (tungsten orange, shade
 * blue) is balanced by scaling red and blue until the face's skin sits at the edge of the range
 * daylight skin has. Beyond the rule's limits nothing is forced: the plan says "retake". No
 * smoothing, no beautification. Pure.
 */
import type { RuleValues } from '../model/rules.js';
import { round3 } from './measures.js';

type Retouch = RuleValues['upload.photo.retouch'];

export interface LightPlan {
  /** Exponent applied to 0–1 values (below 1 brightens). */
  gamma: number;
  /** Gains on red and blue (green is the reference). */
  gains: [number, number];
  faceLuma: number;
  /** How far the skin's red/green and blue/green ratios are outside daylight skin's, as a share. */
  cast: number;
  /** 'dark', 'bright' or 'cast' when correcting would take more than the rule allows. */
  problem: 'dark' | 'bright' | 'cast' | null;
  changed: boolean;
}

/** Measure the face's middle (cheeks, nose: mostly skin) and plan the correction. */
export function planLight(
  rgb: Uint8Array,
  width: number,
  face: { left: number; top: number; right: number; bottom: number },
  rule: Retouch,
): LightPlan {
  const w = face.right - face.left;
  const h = face.bottom - face.top;
  const x0 = Math.max(0, Math.round(face.left + w * 0.25));
  const x1 = Math.round(face.right - w * 0.25);
  const y0 = Math.max(0, Math.round(face.top + h * 0.35));
  const y1 = Math.round(face.bottom - h * 0.25);
  let r = 0;
  let g = 0;
  let b = 0;
  let luma = 0;
  let n = 0;
  for (let y = y0; y < y1; y += 1) {
    for (let x = x0; x < Math.min(x1, width); x += 1) {
      const i = (y * width + x) * 3;
      if (i + 2 >= rgb.length) continue;
      r += rgb[i]!;
      g += rgb[i + 1]!;
      b += rgb[i + 2]!;
      luma += 0.299 * rgb[i]! + 0.587 * rgb[i + 1]! + 0.114 * rgb[i + 2]!;
      n += 1;
    }
  }
  if (!n || g === 0) return { gamma: 1, gains: [1, 1], faceLuma: 0, cast: 0, problem: null, changed: false };
  const faceLuma = luma / n;
  const rg = r / g;
  const bg = b / g;
  // Exposure: the gamma that takes the face's level to the target, when it is outside the range.
  let gamma = 1;
  let problem: LightPlan['problem'] = null;
  if (faceLuma < rule.faceLumaLow || faceLuma > rule.faceLumaHigh) {
    const need = Math.log(rule.faceLumaTarget / 255) / Math.log(Math.min(254, Math.max(1, faceLuma)) / 255);
    gamma = Math.min(rule.maxGamma, Math.max(1 / rule.maxGamma, need));
    if (Math.abs(Math.log(need)) > Math.log(rule.maxGamma) + 1e-9)
      problem = faceLuma < rule.faceLumaLow ? 'dark' : 'bright';
  }
  // Colour: how far the skin is outside daylight skin's ratios, and the gains that bring it back in.
  const outside = (v: number, min: number, max: number) => (v > max ? v / max - 1 : v < min ? min / v - 1 : 0);
  const cast = Math.max(outside(rg, rule.skinRgMin, rule.skinRgMax), outside(bg, rule.skinBgMin, rule.skinBgMax));
  let gains: [number, number] = [1, 1];
  if (cast > rule.castMin) {
    const into = (v: number, min: number, max: number) => (v > max ? max / v : v < min ? min / v : 1);
    gains = [into(rg, rule.skinRgMin, rule.skinRgMax), into(bg, rule.skinBgMin, rule.skinBgMax)];
    if (cast > rule.castMax) problem ??= 'cast';
  }
  const changed = gamma !== 1 || gains[0] !== 1 || gains[1] !== 1;
  return {
    gamma: round3(gamma),
    gains: [round3(gains[0]), round3(gains[1])],
    faceLuma: Math.round(faceLuma),
    cast: round3(cast),
    problem,
    changed,
  };
}

/** The plan as one lookup table per channel. */
function tables(plan: LightPlan): Uint8Array[] {
  return [0, 1, 2].map((c) => {
    const gain = c === 0 ? plan.gains[0] : c === 2 ? plan.gains[1] : 1;
    const t = new Uint8Array(256);
    for (let v = 0; v < 256; v += 1) {
      const out = 255 * (Math.min(255, v * gain) / 255) ** plan.gamma;
      t[v] = Math.min(255, Math.max(0, Math.round(out)));
    }
    return t;
  });
}

/**
 * The local background planes as the corrected picture would show them. `into` may be the
 * background's own planes (a fix is done with them: each value is read before it is replaced).
 */
export function lightBackground<T extends { planes: [Float32Array, Float32Array, Float32Array] }>(
  background: T,
  plan: LightPlan,
  into?: T['planes'],
): T {
  const table = tables(plan);
  const planes = background.planes.map((plane, c) => {
    const out = into?.[c] ?? new Float32Array(plane.length);
    for (let p = 0; p < plane.length; p += 1) out[p] = table[c]![Math.min(255, Math.max(0, Math.round(plane[p]!)))]!;
    return out;
  }) as T['planes'];
  return { ...background, planes };
}

/**
 * The plan applied to every pixel (the background is replaced afterwards anyway). `into` may be
 * `rgb` itself; an unchanged plan returns `rgb` as it is.
 */
export function applyLight(rgb: Uint8Array, plan: LightPlan, into?: Uint8Array): Uint8Array {
  if (!plan.changed) return rgb;
  const table = tables(plan);
  const out = into ?? new Uint8Array(rgb.length);
  for (let i = 0; i < rgb.length; i += 3) {
    out[i] = table[0]![rgb[i]!]!;
    out[i + 1] = table[1]![rgb[i + 1]!]!;
    out[i + 2] = table[2]![rgb[i + 2]!]!;
  }
  return out;
}
