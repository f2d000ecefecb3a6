/** What every list of checks (uploads, documents) owes the rule set. */
import { expect } from 'vitest';
import type { SeveritySource } from '../../src/files/checks/check.js';
import type { RuleId } from '../../src/model/rules.js';
import { ruleSet } from './fixtures.js';

/**
 * Every rule a check reads is in the bundled rules; a check whose severity is the rule's reads one
 * with a severity; a check with fixed severities says why.
 */
export function expectChecksReadBundledRules(
  checks: readonly { name: string; rules: readonly RuleId[]; severity: SeveritySource }[],
): void {
  for (const check of checks) {
    for (const id of check.rules) expect(ruleSet.rules[id], `${check.name} reads ${id}`).toBeDefined();
    if (check.severity === 'rule' || check.severity.alsoRule)
      expect(
        check.rules.some((id) => typeof (ruleSet.rules[id]?.value as { severity?: unknown })?.severity === 'string'),
        check.name,
      ).toBe(true);
    else expect(check.severity.why.length, check.name).toBeGreaterThan(0);
  }
}
