/**
 * A third verdict: when an answer is missing and some value of it could make the candidate
 * eligible, the verdict is `unknown` with the question that decides it; `ineligible` only when no
 * value could help.
 */
import { describe, expect, it } from 'vitest';
import { parseDegrees } from '../../src/answers/parse-answer.js';
import { evaluateEligibility } from '../../src/eligibility/evaluate-eligibility.js';
import type { Answers, Degree } from '../../src/model/answers.js';
import { makeAnswers, ruleSet } from '../helpers/fixtures.js';

const context = { examYear: 2027, registrationMonth: 3 };
const evaluate = (answers: Partial<Answers>) => evaluateEligibility(makeAnswers(answers), ruleSet, context);
const ids = (answers: Partial<Answers>) => evaluate(answers).findings.map((f) => f.id);
const degree = (spec: string): Degree => {
  const parsed = parseDegrees(spec);
  if (!parsed.ok) throw new Error(spec);
  return parsed.value[0]!;
};

describe('a full-time degree without its enrolment month', () => {
  // A 大专 holder (2015-06) with four years of work, then a full-time 本科 (2023-06) whose enrolment is not given.
  const base: Partial<Answers> = {
    level: 'assistant',
    education: 'bachelor',
    major: 'other',
    graduated: '2023-06',
    studyMode: 'full-time',
    degrees: [degree('大专:其他:全日制:2012-09..2015-06')],
    work: [{ start: '2015-07', end: '2019-06' }],
  };

  it('is unknown, asking for the enrolment month, with the latest month that still makes them eligible', () => {
    const result = evaluate(base);
    expect(result.status).toBe('unknown');
    const ask = result.findings.find((f) => f.id === 'eligibility.ask-enrolment');
    expect(ask).toMatchObject({
      severity: 'error',
      // 本科 route: 24 months of work from 2015-07 are needed before enrolment.
      args: { education: 'bachelor', graduated: '2023-06', main: true, from: '2017-07', earliest: '2015-07' },
    });
    // The shortfall of the least favourable reading is not reported as a verdict.
    expect(ids(base)).not.toContain('eligibility.years');
    // The months it would decide are still named.
    expect(ids(base)).toContain('eligibility.enrolment-unknown');
  });

  it('with the month given, the verdict is decided either way', () => {
    expect(evaluate({ ...base, enrolled: '2019-09' }).status).toBe('eligible');
    expect(evaluate({ ...base, enrolled: '2016-09' }).status).toBe('ineligible');
  });

  it('study cannot have begun before the previous degree ended: work before it counts even without the month', () => {
    // Work 2012-07..2012-08 before the 大专; 2015-07.. after it only.
    const result = evaluate({
      ...base,
      degrees: [degree('大专:其他:非全日制:2012-09..2015-06')],
      work: [{ start: '2013-01', end: '2015-06' }],
    });
    // 30 months during a part-time 大专, before the 本科 could have begun: counted; 24 needed.
    expect(result).toMatchObject({ status: 'eligible', countedMonths: 30 });
  });

  it('is ineligible when no enrolment month could help', () => {
    const result = evaluate({ ...base, work: [{ start: '2015-07', end: '2015-12' }] });
    expect(result.status).toBe('ineligible');
    expect(result.findings.map((f) => f.id)).not.toContain('eligibility.ask-enrolment');
  });
});

describe('still studying for the only qualification named', () => {
  const studying: Partial<Answers> = {
    level: 'assistant',
    education: 'bachelor',
    major: 'other',
    graduated: '2027-06',
    studyMode: 'part-time',
    work: [{ start: '2019-07' }],
  };

  it('asks for the qualification held now instead of the graduation month', () => {
    const result = evaluate(studying);
    expect(result.status).toBe('unknown');
    expect(result.findings.map((f) => f.id)).toContain('eligibility.ask-qualification');
    expect(result.findings.map((f) => f.id)).not.toContain('eligibility.graduation');
  });

  it('is ineligible when no lower qualification could make them eligible', () => {
    expect(evaluate({ ...studying, work: [] }).status).toBe('ineligible');
  });

  it('is decided once the qualification held is given', () => {
    expect(evaluate({ ...studying, degrees: [degree('大专:其他:非全日制:2017-09..2019-06')] }).status).toBe('eligible');
  });
});

