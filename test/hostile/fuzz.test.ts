/** A small sample of `npm run fuzz` on every CI run: mutated uploads through files and batch --fix. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

describe('fuzz sample', () => {
  it('70 mutated files: no crash, no hang, bounded memory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-fuzz-'));
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'fuzz.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, FUZZ_FILES: '70', FUZZ_DIR: dir, FUZZ_SEED: '7' },
      timeout: 120_000,
    });
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ files: 70, crashes: 0, hangs: 0 });
    // Measured on this sample: ~310 MB with the photo models (~100 MB: Human's code and a ~50 MB
    // WebAssembly heap) and one pdf.js worker (~40 MB) loaded; ~200 MB without them. The 250 MB
    // target of npm run fuzz is not met while both are loaded (see README, Performance).
    expect(summary.batchPeakMb).toBeLessThan(350);
    expect(summary.filesPeakMb).toBeLessThan(350);
    expect(result.status).toBe(0);
  }, 150_000);
});
