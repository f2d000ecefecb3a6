/** fixToFile on inputs that once crashed it. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { fixToFile } from '../../src/files-io/fix-to-file.js';
import { probeFile } from '../../src/files-io/probe-file.js';
import { checkFile } from '../../src/files/check-file.js';
import { fixPlan } from '../../src/files/fixable.js';
import { ruleSet } from '../helpers/fixtures.js';
import { withJunk } from '../helpers/make-images.js';
import { ROOT } from '../helpers/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shegong-fix-'));

describe('fixToFile', () => {
  it('a JPEG with extraneous bytes is declined as undecodable: an outcome, no throw, nothing written', async () => {
    const file = path.join(dir, 'junk-照片.jpg');
    writeFileSync(file, withJunk(readFileSync(path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg'))));
    const output = path.join(dir, 'junk-fixed.jpg');
    // Pinned as it is today (review finding 1: the old `ok || undecodable` could not fail). libvips
    // refuses the junk half-way, so no copy is made; the check above still reads the file.
    await expect(fixToFile(file, 'photo', output, ruleSet)).resolves.toEqual({ ok: false, reason: 'undecodable' });
    expect(existsSync(output)).toBe(false);
  });
});

describe('a scan whose pixels lie sideways behind an EXIF flag', () => {
  it('is flagged, and fix writes the pixels upright (the flag gone, the warning gone)', async () => {
    const card = readFileSync(path.join(ROOT, 'templates', 'demo', 'files', '身份证正面.jpg'));
    const file = path.join(dir, '身份证正面-sideways.jpg');
    // The pixels turned a quarter, and the flag that turns them back (what a phone held sideways stores).
    writeFileSync(
      file,
      await sharp(card).rotate(270).withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toBuffer(),
    );
    const before = checkFile(await probeFile(file, { role: 'id-front', roleFrom: 'flag', ruleSet }), ruleSet);
    expect(before.findings.find((f) => f.id === 'scan.orientation')).toMatchObject({
      severity: 'warning',
      args: { orientation: 6, sideways: true },
    });
    expect(fixPlan(before)).toBe('fix');
    const output = path.join(dir, '身份证正面-upright.jpg');
    const outcome = await fixToFile(file, 'id-front', output, ruleSet);
    expect(outcome.ok).toBe(true);
    const meta = await sharp(output).metadata();
    const original = await sharp(card).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([original.width, original.height, 1]);
    if (outcome.ok) expect(outcome.result.findings.map((f) => f.id)).not.toContain('scan.orientation');
  });
});
