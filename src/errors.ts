/** Typed errors the shell maps to exit codes: UserError → 2, CancelledError → 130. */

export class UserError extends Error {
  /** i18n key of the headline. */
  readonly key: string;
  readonly args: Record<string, string>;
  /** Further lines (already words: file paths, schema problems). */
  readonly details: string[];
  /** The library's or system's own words, shown only under --verbose (issue 12). */
  readonly original: string | undefined;

  constructor(key: string, args: Record<string, string> = {}, details: string[] = [], original?: string) {
    super(`${key} ${JSON.stringify(args)}${details.length ? `\n${details.join('\n')}` : ''}`);
    this.name = 'UserError';
    this.key = key;
    this.args = args;
    this.details = details;
    this.original = original;
  }
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
