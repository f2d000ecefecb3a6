/** Shared test fixtures: the bundled rules and calendar, loaded once, and an answers factory. */
import { loadCalendar } from '../../src/dates/load-calendar.js';
import type { Answers } from '../../src/model/answers.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';

export const bundled = await loadRuleSet();
export const ruleSet = bundled.ruleSet;
export const provinces = bundled.provinces;
export const calendar = await loadCalendar([], new Set(provinces.map((p) => p.id)));

export function makeAnswers(overrides: Partial<Answers> = {}): Answers {
  return {
    level: 'assistant',
    education: 'bachelor',
    major: 'other',
    graduated: '2020-06',
    studyMode: 'full-time',
    work: [],
    certificates: [],
    province: 'guangdong',
    ...overrides,
  };
}
