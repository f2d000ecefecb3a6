/**
 * Content statistics from one small RGB decode, in plain JS: border colour and uniformity,
 * greyscale, exposure, Laplacian variance (sharpness), the subject's box (photos) and the
 * largest compact red blob (seals). About a millisecond on a 440-px image. Pure.
 */
import { round3 } from './measures.js';
import type { ContentStats } from '../model/files.js';

export interface StatsOptions {
  /** Border strip thickness as a share of the side. */
  patchShare: number;
  /** Max channel distance from the border colour that still counts as background. */
  backgroundDistance: number;
  /** Measure the subject box (photos). */
  subject: boolean;
  /** Look for a red blob (work proofs): red-cell threshold as a share of the cell. */
  red?: RedPixel;
}

/** What counts as a seal's red pixel (from upload.seal), and how red a grid cell must be. */
export interface RedPixel {
  minRed: number;
  minRedOverGreen: number;
  minRedOverBlue: number;
  cellShare: number;
}

/**
 * Statistics of a greyscale decode (scans whose colour does not matter): luma is the data itself,
 * so only exposure and sharpness are computed; no border colour, chroma, subject or red. One pass
 * over the pixels: exposure counts and the Laplacian accumulate in the same loop.
 */
export function greyStats(luma: Uint8Array, width: number, height: number): ContentStats {
  const pixels = width * height;
  const exposure = newExposure();
  const lap = newLaplacian();
  for (let y = 0; y < height; y += 1) {
    exposureRow(luma, y * width, y * width + width, exposure);
    // The row above is complete with its neighbours now: its Laplacian, while the rows are in cache.
    if (y >= 2) laplacianRow(luma, width, y - 1, lap);
  }
  const { lumaSum, dark, bright } = exposure;
  const mean = Math.round(lumaSum / pixels);
  return {
    sampleWidth: width,
    sampleHeight: height,
    border: { mean: [mean, mean, mean], cast: 0, spread: 0 },
    chroma: 0,
    meanLuma: round1(lumaSum / pixels),
    darkShare: round3(dark / pixels),
    brightShare: round3(bright / pixels),
    laplacianVariance: laplacianResult(lap),
    subject: null,
    red: null,
  };
}

/*
 * The per-pixel loops are small functions called once per row: V8 optimises them
 * after a few rows with full type feedback, instead of on-stack-replacing one long loop that
 * deoptimises when it exits; a single-file check runs mostly cold code. Accumulators are
 * objects of one shape whose number fields start as doubles (-0), so growing sums never
 * change their representation mid-image.
 */
interface LaplacianSums {
  sum: number;
  sq: number;
  n: number;
}
const newLaplacian = (): LaplacianSums => ({ sum: -0, sq: -0, n: 0 });

interface ExposureSums {
  lumaSum: number;
  dark: number;
  bright: number;
}
const newExposure = (): ExposureSums => ({ lumaSum: -0, dark: 0, bright: 0 });

function exposureRow(luma: Uint8Array, start: number, end: number, acc: ExposureSums): void {
  let sum = 0;
  let dark = 0;
  let bright = 0;
  for (let p = start; p < end; p += 1) {
    const l = luma[p]!;
    sum += l;
    if (l < 16) dark += 1;
    else if (l > 250) bright += 1;
  }
  acc.lumaSum += sum;
  acc.dark += dark;
  acc.bright += bright;
}

/** Adds one interior row's 4-neighbour Laplacians of luma (rows y−1 and y+1 must be filled). */
function laplacianRow(luma: Uint8Array, width: number, y: number, acc: LaplacianSums): void {
  let sum = 0;
  let sq = 0;
  for (let p = y * width + 1, end = y * width + width - 1; p < end; p += 1) {
    const l = 4 * luma[p]! - luma[p - 1]! - luma[p + 1]! - luma[p - width]! - luma[p + width]!;
    sum += l;
    sq += l * l;
  }
  acc.sum += sum;
  acc.sq += sq;
  acc.n += Math.max(0, width - 2);
}

/** Variance of the 4-neighbour Laplacian of luma: low when the image is blurred. */
function laplacianResult(acc: LaplacianSums): number {
  const n = Math.max(1, acc.n);
  const mean = acc.sum / n;
  return round1(acc.sq / n - mean * mean);
}

/** Mean colour of each border patch (x0, y0, x1, y1): small regions, read before the main pass. */
function patchMeans(
  rgb: Uint8Array,
  width: number,
  patches: [number, number, number, number][],
): [number, number, number][] {
  return patches.map(([x0, y0, x1, y1]) => {
    let r = 0;
    let g = 0;
    let b = 0;
    let n = 0;
    for (let y = y0; y < y1; y += 1) {
      for (let x = x0, i = (y * width + x0) * 3; x < x1; x += 1, i += 3) {
        r += rgb[i]!;
        g += rgb[i + 1]!;
        b += rgb[i + 2]!;
        n += 1;
      }
    }
    const d = Math.max(1, n);
    return [r / d, g / d, b / d];
  });
}

