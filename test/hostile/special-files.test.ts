/** A named file that is a pipe: never read (it could block forever), and said in words, not as a code. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runMain } from '../helpers/run-in-process.js';

describe('special files named on the command line', () => {
  it('--rules naming a FIFO: exit 2, the reason in words, no internal code', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-fifo-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const fifo = path.join(dir, 'rules.json');
    execFileSync('mkfifo', [fifo]);
    for (const lang of [[], ['--lang', 'en']]) {
      const result = await runMain(['rules', '--rules', fifo, ...lang]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(fifo);
      expect(result.err).not.toMatch(/not-regular|E[A-Z]{3,}/);
    }
  });
});
