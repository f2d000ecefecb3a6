/** The calendar's schema: validates templates/calendars with the `calendar` sections of --rules overrides. */
import { z } from 'zod';
import type { Calendar } from '../model/calendar.js';
import { CONFIDENCES } from '../model/rules.js';
import type { OverrideInput } from '../model/rules.js';
import { deepMerge } from '../templates/deep-merge.js';
import type { Problem } from '../errors.js';
import { problemAt, schemaProblems } from '../rules/schema-problems.js';
import { isValidDay } from './day.js';

const day = z.string().refine(isValidDay, 'schema.real-date');
const published = z
  .object({
    start: day,
    end: day.optional(),
    source: z.string().min(1),
    confidence: z.enum(CONFIDENCES),
    note: z.string().optional(),
    city: z.string().min(1).optional(),
  })
  .refine((d) => !d.end || d.end >= d.start, 'schema.end-before-start');
const windows = z.object({
  registration: published.optional(),
  payment: published.optional(),
  'admission-ticket': published.optional(),
  scores: published.optional(),
});
const year = windows.extend({ exam: published, provinces: z.record(z.string(), windows).optional() });
const days = z.number().int();
const calendarSchema = z.object({
  years: z.record(z.string().regex(/^\d{4}$/, 'schema.year'), year),
  pattern: z.object({
    source: z.string(),
    confidence: z.enum(CONFIDENCES),
    estimateYears: z.number().int().min(0).max(10),
    conservativeYears: z.number().int().min(1).max(10),
    registration: z.object({ startDaysBeforeExam: days, lengthDays: days }),
    payment: z.object({ endDaysAfterRegistrationEnd: days }),
    'admission-ticket': z.object({ startDaysBeforeExam: days }),
    scores: z.object({ daysAfterExam: days }),
    'post-exam-review': z.object({ startDaysAfterScores: days, lengthDays: days }),
    certificate: z.object({ startDaysAfterScores: days, lengthDays: days }),
    photo: z.object({ daysBeforeRegistration: days }),
    reminders: z.object({
      atHour: z.number().int().min(0).max(23),
      daysBeforeStart: days,
      daysBeforeEnd: days,
      beforePaperDays: days,
      beforePaperHours: days,
      longSpanDays: days.positive(),
      note: z.string().optional(),
    }),
  }),
});

export function parseCalendar(
  bundled: unknown,
  overrides: OverrideInput[],
  provinceIds: Set<string>,
): { calendar?: Calendar; problems: Problem[] } {
  let merged = bundled;
  for (const { json } of overrides) {
    const section = (json as { calendar?: unknown }).calendar;
    if (section !== undefined) merged = deepMerge(merged, section);
  }
  const parsed = calendarSchema.safeParse(merged);
  if (!parsed.success) {
    return { problems: schemaProblems({ where: 'calendar' }, parsed.error.issues) };
  }
  const problems: Problem[] = [];
  for (const [y, entry] of Object.entries(parsed.data.years)) {
    for (const id of Object.keys(entry.provinces ?? {})) {
      if (!provinceIds.has(id))
        problems.push(
          problemAt({ where: `calendar.years.${y}.provinces` }, 'rules.unknown-province', { province: id }),
        );
    }
  }
  return problems.length ? { problems } : { calendar: parsed.data as Calendar, problems };
}
