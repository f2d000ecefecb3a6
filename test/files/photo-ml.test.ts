/**
 * issue 11: the face detector and the white-background fix on real photos (scikit-image's
 * astronaut and coffee, and composites made from them: see test/fixtures/photos/README.md).
 * The models load once for the whole file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/files/check-file.js';
import { fixToFile } from '../../src/files-io/fix-to-file.js';
import { fixableFindings } from '../../src/files/fixable.js';
import { loadPhotoModels, setPhotoModelsEnabled } from '../../src/files-io/photo-models.js';
import { probeFile } from '../../src/files-io/probe-file.js';
import type { FileResult } from '../../src/model/report.js';
import { ruleSet } from '../helpers/fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const photo = (name: string) => path.join(here, '..', 'fixtures', 'photos', name);
const out = mkdtempSync(path.join(tmpdir(), 'shegong-photo-ml-'));
const probe = (name: string) => probeFile(photo(name), { role: 'photo', roleFrom: 'flag', ruleSet });
const check = async (name: string) => checkFile(await probe(name), ruleSet);
const find = (result: FileResult, id: string) => result.findings.find((f) => f.id === id);
const ids = (result: FileResult, severity?: string) =>
  result.findings.filter((f) => !severity || f.severity === severity).map((f) => f.id);

/** Mean RGB of a box of the image (shares of its size). */
async function meanOf(file: string, box: { left: number; top: number; right: number; bottom: number }) {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = Math.floor(box.top * info.height); y < Math.ceil(box.bottom * info.height); y += 1) {
    for (let x = Math.floor(box.left * info.width); x < Math.ceil(box.right * info.width); x += 1) {
      for (let c = 0; c < 3; c += 1) sum[c]! += data[(y * info.width + x) * info.channels + c]!;
      n += 1;
    }
  }
  return sum.map((v) => v / n);
}

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
    expect(facts.image).toMatchObject({ width: 384, height: 512 });
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

describe('fix: crop around the face, background to white', () => {
  it.each(['astronaut.jpg', 'blue.jpg', 'red.jpg', 'wall.jpg', 'blue.heic', 'small-face.jpg'])(
    '%s → a passing 295×413 JPEG, white corners, the face kept',
    async (name) => {
      const before = await check(name);
      expect(ids(before, 'error')).toContain('photo.background');
      const target = path.join(out, `${name}.jpg`);
      const outcome = await fixToFile(photo(name), 'photo', target, ruleSet);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome).toMatchObject({ width: 295, height: 413, whitened: true });
      expect(outcome.result.status).toBe('pass');
      expect(ids(outcome.result)).not.toContain('photo.background');
      expect(ids(outcome.result)).not.toContain('photo.position');
      expect(ids(outcome.result)).not.toContain('photo.head-size');
      // Top corners pure white (within JPEG noise); the face region is not.
      for (const corner of [
        { left: 0, top: 0, right: 0.1, bottom: 0.1 },
        { left: 0.9, top: 0, right: 1, bottom: 0.1 },
      ]) {
        for (const v of await meanOf(target, corner)) expect(v).toBeGreaterThan(250);
      }
      const facts = await probeFile(target, { role: 'photo', roleFrom: 'flag', ruleSet });
      expect(facts.face?.faces).toHaveLength(1);
      const face = facts.face!.faces[0]!;
      const skin = await meanOf(target, face);
      expect(Math.min(...skin)).toBeLessThan(200);
      // Centred, and the face fills about the rule's share of the frame.
      expect(Math.abs((face.left + face.right) / 2 - 0.5)).toBeLessThan(0.05);
      const area = (face.right - face.left) * (face.bottom - face.top);
      expect(area).toBeGreaterThan(0.12);
      expect(area).toBeLessThan(0.3);
    },
  );

  it('no blue or red fringe: the rim between the white background and the person is not tinted toward the old colour', async () => {
    // Rim: not-white pixels within 2 px of a pure-white one, in the top 60 % (head and shoulders).
    // Tinted: the pixel's difference from white points along (old background − white), cosine > 0.9.
    // Measured: 15 (red) and 0 (blue) of ~1,500 rim pixels; a plain alpha composite gives 1,347 and 438.
    for (const [name, bg] of [
      ['blue.jpg', [67, 142, 219]],
      ['red.jpg', [204, 0, 0]],
    ] as const) {
      const { data, info } = await sharp(path.join(out, `${name}.jpg`))
        .raw()
        .toBuffer({ resolveWithObject: true });
      const W = info.width;
      const H = Math.round(info.height * 0.6);
      const white = (x: number, y: number) => [0, 1, 2].every((c) => data[(y * W + x) * 3 + c]! > 248);
      const dir = bg.map((v) => v - 255);
      const len = Math.hypot(...dir);
      let rim = 0;
      let tinted = 0;
      for (let y = 2; y < H; y += 1) {
        for (let x = 2; x < W - 2; x += 1) {
          if (white(x, y)) continue;
          let near = false;
          for (let dy = -2; dy <= 2 && !near; dy += 1)
            for (let dx = -2; dx <= 2 && !near; dx += 1) near = white(x + dx, y + dy);
          if (!near) continue;
          rim += 1;
          const d = [0, 1, 2].map((c) => data[(y * W + x) * 3 + c]! - 255);
          const mag = Math.hypot(...d);
          if (mag > 15 && d.reduce((sum, v, c) => sum + v * dir[c]!, 0) / (mag * len) > 0.9) tinted += 1;
        }
      }
      expect(rim).toBeGreaterThan(500);
      expect(tinted / rim).toBeLessThan(0.04);
    }
  });

  it('two people: refused (no crop can tell whose photo it is); no face: converted as before, the copy keeps photo.face', async () => {
    expect(await fixToFile(photo('two.jpg'), 'photo', path.join(out, 'two.jpg'), ruleSet)).toMatchObject({
      ok: false,
      reason: 'faces',
    });
    const coffee = await fixToFile(photo('coffee.jpg'), 'photo', path.join(out, 'coffee.jpg'), ruleSet);
    expect(coffee).toMatchObject({ ok: false, reason: 'too-small' });
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
