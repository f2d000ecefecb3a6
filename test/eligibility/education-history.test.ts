/**
 * The whole education history: routes are alternatives, every qualification is tried
 * against every route it meets (its own level's and those below), and only full-time study is
 * left out of the work years. Cases R1, R3 and R8 are the domain audit's.
 */
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, meetsRoute, levelRoutes } from '../../src/eligibility/evaluate-eligibility.js';
import { parseDegrees } from '../../src/answers/parse-answer.js';
import { resolveAnswers } from '../../src/answers/resolve-answers.js';
import type { Answers, Degree, Education, Level, Major } from '../../src/model/answers.js';
import { makeAnswers, provinces, ruleSet } from '../helpers/fixtures.js';

const context = { examYear: 2026, registrationMonth: 3 };
const evaluate = (answers: Partial<Answers>) => evaluateEligibility(makeAnswers(answers), ruleSet, context);
const finding = (answers: Partial<Answers>, id: string) => evaluate(answers).findings.find((f) => f.id === id);
const degree = (spec: string): Degree => {
  const parsed = parseDegrees(spec);
  if (!parsed.ok) throw new Error(spec);
  return parsed.value[0]!;
};

describe('which routes a qualification meets: its own level and every level below', () => {
  it.each<[Level, Education, Major, string[]]>([
    ['assistant', 'highschool', 'other', ['assistant.highschool']],
    ['assistant', 'associate', 'other', ['assistant.associate-other', 'assistant.highschool']],
    ['assistant', 'associate', 'social-work', ['assistant.associate-sw', 'assistant.highschool']],
    [
      'assistant',
      'bachelor',
      'other',
      ['assistant.associate-other', 'assistant.bachelor-other', 'assistant.highschool'],
    ],
    ['assistant', 'master', 'social-work', ['assistant.associate-sw', 'assistant.bachelor-sw', 'assistant.highschool']],
    ['intermediate', 'secondary', 'social-work', ['intermediate.highschool-cert']],
    ['intermediate', 'associate', 'other', ['intermediate.associate-other', 'intermediate.highschool-cert']],
    [
      'intermediate',
      'bachelor',
      'other',
      ['intermediate.associate-other', 'intermediate.bachelor-other', 'intermediate.highschool-cert'],
    ],
    [
      'intermediate',
      'master',
      'other',
      [
        'intermediate.associate-other',
        'intermediate.bachelor-other',
        'intermediate.highschool-cert',
        'intermediate.master-other',
      ],
    ],
    [
      'intermediate',
      'doctor',
      'social-work',
      [
        'intermediate.associate-sw',
        'intermediate.bachelor-sw',
        'intermediate.doctor-sw',
        'intermediate.highschool-cert',
        'intermediate.master-sw',
      ],
    ],
    ['senior', 'associate', 'social-work', []],
    ['senior', 'master', 'other', ['senior.bachelor-cert']],
  ])('%s: %s + %s meets %j', (level, education, major, expected) => {
    const met = levelRoutes(ruleSet, level)
      .filter((route) => meetsRoute(route, { education, major }))
      .map((route) => route.id)
      .sort();
    expect(met).toEqual(expected);
  });
});

describe('work before enrolment counts; only full-time study is left out', () => {
  // R1: 大专 (other, full-time, 2023-06) after work 2016-01..2020-08; 助理 2026.
  const r1: Partial<Answers> = {
    level: 'assistant',
    education: 'associate',
    major: 'other',
    graduated: '2023-06',
    studyMode: 'full-time',
    work: [{ start: '2016-01', end: '2020-08' }, { start: '2023-07' }],
  };

  it('R1 with the enrolment month: eligible on 98 months (56 before enrolment + 42 after graduation)', () => {
    expect(evaluate({ ...r1, enrolled: '2020-09' })).toMatchObject({
      status: 'eligible',
      countedMonths: 98,
      route: 'assistant.associate-other',
    });
    expect(finding({ ...r1, enrolled: '2020-09' }, 'eligibility.during-study')).toBeUndefined();
  });

  it('R1 without it: unknown, asking for the month; 42 months sure, naming exactly the months it decides', () => {
    const result = evaluate(r1);
    expect(result).toMatchObject({ status: 'unknown', countedMonths: 42, earliestYear: 2027 });
    expect(finding(r1, 'eligibility.ask-enrolment')?.args).toMatchObject({ main: true, from: '2016-07' });
    expect(finding(r1, 'eligibility.enrolment-unknown')).toMatchObject({
      severity: 'warning',
      measured: { months: 56, spans: ['2016-01..2020-08'] },
      expected: { enrolled: ['associate:..2023-06'] },
    });
    expect(finding(r1, 'eligibility.during-study')).toBeUndefined();
  });

  it('work during known full-time study is left out and named; work on both sides of it counts', () => {
    const answers = { ...r1, enrolled: '2020-03' };
    // Study 2020-03..2023-06: 2020-03..2020-08 (6 months) of the first job fell inside it.
    expect(evaluate(answers).countedMonths).toBe(50 + 42);
    expect(finding(answers, 'eligibility.during-study')?.measured).toEqual({ months: 6, spans: ['2020-03..2020-08'] });
  });

  it('work during a full-time master’s: left out, with a warning that in-service study may count; none for a 大专', () => {
    const master: Partial<Answers> = {
      level: 'intermediate',
      education: 'master',
      major: 'other',
      graduated: '2025-06',
      enrolled: '2022-09',
      studyMode: 'full-time',
      work: [{ start: '2022-09' }],
    };
    // Short of the years without the study months: a warning (the verdict may change).
    expect(finding(master, 'eligibility.in-service-study')).toMatchObject({
      severity: 'warning',
      measured: { months: 34 },
    });
    expect(finding({ ...master, work: [{ start: '2016-03' }] }, 'eligibility.in-service-study')).toMatchObject({
      severity: 'info',
    });
    expect(finding({ ...r1, enrolled: '2020-03' }, 'eligibility.in-service-study')).toBeUndefined();
  });

  it('part-time study never leaves anything out', () => {
    expect(evaluate({ ...r1, studyMode: 'part-time' }).countedMonths).toBe(56 + 42);
  });
});

