/** `shegong rules`: every active rule, its value, source, confidence and check date. */
import type { Route, Rule } from '../../model/rules.js';
import { renderTable, wrapText } from '../../text/table.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext, type CommandContext } from '../load-context.js';
import { painterFor, terminalWidth } from '../terminal.js';
import { emit } from '../write-output.js';

function valueLines(id: string, rule: Rule, context: CommandContext): string[][] {
  const { messages, globals } = context;
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
        (paper) => [level, `${paper.name[globals.lang]}  D${paper.day} ${paper.start}-${paper.end}`],
      ),
    );
  }
  return Object.entries(value).map(([key, v]) => [key, readable(v)]);
}

/** A rule value for people, not JSON (issue 12): lists joined with 、, fields as name value · name value. */
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

export function renderRulesText(context: CommandContext, painter: Awaited<ReturnType<typeof painterFor>>): string {
  const { messages, ruleSet, globals } = context;
  const out: string[] = [painter.bold(`${ruleSet.name[globals.lang]} · ${messages.ui.rulesTitle}`), ''];
  for (const [id, rule] of Object.entries(ruleSet.rules)) {
    const confidence = messages.labels.confidence[rule.confidence] ?? rule.confidence;
    const paint =
      rule.confidence === 'official' ? painter.green : rule.confidence === 'secondary' ? painter.yellow : painter.red;
    out.push(
      `${painter.bold(id)}  ${rule.title[globals.lang]}  ${paint(`[${confidence}]`)} ${painter.dim(rule.checked)}`,
    );
    out.push(...renderTable(valueLines(id, rule, context)).map((line) => `    ${line}`));
    if (rule.note) out.push(`    ${painter.dim(rule.note[globals.lang])}`);
    out.push(`    ${painter.dim(`${messages.ui.source}${messages.ui.colon}${rule.source}`)}`);
    if (rule.overriddenBy) out.push(`    ${painter.cyan(messages.ui.overridden(rule.overriddenBy))}`);
    for (const claim of rule.folklore ?? []) {
      out.push(
        `    ${painter.dim(`${messages.ui.folklore}${messages.ui.colon}${claim.claim[globals.lang]} (${claim.source})`)}`,
      );
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

export async function runRules(globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  if (globals.format === 'json') {
    const { ruleSet, calendar } = context;
    await emit(
      `${JSON.stringify({ schema: 'shegong.rules/v1', name: ruleSet.name, overrides: ruleSet.overrides, rules: ruleSet.rules, calendar }, null, 2)}\n`,
      globals.output,
    );
  } else {
    await emit(
      wrapText(renderRulesText(context, await painterFor(globals.colour)), terminalWidth(globals.output)),
      globals.output,
    );
  }
  return EXIT.OK;
}
