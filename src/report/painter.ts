/** Colour is injected: the shell builds a Chalk instance at the chosen level; tests pass `plain`. */
export interface Painter {
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
  cyan: (text: string) => string;
  dim: (text: string) => string;
  bold: (text: string) => string;
}

const same = (text: string) => text;
export const plain: Painter = { red: same, green: same, yellow: same, cyan: same, dim: same, bold: same };
