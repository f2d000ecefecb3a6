/** Read the bundled rule files and any --rules overrides, then parse. The only file access for rules. */
import { UserError } from '../errors.js';
import { readRegular } from '../files/safe-read.js';
import type { Province } from '../model/provinces.js';
import type { RuleSet } from '../model/rules.js';
import type { OverrideInput } from './parse-rule-set.js';
import { templatePath } from './templates-dir.js';

/** A rules file larger than this is not a rules file (an engineering bound, issue 15). */
const MAX_RULES_BYTES = 16 * 1024 * 1024;

export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    // One fstat-checked, non-blocking open (issue 15): a FIFO or /dev/zero given as --rules is refused at once.
    text = new TextDecoder().decode(await readRegular(file, MAX_RULES_BYTES));
  } catch (error) {
    throw new UserError(
      'error.rules-unreadable',
      { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) },
      [],
      (error as Error).message,
    );
  }
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    // A line and column a person can find in an editor, not V8's character offset (issue 12).
    const { line, column } = jsonErrorPlace(body, (error as Error).message);
    throw new UserError(
      'error.json',
      { file, line: String(line), column: String(column) },
      [],
      (error as Error).message,
    );
  }
}

/** Where JSON.parse stopped: its "(line L column C)" when given, else from "position N". */
export function jsonErrorPlace(text: string, message: string): { line: number; column: number } {
  const given = message.match(/line (\d+) column (\d+)/);
  if (given) return { line: Number(given[1]), column: Number(given[2]) };
  const position = Number(message.match(/position (\d+)/)?.[1] ?? text.length);
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

export async function loadProvinces(): Promise<Province[]> {
  const [json, cities] = (await Promise.all([
    readJson(templatePath('provinces.json')),
    readJson(templatePath('cities.json')),
  ])) as [{ provinces: Province[] }, { cities: Record<string, string[]> }];
  // City and prefecture names → their province (广州 → 广东), so every answer parser reads them.
  return json.provinces.map((province) => ({ ...province, cities: cities.cities[province.id] ?? [] }));
}

export interface LoadedRules {
  ruleSet: RuleSet;
  provinces: Province[];
  /** Raw override documents, for other data they may carry (calendars). */
  overrides: OverrideInput[];
}

export async function loadRuleSet(overrideFiles: string[] = []): Promise<LoadedRules> {
  const [exam, uploads, provinces] = await Promise.all([
    readJson(templatePath('rules', 'exam.json')),
    readJson(templatePath('rules', 'uploads.json')),
    loadProvinces(),
  ]);
  // One rule set from the bundled files: the exam's rules and the upload rules.
  const bundled = {
    ...(exam as object),
    rules: { ...(exam as { rules: object }).rules, ...(uploads as { rules: object }).rules },
  };
  const overrides: OverrideInput[] = [];
  for (const file of overrideFiles) overrides.push({ file, json: await readJson(file) });
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
