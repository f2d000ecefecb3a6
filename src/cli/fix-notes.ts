/** The lines that say what a photo fix did and where its preview is: the same in `fix` and `check --fix`. */
import type { FixOutcome } from '../files-io/fix-to-file.js';
import type { Messages } from '../i18n/catalogue.js';

export function fixNotes(outcome: FixOutcome, messages: Messages, warn: (text: string) => string): string[] {
  if (!outcome.ok) return outcome.preview ? [messages.ui.fixPreview(outcome.preview)] : [];
  return [
    ...(outcome.changes
      ? [messages.ui.fixChanges(outcome.changes.map((c) => messages.ui.changeWords[c]).join(messages.ui.listSeparator))]
      : []),
    // Whenever the background was replaced, the person must look at the result.
    ...(outcome.whitened ? [warn(`! ${messages.ui.fixLookAt}`)] : []),
    ...(outcome.preview ? [messages.ui.fixPreview(outcome.preview)] : []),
  ];
}
