/** Window statistics on a coarser grid: gathered into cells, read back between cell centres. */
import { describe, expect, it } from 'vitest';
import { cellCount, cellGrid, cellSampler, nearMask, shrinkMean } from '../../src/files/cell-grid.js';

describe('cells', () => {
  it('a cell is never under a pixel; edge cells may be cut short', () => {
    expect(cellGrid(10, 7, 0.4)).toMatchObject({ cell: 1, cols: 10, rows: 7 });
    expect(cellGrid(10, 7, 4.9)).toMatchObject({ cell: 4, cols: 3, rows: 2 });
    expect(cellCount(cellGrid(10, 7, 4))).toBe(6);
  });

  it("each cell's mean divides by the pixels it really has", () => {
    // 5×3 in cells of 2: the right column and the bottom row of cells are cut short.
    const src = Float32Array.from({ length: 15 }, (_, p) => p);
    const grid = cellGrid(5, 3, 2);
    const out = shrinkMean(src, grid, new Float32Array(cellCount(grid)));
    expect([...out]).toEqual([(0 + 1 + 5 + 6) / 4, (2 + 3 + 7 + 8) / 4, (4 + 9) / 2, (10 + 11) / 2, (12 + 13) / 2, 14]);
  });

  it('read back on 1-pixel cells, a plane is itself', () => {
    const grid = cellGrid(4, 3, 1);
    const plane = Float32Array.from({ length: 12 }, (_, p) => p * 1.5);
    const sampler = cellSampler(grid);
    const row = new Float32Array(4);
    for (let y = 0; y < 3; y += 1)
      expect([...sampler.row(plane, y, row)]).toEqual([...plane.subarray(y * 4, y * 4 + 4)]);
  });

  it('read back between cell centres, a linear field is linear; beyond the outer centres it is held', () => {
    // Cells of 4 over 16×8: centres at x = 1.5, 5.5, 9.5, 13.5; each cell holds 2x + 3y at its centre.
    const grid = cellGrid(16, 8, 4);
    const plane = new Float32Array(cellCount(grid));
    for (let j = 0; j < grid.rows; j += 1)
      for (let i = 0; i < grid.cols; i += 1) plane[j * grid.cols + i] = 2 * (i * 4 + 1.5) + 3 * (j * 4 + 1.5);
    const row = new Float32Array(16);
    const sampler = cellSampler(grid);
    sampler.row(plane, 3, row);
    for (let x = 2; x <= 13; x += 1) expect(row[x]).toBeCloseTo(2 * x + 3 * 3, 4);
    expect(row[0]).toBeCloseTo(2 * 1.5 + 9, 4);
    expect(row[15]).toBeCloseTo(2 * 13.5 + 9, 4);
    // Above the first row of centres, the first row's values.
    expect(sampler.row(plane, 0, row)[6]).toBeCloseTo(2 * 6 + 3 * 1.5, 4);
  });

  it('an edge cell cut short has its centre in the middle of its own pixels', () => {
    // 10 pixels in cells of 8: the second cell holds pixels 8 and 9, its centre is 8.5, not 11.5.
    const grid = cellGrid(10, 1, 8);
    const row = cellSampler(grid).row(Float32Array.from([3.5, 8.5]), 0, new Float32Array(10));
    expect([...row].map((v) => Math.round(v * 100) / 100)).toEqual([3.5, 3.5, 3.5, 3.5, 4, 5, 6, 7, 8, 8.5]);
  });
});

describe('near a marked pixel', () => {
  it('is exactly "some marked pixel within the (2r+1)² window", at any radius', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const [w, h] = [23, 17];
    const marked = Uint8Array.from({ length: w * h }, () => (random() < 0.03 ? 1 : 0));
    for (const r of [1, 2, 5, 30]) {
      const near = nearMask(marked, w, h, r, new Uint8Array(w * h), new Uint8Array(w * h));
      for (let y = 0; y < h; y += 1)
        for (let x = 0; x < w; x += 1) {
          let any = 0;
          for (let v = Math.max(0, y - r); v <= Math.min(h - 1, y + r); v += 1)
            for (let u = Math.max(0, x - r); u <= Math.min(w - 1, x + r); u += 1) any |= marked[v * w + u]!;
          expect(near[y * w + x], `${x},${y} r ${r}`).toBe(any);
        }
    }
  });
});
