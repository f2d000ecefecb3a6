/** The second red-team list: privacy of material names, lost work, exit codes, bounds, spoofing and silence. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { batch, HEADER, PHOTO, row, walk, workspace } from '../helpers/hostile-batch.js';

/** Every local link of an HTML page, decoded and resolved against the page's folder. */
function localLinks(page: string): string[] {
  const html = readFileSync(page, 'utf8');
  return [...html.matchAll(/(?:href|src)="([^"#:]+)"/g)].map((m) =>
    path.resolve(path.dirname(page), decodeURI(m[1]!.replaceAll('&amp;', '&'))),
  );
}

describe('N1: an ID number in a material file name', () => {
  it('appears in no output file name, manifest, page or link, and every link points to a file that exists', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'm', '李四'), { recursive: true });
    copyFileSync(PHOTO, path.join(dir, 'm', '李四', '照片440106199203150022.png'));
    writeFileSync(path.join(dir, 'r.csv'), [HEADER, row('李四')].join('\n'));
    const result = await batch(dir, 'r.csv', ['--fix']);
    expect(result.code).toBeLessThan(2);
    const out = path.join(dir, 'out');
    const whole = /440106199203150022/;
    expect(result.out + result.err).not.toMatch(whole);
    const files = walk(out);
    expect(files.some((f) => f.startsWith(path.join('fixed', '0002-李四', '照片')))).toBe(true);
    for (const file of files) {
      expect(file).not.toMatch(whole);
      if (/\.(md|html|csv|json)$/.test(file))
        expect(readFileSync(path.join(out, file), 'utf8'), file).not.toMatch(whole);
    }
    for (const page of ['report.html', path.join('reports', '0002-李四.html')])
      for (const link of localLinks(path.join(out, page))) expect(existsSync(link), `${page} → ${link}`).toBe(true);
  });
});

describe('N11: bidi and zero-width characters never reach a file name', () => {
  it('a right-to-left override or zero-width joiner in a name is stripped from every output path', async () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, 'r.csv'),
      [HEADER, row('\u202eexe.fdp李'), row('\u200b\u200b王\u200d五\u2066')].join('\n'),
    );
    const result = await batch(dir, 'r.csv');
    expect(result.code).toBe(1);
    const files = walk(path.join(dir, 'out'));
    for (const file of files) expect(file).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\u061c\ufeff]/);
    expect(files).toContain(path.join('reports', '0002-exe.fdp李.html'));
    expect(files).toContain(path.join('reports', '0003-王五.html'));
  });
});