/** What the colour pass reads (thresholds, grid, mask), set once per image; one shape. */
interface ColourPass {
  minRed: number;
  minRedOverGreen: number;
  minRedOverBlue: number;
  redCounts: Uint32Array;
  colCell: Uint16Array;
  withSubject: boolean;
  mask: Uint8Array;
  cols: Uint32Array;
  br: number;
  bg: number;
  bb: number;
  distance: number;
}
interface ColourSums {
  lumaSum: number;
  dark: number;
  bright: number;
  chroma: number;
  red: number;
}

/** One row of the colour pass: luma (written for the Laplacian), exposure, chroma, red cells, subject mask. Returns the row's subject pixels. */
function colourRow(
  rgb: Uint8Array,
  luma: Uint8Array,
  start: number,
  width: number,
  cellRow: number,
  k: ColourPass,
  acc: ColourSums,
): number {
  const { minRed, minRedOverGreen, minRedOverBlue, redCounts, colCell, withSubject, mask, cols, br, bg, bb, distance } =
    k;
  let lumaSum = 0;
  let dark = 0;
  let bright = 0;
  let chroma = 0;
  let redTotal = 0;
  let rowSubject = 0;
  for (let x = 0, p = start; x < width; x += 1, p += 1) {
    const i = p * 3;
    const r = rgb[i]!;
    const g = rgb[i + 1]!;
    const b = rgb[i + 2]!;
    const l = (77 * r + 150 * g + 29 * b) >> 8;
    luma[p] = l;
    lumaSum += l;
    if (l < 16) dark += 1;
    else if (l > 250) bright += 1;
    const max = r > g ? (r > b ? r : b) : g > b ? g : b;
    const min = r < g ? (r < b ? r : b) : g < b ? g : b;
    chroma += max - min;
    if (r > minRed && r - g > minRedOverGreen && r - b > minRedOverBlue) {
      redCounts[cellRow + colCell[x]!]! += 1;
      redTotal += 1;
    }
    if (withSubject) {
      const dr = Math.abs(r - br);
      const dg = Math.abs(g - bg);
      const db = Math.abs(b - bb);
      if ((dr > dg ? (dr > db ? dr : db) : dg > db ? dg : db) > distance) {
        mask[p] = 1;
        rowSubject += 1;
        cols[x]! += 1;
      }
    }
  }
  acc.lumaSum += lumaSum;
  acc.dark += dark;
  acc.bright += bright;
  acc.chroma += chroma;
  acc.red += redTotal;
  return rowSubject;
}

