import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from '../../src/eligibility/evaluate-eligibility.js';
import type { Answers } from '../../src/model/answers.js';
import { makeAnswers, ruleSet } from '../helpers/fixtures.js';

const context = { examYear: 2026, registrationMonth: 3 };
const evaluate = (answers: Partial<Answers>, year = 2026) =>
  evaluateEligibility(makeAnswers(answers), ruleSet, { ...context, examYear: year });
const ids = (answers: Partial<Answers>) => evaluate(answers).findings.map((f) => f.id);

/** Work that gives exactly `months` months up to Dec 2026 after a mid-2010 graduation. */
const workMonths = (months: number) => {
  const start = 2026 * 12 + 11 - months + 1;
  return [{ start: `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, '0')}`, end: '2026-12' }];
};
const grad = { graduated: '2010-06' };

describe('助理 (assistant) routes — 暂行规定 第十一条', () => {
  it.each([
    ['highschool', 'other', 48, 'assistant.highschool'],
    ['secondary', 'social-work', 48, 'assistant.highschool'],
    ['associate', 'social-work', 24, 'assistant.associate-sw'],
    ['associate', 'other', 48, 'assistant.associate-other'],
    ['bachelor', 'other', 24, 'assistant.bachelor-other'],
    ['master', 'other', 24, 'assistant.bachelor-other'],
  ] as const)('%s + %s needs %i months (%s)', (education, major, months, route) => {
    const pass = evaluate({ ...grad, level: 'assistant', education, major, work: workMonths(months) });
    expect(pass).toMatchObject({ status: 'eligible', route, countedMonths: months, requiredYears: months / 12 });
    const fail = evaluate({ ...grad, level: 'assistant', education, major, work: workMonths(months - 1) });
    expect(fail).toMatchObject({ status: 'ineligible', route, shortfallMonths: 1 });
    expect(fail.findings.map((f) => f.id)).toContain('eligibility.years');
  });

  it('a social-work 本科 graduate qualifies with no experience, including 应届 (graduating in the exam year)', () => {
    expect(
      evaluate({ level: 'assistant', education: 'bachelor', major: 'social-work', graduated: '2026-06' }),
    ).toMatchObject({
      status: 'eligible',
      route: 'assistant.bachelor-sw',
      requiredYears: 0,
    });
    expect(
      evaluate({ level: 'assistant', education: 'master', major: 'social-work', graduated: '2015-06' }).status,
    ).toBe('eligible');
  });

  it('a social-work 本科 graduating after the exam year is not yet eligible, and knows when', () => {
    const result = evaluate({ level: 'assistant', education: 'bachelor', major: 'social-work', graduated: '2027-06' });
    expect(result).toMatchObject({ status: 'ineligible', earliestYear: 2027 });
    expect(result.findings.map((f) => f.id)).toContain('eligibility.graduation');
  });

  it('does not accept the seeds’ "any 本科, 0 years" claim', () => {
    expect(evaluate({ level: 'assistant', education: 'bachelor', major: 'other', work: [] }).status).toBe('ineligible');
  });
});

