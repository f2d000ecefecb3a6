/**
 * Read one JSON file: a bundled template (rules, calendar, provinces, demo sample) or a --rules file.
 * One fstat-checked, non-blocking open: a FIFO or /dev/zero given as --rules is refused at once.
 */
import { UserError } from '../errors.js';
import { readRegular } from '../io/safe-read.js';

/** A JSON file larger than this is not one of ours (an engineering bound). */
const MAX_JSON_BYTES = 16 * 1024 * 1024;

/** The catalogue key of the headline when the file cannot be read: rule files say so, other data says its own. */
export type UnreadableKey = 'error.rules-unreadable' | 'error.data-unreadable';

export async function readJson(file: string, unreadable: UnreadableKey = 'error.data-unreadable'): Promise<unknown> {
  let text: string;
  try {
    text = new TextDecoder().decode(await readRegular(file, MAX_JSON_BYTES));
  } catch (error) {
    throw new UserError(
      unreadable,
      { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) },
      [],
      (error as Error).message,
    );
  }
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    // A line and column a person can find in an editor, not V8's character offset.
    const { line, column } = jsonErrorPlace(body, (error as Error).message);
    throw new UserError(
      'error.json',
      { file, line: String(line), column: String(column) },
      [],
      (error as Error).message,
    );
  }
}

/** Where JSON.parse stopped: its "(line L column C)" when given, else from "position N". */
export function jsonErrorPlace(text: string, message: string): { line: number; column: number } {
  const given = message.match(/line (\d+) column (\d+)/);
  if (given) return { line: Number(given[1]), column: Number(given[2]) };
  const position = Number(message.match(/position (\d+)/)?.[1] ?? text.length);
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
