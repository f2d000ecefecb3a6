#!/usr/bin/env node
/**
 * Build and sign a data pack from a templates folder (docs/data-packs.md, "Maintainer path").
 *
 *   npm run build
 *   SHEGONG_PACK_KEY=/path/to/maintainer-key.pem node scripts/build-pack.mjs [--templates DIR] [--out FILE]
 *
 * The private key is read from the path in SHEGONG_PACK_KEY (or --key PATH); it never belongs in
 * the repository. The pack is validated before signing (every rule and date sourced, every date
 * inside its cycle, provincial windows inside the national one); any problem stops the build.
 * Default output: packs/shegong-data.json, the file `shegong data update` looks for in the
 * published package.
 */
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const templates = path.resolve(flag('--templates') ?? path.join(root, 'templates'));
const out = path.resolve(flag('--out') ?? path.join(root, 'packs', 'shegong-data.json'));
const keyFile = flag('--key') ?? process.env.SHEGONG_PACK_KEY;
if (!keyFile) {
  console.error('build-pack: give the private key with SHEGONG_PACK_KEY=PATH or --key PATH');
  process.exit(2);
}

let buildPack;
let problemText;
let messagesFor;
try {
  ({ buildPack } = await import('../dist/packs/build-pack.js'));
  ({ problemText, messagesFor } = await import('../dist/i18n/messages.js'));
} catch {
  console.error('build-pack: run `npm run build` first (the script uses dist/)');
  process.exit(2);
}

const key = createPrivateKey(readFileSync(keyFile));
const built = await buildPack(templates, key);
if (!built.ok) {
  const messages = messagesFor('zh-CN');
  console.error(`build-pack: ${built.problems.length} problem(s), no pack written:`);
  for (const p of built.problems) console.error(`  - ${problemText(messages, p.key, p.args)}`);
  process.exit(1);
}
mkdirSync(path.dirname(out), { recursive: true });
const temp = `${out}.${process.pid}.tmp`;
writeFileSync(temp, built.text);
renameSync(temp, out);
const { manifest } = built.content;
console.log(`${out}: pack ${manifest.version} (checked ${manifest.checked}, exam year ${manifest.examYear}, expires ${manifest.expires})`);