describe('中级 (intermediate) routes — 暂行规定 第十二条', () => {
  it.each([
    ['associate', 'social-work', 48, 'intermediate.associate-sw'],
    ['bachelor', 'social-work', 36, 'intermediate.bachelor-sw'],
    ['master', 'social-work', 12, 'intermediate.master-sw'],
    ['associate', 'other', 72, 'intermediate.associate-other'],
    ['bachelor', 'other', 60, 'intermediate.bachelor-other'],
  ] as const)('%s + %s needs %i months (%s)', (education, major, months, route) => {
    expect(evaluate({ ...grad, level: 'intermediate', education, major, work: workMonths(months) })).toMatchObject({
      status: 'eligible',
      route,
    });
    expect(evaluate({ ...grad, level: 'intermediate', education, major, work: workMonths(months - 1) })).toMatchObject({
      status: 'ineligible',
      route,
      shortfallMonths: 1,
    });
  });

  it('a social-work 博士 needs no years', () => {
    expect(evaluate({ ...grad, level: 'intermediate', education: 'doctor', major: 'social-work' })).toMatchObject({
      status: 'eligible',
      route: 'intermediate.doctor-sw',
    });
  });

  it('other-major 硕士 3 / 博士 2 years are graded like 大专 6 / 本科 5 (all from 第十二条（六）)', () => {
    expect(
      evaluate({ ...grad, level: 'intermediate', education: 'master', major: 'other', work: workMonths(36) }),
    ).toMatchObject({
      status: 'eligible',
      route: 'intermediate.master-other',
    });
    expect(
      evaluate({ ...grad, level: 'intermediate', education: 'doctor', major: 'other', work: workMonths(24) }),
    ).toMatchObject({
      status: 'eligible',
      route: 'intermediate.doctor-other',
    });
  });

  it('a route graded below official gives unknown with a warning, and names the official fallback', () => {
    const rules = structuredClone(ruleSet);
    const routes = (rules.rules['eligibility.intermediate']!.value as { routes: { id: string; confidence?: string }[] })
      .routes;
    routes.find((r) => r.id === 'intermediate.master-other')!.confidence = 'secondary';
    const result = evaluateEligibility(
      makeAnswers({ ...grad, level: 'intermediate', education: 'master', major: 'other', work: workMonths(36) }),
      rules,
      context,
    );
    expect(result).toMatchObject({ status: 'unknown', route: 'intermediate.master-other' });
    expect(result.findings.find((f) => f.id === 'eligibility.interpretation')?.args).toMatchObject({
      fallbackRoute: 'intermediate.bachelor-other',
      fallbackYears: 5,
    });
  });

  it('高中/中专 needs the 助理 certificate and counts only the months after it', () => {
    const base: Partial<Answers> = {
      ...grad,
      level: 'intermediate',
      education: 'highschool',
      work: [{ start: '2012-01' }],
    };
    const noCert = evaluate(base);
    expect(noCert).toMatchObject({ status: 'ineligible', route: 'intermediate.highschool-cert', earliestYear: null });
    expect(noCert.findings.map((f) => f.id)).toContain('eligibility.certificate');

    // Certificate Dec 2020: Jan 2021..Dec 2026 = 72 months = 6 years, exactly enough.
    const withCert = evaluate({ ...base, certificates: [{ level: 'assistant', obtained: '2020-12' }] });
    expect(withCert).toMatchObject({ status: 'eligible', countedMonths: 72, borderline: true });
    expect(withCert.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(['eligibility.borderline', 'eligibility.before-certificate']),
    );

    // One month later: the certificate month itself does not count, so one month short.
    const late = evaluate({ ...base, certificates: [{ level: 'assistant', obtained: '2021-01' }] });
    expect(late).toMatchObject({
      status: 'ineligible',
      countedMonths: 71,
      shortfallMonths: 1,
      borderline: true,
      earliestYear: 2027,
    });
  });
});

describe('高级 (senior) — 人社部规〔2018〕2号', () => {
  it('needs 本科+, the 中级 qualification and 5 years after it', () => {
    const base: Partial<Answers> = { ...grad, level: 'senior', education: 'bachelor', work: [{ start: '2010-07' }] };
    expect(evaluate({ ...base, certificates: [{ level: 'intermediate', obtained: '2021-12' }] })).toMatchObject({
      status: 'eligible',
      route: 'senior.bachelor-cert',
      countedMonths: 60,
    });
    expect(evaluate({ ...base, certificates: [{ level: 'intermediate', obtained: '2022-06' }] })).toMatchObject({
      status: 'ineligible',
      countedMonths: 54,
      earliestYear: 2027,
    });
    // Only the 中级 certificate opens this route.
    expect(ids({ ...base, certificates: [{ level: 'assistant', obtained: '2015-01' }] })).toContain(
      'eligibility.certificate',
    );
  });

  it('does not accept 大专 or lower at all', () => {
    const result = evaluate({
      ...grad,
      level: 'senior',
      education: 'associate',
      certificates: [{ level: 'intermediate', obtained: '2010-01' }],
    });
    expect(result).toMatchObject({ status: 'ineligible', route: null });
    expect(result.findings.map((f) => f.id)).toEqual(['eligibility.education']);
  });
});

