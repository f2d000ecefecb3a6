/**
 * Statistics over wide windows, kept on a coarser grid: a picture's plane gathered into cells of
 * `cell`×`cell` pixels, and read back at any row of pixels by bilinear interpolation between the
 * cells' centres.
 *
 * Why: a box mean whose window is many pixels wide is smooth, so a float plane of it at full
 * resolution holds many more numbers than it says. A photo fix's region is 0.2–0.7 MP in the fuzz
 * corpus, up to 2.8 MB a float plane, and V8 frees such arrays only at a full collection (photo-matte.ts, Planes): the
 * background's colour (a window of about 70 px) on cells of 8 px is 1/64 of that; the guided
 * filter's means at half resolution are the "fast guided filter" (He and Sun 2015).
 */
export interface CellGrid {
  /** The picture's size in pixels. */
  width: number;
  height: number;
  /** A cell's side in pixels (1: the grid is the picture). */
  cell: number;
  cols: number;
  rows: number;
}

export function cellGrid(width: number, height: number, cell: number): CellGrid {
  const side = Math.max(1, Math.floor(cell));
  return { width, height, cell: side, cols: Math.ceil(width / side), rows: Math.ceil(height / side) };
}

/** The cells' count (a cell plane's length). */
export const cellCount = (grid: CellGrid) => grid.cols * grid.rows;

/** Each cell's mean of `src` (a plane of the picture), into `out` (a plane of the grid). */
export function shrinkMean(src: Float32Array, grid: CellGrid, out: Float32Array): Float32Array {
  const { width, height, cell, cols } = grid;
  out.fill(0);
  for (let y = 0; y < height; y += 1) {
    const at = Math.floor(y / cell) * cols;
    const row = y * width;
    for (let x = 0; x < width; x += 1) out[at + Math.floor(x / cell)]! += src[row + x]!;
  }
  // Cells on the right and bottom edges may be cut short: divide by the pixels each really has.
  for (let j = 0; j < grid.rows; j += 1) {
    const h = Math.min(cell, height - j * cell);
    for (let i = 0; i < cols; i += 1) out[j * cols + i] = out[j * cols + i]! / (h * Math.min(cell, width - i * cell));
  }
  return out;
}

/**
 * Reads cell planes back at a row of pixels: `row(plane, y, out)` fills `out` (the picture's width)
 * with the plane interpolated between cell centres, held constant beyond the outer centres. A
 * cell's centre is the middle of the pixels it holds (an edge cell cut short has its own). On a
 * grid of 1-pixel cells it returns the plane's row unchanged.
 */
export function cellSampler(grid: CellGrid) {
  const { width, height, cols, rows } = grid;
  const across = axis(width, grid.cell, cols);
  const down = axis(height, grid.cell, rows);
  return {
    row(plane: Float32Array, y: number, out: Float32Array): Float32Array {
      const above = down.low[y]! * cols;
      const below = down.high[y]! * cols;
      const t = down.share[y]!;
      const { low, high, share } = across;
      for (let x = 0; x < width; x += 1) {
        const s = share[x]!;
        const top = plane[above + low[x]!]! * (1 - s) + plane[above + high[x]!]! * s;
        if (t === 0) {
          out[x] = top;
          continue;
        }
        const bottom = plane[below + low[x]!]! * (1 - s) + plane[below + high[x]!]! * s;
        out[x] = top * (1 - t) + bottom * t;
      }
      return out;
    },
  };
}

/** Along one axis: for each pixel, the cells whose centres it lies between and its share of the way. */
function axis(size: number, cell: number, count: number) {
  const centre = (i: number) => (i * cell + Math.min(size, (i + 1) * cell) - 1) / 2;
  const low = new Int32Array(size);
  const high = new Int32Array(size);
  const share = new Float32Array(size);
  for (let x = 0; x < size; x += 1) {
    const i = Math.min(count - 1, Math.max(0, Math.floor((x + 0.5) / cell - 0.5)));
    const j = Math.min(count - 1, i + 1);
    low[x] = i;
    high[x] = j;
    share[x] = j === i ? 0 : Math.min(1, Math.max(0, (x - centre(i)) / (centre(j) - centre(i))));
  }
  return { low, high, share };
}

/**
 * Where some marked pixel (`marked[p]` 1) lies within the (2r+1)² window, exactly: per row, then
 * per column, by running counts. `across` is scratch of the picture's size; `out` gets 1 or 0.
 * Byte masks: the box mean of a float mask tested for "above 0" says the same in 4 bytes a pixel.
 */
export function nearMask(
  marked: Uint8Array,
  width: number,
  height: number,
  r: number,
  across: Uint8Array,
  out: Uint8Array,
): Uint8Array {
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    let count = 0;
    for (let x = 0; x <= Math.min(r, width - 1); x += 1) count += marked[row + x]!;
    for (let x = 0; x < width; x += 1) {
      across[row + x] = count > 0 ? 1 : 0;
      if (x + r + 1 < width) count += marked[row + x + r + 1]!;
      if (x - r >= 0) count -= marked[row + x - r]!;
    }
  }
  const counts = new Int32Array(width);
  for (let y = 0; y <= Math.min(r, height - 1); y += 1)
    for (let x = 0; x < width; x += 1) counts[x]! += across[y * width + x]!;
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) out[row + x] = counts[x]! > 0 ? 1 : 0;
    if (y + r + 1 < height) {
      const at = (y + r + 1) * width;
      for (let x = 0; x < width; x += 1) counts[x]! += across[at + x]!;
    }
    if (y - r >= 0) {
      const at = (y - r) * width;
      for (let x = 0; x < width; x += 1) counts[x]! -= across[at + x]!;
    }
  }
  return out;
}
