/**
 * What a pack must be before it is signed or installed: its manifest well formed, its rules and
 * calendar valid under the same schemas as --rules files (every rule and every date carries a
 * source and a confidence), every date inside its exam cycle, and every provincial window inside
 * the national one where that is published. Pure: content in, problems (keys and arguments) out.
 */
import type { Problem } from '../errors.js';
import type { Calendar, PublishedDate } from '../model/calendar.js';
import type { PackContent } from '../model/pack.js';
import type { Province } from '../model/provinces.js';
import { parseCalendar } from '../dates/parse-calendar.js';
import { parseRuleSet } from '../rules/parse-rule-set.js';
import { manifestProblems, publishedThrough } from './pack-format.js';

/** How far past its own year a cycle's dates may run: scores and certificates reach into the next year. */
const CYCLE_ENDS = '-06-30';

export function validatePackContent(content: PackContent): Problem[] {
  const problems = manifestProblems(content.manifest);
  const files = content.files;
  const cities = (files['cities.json'] as { cities?: Record<string, string[]> })?.cities ?? {};
  const provinces: Province[] = ((files['provinces.json'] as { provinces?: Province[] })?.provinces ?? []).map((p) => ({
    ...p,
    cities: cities[p.id] ?? [],
  }));
  if (provinces.length === 0) problems.push({ key: 'pack.missing-file', args: { file: 'provinces.json' } });
  const exam = files['rules/exam.json'] as { rules?: object } | undefined;
  const uploads = files['rules/uploads.json'] as { rules?: object } | undefined;
  const rules = parseRuleSet({ ...exam, rules: { ...exam?.rules, ...uploads?.rules } }, [], provinces);
  if (!rules.ok) problems.push(...rules.problems);
  const parsed = parseCalendar(files['calendars/exam-calendar.json'], [], new Set(provinces.map((p) => p.id)));
  problems.push(...parsed.problems);
  if (parsed.calendar) {
    problems.push(...calendarProblems(parsed.calendar));
    const through = publishedThrough(parsed.calendar);
    const { examYear } = content.manifest;
    if (
      Number.isInteger(examYear) &&
      (examYear < through || examYear > through + parsed.calendar.pattern.estimateYears)
    )
      problems.push({ key: 'pack.exam-year', args: { year: String(examYear), published: String(through) } });
  }
  return problems;
}

/** Dates outside their cycle, and provincial windows outside the national window. */
export function calendarProblems(calendar: Calendar): Problem[] {
  const problems: Problem[] = [];
  const outside = (where: string, date: PublishedDate, first: string, last: string) => {
    if (date.start < first || (date.end ?? date.start) > last)
      problems.push({
        key: 'pack.outside-cycle',
        args: { where, start: date.start, end: date.end ?? date.start, first, last },
      });
  };
  for (const [year, entry] of Object.entries(calendar.years)) {
    const first = `${year}-01-01`;
    const last = `${Number(year) + 1}${CYCLE_ENDS}`;
    const windows = ['registration', 'payment', 'admission-ticket', 'scores'] as const;
    outside(`calendar.years.${year}.exam`, entry.exam, first, `${year}-12-31`);
    for (const id of windows) if (entry[id]) outside(`calendar.years.${year}.${id}`, entry[id], first, last);
    const national = entry.registration;
    for (const [province, own] of Object.entries(entry.provinces ?? {})) {
      for (const id of windows) {
        const date = own[id];
        if (!date) continue;
        const where = `calendar.years.${year}.provinces.${province}.${id}`;
        outside(where, date, first, last);
        // Registration and payment happen inside the national registration window.
        if (national && (id === 'registration' || id === 'payment')) {
          if (date.start < national.start || (date.end ?? date.start) > (national.end ?? national.start))
            problems.push({
              key: 'pack.outside-national',
              args: {
                where,
                start: date.start,
                end: date.end ?? date.start,
                first: national.start,
                last: national.end ?? national.start,
              },
            });
        }
      }
    }
  }
  return problems;
}
