/**
 * One candidate assessed end to end (assessCandidate and the modules it calls), each case a
 * reproduction of a defect once found: answers, eligibility notes, deadlines, the checklist after
 * a missed registration, the senior round.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDegrees } from '../../src/answers/parse-answer.js';
import { resolveAnswers } from '../../src/answers/resolve-answers.js';
import { assessCandidate } from '../../src/assess/assess-candidate.js';
import { buildEvents, registrationWindow, upcomingExamYear } from '../../src/dates/build-events.js';
import { parseCalendar } from '../../src/dates/parse-calendar.js';
import { evaluateEligibility } from '../../src/eligibility/evaluate-eligibility.js';
import type { Answers } from '../../src/model/answers.js';
import { templatePath } from '../../src/templates/templates-dir.js';
import { calendarWithoutWindow as calendar, makeAnswers, provinces, ruleSet } from '../helpers/fixtures.js';
import { runBatchInProcess } from '../helpers/batch-runs.js';

const context = { examYear: 2026, registrationMonth: 3 };
const evaluate = (answers: Partial<Answers>) => evaluateEligibility(makeAnswers(answers), ruleSet, context);
const assess = (changes: Partial<Answers>, today: string, year?: number) =>
  assessCandidate({
    answers: makeAnswers({ work: [{ start: '2020-07' }], ...changes }),
    ruleSet,
    calendar,
    today,
    ...(year ? { year } : {}),
  });

describe('answers', () => {
  it('an enrolment month after the graduation month is refused, not counted as work', async () => {
    const { problems } = resolveAnswers(
      {
        level: '助理',
        education: '本科',
        major: '其他',
        graduated: '2025-06',
        studyMode: '全日制',
        enrolled: '2025-09',
      },
      provinces,
    );
    expect(problems.map((p) => p.problem.key)).toEqual(['answer.enrolled-order']);
  });

  it('the same degree given again with its enrolment month supplies that month', async () => {
    const result = evaluate({
      education: 'associate',
      graduated: '2023-06',
      work: [{ start: '2016-01', end: '2020-08' }, { start: '2023-07' }],
      degrees: [
        { education: 'associate', major: 'other', studyMode: 'full-time', enrolled: '2020-09', graduated: '2023-06' },
      ],
    });
    expect(result).toMatchObject({ status: 'eligible', countedMonths: 98 });
  });

  it.each([
    '大专:其他:全日制:2012.09-2015.06',
    '大专:其他:全日制:2012年9月-2015年6月',
    '大专:其他:全日制:2012/09-2015/06',
  ])('--degree %s reads like --work', (spec) => {
    expect(parseDegrees(spec)).toEqual({
      ok: true,
      value: [
        { education: 'associate', major: 'other', studyMode: 'full-time', enrolled: '2012-09', graduated: '2015-06' },
      ],
    });
  });
});

describe('eligibility notes', () => {
  it('the months left out for an unknown enrolment are blamed on the degree whose study could cover them', async () => {
    const result = evaluate({
      level: 'intermediate',
      education: 'associate',
      graduated: '2015-06',
      work: [{ start: '2016-01', end: '2020-08' }, { start: '2023-07' }],
      degrees: [{ education: 'bachelor', major: 'other', studyMode: 'full-time', graduated: '2023-06' }],
    });
    const notes = result.findings.filter((f) => f.id === 'eligibility.enrolment-unknown');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.args).toMatchObject({
      education: 'bachelor',
      graduated: '2023-06',
      main: false,
      spans: '2016-01..2020-08',
    });
  });

  it('on a certificate route, months before the certificate are never blamed on an unknown enrolment', async () => {
    const result = evaluate({
      level: 'senior',
      graduated: '2010-06',
      work: [{ start: '2005-01' }],
      certificates: [{ level: 'intermediate', obtained: '2022-08' }],
    });
    expect(result.findings.map((f) => f.id)).not.toContain('eligibility.enrolment-unknown');
    expect(result.findings.map((f) => f.id)).toContain('eligibility.before-certificate');
  });

  it('a certificate dated after the cutoff is named, not called missing', async () => {
    const result = evaluate({
      level: 'senior',
      graduated: '2010-06',
      work: [{ start: '2010-07' }],
      certificates: [{ level: 'intermediate', obtained: '2027-01' }],
    });
    expect(result.findings.find((f) => f.id === 'eligibility.certificate')?.args).toMatchObject({
      obtained: '2027-01',
      cutoff: '2026-12-31',
    });
  });
});

describe('deadlines', () => {
  it('one late-closing province publishing first does not move every other province’s date later', async () => {
    const bundled = JSON.parse(readFileSync(templatePath('calendars', 'exam-calendar.json'), 'utf8'));
    const override = {
      calendar: {
        years: {
          '2027': {
            exam: { start: '2027-05-22', end: '2027-05-23', source: 'test', confidence: 'official' },
            registration: { start: '2027-03-08', end: '2027-03-29', source: 'test', confidence: 'official' },
            provinces: {
              xinjiang: {
                registration: { start: '2027-03-08', end: '2027-03-26', source: 'test', confidence: 'official' },
              },
            },
          },
        },
      },
    };
    const { calendar: withXinjiang } = parseCalendar(
      bundled,
      [{ file: 'x.json', json: override }],
      new Set(provinces.map((p) => p.id)),
    );
    expect(registrationWindow(withXinjiang!, 2027, 'guangdong')).toMatchObject({
      end: '2027-03-17',
      basis: { from: '2026' },
    });
  });

  it('without a province a candidate’s deadline is still the conservative one; dates alone show the national window', async () => {
    expect(
      assess({ province: undefined }, '2026-12-01').checklist.find((i) => i.id === 'registration.window'),
    ).toMatchObject({ due: '2027-03-17' });
    const national = buildEvents(calendar, ruleSet, { year: 2026, today: '2026-03-01' });
    expect(national.find((e) => e.id === 'registration')?.end).toBe('2026-03-30');
    // No payment deadline seen closed after the national registration close.
    expect(national.find((e) => e.id === 'payment')?.end).toBe('2026-03-30');
  });

  it('the default year never leaves the --year range', async () => {
    expect(upcomingExamYear(calendar, '2030-06-01')).toBe(2029);
  });
});

describe('after registration closed', () => {
  const outcome = assess(
    { province: 'guangdong', education: 'highschool', graduated: '2010-06', work: [{ start: '2015-07' }] },
    '2026-03-20',
  );

  it('the exam cycle’s to-dos are no longer to-dos, and the next step is the registration item', async () => {
    expect(outcome.year).toBe(2026);
    expect(outcome.checklist.find((i) => i.id === 'exam.admission-ticket')?.status).toBe('info');
    expect(outcome.checklist.find((i) => i.id === 'materials.education-verification')?.status).toBe('missed');
  });

  it('the batch summary names why the row is not ready', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-missed-'));
    writeFileSync(
      path.join(dir, 'r.csv'),
      '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,报考省份\n张三,助理,本科,其他,2020-06,全日制,2020-07..,广东\n',
    );
    const result = await runBatchInProcess({
      roster: path.join(dir, 'r.csv'),
      output: path.join(dir, 'out'),
      today: '2026-03-20',
      extra: ['--no-input'],
    });
    expect(result.code).toBe(1);
    const csv = readFileSync(path.join(dir, 'out', 'summary.csv'), 'utf8');
    expect(csv).toContain('2026年3月18日');
  });
});

describe('the senior round', () => {
  it('once a pass’s first 评审 round has closed, the next one inside the validity is due', async () => {
    const outcome = assess(
      {
        level: 'senior',
        education: 'bachelor',
        graduated: '2010-06',
        work: [{ start: '2010-07' }],
        certificates: [{ level: 'intermediate', obtained: '2018-08' }],
      },
      '2026-12-01',
      2025,
    );
    expect(outcome.checklist.find((i) => i.id === 'after.evaluation')).toMatchObject({ due: '2027-09-26' });
    expect(outcome.checklist.find((i) => i.id === 'exam.pass-line')?.args).toMatchObject({ separateLine: null });
  });
});
