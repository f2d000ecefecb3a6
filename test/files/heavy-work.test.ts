/** Heavy work (fixes, PDF reads) runs one piece at a time, and a fix lets an idle PDF reader go. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { oneHeavyAtATime } from '../../src/files-io/heavy-work.js';
import { fixScan } from '../../src/files-io/fix-file.js';
import { probeFile } from '../../src/files-io/probe-file.js';
import { idleReaders, readPdf } from '../../src/files-io/read-pdf.js';
import { ruleValue } from '../../src/rules/rule-access.js';
import { ruleSet } from '../helpers/fixtures.js';
import { makeScan } from '../helpers/make-images.js';
import { buildPdf } from '../helpers/make-pdfs.js';

it('two pieces of heavy work never overlap, whichever starts first', async () => {
  const running: string[] = [];
  const overlaps: string[][] = [];
  const piece = (name: string, ms: number) =>
    oneHeavyAtATime(async () => {
      running.push(name);
      if (running.length > 1) overlaps.push([...running]);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running.splice(running.indexOf(name), 1);
      return name;
    });
  expect(await Promise.all([piece('a', 20), piece('b', 5), piece('c', 10)])).toEqual(['a', 'b', 'c']);
  expect(overlaps).toEqual([]);
});

it('a PDF read for a check waits for the piece running, never for the fixes queued behind it', async () => {
  const order: string[] = [];
  const piece = (name: string, forACheck = false) =>
    oneHeavyAtATime(
      async () => {
        order.push(name);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      { forACheck },
    );
  const fixes = [piece('fix 1'), piece('fix 2'), piece('fix 3')];
  await new Promise((resolve) => setTimeout(resolve, 1));
  const read = piece('read', true);
  await Promise.all([...fixes, read]);
  expect(order).toEqual(['fix 1', 'read', 'fix 2', 'fix 3']);
});

it('a PDF reader left idle is let go when a fix starts, and the next PDF still reads', async () => {
  const limits = ruleValue(ruleSet, 'upload.pdf.reader');
  const first = await readPdf(buildPdf([{ lines: ['第一份'] }]), limits);
  expect(first.ok).toBe(true);
  expect(idleReaders()).toBeGreaterThanOrEqual(1);
  const dir = mkdtempSync(path.join(tmpdir(), 'shegong-heavy-'));
  const file = path.join(dir, '学历.jpg');
  writeFileSync(file, await makeScan());
  const facts = await probeFile(file, { role: 'diploma', roleFrom: 'flag', ruleSet });
  expect((await fixScan(facts, ruleSet)).ok).toBe(true);
  expect(idleReaders()).toBe(0);
  const second = await readPdf(buildPdf([{ lines: ['第二份'] }]), limits);
  expect(second.ok && second.texts[0]!.text.trim()).toBe('第二份');
});
