/** `fix --format json`: the copy written (without its raw facts) and its re-check, or why there is none. */
import type { FixOutcome } from '../../files-io/fix-to-file.js';
import type { UploadRole } from '../../model/rules.js';
import { localizeFinding } from '../../report/localize.js';
import { jsonText } from '../../report/render-json.js';
import type { Renderer } from '../../report/renderer.js';

/** `shegong fix`: the file, its role and what fixing it gave (text renders a written copy only). */
export interface FixData {
  input: string;
  role: UploadRole;
  outcome: FixOutcome;
}

export const renderFixJson: Renderer<FixData> = ({ input, role, outcome }, { messages, schema }) =>
  jsonText({
    schema,
    ...(outcome.ok
      ? {
          ok: true,
          input,
          role,
          output: {
            ...withoutFacts(outcome),
            result: {
              ...outcome.result,
              findings: outcome.result.findings.map((f) => localizeFinding(messages, f)),
            },
          },
        }
      : {
          ok: false,
          input,
          role,
          reason: outcome.reason,
          message: messages.ui.cannotFix[outcome.reason] ?? outcome.reason,
          ...(outcome.args ? { args: outcome.args } : {}),
          ...(outcome.preview ? { preview: outcome.preview } : {}),
        }),
  });

/** The fix outcome without the copy's raw facts (its thumbnail and probe details are not the report). */
function withoutFacts<T extends { outputFacts?: unknown }>(outcome: T): Omit<T, 'outputFacts'> {
  const { outputFacts: _facts, ...rest } = outcome;
  return rest;
}
