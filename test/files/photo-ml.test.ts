/**
 * The face detector's facts on real photos (scikit-image's astronaut, camera and coffee, and
 * composites made from them: see test/fixtures/photos/README.md), and the fallback without the
 * models. The fix itself is tested in photo-fix.test.ts. The models load once for the whole file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/files/check-file.js';
import { fixToFile } from '../../src/files-io/fix-to-file.js';
import { fixableFindings } from '../../src/files/fixable.js';
import { loadPhotoModels, setPhotoModelsEnabled } from '../../src/files-io/photo-models.js';
import { probeFile } from '../../src/files-io/probe-file.js';
import type { FileResult } from '../../src/model/report.js';
import { ruleValue } from '../../src/rules/rule-access.js';
import { ruleSet } from '../helpers/fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const photo = (name: string) => path.join(here, '..', 'fixtures', 'photos', name);
const out = mkdtempSync(path.join(tmpdir(), 'shegong-photo-ml-'));
const probe = (name: string) => probeFile(photo(name), { role: 'photo', roleFrom: 'flag', ruleSet });
const check = async (name: string) => checkFile(await probe(name), ruleSet);
const find = (result: FileResult, id: string) => result.findings.find((f) => f.id === id);
const ids = (result: FileResult, severity?: string) =>
  result.findings.filter((f) => !severity || f.severity === severity).map((f) => f.id);

beforeAll(async () => {
  // On, whatever an earlier test file in this worker set (vitest runs files in one process).
  setPhotoModelsEnabled(true);
  const state = await loadPhotoModels();
  expect(state.ok).toBe(true);
}, 60_000);

describe('face facts', () => {
  it('finds exactly one face on the astronaut, frontal, and says the frame is not an ID crop', async () => {
    const facts = await probe('astronaut.jpg');
    expect(facts.face?.faces).toHaveLength(1);
    const face = facts.face!.faces[0]!;
    expect(Math.abs(face.yaw)).toBeLessThan(10);
    expect(Math.abs(face.roll)).toBeLessThan(8);
    // Brow-to-chin box around x 178–271, y 71–174 of 512.
    expect(face.left).toBeGreaterThan(0.3);
    expect(face.right).toBeLessThan(0.6);
    const result = checkFile(facts, ruleSet);
    expect(ids(result)).not.toContain('photo.face');
    expect(ids(result)).not.toContain('photo.pose');
    expect(find(result, 'photo.head-size')?.args?.variant).toBe('small');
    // The flag behind her is not white, and fix may whiten it because the face is known.
    expect(find(result, 'photo.background')?.args?.whiten).toBe(true);
    expect(fixableFindings(result).map((f) => f.id)).toContain('photo.background');
  });

  it('no face on the coffee cup; two faces side by side', async () => {
    const coffee = await check('coffee.jpg');
    expect(find(coffee, 'photo.face')).toMatchObject({ severity: 'error', measured: { faces: 0 } });
    const two = await check('two.jpg');
    expect(find(two, 'photo.face')).toMatchObject({ severity: 'error', measured: { faces: 2 } });
    // No single face: the background is not offered for whitening.
    expect(fixableFindings(two).map((f) => f.id)).not.toContain('photo.background');
  });

  it('a face rotated 20° is found and its roll flagged; a small face in a big frame is flagged small', async () => {
    const rotated = await check('rotated.jpg');
    expect(ids(rotated)).not.toContain('photo.face');
    expect(find(rotated, 'photo.pose')).toMatchObject({ severity: 'warning', args: { variant: 'roll' } });
    expect(Math.abs(Number(find(rotated, 'photo.pose')!.measured!.roll))).toBeGreaterThan(15);
    const small = await check('small-face.jpg');
    expect(ids(small)).not.toContain('photo.face');
    expect(find(small, 'photo.head-size')?.args?.variant).toBe('small');
    expect(Number(find(small, 'photo.head-size')!.measured!.faceArea)).toBeLessThan(0.01);
  });

  it('reads HEIC through libheif and checks its content, not only its format', async () => {
    const facts = await probe('blue.heic');
    expect(facts.sniffed).toBe('heic');
    expect(facts.image).toMatchObject({ width: 672, height: 896 });
    expect(facts.face?.faces).toHaveLength(1);
    const result = checkFile(facts, ruleSet);
    expect(find(result, 'file.format')).toMatchObject({
      severity: 'error',
      args: { variant: 'heic', convertible: true },
    });
    expect(ids(result, 'error')).toContain('photo.background');
    expect(fixableFindings(result).map((f) => f.id)).toEqual(
      expect.arrayContaining(['file.format', 'photo.background']),
    );
  });
});

describe('without the models', () => {
  afterAll(() => setPhotoModelsEnabled(true));

  it('says which checks it skipped and falls back to the heuristics', async () => {
    setPhotoModelsEnabled(false);
    const result = await check('astronaut.jpg');
    expect(find(result, 'photo.face')).toMatchObject({
      severity: 'info',
      args: { variant: 'skipped', reason: 'disabled' },
    });
    expect(ids(result)).not.toContain('photo.head-size');
    expect(find(result, 'photo.background')?.args?.whiten).toBeUndefined();
    const outcome = await fixToFile(photo('blue.jpg'), 'photo', path.join(out, 'blue-off.jpg'), ruleSet);
    // Without the face, no background is replaced and no preview is drawn: the copy says what is left.
    expect(outcome.ok && outcome.whitened).toBe(false);
    expect(outcome.ok && ids(outcome.result, 'error')).toContain('photo.background');
  });

  it('loads the models once per process', async () => {
    setPhotoModelsEnabled(true);
    const first = loadPhotoModels();
    expect(loadPhotoModels()).toBe(first);
    expect((await first).ok).toBe(true);
  });
});

describe('the models in a fresh process', () => {
  it('keeps one copy of the detector input in its WebAssembly memory, and loads without undici (a fresh process, 12 photos)', () => {
    // A fresh process: the memory belongs to the process and never shrinks. Photos at the probe's
    // decode size. tfjs' WebAssembly clone copied BlazeFace's whole input: 48 MiB; shared: 40 MiB.
    const root = path.resolve(here, '..', '..');
    const { decodeSize } = ruleValue(ruleSet, 'upload.photo.face');
    const script = `
      const sharp = (await import('sharp')).default;
      const { loadPhotoModels } = await import(${JSON.stringify(path.join(root, 'dist', 'files-io', 'photo-models.js'))});
      const state = await loadPhotoModels();
      const faceCounts = [];
      for (let round = 0; round < 3; round += 1)
        for (const file of ${JSON.stringify(['portrait.jpg', 'blue.jpg', 'wall.jpg', 'tilted.jpg'].map(photo))}) {
          const { data, info } = await sharp(file).rotate().resize(${decodeSize}, ${decodeSize}, { fit: 'inside' })
            .removeAlpha().raw().toBuffer({ resolveWithObject: true });
          faceCounts.push((await state.models.detectFaces(data, info.width, info.height, 3)).length);
        }
      const undici = process.moduleLoadList.some((name) => name.includes('undici'));
      console.log(JSON.stringify({ faceCounts, memory: state.models.memoryBytes(), undici }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const seen = JSON.parse(run.stdout) as { faceCounts: number[]; memory: number; undici: boolean };
    expect(seen.faceCounts).toEqual(Array(12).fill(1));
    expect(seen.memory / 2 ** 20).toBeLessThan(44);
    // The model files are read from disk without Node's fetch implementation (3-4 MB resident).
    expect(seen.undici).toBe(false);
  }, 60_000);
});
