// The environment and Node flags bin/shegong.js's first line gives the real process
// (`#!/usr/bin/env -S VAR=value node --flag`): the bench and fuzz scripts run the CLI in-process
// through rss-run.mjs, and must run it as a user's `npx shegong` would.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'shegong.js');

export function launcherSettings() {
  const first = readFileSync(bin, 'utf8').split('\n', 1)[0] ?? '';
  const words = first
    .replace(/^#!\s*\/usr\/bin\/env\s+(-S\s+)?/, '')
    .split(/\s+/)
    .filter(Boolean);
  const env = {};
  const at = words.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  for (const w of words.slice(0, at)) {
    const eq = w.indexOf('=');
    env[w.slice(0, eq)] = w.slice(eq + 1);
  }
  return { env, execArgv: words.slice(at + 1) };
}
