/**
 * Drive the real CLI in a pseudo-terminal with util-linux `script` (no native module): wait for a
 * prompt's words on the screen, then type, as a person would.
 */
import { spawn, spawnSync } from 'node:child_process';
import { BIN } from './run-cli.js';

export const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\u001b[()][A-Z0-9]/g, '');

export interface PtySession {
  /** Resolves once the screen (since the last call) shows `pattern`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  type(text: string): void;
  /** Everything shown so far, without terminal escapes. */
  screen(): string;
  done: Promise<number | null>;
}

export function runInPty(args: string[], env: Record<string, string>, cwd: string, stdoutTo?: string): PtySession {
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const quoted = [process.execPath, BIN, ...args].map(quote).join(' ') + (stdoutTo ? ` > ${quote(stdoutTo)}` : '');
  const child = spawn('script', ['-qfec', `stty cols 100 rows 40; ${quoted}`, '/dev/null'], {
    cwd,
    env: { ...process.env, TERM: 'xterm-256color', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let all = '';
  let seen = 0;
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    all += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  void done.then(() => clearTimeout(killer));
  return {
    waitFor(pattern, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const fresh = plain(all.slice(seen));
          const match = fresh.match(pattern);
          if (match) {
            seen = all.length;
            listeners.delete(check);
            clearTimeout(timer);
            resolve(fresh);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${pattern}; screen:\n${plain(all).slice(-1500)}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    type(text) {
      child.stdin.write(text);
    },
    screen: () => plain(all),
    done: done.then((code) => {
      child.stdin.end();
      return code;
    }),
  };
}