describe('a blank study mode', () => {
  it('gives a verdict where it cannot matter (all work after graduation)', () => {
    const answers = { graduated: '2015-06', work: [{ start: '2015-07' }], unanswered: { studyMode: 'cell' as const } };
    expect(evaluate(answers).status).toBe('eligible');
    expect(evaluate({ ...answers, work: [{ start: '2026-06' }] }).status).toBe('ineligible');
  });

  it('asks for it where it decides (work before graduation)', () => {
    const answers = {
      graduated: '2020-06',
      work: [{ start: '2016-01', end: '2020-06' }],
      unanswered: { studyMode: 'column' as const },
    };
    const result = evaluate(answers);
    expect(result.status).toBe('unknown');
    expect(result.findings.find((f) => f.id === 'eligibility.ask-study-mode')?.args).toMatchObject({
      source: 'column',
    });
  });
});

describe('missing work', () => {
  it('a route needing no years is eligible without it', () => {
    expect(evaluate({ major: 'social-work', unanswered: { work: 'column' } }).status).toBe('eligible');
  });

  it('a route needing years asks for it, never counting zero as a verdict', () => {
    const result = evaluate({ unanswered: { work: 'column' } });
    expect(result.status).toBe('unknown');
    expect(result.findings[0]).toMatchObject({ id: 'eligibility.ask-work', args: { source: 'column' } });
  });
});

describe('a roster with no certificates column', () => {
  // 高级 asks for the 中级 certificate (and years after it): a column the office did not keep is
  // an unknown answer, not "holds none".
  const senior: Partial<Answers> = {
    level: 'senior',
    education: 'master',
    major: 'other',
    graduated: '2015-07',
    work: [{ start: '2015-08' }],
    certificates: [],
  };

  it('asks for the certificate that decides, instead of "ineligible"', () => {
    const result = evaluate({ ...senior, unanswered: { certificates: 'column' } });
    expect(result.status).toBe('unknown');
    expect(result.findings[0]).toMatchObject({
      id: 'eligibility.ask-certificate',
      severity: 'error',
      args: { source: 'column', certificate: 'intermediate' },
    });
    // The question replaces the shortfall it described.
    expect(result.findings.map((f) => f.id)).not.toContain('eligibility.certificate');
  });

  it('an empty cell in a certificates column is none: ineligible for 高级', () => {
    const result = evaluate(senior);
    expect(result.status).toBe('ineligible');
    expect(result.findings.map((f) => f.id)).toContain('eligibility.certificate');
  });

  it('where no certificate is needed the missing column changes nothing', () => {
    const assistant = { level: 'assistant' as const, unanswered: { certificates: 'column' as const } };
    expect(evaluate(assistant).status).toBe(evaluate({ level: 'assistant' }).status);
    expect(ids(assistant)).not.toContain('eligibility.ask-certificate');
  });

  it('no certificate can help one who lacks the years anyway: ineligible, for the years, not the certificate', () => {
    const result = evaluate({ ...senior, work: [{ start: '2026-01' }], unanswered: { certificates: 'column' } });
    expect(result.status).toBe('ineligible');
    expect(result.findings[0]?.id).toBe('eligibility.years');
    expect(result.findings.map((f) => f.id)).not.toContain('eligibility.certificate');
  });

  it('with the work column missing too, still names the certificate that decides', () => {
    const result = evaluate({ ...senior, work: [], unanswered: { certificates: 'column', work: 'column' } });
    expect(result.status).toBe('unknown');
    const asked = result.findings.filter((f) => f.id.startsWith('eligibility.ask-'));
    expect(asked.map((f) => f.id).sort()).toEqual(['eligibility.ask-certificate', 'eligibility.ask-work']);
    expect(asked.find((f) => f.id === 'eligibility.ask-certificate')).toMatchObject({
      expected: { certificate: 'intermediate' },
    });
  });
});
