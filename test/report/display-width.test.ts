/** The table's own width count agrees with string-width wherever it counts (issue 14: no ICU set-up per run). */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/table.js';

describe('displayWidth', () => {
  it('agrees with string-width on every BMP code point (alone and in a coloured CJK cell)', () => {
    const differ: string[] = [];
    for (let code = 0x20; code <= 0xffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      for (const text of [char, `\u001b[31m报名${char}a\u001b[39m`])
        if (displayWidth(text) !== stringWidth(text)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('counts mixed Chinese, Latin, punctuation and emoji as a terminal shows them', () => {
    expect(displayWidth('张三 2026-05-06（周三）')).toBe(stringWidth('张三 2026-05-06（周三）'));
    expect(displayWidth('照片 → 已修复 ✓ 👍')).toBe(stringWidth('照片 → 已修复 ✓ 👍'));
    expect(displayWidth('报名')).toBe(4);
    expect(displayWidth('\u001b[1mok\u001b[22m')).toBe(2);
  });
});
