/** Defects found in review, one test each, so they stay fixed. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseCsvRoster } from '../src/batch/roster-table.js';
import { mapColumns, readRow } from '../src/batch/roster-rows.js';
import { nthWeekday } from '../src/dates/day.js';
import { evaluateEligibility } from '../src/eligibility/evaluate-eligibility.js';
import { checkFile } from '../src/files/check-file.js';
import { fixToFile } from '../src/files/fix-to-file.js';
import { probeFile } from '../src/files/probe-file.js';
import { makeAnswers, provinces, ruleSet } from './helpers/fixtures.js';
import { BIN, CONFIG_DIR, ELIGIBLE, ROOT, candidate } from './helpers/run-cli.js';
import { runMain } from './helpers/run-in-process.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shegong-review-'));
const demo = path.join(ROOT, 'templates', 'demo', 'files');
const HEADER = '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,报考省份,身份证号';

/** A JPEG with junk bytes between segments: libjpeg warns ("extraneous bytes"), phones produce it. */
function withJunk(jpeg: Buffer): Buffer {
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0x00, 0x00, 0x00]), jpeg.subarray(2)]);
}

describe('review regressions', () => {
  it('1. a JPEG with extraneous bytes is checked and fixed, not crashed on', async () => {
    const file = path.join(dir, 'junk-照片.png.jpg');
    writeFileSync(file, withJunk(readFileSync(path.join(demo, '照片.jpg'))));
    const checked = checkFile(await probeFile(file, { role: 'photo', roleFrom: 'flag', ruleSet }), ruleSet);
    expect(checked.findings.map((f) => f.id)).not.toContain('file.corrupt');
    const fixed = await fixToFile(file, 'photo', path.join(dir, 'junk-fixed.jpg'), ruleSet);
    expect(fixed.ok || fixed.reason === 'undecodable').toBe(true);
  });

  it('2 & 3. summary.json stays valid JSON with concurrent applicants; --fix never writes over an original', async () => {
    const pngBytes = await sharp(path.join(ROOT, 'templates/demo/files/照片.jpg')).png().toBuffer();
    const work = path.join(dir, 'batch');
    const materials = path.join(work, 'out', 'fixed');
    const rows: string[] = [];
    for (let n = 0; n < 12; n += 1) {
      mkdirSync(path.join(materials, `A${n}`), { recursive: true });
      // PNG bytes named .jpg: fixable, and its fixed copy would be fixed/A<n>/照片.jpg — the original itself.
      writeFileSync(path.join(materials, `A${n}`, '照片.jpg'), pngBytes);
      rows.push(`A${n},助理,本科,其他,2018-07,全日制,2018-08..,广东,`);
    }
    const before = readFileSync(path.join(materials, 'A0', '照片.jpg'));
    writeFileSync(path.join(work, 'r.csv'), `${HEADER}\n${rows.join('\n')}\n`);
    // Materials inside the output's fixed/ folder: the worst case for overwriting.
    await runMain([
      'batch',
      path.join(work, 'r.csv'),
      '--materials',
      materials,
      '--output',
      path.join(work, 'out'),
      '--concurrency',
      '4',
      '--fix',
      '--today',
      '2026-11-21',
    ]);
    const json = JSON.parse(readFileSync(path.join(work, 'out', 'summary.json'), 'utf8'));
    expect(json.applicants).toHaveLength(12);
    expect(readFileSync(path.join(materials, 'A0', '照片.jpg')).equals(before)).toBe(true);
    // Issue 15: fixed copies go under a key per roster row (0002-A0), never the original's own folder.
    for (let n = 0; n < 12; n += 1)
      expect(readFileSync(path.join(materials, `A${n}`, '照片.jpg')).equals(before)).toBe(true);
    expect(readFileSync(path.join(work, 'out', 'summary.csv'), 'utf8')).toContain('fixed/0002-A0/照片.jpg');
  });

  it('4. no "0-01" start month when any month counts', async () => {
    const result = evaluateEligibility(
      makeAnswers({ education: 'associate', studyMode: 'part-time', work: [{ start: '2025-01' }] }),
      ruleSet,
      { examYear: 2026, registrationMonth: 3 },
    );
    expect(result.findings.find((f) => f.id === 'eligibility.years')?.measured?.countFrom).toBeNull();
    expect(result.routes.every((r) => r.countFrom === null)).toBe(true);
  });

  it('5. a missing certificate names the one the route needs', async () => {
    const needsAssistant = await runMain(candidate({ level: '中级', education: '高中', work: '2012-01..' }));
    expect(needsAssistant.code).toBe(2);
    expect(needsAssistant.err).toContain('助理社会工作师证书');
  });

  it('6 & 7. roster line numbers survive blank lines; a bad ID does not hide the verdict', async () => {
    const table = parseCsvRoster(
      Buffer.from(`${HEADER}\n\n\n李一,助理,本科,其他,2018-07,全日制,2018-08..,广东,110105194912310021\n`),
    );
    expect(table.ok && table.table.rows[0]?.line).toBe(4);
    if (!table.ok) return;
    const row = readRow(
      table.table.rows[0]!.cells,
      4,
      mapColumns(table.table.header),
      provinces,
      '2026-11-21',
      table.table.header,
    );
    expect(row.findings.map((f) => f.id)).toEqual(['roster.id-number']);
    expect(row.answers?.level).toBe('assistant');
  });

  it('8. a reader that closes the pipe early gets no stack trace', async () => {
    const result = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${BIN}" ${ELIGIBLE.map((a) => `'${a}'`).join(' ')} --format json | head -c 1 >/dev/null`,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, SHEGONG_CONFIG_DIR: CONFIG_DIR, NO_COLOR: '1' },
      },
    );
    expect(result.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
  });

  it('9. a valid PDF over the read limit is not called corrupt', async () => {
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

  it('10. a size just under the limit does not read as the limit', async () => {
    const file = path.join(dir, 'tiny-照片.jpg');
    writeFileSync(file, readFileSync(path.join(demo, '照片.jpg')).subarray(0, 9984));
    const size = checkFile(await probeFile(file, { role: 'photo', roleFrom: 'flag', ruleSet }), ruleSet).findings.find(
      (f) => f.id === 'file.size',
    );
    expect(Number(size?.args?.kb)).toBeLessThan(10);
  });

  it('11. profile path and reset speak JSON with --format json', async () => {
    expect(JSON.parse((await runMain(['profile', 'path', '--format', 'json'])).out)).toMatchObject({
      schema: 'shegong.profile/v1',
    });
    expect(JSON.parse((await runMain(['profile', 'reset', '--format', 'json'])).out)).toMatchObject({ reset: true });
  });

  it('12. a 5th weekday the month lacks becomes its last', async () => {
    expect(nthWeekday(2026, 2, 6, 5)).toBe('2026-02-28');
    expect(nthWeekday(2027, 5, 6, 5)).toBe('2027-05-29');
  });
});
