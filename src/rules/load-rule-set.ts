/** Read the bundled rule files and any --rules overrides, then parse. The only file access for rules. */
import { UserError } from '../errors.js';
import type { Province } from '../model/provinces.js';
import type { RuleSet } from '../model/rules.js';
import type { OverrideInput } from '../model/rules.js';
import { readJson } from '../templates/read-json.js';
import { BUNDLED, type DataSource } from '../templates/data-source.js';

export async function loadProvinces(source: DataSource = BUNDLED): Promise<Province[]> {
  const [json, cities] = (await Promise.all([source.read('provinces.json'), source.read('cities.json')])) as [
    { provinces: Province[] },
    { cities: Record<string, string[]>; districts?: Record<string, string[]> },
  ];
  // City, prefecture and district names → their province (广州, 天河区 → 广东), so every answer parser reads them.
  return json.provinces.map((province) => ({
    ...province,
    cities: cities.cities[province.id] ?? [],
    districts: cities.districts?.[province.id] ?? [],
  }));
}

export interface LoadedRules {
  ruleSet: RuleSet;
  provinces: Province[];
  /** Raw override documents, for other data they may carry (calendars). */
  overrides: OverrideInput[];
}

export async function loadRuleSet(overrideFiles: string[] = [], source: DataSource = BUNDLED): Promise<LoadedRules> {
  const [exam, uploads, provinces] = await Promise.all([
    source.read('rules/exam.json'),
    source.read('rules/uploads.json'),
    loadProvinces(source),
  ]);
  // One rule set from the bundled files: the exam's rules and the upload rules.
  const bundled = {
    ...(exam as object),
    rules: { ...(exam as { rules: object }).rules, ...(uploads as { rules: object }).rules },
  };
  const overrides: OverrideInput[] = [];
  for (const file of overrideFiles) overrides.push({ file, json: await readJson(file, 'error.rules-unreadable') });
  // The bundled rules are validated by the tests (test/rules/parse-rule-set.test.ts checks that this
  // trusted path gives exactly what the schema gives); the schema and zod (~80 ms of start-up) are
  // loaded only to judge a --rules file.
  if (overrides.length === 0) return { ruleSet: trustedRuleSet(bundled as TrustedRules), provinces, overrides };
  const { parseRuleSet } = await import('./parse-rule-set.js');
  const parsed = parseRuleSet(bundled, overrides, provinces);
  if (!parsed.ok) {
    throw new UserError(
      'error.rules-invalid',
      { file: overrideFiles.join(', ') || 'templates/rules/exam.json' },
      parsed.problems,
    );
  }
  return { ruleSet: parsed.ruleSet, provinces, overrides };
}

interface TrustedRules {
  name: RuleSet['name'];
  rules: RuleSet['rules'];
}

/** The bundled rule files as a rule set, without re-validating them at run time. */
export function trustedRuleSet(bundled: TrustedRules): RuleSet {
  return { name: bundled.name, rules: bundled.rules, overrides: [] };
}
