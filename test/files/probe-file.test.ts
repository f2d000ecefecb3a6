/** probeFile + checkFile on files that once broke them (review findings 1, 9, 10). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/files/check-file.js';
import { probeFile } from '../../src/files-io/probe-file.js';
import { ruleSet } from '../helpers/fixtures.js';
import { withJunk } from '../helpers/make-images.js';
import { ROOT } from '../helpers/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shegong-probe-'));
const demoPhoto = path.join(ROOT, 'templates', 'demo', 'files', '照片.jpg');

describe('probeFile and checkFile', () => {
  it('a JPEG with extraneous bytes is checked, not called corrupt', async () => {
    const file = path.join(dir, 'junk-照片.png.jpg');
    writeFileSync(file, withJunk(readFileSync(demoPhoto)));
    const checked = checkFile(await probeFile(file, { role: 'photo', roleFrom: 'flag', ruleSet }), ruleSet);
    expect(checked.findings.map((f) => f.id)).not.toContain('file.corrupt');
  });

  it('a valid PDF over the read limit is not called corrupt, only too large', async () => {
    const filler = Buffer.alloc(21 * 1024 * 1024, 0x20);
    const head = Buffer.from(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n',
      'latin1',
    );
    const body = Buffer.concat([
      head,
      Buffer.from('4 0 obj\n<< /Length 0 >>\nstream\n'),
      filler,
      Buffer.from('\nendstream\nendobj\n'),
    ]);
    const xref = body.length;
    const tail = Buffer.from(
      `xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
      'latin1',
    );
    const file = path.join(dir, 'big-diploma.pdf');
    writeFileSync(file, Buffer.concat([body, tail]));
    const ids = checkFile(await probeFile(file, { role: 'diploma', roleFrom: 'flag', ruleSet }), ruleSet).findings.map(
      (f) => f.id,
    );
    expect(ids).not.toContain('file.corrupt');
    expect(ids).toContain('file.size');
  });

  it('a size just under the limit does not read as the limit', async () => {
    const file = path.join(dir, 'tiny-照片.jpg');
    writeFileSync(file, readFileSync(demoPhoto).subarray(0, 9984));
    const size = checkFile(await probeFile(file, { role: 'photo', roleFrom: 'flag', ruleSet }), ruleSet).findings.find(
      (f) => f.id === 'file.size',
    );
    expect(Number(size?.args?.kb)).toBeLessThan(10);
  });
});
