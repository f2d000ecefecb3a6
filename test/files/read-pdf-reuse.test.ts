/** A reader worker kept for many documents does not keep them. */
import { expect, it } from 'vitest';
import { documentsStillHeld, readPdf } from '../../src/files-io/read-pdf.js';
import { ruleValue } from '../../src/rules/rule-access.js';
import { ruleSet } from '../helpers/fixtures.js';
import { buildPdf } from '../helpers/make-pdfs.js';

it('after 20 documents, a full collection leaves none of them in the reader', async () => {
  // pdf.js 5.4 left each document reachable through a listener list shared by all documents
  // (read-pdf.ts, watchListeners): all 20 were still held, about 26 KB each on the fuzz PDFs.
  // A limit of its own, so the reader is this test's alone (the pool is shared across test files).
  const limits = { ...ruleValue(ruleSet, 'upload.pdf.reader'), maxHeapMb: 61 };
  for (let n = 0; n < 20; n += 1) {
    const reading = await readPdf(buildPdf([{ lines: [`第${n}份`] }]), limits);
    expect(reading.ok && reading.texts[0]!.text.trim()).toBe(`第${n}份`);
  }
  // All 20 were read and followed (the census sees them), and none is left after a collection.
  expect(await documentsStillHeld(limits)).toEqual({ read: 20, held: 0 });
});
