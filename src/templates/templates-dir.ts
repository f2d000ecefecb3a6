import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** `templates/` beside `src/` and `dist/`: both sit at the same depth, so one path serves both. */
export const TEMPLATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');

export const templatePath = (...parts: string[]) => path.join(TEMPLATES_DIR, ...parts);
