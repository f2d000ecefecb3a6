import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { RuleId, RuleValues } from '../../src/model/rules.js';
import { parseRuleSet } from '../../src/rules/parse-rule-set.js';
import { REQUIRED_RULES, VALUE_SCHEMAS } from '../../src/rules/rule-schema.js';
import { trustedRuleSet } from '../../src/rules/load-rule-set.js';
import { parseCalendar } from '../../src/dates/parse-calendar.js';
import { messagesFor, problemText } from '../../src/i18n/messages.js';
import { templatePath } from '../../src/templates/templates-dir.js';
import { provinces } from '../helpers/fixtures.js';

const exam = JSON.parse(readFileSync(templatePath('rules', 'exam.json'), 'utf8'));
const uploads = JSON.parse(readFileSync(templatePath('rules', 'uploads.json'), 'utf8'));
const bundled = { ...exam, rules: { ...exam.rules, ...uploads.rules } };

describe('the bundled rule set', () => {
  it('parses, and every rule carries a source, a confidence and a check date', () => {
    const result = parseRuleSet(bundled, [], provinces);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const rule of Object.values(result.ruleSet.rules)) {
      expect(rule.source.length).toBeGreaterThan(5);
      expect(['official', 'secondary', 'folklore']).toContain(rule.confidence);
      expect(rule.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('one list of rule ids (model RuleValues → schemas → required list)', () => {
  it('the required rules are exactly the bundled ones, province fees aside', () => {
    const bundledIds = Object.keys(bundled.rules).filter((id) => id === 'fees.default' || !id.startsWith('fees.'));
    expect([...REQUIRED_RULES].sort()).toEqual(bundledIds.sort());
  });

  it('a rule set without one of them is refused, naming it', () => {
    const { papers: _, ...rest } = bundled.rules;
    const result = parseRuleSet({ ...bundled, rules: rest }, [], provinces);
    expect(result.ok).toBe(false);
  });

  it('a schema map that misses an id does not type-check', () => {
    // @ts-expect-error every RuleId needs its schema (typecheck fails if this stops being an error)
    const partial: { [K in RuleId]: z.ZodType<RuleValues[K]> } = { papers: VALUE_SCHEMAS.papers };
    expect(Object.keys(partial)).toEqual(['papers']);
  });
});

describe('the trusted path (no --rules: the schema and zod are not loaded at run time)', () => {
  it('gives every rule exactly as the schema validates it', () => {
    const parsed = parseRuleSet(bundled, [], provinces);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const trusted = trustedRuleSet(bundled);
    expect(Object.keys(trusted.rules).sort()).toEqual(Object.keys(parsed.ruleSet.rules).sort());
    expect(trusted).toMatchObject(parsed.ruleSet);
  });

  it('gives the calendar exactly as the schema validates it', () => {
    const calendar = JSON.parse(readFileSync(templatePath('calendars', 'exam-calendar.json'), 'utf8'));
    const parsed = parseCalendar(calendar, [], new Set(provinces.map((p) => p.id)));
    expect(parsed.problems).toEqual([]);
    expect(calendar).toMatchObject(parsed.calendar!);
  });
});

describe('--rules overrides', () => {
  it('replaces a single value and marks the rule overridden', () => {
    const result = parseRuleSet(
      bundled,
      [{ file: 'mine.json', json: { rules: { 'score-retention': { value: { assistant: 2 } } } } }],
      provinces,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ruleSet.rules['score-retention']).toMatchObject({
      value: { assistant: 2, intermediate: 2, senior: 3 },
      overriddenBy: 'mine.json',
    });
  });

  it('adds a province fee rule when it brings its provenance', () => {
    const rule = {
      title: { 'zh-CN': '费', en: 'fee' },
      value: { objective: 50, 'intermediate-practice': 55, 'senior-practice': 60 },
      source: 'x',
      confidence: 'official',
      checked: '2027-01-01',
    };
    const result = parseRuleSet(bundled, [{ file: 'p.json', json: { rules: { 'fees.jiangxi': rule } } }], provinces);
    expect(result.ok && result.ruleSet.rules['fees.jiangxi']?.value).toMatchObject({ objective: 50 });
  });

  it('lists every problem of a malformed override', () => {
    const result = parseRuleSet(
      bundled,
      [
        {
          file: 'bad.json',
          json: {
            rules: {
              'pass-line': { value: { score: 'sixty' } },
              'no.such.rule': { value: 1 },
              'fees.atlantis': { value: { objective: 1 } },
              'eligibility.assistant': { confidence: 'rumour' },
            },
          },
        },
      ],
      provinces,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Codes and places, not sentences: the catalogues word them in the reader's language.
    expect(result.problems.map((p) => [p.key, p.args.where, p.args.file])).toEqual(
      expect.arrayContaining([
        ['rules.unknown-id', 'rules.no.such.rule', 'bad.json'],
        ['schema.type', 'rules.pass-line.value.score', undefined],
        ['schema.one-of', 'rules.eligibility.assistant.confidence', undefined],
        ['rules.new-rule-incomplete', 'rules.fees.atlantis', 'bad.json'],
      ]),
    );
    for (const problem of result.problems) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const text = problemText(messagesFor(lang), problem.key, problem.args);
        expect(text, `${lang} ${problem.key}`).not.toBe(problem.key);
        expect(text).toContain(problem.args.where);
      }
      // No zod English reaches a Chinese reader.
      expect(problemText(messagesFor('zh-CN'), problem.key, problem.args)).not.toMatch(/Invalid|expected|Too /);
    }
  });

  it('a fee rule for a province that does not exist names the province', () => {
    const rule = {
      title: { 'zh-CN': '费', en: 'fee' },
      value: { objective: 1, 'intermediate-practice': 1, 'senior-practice': 1 },
    };
    const provenance = { source: 'x', confidence: 'official', checked: '2027-01-01' };
    const result = parseRuleSet(
      bundled,
      [{ file: 'p.json', json: { rules: { 'fees.atlantis': { ...rule, ...provenance } } } }],
      provinces,
    );
    expect(!result.ok && result.problems).toEqual([
      { key: 'rules.unknown-province', args: { where: 'rules.fees.atlantis', province: 'atlantis' } },
    ]);
  });

  it('rejects a file that is not a rule override at all', () => {
    expect(parseRuleSet(bundled, [{ file: 'x.json', json: { rules: [1, 2] } }], provinces).ok).toBe(false);
  });
});

describe('calendar problems are codes with places', () => {
  const calendar = JSON.parse(readFileSync(templatePath('calendars', 'exam-calendar.json'), 'utf8'));
  const ids = new Set(provinces.map((p) => p.id));
  const parse = (section: unknown) => parseCalendar(calendar, [{ file: 'c.json', json: { calendar: section } }], ids);

  it('an impossible date, an end before its start and an unknown province', () => {
    const { calendar: parsed, problems } = parse({
      years: { '2030': { exam: { start: '2030-02-30', source: 'x', confidence: 'official' } } },
    });
    expect(parsed).toBeUndefined();
    expect(problems.map((p) => [p.key, p.args.where])).toEqual([
      ['schema.real-date', 'calendar.years.2030.exam.start'],
    ]);
    const backwards = parse({
      years: { '2030': { exam: { start: '2030-06-02', end: '2030-06-01', source: 'x', confidence: 'official' } } },
    });
    expect(backwards.problems.map((p) => p.key)).toEqual(['schema.end-before-start']);
    const nowhere = parse({ years: { '2026': { provinces: { atlantis: {} } } } });
    expect(nowhere.problems.map((p) => [p.key, p.args.province])).toEqual([['rules.unknown-province', 'atlantis']]);
  });
});

describe('rules in Chinese by default', () => {
  it('every bundled rule has its source in Chinese, and zh-CN shows it; en shows the original', async () => {
    const { ruleSource } = await import('../../src/report/render-rules.js');
    const result = parseRuleSet(bundled, [], provinces);
    if (!result.ok) throw new Error('bundled rules invalid');
    const missing = Object.entries(result.ruleSet.rules).filter(([, rule]) => !rule.sourceZh);
    expect(missing.map(([id]) => id)).toEqual([]);
    const rule = result.ruleSet.rules['pass-line']!;
    expect(ruleSource(rule, 'zh-CN')).toBe(rule.sourceZh);
    expect(ruleSource(rule, 'en')).toBe(rule.source);
  });

  it('an override that changes a source without its Chinese wording drops the old wording', () => {
    const result = parseRuleSet(
      bundled,
      [{ file: 'p.json', json: { rules: { 'pass-line': { source: 'my province 2027' } } } }],
      provinces,
    );
    expect(result.ok && result.ruleSet.rules['pass-line']).toMatchObject({ source: 'my province 2027' });
    expect(result.ok && result.ruleSet.rules['pass-line']?.sourceZh).toBeUndefined();
  });
});
