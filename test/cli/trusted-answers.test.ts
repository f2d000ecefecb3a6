/**
 * Eligibility end to end through the built CLI, with --format json (docs/contract.md): the education history,
 * province deadlines, the default year, missed registration and the senior path, as a user runs them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapColumns, readRow } from '../../src/roster/roster-rows.js';
import { provinces } from '../helpers/fixtures.js';
import { candidate } from '../helpers/run-cli.js';
import { runMain } from '../helpers/run-in-process.js';

const json = async (args: string[]) => {
  const result = await runMain([...args, '--format', 'json', '--no-input']);
  return { code: result.code, report: JSON.parse(result.out), err: result.err };
};

describe('the whole education history from flags', () => {
  it('R1: --degree with the enrolment month makes the pre-study work count; without it the months are named', async () => {
    const base = candidate({
      level: '助理',
      education: '大专',
      major: '其他',
      graduated: '2023-06',
      work: '2016-01..2020-08',
      today: '2026-02-20',
    });
    const withEnrolment = await json([...base, '--work', '2023-07..', '--enrolled', '2020-09']);
    expect(withEnrolment.code).toBe(0);
    expect(withEnrolment.report.eligibility).toMatchObject({
      status: 'eligible',
      countedMonths: 98,
      degree: 'associate:other:full-time:2020-09..2023-06',
    });
    expect(withEnrolment.report.candidate).toMatchObject({ enrolled: '2020-09' });

    const without = await json([...base, '--work', '2023-07..']);
    expect(without.code).toBe(1);
    const finding = without.report.eligibility.findings.find(
      (f: { id: string }) => f.id === 'eligibility.enrolment-unknown',
    );
    expect(finding).toMatchObject({ severity: 'warning', measured: { months: 56, spans: ['2016-01..2020-08'] } });
    expect(finding.fix).toContain('--enrolled');
  });

  it('--degree alone replaces the shorthand, and every route met is in the JSON', async () => {
    const { code, report } = await json([
      '--level',
      '中级',
      '--degree',
      '本科:其他:全日制:2019-09..2023-06',
      '--degree',
      '大专:其他:全日制:..2015-06',
      '--work',
      '2015-07..2019-08',
      '--work',
      '2023-07..',
      '--province',
      '北京',
      '--today',
      '2026-02-20',
    ]);
    expect(code).toBe(0);
    expect(report.candidate).toMatchObject({ education: 'bachelor', degrees: ['associate:other:full-time:..2015-06'] });
    expect(report.eligibility.route).toBe('intermediate.bachelor-other');
    expect(report.eligibility.routes.map((r: { id: string; degree: string }) => `${r.id}@${r.degree}`)).toContain(
      'intermediate.associate-other@associate:other:full-time:..2015-06',
    );
  });

  it('a malformed --degree is a usage error that shows the accepted form', async () => {
    const result = await runMain([...candidate(), '--degree', '大专:社会工作', '--no-input']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('大专:社会工作:全日制:2012-09..2015-06');
  });

  it('a --rules override of a route’s years changes the verdict and the sentence together', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-route-'));
    const file = path.join(dir, 'routes.json');
    const before = (await json([...candidate({ today: '2026-02-20' })])).report.eligibility;
    const routes = [
      { id: 'assistant.highschool', education: ['highschool', 'secondary'], major: 'any', years: 4 },
      { id: 'assistant.bachelor-other', education: ['bachelor', 'master', 'doctor'], major: 'other', years: 3 },
    ];
    writeFileSync(file, JSON.stringify({ rules: { 'eligibility.assistant': { value: { routes } } } }));
    const after = (await json([...candidate({ today: '2026-02-20' }), '--rules', file])).report.eligibility;
    expect(after.requiredYears).toBe(3);
    expect(after.routeText).not.toBe(before.routeText);
    expect(after.routeText).toContain('3');
  });
});

describe('dates a candidate can act on', () => {
  it('a 2027 candidate on 2026-12-01: 2027 by default, with a conservative province close', async () => {
    const { report } = await json(candidate({ today: '2026-12-01' }));
    expect(report.year).toBe(2027);
    const registration = report.dates.events.find((e: { id: string }) => e.id === 'registration');
    expect(registration).toMatchObject({ end: '2027-03-17', estimated: true });
    expect(report.checklist.find((i: { id: string }) => i.id === 'registration.window')).toMatchObject({
      status: 'todo',
      due: '2027-03-17',
    });

    const dates = JSON.parse(
      (await runMain(['dates', '--today', '2026-12-01', '--province', '广东', '--format', 'json'])).out,
    );
    expect(dates.year).toBe(2027);
    expect(dates.events.find((e: { id: string }) => e.id === 'registration')).toMatchObject({
      end: '2027-03-17',
      estimated: true,
    });
  });

  it('the day after Beijing closed: 2027 by default; asked about 2026, registration is missed and it is not ready', async () => {
    expect((await json(candidate({ province: '北京', today: '2026-03-26' }))).report.year).toBe(2027);
    const { code, report } = await json([...candidate({ province: '北京', today: '2026-03-26' }), '--year', '2026']);
    expect(code).toBe(1);
    expect(report.ready).toBe(false);
    expect(report.checklist.find((i: { id: string }) => i.id === 'registration.window').status).toBe('missed');
    expect(report.next[0].id).toBe('registration.window');
    expect(
      report.checklist.some(
        (i: { status: string; due?: string }) => i.status === 'todo' && i.due && i.due < '2026-03-26',
      ),
    ).toBe(false);
  });

  it('demo uses the year being prepared for', async () => {
    const { report } = await json(['demo', '--today', '2026-12-01']);
    expect(report.year).toBe(2027);
  });

  it('a senior candidate: no certificate or 登记 dates, the 评审 step instead', async () => {
    const { report } = await json(
      candidate({
        level: '高级',
        education: '本科',
        graduated: '2010-06',
        work: '2010-07..',
        cert: 'intermediate:2020-12',
        today: '2026-12-01',
      }),
    );
    const ids = report.dates.events.map((e: { id: string }) => e.id);
    for (const id of ['certificate', 'e-certificate', 'certificate-registration']) expect(ids).not.toContain(id);
    expect(ids).toContain('senior-review');
    expect(report.checklist.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining(['after.pass-certificate', 'after.evaluation']),
    );
    expect(report.checklist.map((i: { id: string }) => i.id)).not.toContain('after.registration');
  });
});

describe('rosters carry the same answers', () => {
  it('入学时间 and 其他学历 columns reach the answers', async () => {
    const header = [
      '姓名',
      '报考级别',
      '学历',
      '专业',
      '毕业时间',
      '学习形式',
      '入学时间',
      '其他学历',
      '社会工作经历',
      '报考省份',
    ];
    const row = readRow(
      [
        '王五',
        '中级',
        '本科',
        '其他',
        '2023-06',
        '全日制',
        '2019/9/1',
        '大专:其他:全日制:..2015-06',
        '2015-07..2019-08; 2023-07..',
        '北京',
      ],
      2,
      mapColumns(header),
      provinces,
      '2026-02-20',
      header,
    );
    expect(row.findings).toEqual([]);
    expect(row.answers).toMatchObject({
      enrolled: '2019-09',
      degrees: [{ education: 'associate', graduated: '2015-06' }],
    });
  });
});
