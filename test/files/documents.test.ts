/** 学信网 reports recognised from their text and checked against the dates and answers. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEducationCases } from '../../src/answers/education-cases.js';
import { assessCandidate } from '../../src/assess/assess-candidate.js';
import { buildEvents } from '../../src/dates/build-events.js';
import { checkOne } from '../../src/files-io/probe-and-check.js';
import { documentFindings, withDocumentChecks } from '../../src/files/document-checks.js';
import { maskCode, parseDocumentDate, recogniseDocument } from '../../src/files/recognise-document.js';
import { calendar, makeAnswers, ruleSet } from '../helpers/fixtures.js';
import { buildPdf, recordLines } from '../helpers/make-pdfs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shegong-docs-'));
const write = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
};
const page = (lines: string[]) => [{ text: lines.join('\n'), images: 0 }];
const ids = (findings: { id: string; severity: string }[], severity?: string) =>
  findings.filter((f) => !severity || f.severity === severity).map((f) => f.id);

describe('recogniseDocument', () => {
  it('reads the fields of a 备案表 and masks the code and the ID number', () => {
    const doc = recogniseDocument(
      page(recordLines({ validUntil: '2026年08月31日', code: 'A1B2C3D4E5F6G7H8' })),
      ruleSet,
    );
    expect(doc).toMatchObject({
      kind: 'record',
      textLayer: true,
      holder: '张三',
      level: 'bachelor',
      levelText: '本科',
      major: '社会工作',
      socialWork: true,
      graduated: '2020-06-30',
      validUntil: '2026-08-31',
      code: 'A1************H8',
      idNumber: '110105********002X',
    });
    expect(JSON.stringify(doc)).not.toContain('A1B2C3D4E5F6G7H8');
    expect(JSON.stringify(doc)).not.toContain('11010519491231002X');
  });

  it('tells the four report kinds, a diploma, a scan and anything else apart', () => {
    const kind = (title: string) => recogniseDocument(page([title, '姓名 李四']), ruleSet).kind;
    expect(kind('中国高等教育学位在线验证报告')).toBe('degree-online');
    expect(kind('中国高等教育学历认证报告')).toBe('education-certification');
    expect(kind('中国高等教育学位认证报告')).toBe('degree-certification');
    expect(kind('教育部学籍在线验证报告')).toBe('enrolment-online');
    expect(kind('普通高等学校 毕 业 证 书')).toBe('diploma');
    expect(kind('劳动合同')).toBeNull();
    expect(recogniseDocument([{ text: '', images: 1 }], ruleSet).kind).toBe('scan');
  });

  it('maps degree words to levels and reads dates written several ways', () => {
    const degree = recogniseDocument(
      page(['中国高等教育学位在线验证报告', '学位 硕士学位', '学科专业 社会学', '验证有效期至 2026-09-01']),
      ruleSet,
    );
    expect(degree).toMatchObject({ level: 'master', major: '社会学', socialWork: false, validUntil: '2026-09-01' });
    expect(parseDocumentDate('2026.3.5')).toBe('2026-03-05');
    expect(parseDocumentDate('2026年02月30日')).toBeNull();
    expect(parseDocumentDate('2019年7月')).toBe('2019-07');
    expect(maskCode('ABCD')).toBe('****');
  });

  it('reads values whose labels run together with no space (as some text layers do)', () => {
    const doc = recogniseDocument(
      page([
        '教育部学历证书电子注册备案表',
        '姓名张三性别女',
        '层次本科学历类别普通高等教育',
        '专业社会工作学制4年',
        '在线验证码：ABCD1234EFGH5678报告有效期至：2026年09月01日',
      ]),
      ruleSet,
    );
    expect(doc).toMatchObject({
      holder: '张三',
      level: 'bachelor',
      major: '社会工作',
      code: 'AB************78',
      validUntil: '2026-09-01',
    });
  });

  it('does not take a certificate number for an ID number', () => {
    const doc = recogniseDocument(page(['教育部学历证书电子注册备案表', '证书编号 100011202005001234']), ruleSet);
    expect(doc.idNumber).toBeNull();
  });
});

describe('validity against the calendar', () => {
  const today = '2026-02-20';
  const henan = buildEvents(calendar, ruleSet, { year: 2026, today, province: 'henan' });
  const guangdong = buildEvents(calendar, ruleSet, { year: 2026, today, province: 'guangdong' });
  const registrationEnd = guangdong.find((e) => e.id === 'registration')!.end;
  const reviewEnd = henan.find((e) => e.id === 'post-exam-review')!.end;
  const doc = (validUntil: string) => recogniseDocument(page(recordLines({ validUntil })), ruleSet);

  it('an expired report is an error that says how far to extend', () => {
    const [finding] = documentFindings(doc('2026年01月31日'), { today, events: guangdong }, ruleSet);
    expect(finding).toMatchObject({
      id: 'document.expired',
      severity: 'error',
      measured: { validUntil: '2026-01-31', daysAgo: 20 },
      args: { extendTo: registrationEnd, window: 'registration' },
    });
  });

  it('a report ending inside the registration window must be extended to its end', () => {
    const [finding] = documentFindings(doc('2026年03月10日'), { today, events: guangdong }, ruleSet);
    expect(finding).toMatchObject({
      id: 'document.expires-before-review',
      args: { extendTo: registrationEnd, window: 'registration' },
    });
  });

  it('where the province reviews after the exam, it must last through the review', () => {
    const until = '2026年07月31日';
    expect(documentFindings(doc(until), { today, events: guangdong }, ruleSet)).toEqual([]);
    const [finding] = documentFindings(doc(until), { today, events: henan }, ruleSet);
    expect(finding).toMatchObject({
      id: 'document.expires-before-review',
      severity: 'error',
      expected: { validThrough: reviewEnd, window: 'review' },
    });
    expect(finding!.args!.short).toBeGreaterThan(0);
  });

  it('a review beyond the 180-day maximum says from when the extension is possible', () => {
    const [within] = documentFindings(doc('2026年03月31日'), { today, events: henan }, ruleSet);
    expect(within!.args).toMatchObject({ extendTo: reviewEnd, extendFrom: '' }); // 173 days ahead: extend now
    const early = '2026-01-20';
    const events = buildEvents(calendar, ruleSet, { year: 2026, today: early, province: 'henan' });
    const [finding] = documentFindings(doc('2026年03月31日'), { today: early, events }, ruleSet);
    expect(finding!.args).toMatchObject({ extendTo: reviewEnd, maxDays: 180 });
    const from = new Date(`${reviewEnd}T00:00:00Z`);
    from.setUTCDate(from.getUTCDate() - 180);
    expect(finding!.args!.extendFrom).toBe(from.toISOString().slice(0, 10));
  });

  it('compares level, major and graduation with the answers (both values kept)', () => {
    const associate = recogniseDocument(
      page(
        recordLines({ level: '专科', major: '社区管理', graduated: '2019年07月01日', validUntil: '2026年12月31日' }),
      ),
      ruleSet,
    );
    const findings = documentFindings(
      associate,
      {
        today,
        events: guangdong,
        answers: makeAnswers({ education: 'bachelor', major: 'social-work', graduated: '2020-06' }),
      },
      ruleSet,
    );
    expect(findings.map((f) => [f.id, f.severity, f.args?.field])).toEqual([
      ['document.mismatch', 'error', 'level'],
      ['document.mismatch', 'error', 'major'],
      ['document.mismatch', 'warning', 'graduated'],
    ]);
    expect(findings[0]).toMatchObject({ measured: { level: 'associate' }, expected: { level: 'bachelor' } });
  });
});

describe('through the probe and the checklist', () => {
  it('a text-layer report in object streams is read, recognised and passes', async () => {
    const file = write(
      '学历.pdf',
      buildPdf([{ lines: recordLines({ validUntil: '2026年12月31日' }) }, { lines: ['第二页'] }], {
        objectStreams: true,
        compress: true,
      }),
    );
    const result = await checkOne({ path: file, role: 'diploma' }, ruleSet);
    expect(result.status).toBe('pass');
    expect(result.measured).toMatchObject({ pages: 2, reader: 'pdfjs', textPages: 2 });
    expect(result.findings.map((f) => [f.id, f.args?.variant])).toEqual([['document.type', 'recognised']]);
    expect(JSON.stringify(result)).not.toMatch(/A1B2C3D4E5F6G7H8|11010519491231002X/);
  });

  it('a scanned image-only PDF and a diploma are the wrong document type (warning)', async () => {
    const scan = await checkOne(
      { path: write('scan.pdf', buildPdf([{ image: { width: 100, height: 140 } }])), role: 'diploma' },
      ruleSet,
    );
    expect(scan.findings.map((f) => [f.id, f.severity, f.args?.variant])).toEqual([
      ['document.type', 'warning', 'scan'],
    ]);
    expect(scan.measured).toMatchObject({ imageOnlyPages: 1, textPages: 0 });
  });

  it('an encrypted report needs a password: an error, not a crash', async () => {
    const locked = await checkOne(
      {
        path: write('locked.pdf', buildPdf([{ lines: recordLines() }], { encrypt: { user: 'pw', owner: 'o' } })),
        role: 'diploma',
      },
      ruleSet,
    );
    expect(ids(locked.findings, 'error')).toEqual(['pdf.encrypted']);
    const ownerOnly = await checkOne(
      {
        path: write(
          'owner.pdf',
          buildPdf([{ lines: recordLines({ validUntil: '2026年12月31日' }) }], { encrypt: { user: '', owner: 'o' } }),
        ),
        role: 'diploma',
      },
      ruleSet,
    );
    expect(ownerOnly.findings.map((f) => [f.id, f.severity])).toEqual([
      ['pdf.encrypted', 'warning'],
      ['document.type', 'info'],
    ]);
  });

  it('a PDF whose structure looks fine but pdf.js cannot open is corrupt', async () => {
    const broken = buildPdf([{ lines: recordLines() }])
      .toString('latin1')
      .replace('/Type /Catalog /Pages 2 0 R', '/Type /Catalog /Pages 99 0 R');
    const result = await checkOne(
      { path: write('broken.pdf', Buffer.from(broken, 'latin1')), role: 'diploma' },
      ruleSet,
    );
    expect(result.findings.map((f) => [f.id, f.args?.reason])).toEqual([['file.corrupt', 'pdfjs']]);
    expect(result.measured).toMatchObject({ reader: 'structure', readFailure: 'damaged' });
  });

  it('the checklist run checks validity against the province’s review', async () => {
    const file = await checkOne(
      {
        path: write('review.pdf', buildPdf([{ lines: recordLines({ validUntil: '2026年07月31日' }) }])),
        role: 'diploma',
      },
      ruleSet,
    );
    const answers = makeAnswers({ major: 'social-work', province: 'henan' });
    const outcome = assessCandidate({ answers, ruleSet, calendar, today: '2026-02-20', files: [file] });
    expect(ids(outcome.files[0]!.findings, 'error')).toEqual(['document.expires-before-review']);
    expect(outcome.ready).toBe(false);
    const guangdong = assessCandidate({
      answers: { ...answers, province: 'guangdong' },
      ruleSet,
      calendar,
      today: '2026-02-20',
      files: [file],
    });
    expect(ids(guangdong.files[0]!.findings, 'error')).toEqual([]);
  });

  it('withDocumentChecks leaves files without a document alone', () => {
    const file = { path: 'x.jpg', role: 'diploma', status: 'pass' as const, measured: {}, findings: [] };
    expect(withDocumentChecks(file, { today: '2026-02-20', events: [] }, ruleSet)).toBe(file);
  });
});

describe('the checklist asks for the document that fits the case', () => {
  const today = '2026-02-20';
  const item = (
    answers: Partial<Parameters<typeof makeAnswers>[0]>,
    files: Parameters<typeof assessCandidate>[0]['files'] = [],
  ) =>
    assessCandidate({ answers: makeAnswers(answers), ruleSet, calendar, today, files }).checklist.find(
      (i) => i.id === 'materials.education-verification',
    )!;

  it('online verification expected to work: info, any 学信网 report if it fails', () => {
    expect(item({})).toMatchObject({
      status: 'info',
      args: { cases: [], kinds: ['record', 'degree-online', 'education-certification', 'degree-certification'] },
    });
  });

  it('before 2002: the certification report, which has no online validity to keep', () => {
    const henan = item({ graduated: '1998-07', province: 'henan' });
    expect(henan).toMatchObject({
      status: 'todo',
      args: { cases: ['before-online'], kinds: ['education-certification'], validThrough: null },
    });
  });

  it('an online-verification report stays valid through the review where there is one', () => {
    const henan = item({ graduated: '2026-06', major: 'social-work', province: 'henan' });
    expect(henan.args).toMatchObject({ kinds: ['enrolment-online'], window: 'review' });
    const reviewEnd = buildEvents(calendar, ruleSet, { year: 2026, today, province: 'henan' }).find(
      (e) => e.id === 'post-exam-review',
    )!.end;
    expect(henan.args.validThrough).toBe(reviewEnd);
    expect(item({ graduated: '2026-06', major: 'social-work' }).args).toMatchObject({ window: 'registration' });
  });

  it('a master’s degree awarded before 2008-09: the 学位认证报告 (学位在线验证 does not reach it)', () => {
    expect(item({ education: 'master', graduated: '2006-07' }).args).toMatchObject({
      cases: ['degree-before-online'],
      kinds: ['degree-certification'],
    });
    expect(item({ education: 'master', graduated: '2009-07' }).args).toMatchObject({ cases: [] });
  });

  it('应届 before the diploma: the 学籍 report; 高中/中专: a diploma scan, no validity', () => {
    expect(item({ graduated: '2026-06', major: 'social-work' }).args).toMatchObject({
      cases: ['not-yet-graduated'],
      kinds: ['enrolment-online'],
    });
    expect(item({ education: 'secondary', graduated: '2010-06' }).args).toMatchObject({
      cases: ['school'],
      kinds: ['diploma'],
      validThrough: null,
    });
  });

  it('--education-case: an overseas degree wants the CSCSE certificate; a changed name the 备案表 or 认证报告', () => {
    expect(parseEducationCases(['境外', 'renamed,改名'])).toEqual({ cases: ['abroad', 'renamed'], unknown: [] });
    expect(parseEducationCases('mars').unknown).toEqual(['mars']);
    const abroad = assessCandidate({
      answers: makeAnswers(),
      ruleSet,
      calendar,
      today,
      educationCases: ['abroad'],
    }).checklist.find((i) => i.id === 'materials.education-verification')!;
    expect(abroad).toMatchObject({
      status: 'todo',
      args: { cases: ['abroad'], kinds: ['overseas-certification'], validThrough: null },
    });
    const renamed = assessCandidate({
      answers: makeAnswers(),
      ruleSet,
      calendar,
      today,
      educationCases: ['renamed'],
    }).checklist.find((i) => i.id === 'materials.education-verification')!;
    expect(renamed.args).toMatchObject({ cases: ['renamed'], kinds: ['record', 'education-certification'] });
  });

  it('a fitting report that passes ticks the item off; a failing one blocks it', async () => {
    const good = await checkOne(
      {
        path: write(
          'cert-ok.pdf',
          buildPdf([
            {
              lines: [
                '中国高等教育学历认证报告',
                ...recordLines({ validUntil: '2026年12月31日', graduated: '1998年07月01日' }).slice(2),
              ],
            },
          ]),
        ),
        role: 'diploma',
      },
      ruleSet,
    );
    expect(item({ graduated: '1998-07' }, [good])).toMatchObject({
      status: 'done',
      args: { uploaded: 'education-certification', validUntil: '2026-12-31' },
    });
    const expired = await checkOne(
      {
        path: write(
          'cert-old.pdf',
          buildPdf([
            {
              lines: [
                '中国高等教育学历认证报告',
                ...recordLines({ validUntil: '2026年01月31日', graduated: '1998年07月01日' }).slice(2),
              ],
            },
          ]),
        ),
        role: 'diploma',
      },
      ruleSet,
    );
    // A certification report is checked by its number: a 有效期 line on it does not expire it.
    expect(item({ graduated: '1998-07' }, [expired]).status).toBe('done');
  });
});
