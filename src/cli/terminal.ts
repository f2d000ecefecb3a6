/** Colour for the terminal renderer: a Chalk instance at the chosen level, never chalk's default. */
import type { Painter } from '../report/painter.js';
import { plain } from '../report/painter.js';

export async function painterFor(color: boolean, stream: NodeJS.WriteStream = process.stdout): Promise<Painter> {
  if (!color) return plain;
  const { Chalk, supportsColor } = await import('chalk');
  const level = process.env.FORCE_COLOR
    ? supportsColor
      ? supportsColor.level
      : 1
    : stream.isTTY
      ? supportsColor
        ? supportsColor.level
        : 1
      : 0;
  if (!level) return plain;
  const chalk = new Chalk({ level });
  return {
    red: chalk.red,
    green: chalk.green,
    yellow: chalk.yellow,
    cyan: chalk.cyan,
    dim: chalk.dim,
    bold: chalk.bold,
  };
}

/**
 * Columns to wrap text to: the terminal's width, or $COLUMNS when set; none when writing to a
 * file or a pipe, so saved text is never cut into lines.
 */
export function terminalWidth(
  output: string | undefined,
  stream: NodeJS.WriteStream = process.stdout,
): number | undefined {
  if (output) return undefined;
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv >= 40) return fromEnv;
  return stream.isTTY && stream.columns >= 40 ? stream.columns : undefined;
}
