/** The table's own width count agrees with string-width wherever it counts (it avoids string-width's ICU set-up on every run). */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/table.js';

describe('displayWidth', () => {
  it('agrees with string-width on every BMP code point (the ideograph blocks as whole strings)', () => {
    const ideograph = (code: number) => (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff);
    const differ: string[] = [];
    for (let code = 0x20; code <= 0xffff; code += 1) {
      if ((code >= 0xd800 && code <= 0xdfff) || ideograph(code)) continue;
      const char = String.fromCharCode(code);
      if (displayWidth(char) !== stringWidth(char)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
    for (const [from, to] of [
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
    ] as const) {
      const block = Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i)).join('');
      expect(displayWidth(block)).toBe(stringWidth(block));
      expect(displayWidth(`\u001b[31m${block}\u001b[39m`)).toBe(stringWidth(block));
    }
  });

  it('counts mixed Chinese, Latin, punctuation and emoji as a terminal shows them', () => {
    expect(displayWidth('张三 2026-05-06（周三）')).toBe(stringWidth('张三 2026-05-06（周三）'));
    expect(displayWidth('照片 → 已修复 ✓ 👍')).toBe(stringWidth('照片 → 已修复 ✓ 👍'));
    expect(displayWidth('报名')).toBe(4);
    expect(displayWidth('\u001b[1mok\u001b[22m')).toBe(2);
  });
});
