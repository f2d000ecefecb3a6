/** Colour for the terminal renderer: a Chalk instance at the chosen level, never chalk's default. */
import type { Painter } from '../report/painter.js';
import { plain } from '../report/painter.js';

export async function painterFor(colour: boolean, stream: NodeJS.WriteStream = process.stdout): Promise<Painter> {
  if (!colour) return plain;
  const { Chalk, supportsColor } = await import('chalk');
  const level = process.env.FORCE_COLOR ? (supportsColor ? supportsColor.level : 1) : stream.isTTY ? (supportsColor ? supportsColor.level : 1) : 0;
  if (!level) return plain;
  const chalk = new Chalk({ level });
  return { red: chalk.red, green: chalk.green, yellow: chalk.yellow, cyan: chalk.cyan, dim: chalk.dim, bold: chalk.bold };
}
