/**
 * Spawn the built bin like a user's shell would: no TTY, no stdin, colours off, private config dir.
 * Only for what needs a real process (exit status, start-up imports, signals, EPIPE, TZ, a real
 * fix); everything else runs the same `main` in-process with `runMain` (run-in-process.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin', 'shegong.js');
export const CONFIG_DIR = mkdtempSync(path.join(tmpdir(), 'shegong-test-'));

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

export function runCli(args: string[], env: Record<string, string> = {}, cwd = ROOT): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, NO_COLOR: '1', SHEGONG_CONFIG_DIR: CONFIG_DIR, SHEGONG_NO_DATA_NOTICE: '1', ...env },
    timeout: 30_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const BASE: Record<string, string> = {
  level: '助理',
  education: '本科',
  major: '其他',
  graduated: '2020-06',
  'study-mode': '全日制',
  work: '2020-07..',
  province: '广东',
  today: '2026-02-20',
};

/** Flags for a candidate, starting from one who is eligible for 助理 in 2026. */
export const candidate = (changes: Record<string, string> = {}) =>
  Object.entries({ ...BASE, ...changes }).flatMap(([flag, value]) => [`--${flag}`, value]);

export const ELIGIBLE = candidate();
