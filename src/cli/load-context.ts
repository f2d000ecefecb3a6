/** Everything a command needs from templates/ and --rules, loaded once. */
import { loadCalendar } from '../dates/load-calendar.js';
import { yearRange } from '../dates/build-events.js';
import { UserError } from '../errors.js';
import { messagesFor, type Messages } from '../i18n/messages.js';
import type { Calendar } from '../model/calendar.js';
import type { Province } from '../model/provinces.js';
import type { RuleSet } from '../model/rules.js';
import { loadRuleSet } from '../rules/load-rule-set.js';
import { activeData, packInfo } from './data-store.js';
import type { GlobalOptions } from './global-options.js';

export interface CommandContext {
  globals: GlobalOptions;
  messages: Messages;
  ruleSet: RuleSet;
  provinces: Province[];
  calendar: Calendar;
}

export async function loadContext(globals: GlobalOptions): Promise<CommandContext> {
  // SHEGONG_ML=off takes the heuristic photo path even with the models installed.
  if (process.env.SHEGONG_ML === 'off') (await import('../files-io/photo-models.js')).setPhotoModelsEnabled(false);
  // The imported pack when there is a valid one not older than the bundled data, else templates/.
  const active = await activeData();
  const loaded = await loadRuleSet(globals.rules, active.source);
  const { provinces, overrides } = loaded;
  const calendar = await loadCalendar(overrides, new Set(provinces.map((p) => p.id)), active.source);
  const ruleSet = { ...loaded.ruleSet, pack: packInfo(active, calendar) };
  if (globals.year !== undefined) {
    const { first, last } = yearRange(calendar);
    if (globals.year < first || globals.year > last)
      throw new UserError('answer.year-range', {
        value: String(globals.year),
        first: String(first),
        last: String(last),
      });
  }
  return { globals, messages: messagesFor(globals.lang), ruleSet, provinces, calendar };
}
