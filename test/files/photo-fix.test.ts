/**
 * `fixToFile` on photos, through the face models, on real photos and composites of them (see
 * test/fixtures/photos/README.md): each case a candidate brings gets its verdict (a copy that
 * meets the written norm, or a refusal naming what to retake), and every written copy is measured
 * again from its own pixels: one face, level, white background, no coloured rim, head top and
 * height inside the norm, never enlarged.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/files/check-file.js';
import { fixToFile } from '../../src/files-io/fix-to-file.js';
import { loadPhotoModels, setPhotoModelsEnabled } from '../../src/files-io/photo-models.js';
import { probeFile } from '../../src/files-io/probe-file.js';
import { ruleValue } from '../../src/rules/rule-access.js';
import { ruleSet } from '../helpers/fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const photo = (name: string) => path.join(here, '..', 'fixtures', 'photos', name);
const out = mkdtempSync(path.join(tmpdir(), 'shegong-photo-fix-'));
const norm = ruleValue(ruleSet, 'upload.photo.written');
const output = ruleValue(ruleSet, 'upload.photo.output');

beforeAll(async () => {
  setPhotoModelsEnabled(true);
  expect((await loadPhotoModels()).ok).toBe(true);
}, 60_000);

/** Pixels of the written copy away from the person's colours: the share under the norm's white. */
async function greyShareOfColumns(file: string, from: number, to: number, rows: number) {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  let short = 0;
  let n = 0;
  for (let y = 0; y < Math.round(info.height * rows); y += 1) {
    for (let x = Math.round(info.width * from); x < Math.round(info.width * to); x += 1) {
      const i = (y * info.width + x) * info.channels;
      if (Math.min(data[i]!, data[i + 1]!, data[i + 2]!) < 240) short += 1;
      n += 1;
    }
  }
  return short / n;
}

describe('photos that can be made right: written, meeting the norm', () => {
  it.each([
    ['portrait.jpg', ['crop', 'background']],
    ['blue.jpg', ['crop', 'background']],
    ['red.jpg', ['crop', 'background']],
    ['wall.jpg', ['crop', 'background']],
    ['blue.heic', ['crop', 'background']],
    ['pair.jpg', ['crop', 'background']],
    ['tilted.jpg', ['straighten', 'crop', 'background']],
    ['dark.jpg', ['crop', 'light', 'background']],
    ['tungsten.jpg', ['crop', 'light', 'background']],
    ['upside-down.jpg', ['turn', 'crop', 'background']],
    ['sideways.jpg', ['turn', 'crop', 'background']],
  ])('%s → a copy that passes, made by %j', async (name, changes) => {
    const target = path.join(out, `${name}.jpg`);
    const outcome = await fixToFile(photo(name), 'photo', target, ruleSet);
    if (!outcome.ok) throw new Error(`${name} refused: ${outcome.reason} ${JSON.stringify(outcome.args)}`);
    expect(outcome).toMatchObject({ width: output.width, height: output.height, whitened: true });
    expect(outcome.result.status).not.toBe('fail');
    expect(outcome.changes).toEqual(expect.arrayContaining([...changes, 'resize', 'encode']));
    // The written norm, as the fix measured it on the written pixels.
    const m = outcome.measures!;
    expect(m.upscale).toBeLessThanOrEqual(norm.maxUpscale);
    expect(m.backgroundShort).toBeLessThanOrEqual(norm.maxBackgroundShort);
    expect(m.backgroundSpread).toBeLessThanOrEqual(norm.maxBackgroundSpread);
    expect(m.edgeChroma).toBeLessThanOrEqual(norm.maxEdgeChroma);
    expect(m.headTop).toBeGreaterThanOrEqual(norm.headTopMin);
    expect(m.headTop).toBeLessThanOrEqual(norm.headTopMax);
    expect(m.headHeight).toBeGreaterThanOrEqual(norm.headHeightMin);
    expect(m.headHeight).toBeLessThanOrEqual(norm.headHeightMax);
    expect(m.centreOffset).toBeLessThanOrEqual(norm.maxCentreOffset);
    // And as the detector sees the copy: one face, level, frontal.
    const face = outcome.outputFacts.face!.faces;
    expect(face).toHaveLength(1);
    expect(Math.abs(face[0]!.roll)).toBeLessThanOrEqual(norm.maxRoll);
    expect(Math.abs(face[0]!.yaw)).toBeLessThanOrEqual(norm.maxYaw);
    // The top corners are the norm's white.
    expect(await greyShareOfColumns(target, 0, 0.15, 0.12)).toBe(0);
    expect(await greyShareOfColumns(target, 0.85, 1, 0.12)).toBe(0);
    // A preview beside the copy: the original, the copy, the replaced background.
    expect(outcome.preview).toBeDefined();
    const preview = await sharp(outcome.preview!).metadata();
    expect(preview.format).toBe('png');
    expect(preview.width).toBeGreaterThan(2 * output.width);
  });

  it('keeps only the candidate: the friend at the right edge leaves nothing in the copy', async () => {
    const target = path.join(out, 'pair.jpg.jpg');
    if (!existsSync(target)) await fixToFile(photo('pair.jpg'), 'photo', target, ruleSet);
    // Beside the candidate's head (top half, outer tenth of the width), only white.
    expect(await greyShareOfColumns(target, 0.9, 1, 0.5)).toBeLessThan(0.005);
  });

  it('straightens a head rolled 20°: measured roll before, level after', async () => {
    const before = await probeFile(photo('tilted.jpg'), { role: 'photo', roleFrom: 'flag', ruleSet });
    expect(Math.abs(before.face!.faces[0]!.roll)).toBeGreaterThan(15);
    const outcome = await fixToFile(photo('tilted.jpg'), 'photo', path.join(out, 'tilted-2.jpg'), ruleSet);
    expect(outcome.ok && Math.abs(outcome.outputFacts.face!.faces[0]!.roll)).toBeLessThanOrEqual(norm.maxRoll);
  });
});

