import { describe, expect, it } from 'vitest';
import { assessCandidate } from '../../src/assess/assess-candidate.js';
import { examFee } from '../../src/checklist/build-checklist.js';
import { calendar, makeAnswers, ruleSet } from '../helpers/fixtures.js';

const assess = (changes = {}, today = '2026-02-20') =>
  assessCandidate({ answers: makeAnswers({ work: [{ start: '2020-07' }], ...changes }), ruleSet, calendar, today });
const item = (outcome: ReturnType<typeof assess>, id: string) => outcome.checklist.find((i) => i.id === id);

describe('checklist', () => {
  it('covers every group with the items domain.md asks for', () => {
    const ids = assess().checklist.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'eligibility.verdict',
        'materials.photo',
        'registration.account',
        'registration.commitment',
        'registration.window',
        'registration.fee',
        'exam.admission-ticket',
        'exam.timetable',
        'exam.pass-line',
        'exam.retention',
        'after.scores',
        'after.certificate',
        'after.registration',
        'after.continuing-education',
      ]),
    );
  });

  it('eligible → done and ready; ineligible → blocked and not ready', () => {
    const ok = assess();
    expect(ok.ready).toBe(true);
    expect(item(ok, 'eligibility.verdict')?.status).toBe('done');
    const short = assess({ work: [{ start: '2026-01' }] });
    expect(short.ready).toBe(false);
    expect(item(short, 'eligibility.verdict')?.status).toBe('blocked');
    expect(item(short, 'registration.fee')?.status).toBe('blocked');
  });

  it('fees come from the province rule: 广东 中级 56 + 56 + 60; 河北 adds 10 per candidate; default elsewhere', () => {
    expect(examFee(ruleSet, { level: 'intermediate', province: 'guangdong' })).toMatchObject({
      total: 172,
      provinceSpecific: true,
    });
    expect(examFee(ruleSet, { level: 'assistant', province: 'hebei' })).toMatchObject({ total: 122, perCandidate: 10 });
    expect(examFee(ruleSet, { level: 'senior', province: 'jilin' })).toMatchObject({
      total: 69,
      provinceSpecific: false,
    });
    // 江苏 objective 62 (audit); 重庆 adds a 20-yuan 成绩档案管理费; 上海's free year is not a standing rule.
    expect(examFee(ruleSet, { level: 'assistant', province: 'jiangsu' })).toMatchObject({
      total: 124,
      provinceSpecific: true,
    });
    // 重庆's 20 yuan is a score-archive fee kept only from new 中级 (rolling-score) candidates.
    expect(examFee(ruleSet, { level: 'assistant', province: 'chongqing' })).toMatchObject({
      total: 122,
      perCandidate: 0,
    });
    expect(examFee(ruleSet, { level: 'intermediate', province: 'chongqing' })).toMatchObject({
      total: 207,
      perCandidate: 20,
      perCandidateKind: 'score-archive',
    });
    // 江苏's practice-paper fees are the usual rate, assumed: marked unverified where a practice paper is sat.
    expect(examFee(ruleSet, { level: 'intermediate', province: 'jiangsu' })).toMatchObject({ unverified: true });
    expect(examFee(ruleSet, { level: 'assistant', province: 'jiangsu' })).toMatchObject({ unverified: false });
    expect(examFee(ruleSet, { level: 'assistant', province: 'shanghai' })).toMatchObject({
      total: 122,
      provinceSpecific: false,
    });
  });

  it('registration items are due at the province window (湖北 2026)', () => {
    const outcome = assess({ province: 'hubei' });
    expect(item(outcome, 'registration.window')).toMatchObject({ due: '2026-03-25', dueEstimated: false });
    expect(item(outcome, 'registration.fee')).toMatchObject({ due: '2026-03-27' });
  });

  it('adds the post-exam review, residence proof, certificates and 评审 only when they apply', () => {
    expect(item(assess({ province: 'henan' }), 'after.review')?.status).toBe('todo');
    expect(item(assess(), 'after.review')).toBeUndefined();
    expect(item(assess({ hukou: 'henan' }), 'materials.residence')).toBeDefined();
    expect(item(assess({ hukou: 'guangdong' }), 'materials.residence')).toBeUndefined();
    const senior = assess({ level: 'senior', certificates: [{ level: 'intermediate', obtained: '2019-01' }] });
    expect(item(senior, 'materials.certificate')?.status).toBe('todo');
    expect(item(senior, 'after.evaluation')).toBeDefined();
  });

  it('asks for school-issued proof of pre-2002 degrees', () => {
    expect(item(assess({ graduated: '1998-07' }), 'materials.education-verification')?.status).toBe('todo');
    expect(item(assess(), 'materials.education-verification')?.status).toBe('info');
  });

  it('the exam year follows today: after the 2026 exam the checklist is for 2027', () => {
    expect(assess({}, '2026-11-21').year).toBe(2027);
    expect(assess({}, '2026-03-01').year).toBe(2026);
  });
});
