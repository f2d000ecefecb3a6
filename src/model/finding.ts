/** A finding as the functional core produces it: an id, a severity and numbers, no sentences. */

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Values = Record<string, string | number | boolean | null | undefined | string[]>;

/**
 * The info findings shown without --verbose: the ids of the upload checks that declare
 * `shownByDefault` (src/files/checks/), listed here as data for the renderers, which may not import
 * the checks; test/files/check-list.test.ts holds the two equal.
 */
export const INFO_SHOWN_BY_DEFAULT = ['document.type', 'photo.face', 'photo.official-tool'] as const;

/** A finding; `Id` narrows the id to the ids one producer declares (its check list's `as const` ids). */
export interface Finding<Id extends string = string> {
  /** Stable public id, `<family>.<property>` (docs/contract.md). */
  id: Id;
  severity: Severity;
  /** What was measured and what was expected: shown with --verbose and in JSON. */
  measured?: Values;
  expected?: Values;
  /** Arguments for the message and fix wording (may repeat measured/expected values). */
  args?: Values;
}