describe('counting social-work months', () => {
  it('full-time study with an unknown enrolment: nothing up to the graduation month counts, and the months are named', () => {
    const result = evaluate({
      level: 'assistant',
      education: 'bachelor',
      major: 'other',
      graduated: '2024-06',
      work: [{ start: '2023-01' }],
    });
    // Jul 2024 .. Dec 2026 = 30 months; Jan 2023 .. Jun 2024 = 18 months left out.
    expect(result.countedMonths).toBe(30);
    expect(result.findings.find((f) => f.id === 'eligibility.enrolment-unknown')?.measured).toEqual({
      months: 18,
      spans: ['2023-01..2024-06'],
    });
    expect(
      ids({
        level: 'assistant',
        education: 'bachelor',
        major: 'other',
        graduated: '2024-06',
        work: [{ start: '2023-01' }],
      }),
    ).not.toContain('eligibility.during-study');
  });

  it('full-time study with a known enrolment: only enrolment..graduation is left out', () => {
    const result = evaluate({
      level: 'assistant',
      education: 'bachelor',
      major: 'other',
      graduated: '2024-06',
      enrolled: '2023-09',
      work: [{ start: '2023-01' }],
    });
    // Jan–Aug 2023 (8) before enrolment + Jul 2024..Dec 2026 (30) = 38; Sep 2023..Jun 2024 (10) during study.
    expect(result.countedMonths).toBe(38);
    expect(result.findings.find((f) => f.id === 'eligibility.during-study')?.measured).toEqual({
      months: 10,
      spans: ['2023-09..2024-06'],
    });
  });

  it('part-time study: work during study counts', () => {
    const result = evaluate({
      level: 'assistant',
      education: 'bachelor',
      major: 'other',
      graduated: '2024-06',
      studyMode: 'part-time',
      work: [{ start: '2023-01' }],
    });
    expect(result.countedMonths).toBe(48);
  });

  it('stops at 31 Dec of the exam year and says so', () => {
    const result = evaluate({ ...grad, work: [{ start: '2025-01', end: '2027-12' }] });
    expect(result).toMatchObject({ countedMonths: 24, cutoff: '2026-12-31' });
    expect(result.findings.find((f) => f.id === 'eligibility.after-cutoff')?.measured).toEqual({ months: 12 });
  });

  it('merges overlapping periods', () => {
    const result = evaluate({
      ...grad,
      work: [
        { start: '2024-01', end: '2025-12' },
        { start: '2025-01', end: '2025-06' },
      ],
    });
    expect(result.countedMonths).toBe(24);
    expect(
      ids({
        ...grad,
        work: [
          { start: '2024-01', end: '2025-12' },
          { start: '2025-01', end: '2025-06' },
        ],
      }),
    ).toContain('eligibility.work-overlap');
  });

  it('flags borderline within one month on either side', () => {
    expect(evaluate({ ...grad, work: workMonths(25) }).borderline).toBe(true);
    expect(evaluate({ ...grad, work: workMonths(23) }).borderline).toBe(true);
    expect(evaluate({ ...grad, work: workMonths(26) }).borderline).toBe(false);
  });

  it('projects the earliest year from ongoing work; none without it', () => {
    expect(evaluate({ ...grad, work: [{ start: '2026-01' }] })).toMatchObject({
      status: 'ineligible',
      earliestYear: 2027,
    });
    expect(evaluate({ ...grad, work: [{ start: '2026-01', end: '2026-06' }] })).toMatchObject({ earliestYear: null });
  });

  it('a degree obtained after registration opens does not count this year: the one held meanwhile decides', () => {
    const result = evaluate({
      level: 'assistant',
      education: 'bachelor',
      major: 'other',
      graduated: '2026-06',
      studyMode: 'part-time',
      work: [{ start: '2020-01' }],
    });
    expect(result.status).toBe('unknown');
    expect(result.findings.map((f) => f.id)).toContain('eligibility.ask-qualification');
    expect(result.earliestYear).toBe(2027);
  });
});

describe('the month work starts to count', () => {
  it('no "0-01" start month when any month counts', () => {
    const result = evaluateEligibility(
      makeAnswers({ education: 'associate', studyMode: 'part-time', work: [{ start: '2025-01' }] }),
      ruleSet,
      { examYear: 2026, registrationMonth: 3 },
    );
    expect(result.findings.find((f) => f.id === 'eligibility.years')?.measured?.countFrom).toBeNull();
    expect(result.routes.every((r) => r.countFrom === null)).toBe(true);
  });
});
