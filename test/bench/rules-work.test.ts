/**
 * bench/rules-work.mjs, the lower bound `npm run bench` prints beside the floor: it runs the real
 * decodes, the PDF reader and the face model, and reports each part. In the model suite: it loads
 * the photo models.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';
import { makePdf } from '../helpers/make-images.js';

describe('bench/rules-work.mjs', () => {
  it('measures every scan, PDF and photo it is given, the face model on each photo', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-rules-work-'));
    // A page-size scan: 2000 px on its long side decodes at 1/2 for the sharpness rule's 800.
    const scan = path.join(dir, 'scan.jpg');
    await sharp({ create: { width: 1500, height: 2000, channels: 3, background: '#eeeeee' } })
      .jpeg()
      .toFile(scan);
    const pdf = path.join(dir, 'diploma.pdf');
    writeFileSync(pdf, makePdf());
    const photos = ['portrait.jpg', 'blue.jpg', 'wall.jpg'].map((name) =>
      path.join(ROOT, 'test/fixtures/photos', name),
    );
    const list = path.join(dir, 'list.json');
    writeFileSync(list, JSON.stringify({ scans: [scan, scan], photos, pdfs: [pdf] }));

    const result = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'rules-work.mjs'), list], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const work = JSON.parse(result.stdout);
    // One face in each photo: the model ran on all three.
    expect(work).toMatchObject({ scans: 2, pdfs: 1, photos: 3, faces: 3, modelsLoaded: true });
    // 2000 px long decodes at 1/2 for the sharpness rule's 800 (1/4 would be 500, under it).
    expect(work.sampleSides).toEqual([1000, 1000]);
    for (const part of [
      'scanDecodeMs',
      'pdfReadMs',
      'photoDecodeMs',
      'modelLoadMs',
      'firstDetectionMs',
      'warmDetectionMs',
    ]) {
      expect(work[part], part).toBeGreaterThan(0);
    }
  }, 90_000);
});
