/** Typed errors the shell maps to exit codes: UserError → 2, CancelledError → 130. */

/** A problem as a catalogue key and its arguments: the core names it, the shell words it. */
export interface Problem {
  key: string;
  args: Record<string, string>;
}

export class UserError extends Error {
  /** i18n key of the headline. */
  readonly key: string;
  readonly args: Record<string, string>;
  /** Further lines: words (file paths, usage), or problems the shell words from the catalogue. */
  readonly details: (string | Problem)[];
  /** The library's or system's own words, shown only under --verbose. */
  readonly original: string | undefined;

  constructor(key: string, args: Record<string, string> = {}, details: (string | Problem)[] = [], original?: string) {
    const lines = details.map((d) => (typeof d === 'string' ? d : `${d.key} ${JSON.stringify(d.args)}`));
    super(`${key} ${JSON.stringify(args)}${lines.length ? `\n${lines.join('\n')}` : ''}`);
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
