/**
 * Words for problems the core reports by code, as catalogue entries with arguments: rule-file and
 * calendar problems (codes from rules/parse-rule-set.ts, dates/parse-calendar.ts and the schemas), and
 * the derived sources of estimated dates (dates/build-events.ts). Spread into both catalogues.
 */
import type { EventDerivation } from '../model/calendar.js';

type A = Record<string, unknown>;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

const placeZh = (a: A) => `${a.file ? `${s(a.file)}：` : ''}${s(a.where)}`;
const placeEn = (a: A) => `${a.file ? `${s(a.file)}: ` : ''}${s(a.where)}`;

export const ruleProblemsZh: Record<string, (a: A) => string> = {
  'rules.unknown-id': (a) => `${placeZh(a)}：没有这个规则编号`,
  'rules.new-rule-incomplete': (a) => `${placeZh(a)}：新增的规则须写明 title、value、source、confidence 和 checked`,
  'rules.unknown-province': (a) => `${placeZh(a)}：没有这个省份“${s(a.province)}”`,
  'rules.missing': (a) => `${placeZh(a)}：缺少这条规则`,
  'schema.type': (a) => `${placeZh(a)}：类型不对，应为 ${s(a.expected)}`,
  'schema.at-least': (a) => `${placeZh(a)}：不能小于 ${s(a.limit)}`,
  'schema.above': (a) => `${placeZh(a)}：须大于 ${s(a.limit)}`,
  'schema.at-most': (a) => `${placeZh(a)}：不能大于 ${s(a.limit)}`,
  'schema.below': (a) => `${placeZh(a)}：须小于 ${s(a.limit)}`,
  'schema.too-few': (a) => `${placeZh(a)}：至少要有 ${s(a.limit)} 项（或字符）`,
  'schema.too-many': (a) => `${placeZh(a)}：最多 ${s(a.limit)} 项（或字符）`,
  'schema.one-of': (a) => `${placeZh(a)}：只能是 ${s(a.allowed)} 之一`,
  'schema.unknown-keys': (a) => `${placeZh(a)}：不认识的字段 ${s(a.keys)}`,
  'schema.date': (a) => `${placeZh(a)}：日期应写成 YYYY-MM-DD`,
  'schema.real-date': (a) => `${placeZh(a)}：应为真实存在的日期 YYYY-MM-DD`,
  'schema.clock': (a) => `${placeZh(a)}：时间应写成 HH:MM`,
  'schema.year': (a) => `${placeZh(a)}：应为四位年份`,
  'schema.end-before-start': (a) => `${placeZh(a)}：结束日期早于开始日期`,
  'schema.invalid': (a) => `${placeZh(a)}：取值无效`,
};

export const ruleProblemsEn: Record<string, (a: A) => string> = {
  'rules.unknown-id': (a) => `${placeEn(a)}: unknown rule id`,
  'rules.new-rule-incomplete': (a) => `${placeEn(a)}: new rule needs title, value, source, confidence and checked`,
  'rules.unknown-province': (a) => `${placeEn(a)}: unknown province "${s(a.province)}"`,
  'rules.missing': (a) => `${placeEn(a)}: missing`,
  'schema.type': (a) => `${placeEn(a)}: wrong type, expected ${s(a.expected)}`,
  'schema.at-least': (a) => `${placeEn(a)}: must be at least ${s(a.limit)}`,
  'schema.above': (a) => `${placeEn(a)}: must be greater than ${s(a.limit)}`,
  'schema.at-most': (a) => `${placeEn(a)}: must be at most ${s(a.limit)}`,
  'schema.below': (a) => `${placeEn(a)}: must be less than ${s(a.limit)}`,
  'schema.too-few': (a) => `${placeEn(a)}: needs at least ${s(a.limit)} items (or characters)`,
  'schema.too-many': (a) => `${placeEn(a)}: allows at most ${s(a.limit)} items (or characters)`,
  'schema.one-of': (a) => `${placeEn(a)}: must be one of ${s(a.allowed)}`,
  'schema.unknown-keys': (a) => `${placeEn(a)}: unknown field(s) ${s(a.keys)}`,
  'schema.date': (a) => `${placeEn(a)}: expected YYYY-MM-DD`,
  'schema.real-date': (a) => `${placeEn(a)}: expected a real date YYYY-MM-DD`,
  'schema.clock': (a) => `${placeEn(a)}: expected HH:MM`,
  'schema.year': (a) => `${placeEn(a)}: expected a year`,
  'schema.end-before-start': (a) => `${placeEn(a)}: end is before start`,
  'schema.invalid': (a) => `${placeEn(a)}: invalid value`,
};

/** The source line of an estimated date: the pattern's source, then how the date was derived. */
export const eventSourceZh = {
  'exam-copied': (pattern: string, d: EventDerivation) =>
    `${pattern}；考试周末沿用 ${d.from} 年的安排（${d.sources.join('；')}）`,
  'earliest-close': (pattern: string, d: EventDerivation, names: { province: (id: string) => string }) =>
    `${pattern}；${d.from} 年最早截止的省份：${(d.provinces ?? []).map(names.province).join('、')} ${s(d.date)}（${d.sources.join('；')}）`,
};

export type EventSourceWords = typeof eventSourceZh;
export const eventSourceEn: EventSourceWords = {
  'exam-copied': (pattern, d) => `${pattern}; exam weekend copied from ${d.from} (${d.sources.join('; ')})`,
  'earliest-close': (pattern, d) =>
    `${pattern}; earliest provincial close in ${d.from}: ${(d.provinces ?? []).join(', ')} ${s(d.date)} (${d.sources.join('; ')})`,
};
