/** The batch's progress bar as a terminal shows it: each bar replaces the one before, whole. */
import { describe, expect, it, vi } from 'vitest';
import { progressReporter } from '../../src/cli/batch/roster-pipeline.js';
import { messagesFor } from '../../src/i18n/messages.js';

/** The lines a terminal ends up showing for these writes (\r to column 0, ESC[K erases the rest). */
function screen(writes: string[]): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let column = 0;
  for (const token of writes.join('').split(/(\r|\n|\x1b\[K)/)) {
    if (token === '\r') column = 0;
    else if (token === '\n') {
      lines.push(line.join('').trimEnd());
      line = [];
      column = 0;
    } else if (token === '\x1b[K') line = line.slice(0, column);
    else
      for (const character of token) {
        line[column] = character;
        column += 1;
      }
  }
  if (line.length) lines.push(line.join('').trimEnd());
  return lines;
}

describe('the batch progress bar on a terminal', () => {
  it('the last bar, shorter than the one before (no time left), leaves nothing of it behind', () => {
    const writes: string[] = [];
    const wasTty = process.stderr.isTTY;
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      const report = progressReporter(6, messagesFor('zh-CN'));
      report(5);
      report(6);
    } finally {
      write.mockRestore();
      Object.defineProperty(process.stderr, 'isTTY', { value: wasTty, configurable: true });
    }
    const messages = messagesFor('zh-CN');
    expect(screen(writes)).toEqual([`[${'█'.repeat(24)}] ${messages.batch.progress(6, 6, '')}`]);
  });
});
