/** Read templates/calendars, applying a `calendar` section from --rules overrides (validated then). */
import { UserError } from '../errors.js';
import type { Calendar } from '../model/calendar.js';
import type { OverrideInput } from '../model/rules.js';
import { BUNDLED, type DataSource } from '../templates/data-source.js';

export async function loadCalendar(
  overrides: OverrideInput[],
  provinceIds: Set<string>,
  source: DataSource = BUNDLED,
): Promise<Calendar> {
  const bundled = await source.read('calendars/exam-calendar.json');
  // The bundled calendar is validated by the tests (the trusted path equals the parsed one); zod
  // is loaded only when a --rules file brings a calendar section.
  if (!overrides.some(({ json }) => (json as { calendar?: unknown }).calendar !== undefined))
    return bundled as Calendar;
  const { parseCalendar } = await import('./parse-calendar.js');
  const { calendar, problems } = parseCalendar(bundled, overrides, provinceIds);
  if (!calendar)
    throw new UserError(
      'error.rules-invalid',
      { file: overrides.map((o) => o.file).join(', ') || 'templates/calendars' },
      problems,
    );
  return calendar;
}