describe('photos no edit can make right: nothing written, the reason and a preview', () => {
  it.each([
    ['astronaut.jpg', 'too-small'],
    ['thumbnail.jpg', 'too-small'],
    ['small-face.jpg', 'too-small'],
    ['tilted-40.jpg', 'tilt'],
    ['sunglasses.jpg', 'eyes-covered'],
    ['profile.jpg', 'pose-yaw'],
    ['tight.jpg', 'frame-top'],
    ['two.jpg', 'faces-right'],
    ['pair-close.jpg', 'faces-right'],
    ['coffee.jpg', 'no-face'],
  ])('%s → refused: %s', async (name, reason) => {
    const target = path.join(out, `refused-${name}.jpg`);
    const outcome = await fixToFile(photo(name), 'photo', target, ruleSet);
    expect(outcome).toMatchObject({ ok: false, reason });
    expect(existsSync(target)).toBe(false);
    // A face found: the preview marks on the original what is wrong.
    if (reason !== 'no-face') expect(outcome.ok === false && outcome.preview).toBeTruthy();
  });
});

describe('colour is never invented', () => {
  it('a black-and-white portrait is refused, not tinted', async () => {
    const grey = path.join(out, 'grey-portrait.jpg');
    await sharp(photo('portrait.jpg')).greyscale().jpeg({ quality: 90 }).toFile(grey);
    const outcome = await fixToFile(grey, 'photo', path.join(out, 'grey-fixed.jpg'), ruleSet);
    expect(outcome).toMatchObject({ ok: false, reason: 'grey' });
  });
});

