#!/usr/bin/env node
// npm run bench:photo — every test photo through `shegong fix` (the real CLI, models on), and each
// written copy measured from its own pixels, independently of what the fix reports about itself:
//   exit    the CLI's exit code (0: the copy is fit to upload)
//   reason  why nothing was written, when it was not
//   faces   faces the detector finds on the copy; roll, its roll in degrees
//   corner  share of the two top corners (15 % × 12 %) below white (any channel < 250)
//   rim     mean max−min channel difference of the not-white pixels within 2 px of white pixels,
//           upper 60 % of the copy (head and shoulders): a coloured halo raises it
//   sides   share of the outer tenth on each side, top half, that is not near-white: a neighbour's
//           hair or shoulder raises it
// SHEGONG_ROOT=<another checkout> runs that checkout's CLI on the same photos (to compare versions).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(process.env.SHEGONG_ROOT ?? root, 'bin', 'shegong.js');
const photos = path.join(root, 'test', 'fixtures', 'photos');
const out = path.join(root, '.bench', 'photo-quality');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const { default: sharp } = await import('sharp');
const { probeFile } = await import(path.join(root, 'dist/files-io/probe-file.js'));
const { loadRuleSet } = await import(path.join(root, 'dist/rules/load-rule-set.js'));
const { ruleSet } = await loadRuleSet();

const NAMES = [
  'portrait.jpg',
  'blue.jpg',
  'red.jpg',
  'wall.jpg',
  'blue.heic',
  'phone.heic',
  'pair.jpg',
  'tilted.jpg',
  'dark.jpg',
  'tungsten.jpg',
  'pair-close.jpg',
  'two.jpg',
  'tilted-40.jpg',
  'thumbnail.jpg',
  'small-face.jpg',
  'astronaut.jpg',
  'sunglasses.jpg',
  'profile.jpg',
  'tight.jpg',
  'coffee.jpg',
];

async function measure(file) {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const W = info.width;
  const H = info.height;
  const px = (x, y) => [data[(y * W + x) * 3], data[(y * W + x) * 3 + 1], data[(y * W + x) * 3 + 2]];
  const white = (x, y) => Math.min(...px(x, y)) >= 250;
  let cornerShort = 0;
  let cornerAll = 0;
  for (let y = 0; y < Math.round(H * 0.12); y += 1)
    for (const x0 of [0, Math.round(W * 0.85)])
      for (let x = x0; x < x0 + Math.round(W * 0.15); x += 1) {
        cornerAll += 1;
        if (!white(x, y)) cornerShort += 1;
      }
  let rim = 0;
  let rimN = 0;
  for (let y = 2; y < Math.round(H * 0.6); y += 1)
    for (let x = 2; x < W - 2; x += 1) {
      if (white(x, y)) continue;
      let near = false;
      for (let dy = -2; dy <= 2 && !near; dy += 1)
        for (let dx = -2; dx <= 2 && !near; dx += 1) near = white(x + dx, y + dy);
      if (!near) continue;
      const p = px(x, y);
      rim += Math.max(...p) - Math.min(...p);
      rimN += 1;
    }
  let side = 0;
  let sideN = 0;
  for (let y = 0; y < Math.round(H * 0.5); y += 1)
    for (const x0 of [0, Math.round(W * 0.9)])
      for (let x = x0; x < x0 + Math.round(W * 0.1); x += 1) {
        sideN += 1;
        if (Math.min(...px(x, y)) < 240) side += 1;
      }
  const facts = await probeFile(file, { role: 'photo', roleFrom: 'flag', ruleSet });
  const faces = facts.face?.faces ?? [];
  return {
    faces: faces.length,
    roll: faces[0] ? Math.round(faces[0].roll * 10) / 10 : '',
    corner: (cornerShort / cornerAll).toFixed(3),
    rim: (rimN ? rim / rimN : 0).toFixed(1),
    sides: (side / sideN).toFixed(3),
  };
}

console.log(['photo', 'exit', 'reason', 'faces', 'roll', 'corner', 'rim', 'sides'].join('\t'));
for (const name of NAMES) {
  const target = path.join(out, `${name}.jpg`);
  const run = spawnSync(
    process.execPath,
    [cli, 'fix', path.join(photos, name), '--as', 'photo', '-o', target, '--force', '--format', 'json'],
    {
      encoding: 'utf8',
    },
  );
  let reason = '';
  let written = false;
  try {
    const json = JSON.parse(run.stdout);
    written = json.ok === true;
    reason = json.ok ? '' : json.reason;
  } catch {
    reason = (run.stderr.split('\n')[0] ?? '').slice(0, 40);
  }
  const m = written ? await measure(target) : {};
  console.log(
    [name, run.status, reason, m.faces ?? '', m.roll ?? '', m.corner ?? '', m.rim ?? '', m.sides ?? ''].join('\t'),
  );
}
