/** The active rules for a terminal: each value, its source, confidence and check date. Returns a string. */
import type { Messages } from '../i18n/messages.js';
import type { Lang, Route, Rule, RuleSet } from '../model/rules.js';
import { renderTable } from '../text/table.js';
import type { Painter } from './painter.js';
import type { Renderer, RulesData } from './renderer.js';
import { jsonText } from './render-json.js';

export interface RulesTextOptions {
  messages: Messages;
  lang: Lang;
  painter: Painter;
}

function valueLines(id: string, rule: Rule, { messages, lang }: RulesTextOptions): string[][] {
  const value = rule.value as Record<string, unknown>;
  if (id.startsWith('eligibility.') && Array.isArray(value.routes)) {
    return (value.routes as Route[]).map((route) => [
      route.id,
      `${messages.eligibilityRoute(route)}${route.confidence ? ` [${messages.labels.confidence[route.confidence]}]` : ''}`,
    ]);
  }
  if (id === 'papers') {
    return Object.entries(value).flatMap(([level, papers]) =>
      (papers as { id: string; name: Record<string, string>; day: number; start: string; end: string }[]).map(
        (paper) => [level, `${paper.name[lang]}  D${paper.day} ${paper.start}-${paper.end}`],
      ),
    );
  }
  return Object.entries(value).map(([key, v]) => [key, readable(v)]);
}

/** A rule value for people, not JSON: lists joined with 、, fields as name value · name value. */
export function readable(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' && v !== null ? `（${readable(v)}）` : readable(v))).join('、');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(
        ([key, v]) =>
          `${key} ${typeof v === 'object' && v !== null && !Array.isArray(v) ? `（${readable(v)}）` : readable(v)}`,
      )
      .join(' · ');
  }
  return String(value);
}

/** A rule's source in the reader's language: the Chinese wording where the rule has one. */
export const ruleSource = (rule: Rule, lang: Lang): string =>
  lang === 'zh-CN' && rule.sourceZh ? rule.sourceZh : rule.source;

export function renderRulesText(ruleSet: RuleSet, options: RulesTextOptions): string {
  const { messages, lang, painter } = options;
  const out: string[] = [painter.bold(`${ruleSet.name[lang]} · ${messages.ui.rulesTitle}`)];
  const pack = ruleSet.pack;
  if (pack)
    out.push(
      painter.dim(
        messages.data.packLine({
          version: pack.version,
          origin: pack.origin,
          checked: pack.checked,
          published: pack.publishedThrough,
          overrides: ruleSet.overrides,
        }),
      ),
    );
  out.push('');
  for (const [id, rule] of Object.entries(ruleSet.rules)) {
    const confidence = messages.labels.confidence[rule.confidence] ?? rule.confidence;
    const paint =
      rule.confidence === 'official' ? painter.green : rule.confidence === 'secondary' ? painter.yellow : painter.red;
    out.push(`${painter.bold(id)}  ${rule.title[lang]}  ${paint(`[${confidence}]`)} ${painter.dim(rule.checked)}`);
    out.push(...renderTable(valueLines(id, rule, options)).map((line) => `    ${line}`));
    if (rule.note) out.push(`    ${painter.dim(rule.note[lang])}`);
    out.push(`    ${painter.dim(`${messages.ui.source}${messages.ui.colon}${ruleSource(rule, lang)}`)}`);
    if (rule.overriddenBy) out.push(`    ${painter.cyan(messages.ui.overridden(rule.overriddenBy))}`);
    for (const claim of rule.folklore ?? []) {
      out.push(
        `    ${painter.dim(`${messages.ui.folklore}${messages.ui.colon}${claim.claim[lang]} (${claim.source})`)}`,
      );
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** `rules --format json`: the rule set in use (with its pack, where one is) and the calendar. */
export const renderRulesJson: Renderer<RulesData> = ({ ruleSet, calendar }, { schema }) =>
  jsonText({
    schema,
    name: ruleSet.name,
    overrides: ruleSet.overrides,
    ...(ruleSet.pack ? { pack: ruleSet.pack } : {}),
    rules: ruleSet.rules,
    calendar,
  });
