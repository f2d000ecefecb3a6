/**
 * What an answer rests on: the data pack (version, where it came from, when it was checked against
 * the notices), any --rules overrides, and for each date of the cycle whether it is published (with
 * its notice) or estimated. The `data` object of every JSON report (docs/data-packs.md). Pure.
 */
import type { Messages } from '../i18n/messages.js';
import type { PackOrigin } from '../model/pack.js';
import type { RuleSet } from '../model/rules.js';

export interface DatedEvent {
  id: string;
  year: number;
  estimated: boolean;
  source: string;
  basis?: { kind: string };
}

export interface DataProvenance {
  /** The pack's calendar version (`2026.12`). */
  pack: string;
  origin: PackOrigin;
  /** When the pack's data was last checked against the notices. */
  checked: string;
  expires: string;
  /** The exam year the pack was prepared for, and the newest year with published (not estimated) dates. */
  examYear: number;
  publishedThrough: number;
  /** --rules files applied on top of the pack, in order (local changes, not official data). */
  overrides: string[];
  /** The report's cycle, and each of its dates: published (with its notice) or estimated (with its basis). */
  year: number;
  /** `rule`: computed by a rule (the work-years cutoff), neither a notice nor an estimate. */
  dates: { id: string; year: number; status: 'published' | 'estimated' | 'rule'; source: string }[];
  /** The same, as one line in the report's language. */
  text: string;
}

export function dataProvenance(
  ruleSet: RuleSet,
  year: number,
  events: readonly DatedEvent[],
  messages: Messages,
): DataProvenance | undefined {
  const pack = ruleSet.pack;
  if (!pack) return undefined;
  const dates = events.map((e) => ({
    id: e.id,
    year: e.year,
    status: e.estimated
      ? ('estimated' as const)
      : e.basis?.kind === 'rule'
        ? ('rule' as const)
        : ('published' as const),
    source: e.source,
  }));
  const ofYear = dates.filter((d) => d.year === year);
  const estimated = ofYear.filter((d) => d.status === 'estimated').length;
  const published = ofYear.filter((d) => d.status === 'published').length;
  return {
    pack: pack.version,
    origin: pack.origin,
    checked: pack.checked,
    expires: pack.expires,
    examYear: pack.examYear,
    publishedThrough: pack.publishedThrough,
    overrides: ruleSet.overrides,
    year,
    dates,
    text: messages.data.provenance({
      version: pack.version,
      origin: pack.origin,
      checked: pack.checked,
      year,
      published,
      estimated,
      overrides: ruleSet.overrides,
    }),
  };
}
