/** Shared test fixtures: the bundled rules and calendar, loaded once, and an answers factory. */
import { loadCalendar } from '../../src/dates/load-calendar.js';
import type { Answers } from '../../src/model/answers.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';

export const bundled = await loadRuleSet();
export const ruleSet = bundled.ruleSet;
export const provinces = bundled.provinces;
export const calendar = await loadCalendar([], new Set(provinces.map((p) => p.id)));

/** The events every exam year has, whatever the province and level. */
export const EVENTS_EVERY_YEAR = [
  'registration',
  'payment',
  'admission-ticket',
  'exam',
  'scores',
  'certificate',
  'work-years-cutoff',
];

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

/**
 * The province the date tests use as "one without its own window". The bundled calendar gains
 * provinces' windows as notices appear; the tests read this copy, where that province has none
 * in any year, so a newly published window never breaks them.
 */
export const PROVINCE_WITHOUT_WINDOW = 'guangdong';
export const calendarWithoutWindow: typeof calendar = {
  ...calendar,
  years: Object.fromEntries(
    Object.entries(calendar.years).map(([year, entry]) => {
      const { [PROVINCE_WITHOUT_WINDOW]: _dropped, ...provinces } = entry.provinces ?? {};
      return [year, entry.provinces ? { ...entry, provinces } : entry];
    }),
  ),
};