describe('several qualifications', () => {
  // R3: 大专 (other, 2015-06) then a full-time 本科 (other, 2023-06); work 2015-07..2019-08 and 2023-07..; 中级 2026.
  const r3: Partial<Answers> = {
    level: 'intermediate',
    education: 'bachelor',
    major: 'other',
    graduated: '2023-06',
    studyMode: 'full-time',
    work: [{ start: '2015-07', end: '2019-08' }, { start: '2023-07' }],
  };

  it('R3 with both degrees and the 本科 enrolment: eligible on 92 months via the 本科 route', () => {
    const result = evaluate({ ...r3, enrolled: '2019-09', degrees: [degree('大专:其他:全日制:2012-09..2015-06')] });
    expect(result).toMatchObject({ status: 'eligible', countedMonths: 92, route: 'intermediate.bachelor-other' });
    // Every route each qualification meets is reported, the deciding one first.
    expect(result.routes[0]).toMatchObject({
      id: 'intermediate.bachelor-other',
      degree: 'bachelor:other:full-time:2019-09..2023-06',
      satisfied: true,
    });
    expect(result.routes.map((r) => `${r.id}@${r.degree.split(':')[0]}`)).toEqual(
      expect.arrayContaining([
        'intermediate.associate-other@associate',
        'intermediate.associate-other@bachelor',
        'intermediate.highschool-cert@associate',
      ]),
    );
  });

  it('R3 with an unknown 本科 enrolment is unknown (the 本科 study could have covered the early work), never ineligible', () => {
    const result = evaluate({ ...r3, degrees: [degree('大专:其他:全日制:2012-09..2015-06')] });
    expect(result).toMatchObject({ status: 'unknown', countedMonths: 42 });
    expect(result.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(['eligibility.ask-enrolment', 'eligibility.enrolment-unknown']),
    );
  });

  it('R8: a 专升本 student whose 本科 comes after registration is eligible on the 大专 already held', () => {
    const result = evaluate({
      level: 'assistant',
      education: 'bachelor',
      major: 'other',
      graduated: '2026-06',
      studyMode: 'part-time',
      work: [{ start: '2018-01' }],
      degrees: [degree('大专:其他:非全日制:..2015-06')],
    });
    expect(result).toMatchObject({
      status: 'eligible',
      route: 'assistant.associate-other',
      degree: 'associate:other:part-time:..2015-06',
    });
  });

  it('among the routes met, the one needing least decides; the lower ones stay in the report', () => {
    // 2021-07..2026-12 = 66 months: the 本科 route (60) is met, the 大专 route it also meets (72) is not.
    const result = evaluate({ ...r3, graduated: '2010-06', work: [{ start: '2021-07' }] });
    expect(result).toMatchObject({ status: 'eligible', route: 'intermediate.bachelor-other', countedMonths: 66 });
    expect(result.routes.find((r) => r.id === 'intermediate.associate-other')).toMatchObject({
      satisfied: false,
      requiredMonths: 72,
    });
  });

  it('--degree alone is enough: the highest becomes the main qualification', () => {
    const { answers, problems } = resolveAnswers(
      {
        level: '中级',
        degrees: ['大专:社会工作:全日制:2012-09..2015-06', '本科:其他:非全日制:2016-03..2019-01'],
        work: '2015-07..',
        province: '广东',
      },
      provinces,
    );
    expect(problems).toEqual([]);
    expect(answers).toMatchObject({
      education: 'bachelor',
      major: 'other',
      studyMode: 'part-time',
      graduated: '2019-01',
      enrolled: '2016-03',
    });
    expect(answers.degrees).toEqual([
      {
        education: 'associate',
        major: 'social-work',
        studyMode: 'full-time',
        enrolled: '2012-09',
        graduated: '2015-06',
      },
    ]);
  });

  it.each([
    [
      '大专:社会工作:全日制:2012-09..2015-06',
      {
        education: 'associate',
        major: 'social-work',
        studyMode: 'full-time',
        enrolled: '2012-09',
        graduated: '2015-06',
      },
    ],
    [
      'bachelor:other:part-time:..2020-06',
      { education: 'bachelor', major: 'other', studyMode: 'part-time', graduated: '2020-06' },
    ],
    [
      '硕士：其他：全日制：2021年6月',
      { education: 'master', major: 'other', studyMode: 'full-time', graduated: '2021-06' },
    ],
  ])('--degree %s', (spec, expected) => {
    expect(parseDegrees(spec)).toEqual({ ok: true, value: [expected] });
  });

  it.each([
    '大专:社会工作:全日制',
    '小学:社会工作:全日制:..2015-06',
    '大专:社会工作:全日制:2016-09..2015-06',
    '大专:社会工作:全日制:2012-09..2015-13',
  ])('--degree %s is refused with a reason', (spec) => {
    const parsed = parseDegrees(spec);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(['answer.degree', 'answer.degree-order']).toContain(parsed.problem.key);
  });
});
