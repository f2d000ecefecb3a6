/** Unknown JSON → a validated rule set, or every problem found. Pure: never throws, never reads files. */
import type { Province } from '../model/provinces.js';
import type { OverrideInput, Rule, RuleSet } from '../model/rules.js';
import { overrideFileSchema, REQUIRED_RULES, ruleFileSchema, ruleSchema, valueSchemaFor } from './rule-schema.js';
import { deepMerge } from '../templates/deep-merge.js';

import type { Problem } from '../errors.js';
import { problemAt, schemaProblems } from './schema-problems.js';

export type ParseResult = { ok: true; ruleSet: RuleSet } | { ok: false; problems: Problem[] };

export type { OverrideInput };

export function parseRuleSet(
  bundled: unknown,
  overrides: OverrideInput[],
  provinces: readonly Province[],
): ParseResult {
  const problems: Problem[] = [];
  const base = ruleFileSchema.safeParse(bundled);
  if (!base.success) return { ok: false, problems: schemaProblems({ where: 'templates/rules' }, base.error.issues) };

  const rules: Record<string, unknown> = { ...base.data.rules };
  for (const { file, json } of overrides) {
    const parsed = overrideFileSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(...schemaProblems({ file, where: '' }, parsed.error.issues));
      continue;
    }
    for (const [id, patch] of Object.entries(parsed.data.rules ?? {})) {
      if (!valueSchemaFor(id)) {
        problems.push(problemAt({ file, where: `rules.${id}` }, 'rules.unknown-id'));
        continue;
      }
      const existing = rules[id];
      if (existing === undefined && !('source' in patch)) {
        // A new rule (a province's fees, say) must bring its own provenance.
        problems.push(problemAt({ file, where: `rules.${id}` }, 'rules.new-rule-incomplete'));
        continue;
      }
      const merged = deepMerge(existing ?? {}, patch) as Record<string, unknown>;
      // A new source without its Chinese wording: the old wording no longer describes it.
      if ('source' in patch && !('sourceZh' in patch)) delete merged.sourceZh;
      rules[id] = { ...merged, overriddenBy: file };
    }
  }

  const provinceIds = new Set(provinces.map((province) => province.id));
  const valid: Record<string, Rule> = {};
  for (const [id, raw] of Object.entries(rules)) {
    const rule = ruleSchema.safeParse(raw);
    if (!rule.success) {
      problems.push(...schemaProblems({ where: `rules.${id}` }, rule.error.issues));
      continue;
    }
    const schema = valueSchemaFor(id);
    if (!schema) {
      problems.push(problemAt({ where: `rules.${id}` }, 'rules.unknown-id'));
      continue;
    }
    const value = schema.safeParse(rule.data.value);
    if (!value.success) {
      problems.push(...schemaProblems({ where: `rules.${id}.value` }, value.error.issues));
      continue;
    }
    if (id.startsWith('fees.') && id !== 'fees.default' && !provinceIds.has(id.slice('fees.'.length))) {
      problems.push(
        problemAt({ where: `rules.${id}` }, 'rules.unknown-province', { province: id.slice('fees.'.length) }),
      );
      continue;
    }
    valid[id] = { ...(rule.data as Rule), value: value.data };
  }
  for (const id of REQUIRED_RULES)
    if (!(id in rules)) problems.push(problemAt({ where: `rules.${id}` }, 'rules.missing'));
  const review = valid['post-exam-review']?.value as { provinces: string[]; unconfirmed: string[] } | undefined;
  for (const province of [...(review?.provinces ?? []), ...(review?.unconfirmed ?? [])]) {
    if (!provinceIds.has(province))
      problems.push(
        problemAt({ where: 'rules.post-exam-review.value.provinces' }, 'rules.unknown-province', { province }),
      );
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, ruleSet: { name: base.data.name, rules: valid, overrides: overrides.map((o) => o.file) } };
}
