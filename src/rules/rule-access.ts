/** Typed reads from a validated rule set. */
import type { Fees, Rule, RuleSet, RuleValues } from '../model/rules.js';

export function ruleOf<K extends keyof RuleValues>(ruleSet: RuleSet, id: K): Rule<RuleValues[K]> {
  const rule = ruleSet.rules[id];
  // parseRuleSet guarantees every required rule is present and valid.
  if (!rule) throw new Error(`rule ${id} missing from a validated rule set`);
  return rule as Rule<RuleValues[K]>;
}

export const ruleValue = <K extends keyof RuleValues>(ruleSet: RuleSet, id: K): RuleValues[K] =>
  ruleOf(ruleSet, id).value;

/** The fee rule for a province, falling back to the default (and saying so). */
export function feeRuleFor(
  ruleSet: RuleSet,
  province: string | undefined,
): { rule: Rule<Fees>; provinceSpecific: boolean } {
  const specific = ruleSet.rules[`fees.${province}`] as Rule<Fees> | undefined;
  if (specific) return { rule: specific, provinceSpecific: true };
  return { rule: ruleOf(ruleSet, 'fees.default'), provinceSpecific: false };
}
