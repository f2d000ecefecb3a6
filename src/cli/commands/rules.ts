/** `shegong rules`: every active rule, its value, source, confidence and check date. */
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext } from '../load-context.js';
import { renderAs } from '../render-registry.js';
import { emit } from '../write-output.js';

export async function runRules(globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  const { ruleSet, calendar } = context;
  await emit(await renderAs('rules', { ruleSet, calendar }, context), globals.output);
  return EXIT.OK;
}