describe('check first: files says what is wrong before a fix is offered', () => {
  it.each([
    ['upside-down.jpg', 180],
    ['sideways.jpg', 270],
  ])('%s: the pixels stand turned, an error naming the turn; measured as the upright portrait', async (name, turn) => {
    const facts = await probeFile(photo(name), { role: 'photo', roleFrom: 'flag', ruleSet });
    const upright = await probeFile(photo('portrait.jpg'), { role: 'photo', roleFrom: 'flag', ruleSet });
    expect(facts.image).toMatchObject({
      turn,
      orientedWidth: upright.image!.orientedWidth,
      orientedHeight: upright.image!.orientedHeight,
    });
    const found = checkFile(facts, ruleSet).findings.find((f) => f.id === 'photo.orientation');
    expect(found).toMatchObject({ severity: 'error', args: { variant: 'turned', turn } });
    // The face as in the upright portrait: same place, level, frontal.
    const face = facts.face!.faces[0]!;
    const uprightFace = upright.face!.faces[0]!;
    expect(facts.face!.faces).toHaveLength(1);
    expect(Math.abs(face.left - uprightFace.left)).toBeLessThan(0.02);
    expect(Math.abs(face.top - uprightFace.top)).toBeLessThan(0.02);
    expect(Math.abs(face.roll)).toBeLessThan(norm.maxRoll);
    // A report's thumbnail shows the picture as the candidate brought it: stored, not turned.
    const withThumb = await probeFile(photo(name), { role: 'photo', roleFrom: 'flag', ruleSet, thumbnailSize: 64 });
    const thumb = await sharp(Buffer.from(withThumb.thumbnail!.split(',')[1]!, 'base64')).metadata();
    const stored = await sharp(photo(name)).metadata();
    expect(thumb.width! > thumb.height!).toBe(stored.width! > stored.height!);
  });

  it('lying on its other side: a quarter turn clockwise', async () => {
    const file = path.join(out, 'sideways-left.jpg');
    await sharp(photo('portrait.jpg')).rotate(270).jpeg({ quality: 90 }).toFile(file);
    const facts = await probeFile(file, { role: 'photo', roleFrom: 'flag', ruleSet });
    expect(facts.image?.turn).toBe(90);
    expect(checkFile(facts, ruleSet).findings.find((f) => f.id === 'photo.orientation')?.args).toMatchObject({
      way: 'clockwise',
    });
  });

  it('pixels turned and an EXIF flag as well: found, no one way named, fixed upright', async () => {
    // Stored lying on its side with Orientation 6, and upside down once the flag is applied.
    const file = path.join(out, 'exif6-upside-down.jpg');
    await sharp(photo('upside-down.jpg'))
      .rotate(270)
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 90 })
      .toFile(file);
    const facts = await probeFile(file, { role: 'photo', roleFrom: 'flag', ruleSet });
    expect(facts.image).toMatchObject({ orientation: 6, turn: 180 });
    const found = checkFile(facts, ruleSet).findings.find((f) => f.id === 'photo.orientation');
    expect(found).toMatchObject({
      severity: 'error',
      measured: { orientation: 6, turn: 180 },
      args: { way: 'flagged' },
    });
    const outcome = await fixToFile(file, 'photo', path.join(out, 'exif6-fixed.jpg'), ruleSet, { facts });
    expect(outcome.ok && outcome.changes).toEqual(expect.arrayContaining(['turn', 'crop']));
    expect(outcome.ok && outcome.result.status).not.toBe('fail');
  });

  it('an upright portrait and one whose roll is a real tilt are not turned', async () => {
    for (const name of ['portrait.jpg', 'tilted.jpg', 'tilted-40.jpg', 'profile.jpg']) {
      const facts = await probeFile(photo(name), { role: 'photo', roleFrom: 'flag', ruleSet });
      expect(facts.image!.turn).toBeUndefined();
    }
  });

  it('sunglasses are an error on the photo as brought; open eyes are not', async () => {
    const covered = checkFile(
      await probeFile(photo('sunglasses.jpg'), { role: 'photo', roleFrom: 'flag', ruleSet }),
      ruleSet,
    );
    expect(covered.findings.find((f) => f.id === 'photo.eyes')).toMatchObject({
      severity: 'error',
      args: { variant: 'covered' },
    });
    const open = checkFile(
      await probeFile(photo('portrait.jpg'), { role: 'photo', roleFrom: 'flag', ruleSet }),
      ruleSet,
    );
    expect(open.findings.map((f) => f.id)).not.toContain('photo.eyes');
  });
});
