import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflatedSize, readPdf } from '../../src/files-io/read-pdf.js';
import { ruleValue } from '../../src/rules/rule-access.js';
import { ruleSet } from '../helpers/fixtures.js';
import { buildPdf, recordLines } from '../helpers/make-pdfs.js';

const limits = ruleValue(ruleSet, 'upload.pdf.reader');

describe('readPdf (pdf.js in a bounded worker)', () => {
  it('extracts the CJK text layer of a report look-alike', async () => {
    const reading = await readPdf(buildPdf([{ lines: recordLines({ validUntil: '2026年08月31日' }) }]), limits);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.pages).toBe(1);
    expect(reading.texts[0]!.text).toContain('教育部学历证书电子注册备案表');
    expect(reading.texts[0]!.text).toMatch(/在线验证报告有效期至\s*2026年08月31日/);
  });

  // pdf.js's display layer loads a native Skia (@napi-rs/canvas) to draw pages: ~30 MB resident
  // in a worker that only reads text and counts images.
  it.runIf(process.platform === 'linux')('reads without loading the native canvas library', async () => {
    const reading = await readPdf(buildPdf([{ lines: recordLines() }, { image: { width: 120, height: 170 } }]), limits);
    expect(reading.ok && reading.texts.map((page) => page.images)).toEqual([0, 1]);
    expect(readFileSync('/proc/self/maps', 'utf8')).not.toContain('@napi-rs');
  });

  it('counts pages stored in compressed object streams', async () => {
    const bytes = buildPdf([{ lines: recordLines() }, { lines: ['第二页'] }, { lines: ['第三页'] }], {
      objectStreams: true,
      compress: true,
    });
    const reading = await readPdf(bytes, limits);
    expect(reading.ok && reading.pages).toBe(3);
    expect(reading.ok && reading.texts[2]!.text).toContain('第三页');
  });

  it('tells a password-protected PDF from one with only an owner password', async () => {
    const locked = await readPdf(
      buildPdf([{ lines: recordLines() }], { encrypt: { user: 'secret', owner: 'owner' } }),
      limits,
    );
    expect(locked).toMatchObject({ ok: false, reason: 'password' });
    const ownerOnly = await readPdf(
      buildPdf([{ lines: recordLines() }], { encrypt: { user: '', owner: 'owner' } }),
      limits,
    );
    expect(ownerOnly.ok && ownerOnly.texts[0]!.text).toContain('在线验证码');
    expect(ownerOnly.ok && ownerOnly.encrypted).toBe(true);
  });

  it('sees a scanned page: no text, one image', async () => {
    const reading = await readPdf(buildPdf([{ image: { width: 120, height: 170 } }]), limits);
    expect(reading.ok && reading.texts).toEqual([{ text: '', images: 1 }]);
  });

  it('does not decode an image above maxImagePixels', async () => {
    const bytes = buildPdf([{ image: { width: 400, height: 300 } }]);
    const reading = await readPdf(bytes, { ...limits, maxImagePixels: 100_000 });
    expect(reading.ok && reading.texts).toEqual([{ text: '', images: 0 }]);
  });

  it('refuses a Flate bomb before pdf.js sees it', async () => {
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const bytes = buildPdf([{ lines: ['x'] }]);
    // Splice a 64 MB-inflating stream object in front of the xref (offsets stay irrelevant to the pre-pass).
    const evil = Buffer.concat([
      bytes.subarray(0, 15),
      Buffer.from(`99 0 obj\n<< /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`),
      bomb,
      Buffer.from('\nendstream\nendobj\n'),
      bytes.subarray(15),
    ]);
    expect(await inflatedSize(evil, 1024 * 1024)).toBeNull();
    expect(await inflatedSize(evil, 128 * 1024 * 1024)).toBeGreaterThanOrEqual(64 * 1024 * 1024);
    const reading = await readPdf(evil, { ...limits, maxInflatedBytes: 1024 * 1024 });
    expect(reading).toMatchObject({ ok: false, reason: 'inflate' });
  });

  it('stops a slow PDF at the time limit', async () => {
    const slow = buildPdf([{ lines: ['慢'], extraContent: `BT /F1 1 Tf ${'<6162> Tj '.repeat(400_000)}ET` }], {
      compress: true,
    });
    // The reason says the time limit stopped it (without the limit this PDF reads to the end, ok).
    const reading = await readPdf(slow, { ...limits, timeoutMs: 300 });
    expect(reading).toMatchObject({ ok: false, reason: 'time' });
  });

  it('stops a memory-hungry PDF at the heap limit', async () => {
    const hungry = buildPdf([{ lines: ['满'], extraContent: `[${'0 '.repeat(3_000_000)}] pop` }], { compress: true });
    const reading = await readPdf(hungry, { ...limits, maxHeapMb: 16, timeoutMs: 20_000 });
    expect(reading.ok).toBe(false);
    expect(reading).toMatchObject({ ok: false, reason: 'memory' });
  });

  it('reused readers keep documents apart, and one killed by a limit does not break the next', async () => {
    const read = (title: string) => readPdf(buildPdf([{ lines: [title] }]), limits);
    const [a, b, c] = await Promise.all([read('甲'), read('乙'), read('丙')]);
    expect([a, b, c].map((r) => r.ok && r.texts[0]!.text.trim())).toEqual(['甲', '乙', '丙']);
    const slow = buildPdf([{ lines: ['慢'], extraContent: `BT /F1 1 Tf ${'<6162> Tj '.repeat(400_000)}ET` }], {
      compress: true,
    });
    expect(await readPdf(slow, { ...limits, timeoutMs: 200 })).toMatchObject({ ok: false, reason: 'time' });
    const after = await read('丁');
    expect(after.ok && after.texts[0]!.text.trim()).toBe('丁');
  });

  it('calls a damaged file damaged', async () => {
    const reading = await readPdf(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage'), limits);
    expect(reading).toMatchObject({ ok: false, reason: 'damaged' });
  });
});
