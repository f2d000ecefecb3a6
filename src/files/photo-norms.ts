/**
 * The norm for a photo this tool writes (`upload.photo.written`), measured on the written pixels
 * and the person's matte at the same size. Pure: RGB 3 bytes per pixel, matte one 0–1 float.
 */
import type { RuleValues } from '../model/rules.js';
import { round3 } from './measures.js';
import { matteTop } from './photo-matte.js';

export interface WrittenMeasures {
  /** Hair top below the top edge, share of the height. */
  headTop: number;
  /** Hair top to chin, share of the height. */
  headHeight: number;
  /** Face centre from the middle, share of the width. */
  centreOffset: number;
  /** Share of the frame outside the person with a channel below the norm's minimum. */
  backgroundShort: number;
  /** Standard deviation of the background's luminance. */
  backgroundSpread: number;
  /** Mean max−min channel difference in the band just outside the person's edge. */
  edgeChroma: number;
  /** Output pixels per source pixel along the height (above 1 would be enlargement). */
  upscale: number;
}

export type NormProblem = 'centre' | 'head-top' | 'head-height' | 'background' | 'edge' | 'upscale';

export function measureWritten(
  rgb: Uint8Array,
  matte: Float32Array,
  width: number,
  height: number,
  face: { left: number; top: number; right: number; bottom: number },
  upscale: number,
  rule: Pick<RuleValues['upload.photo.written'], 'backgroundMin' | 'edgeBand'>,
): WrittenMeasures {
  const hair = matteTop(matte, width, height, { from: face.left, to: face.right }) ?? face.top;
  const n = width * height;
  let short = 0;
  let sum = 0;
  let sumSq = 0;
  let outside = 0;
  for (let p = 0; p < n; p += 1) {
    if (matte[p]! >= 0.05) continue;
    const i = p * 3;
    if (rgb[i]! < rule.backgroundMin || rgb[i + 1]! < rule.backgroundMin || rgb[i + 2]! < rule.backgroundMin)
      short += 1;
    const l = 0.299 * rgb[i]! + 0.587 * rgb[i + 1]! + 0.114 * rgb[i + 2]!;
    sum += l;
    sumSq += l * l;
    outside += 1;
  }
  const mean = outside ? sum / outside : 255;
  const spread = outside ? Math.sqrt(Math.max(0, sumSq / outside - mean * mean)) : 0;
  // The band: outside the person (matte < 0.5) within `edgeBand` pixels of a pixel inside it.
  const band = rule.edgeBand;
  let chroma = 0;
  let banded = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const p = y * width + x;
      if (matte[p]! >= 0.5) continue;
      let near = false;
      for (let dy = -band; dy <= band && !near; dy += 1) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -band; dx <= band; dx += 1) {
          const xx = x + dx;
          if (xx >= 0 && xx < width && matte[yy * width + xx]! >= 0.5) {
            near = true;
            break;
          }
        }
      }
      if (!near) continue;
      const i = p * 3;
      chroma += Math.max(rgb[i]!, rgb[i + 1]!, rgb[i + 2]!) - Math.min(rgb[i]!, rgb[i + 1]!, rgb[i + 2]!);
      banded += 1;
    }
  }
  return {
    headTop: round3(hair / height),
    headHeight: round3((face.bottom - hair) / height),
    centreOffset: round3(Math.abs((face.left + face.right) / 2 - width / 2) / width),
    backgroundShort: round3(short / n),
    backgroundSpread: Math.round(spread * 100) / 100,
    edgeChroma: Math.round((banded ? chroma / banded : 0) * 100) / 100,
    upscale: round3(upscale),
  };
}

/**
 * What of the norm the written pixels miss (empty: they meet every rule pixels can show; the
 * copy's pose is the detector's to measure, on the written file).
 */
export function normProblems(m: WrittenMeasures, rule: RuleValues['upload.photo.written']): NormProblem[] {
  const problems: NormProblem[] = [];
  if (m.centreOffset > rule.maxCentreOffset) problems.push('centre');
  if (m.headTop < rule.headTopMin || m.headTop > rule.headTopMax) problems.push('head-top');
  if (m.headHeight < rule.headHeightMin || m.headHeight > rule.headHeightMax) problems.push('head-height');
  if (m.backgroundShort > rule.maxBackgroundShort || m.backgroundSpread > rule.maxBackgroundSpread)
    problems.push('background');
  if (m.edgeChroma > rule.maxEdgeChroma) problems.push('edge');
  if (m.upscale > rule.maxUpscale + 1e-3) problems.push('upscale');
  return problems;
}
