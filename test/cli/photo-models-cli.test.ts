/**
 * The photo models through the real CLI. vitest.config.ts turns them off (SHEGONG_ML=off) for the
 * other CLI runs, which test words, files and batches rather than faces; here they are on, so the
 * models are loaded and run end to end at least once per test run (module-level model tests are in
 * test/files/photo-ml.test.ts).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-in-process.js';

const photos = path.join(ROOT, 'test', 'fixtures', 'photos');
const verdicts = (json: { files: { path: string; findings: { id: string; severity: string }[] }[] }) =>
  Object.fromEntries(
    json.files.map((f) => [path.basename(f.path), f.findings.map((x) => `${x.id}:${x.severity}`).sort()]),
  );

describe('files with the photo models on', () => {
  it('two faces are an error, one small face a head-size warning; with the models off, faces are only a reminder', async () => {
    const args = [
      'files',
      path.join(photos, 'two.jpg'),
      path.join(photos, 'astronaut.jpg'),
      '--as',
      'photo',
      '--format',
      'json',
    ];
    const on = await runMain(args, { SHEGONG_ML: 'on' });
    expect(on.code).toBe(1);
    expect(verdicts(JSON.parse(on.out))).toEqual({
      'two.jpg': [
        'photo.aspect:error',
        'photo.background:error',
        'photo.density:info',
        'photo.face:error',
        'photo.official-tool:info',
        'photo.position:warning',
      ],
      'astronaut.jpg': [
        'photo.aspect:error',
        'photo.background:error',
        'photo.density:info',
        'photo.head-size:warning',
        'photo.official-tool:info',
      ],
    });
    const off = await runMain(args, { SHEGONG_ML: 'off' });
    expect(verdicts(JSON.parse(off.out))['two.jpg']).toContain('photo.face:info');
  }, 60_000);
});
