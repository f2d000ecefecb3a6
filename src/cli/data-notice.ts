/**
 * The one stderr line that says the data is stale when it matters (packs/stale.ts). Silenced by
 * SHEGONG_NO_DATA_NOTICE=1 and by CI (CI=true): scripts and pipelines see their output unchanged.
 * It never changes the exit code.
 */
import { daysBetween } from '../dates/day.js';
import { examDates, upcomingExamYear } from '../dates/build-events.js';
import { staleData } from '../packs/stale.js';
import type { CommandContext } from './load-context.js';

const set = (value: string | undefined) => Boolean(value) && value !== '0' && value !== 'false';

let said = false;

export function noticeStaleData(context: CommandContext, province?: string): void {
  if (said || set(process.env.SHEGONG_NO_DATA_NOTICE) || set(process.env.CI)) return;
  const { globals, calendar, ruleSet, messages } = context;
  const pack = ruleSet.pack;
  if (!pack) return;
  const year = globals.year ?? upcomingExamYear(calendar, globals.today, province);
  const facts = staleData(
    pack,
    globals.today,
    year,
    examDates(calendar, year).start,
    daysBetween(pack.checked, globals.today),
  );
  if (!facts) return;
  said = true;
  process.stderr.write(`${messages.data.staleNotice({ ...facts })}\n`);
}
