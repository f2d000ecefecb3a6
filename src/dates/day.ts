/** The single module that imports dayjs. Calendar days as `YYYY-MM-DD`, computed in UTC (no zone drift). */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

export type IsoDay = string;

const parse = (day: IsoDay) => dayjs.utc(day, 'YYYY-MM-DD');

export const addDays = (day: IsoDay, days: number): IsoDay => parse(day).add(days, 'day').format('YYYY-MM-DD');
export const addMonths = (day: IsoDay, months: number): IsoDay => parse(day).add(months, 'month').format('YYYY-MM-DD');
export const daysBetween = (from: IsoDay, to: IsoDay): number => parse(to).diff(parse(from), 'day');
/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: IsoDay): number => parse(day).day();
export const isValidDay = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && parse(text).isValid() && parse(text).format('YYYY-MM-DD') === text;

/**
 * The calendar day in Asia/Shanghai at the given instant, whatever the machine's zone. China has
 * kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for any instant this
 * tool judges, and it spares every run ICU's time-zone set-up (about 20 ms of start-up).
 */
export function dayInShanghai(instant: Date): IsoDay {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Which occurrence of its weekday in its month a day is (1 = first). */
export const nthWeekdayOfMonth = (day: IsoDay): number => Math.ceil(parse(day).date() / 7);

/** The nth given weekday of a month (month 1–12); a 5th that the month lacks becomes its last. */
export function nthWeekday(year: number, month: number, weekdayIndex: number, nth: number): IsoDay {
  const first = dayjs.utc(Date.UTC(year, month - 1, 1));
  const offset = (weekdayIndex - first.day() + 7) % 7;
  const day = first.add(offset + (nth - 1) * 7, 'day');
  return (day.month() === month - 1 ? day : day.subtract(7, 'day')).format('YYYY-MM-DD');
}