export function contentStats(rgb: Uint8Array, width: number, height: number, options: StatsOptions): ContentStats {
  const pixels = width * height;
  // Border first (five small patches along the top and the upper sides; the bottom holds
  // shoulders or text): the subject test in the main pass compares every pixel with it.
  const band = Math.max(1, Math.round(Math.min(width, height) * options.patchShare));
  const third = Math.floor(width / 3);
  const means = patchMeans(rgb, width, [
    [0, 0, third, band],
    [third, 0, 2 * third, band],
    [2 * third, 0, width, band],
    [0, band, band, Math.floor(height * 0.6)],
    [width - band, band, width, Math.floor(height * 0.6)],
  ]);
  const mean = [0, 1, 2].map((c) => means.reduce((s, m) => s + m[c]!, 0) / means.length) as [number, number, number];
  const cast = Math.max(Math.abs(mean[0] - mean[1]), Math.abs(mean[1] - mean[2]), Math.abs(mean[0] - mean[2]));
  const spread = Math.max(...means.map((m) => Math.max(...m.map((v, c) => Math.abs(v - mean[c]!)))));

  // One pass over the pixels: integer luma, exposure counts, chroma, the Laplacian (one row
  // behind), red pixels per grid cell (seals) and the subject mask (photos).
  const luma = new Uint8Array(pixels);
  const red = options.red ? redGrid(width, height) : undefined;
  const seal = options.red;
  const subject = options.subject
    ? { rows: new Uint32Array(height), cols: new Uint32Array(width), mask: new Uint8Array(pixels) }
    : undefined;
  const pass: ColourPass = {
    minRed: seal ? seal.minRed : 256,
    minRedOverGreen: seal ? seal.minRedOverGreen : 256,
    minRedOverBlue: seal ? seal.minRedOverBlue : 256,
    redCounts: red ? red.counts : new Uint32Array(1),
    colCell: red ? red.colCell : new Uint16Array(width),
    withSubject: subject !== undefined,
    mask: subject ? subject.mask : new Uint8Array(0),
    cols: subject ? subject.cols : new Uint32Array(0),
    br: mean[0],
    bg: mean[1],
    bb: mean[2],
    distance: options.backgroundDistance,
  };
  const acc: ColourSums = { lumaSum: -0, dark: 0, bright: 0, chroma: -0, red: 0 };
  const lap = newLaplacian();
  for (let y = 0; y < height; y += 1) {
    const rowSubject = colourRow(rgb, luma, y * width, width, red ? red.rowCell[y]! * red.gw : 0, pass, acc);
    if (subject) subject.rows[y] = rowSubject;
    if (y >= 2) laplacianRow(luma, width, y - 1, lap);
  }
  const { lumaSum, dark, bright, chroma: chromaSum, red: redTotal } = acc;

  return {
    sampleWidth: width,
    sampleHeight: height,
    border: {
      mean: mean.map((v) => Math.round(v)) as [number, number, number],
      cast: round1(cast),
      spread: round1(spread),
    },
    chroma: round1(chromaSum / pixels),
    meanLuma: round1(lumaSum / pixels),
    darkShare: round3(dark / pixels),
    brightShare: round3(bright / pixels),
    laplacianVariance: laplacianResult(lap),
    subject: subject ? subjectBox(subject, width, height) : null,
    red: red && seal ? redBlob(red, redTotal, width, height, seal.cellShare) : null,
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** The subject's box from the mask and row/column counts of the main pass. */
function subjectBox(
  subject: { rows: Uint32Array; cols: Uint32Array; mask: Uint8Array },
  width: number,
  height: number,
): ContentStats['subject'] {
  const { rows, cols, mask } = subject;
  const rowMin = Math.max(2, width * 0.02);
  const colMin = Math.max(2, height * 0.02);
  const top = rows.findIndex((n) => n >= rowMin);
  if (top < 0) return null;
  const bottom = height - 1 - [...rows].reverse().findIndex((n) => n >= rowMin);
  const left = cols.findIndex((n) => n >= colMin);
  const right = width - 1 - [...cols].reverse().findIndex((n) => n >= colMin);
  // The head: horizontal centroid of subject pixels in the top quarter of the subject.
  const headEnd = top + Math.max(1, Math.round((bottom - top) * 0.25));
  let sx = 0;
  let n = 0;
  for (let y = top; y <= headEnd; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (mask[y * width + x]) {
        sx += x;
        n += 1;
      }
    }
  }
  return {
    top: round3(top / height),
    bottom: round3((bottom + 1) / height),
    left: round3(left / width),
    right: round3((right + 1) / width),
    headCentre: round3(n ? sx / n / width : 0.5),
  };
}

interface RedGrid {
  cell: number;
  gw: number;
  gh: number;
  counts: Uint32Array;
  rowCell: Uint16Array;
  colCell: Uint16Array;
}

function redGrid(width: number, height: number): RedGrid {
  const cell = Math.max(4, Math.round(Math.max(width, height) / 60));
  const gw = Math.ceil(width / cell);
  const gh = Math.ceil(height / cell);
  const rowCell = new Uint16Array(height);
  const colCell = new Uint16Array(width);
  for (let y = 0; y < height; y += 1) rowCell[y] = Math.floor(y / cell);
  for (let x = 0; x < width; x += 1) colCell[x] = Math.floor(x / cell);
  return { cell, gw, gh, counts: new Uint32Array(gw * gh), rowCell, colCell };
}

/** The largest 8-connected group of red-rich cells: a seal is one compact, roughly round blob. */
function redBlob(grid: RedGrid, total: number, width: number, height: number, cellShare: number): ContentStats['red'] {
  const { cell, gw, gh, counts } = grid;
  const threshold = cell * cell * cellShare;
  const seen = new Uint8Array(gw * gh);
  let best = { cells: 0, red: 0, x0: 0, y0: 0, x1: 0, y1: 0 };
  for (let start = 0; start < gw * gh; start += 1) {
    if (seen[start] || counts[start]! < threshold) continue;
    const blob = { cells: 0, red: 0, x0: gw, y0: gh, x1: 0, y1: 0 };
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const c = stack.pop()!;
      const cx = c % gw;
      const cy = Math.floor(c / gw);
      blob.cells += 1;
      blob.red += counts[c]!;
      blob.x0 = Math.min(blob.x0, cx);
      blob.y0 = Math.min(blob.y0, cy);
      blob.x1 = Math.max(blob.x1, cx);
      blob.y1 = Math.max(blob.y1, cy);
      // 8-neighbours, so the thin ring of a seal holds together.
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= gw || ny >= gh) continue;
          const nc = ny * gw + nx;
          if (!seen[nc] && counts[nc]! >= threshold) {
            seen[nc] = 1;
            stack.push(nc);
          }
        }
      }
    }
    if (blob.red > best.red) best = blob;
  }
  if (best.cells === 0)
    return { share: round3(total / (width * height)), blobWidth: 0, blobHeight: 0, blobAspect: 0, blobFill: 0 };
  const bw = Math.min(width, (best.x1 - best.x0 + 1) * cell);
  const bh = Math.min(height, (best.y1 - best.y0 + 1) * cell);
  return {
    share: round3(total / (width * height)),
    blobWidth: round3(bw / width),
    blobHeight: round3(bh / height),
    blobAspect: round3(bw / bh),
    blobFill: round3(best.red / (bw * bh)),
  };
}
