/**
 * Whether the data is stale where it matters: in the cycle's registration season (from 1 January of
 * the exam year until the exam) while the pack has no published dates for that year. Pure: the
 * shell decides whether to say it (an environment variable silences it) and says it once.
 */
import type { PackInfo } from '../model/pack.js';

export interface StaleFacts {
  version: string;
  days: number;
  published: number;
  year: number;
}

export function staleData(
  pack: PackInfo | undefined,
  today: string,
  year: number,
  examStart: string,
  daysSinceChecked: number,
): StaleFacts | undefined {
  if (!pack || pack.publishedThrough >= year) return undefined;
  if (today < `${year}-01-01` || today > examStart) return undefined;
  return { version: pack.version, days: daysSinceChecked, published: pack.publishedThrough, year };
}
