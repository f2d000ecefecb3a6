/** Pick the renderer for --format (loaded on demand) and write the result where it belongs. */
import type { Report } from '../report/build-report.js';
import type { CommandContext } from './load-context.js';
import { painterFor, terminalWidth } from './terminal.js';
import { emit } from './write-output.js';

export async function renderReport(report: Report, context: CommandContext): Promise<void> {
  const { globals, messages } = context;
  let content: string;
  switch (globals.format) {
    case 'json':
      content = (await import('../report/render-json.js')).renderJson(report);
      break;
    case 'html': {
      const [{ renderHtml }, { readFile }, { templatePath }] = await Promise.all([
        import('../report/render-html.js'),
        import('node:fs/promises'),
        import('../templates/templates-dir.js'),
      ]);
      const provinceName = (id: string) =>
        context.provinces.find((p) => p.id === id)?.[globals.lang === 'en' ? 'en' : 'zh'] ?? id;
      content = renderHtml(report, {
        messages,
        provinceName,
        template: await readFile(templatePath('report', 'check.html'), 'utf8'),
      });
      break;
    }
    case 'md':
      content = (await import('../report/render-markdown.js')).renderMarkdown(report, {
        messages,
        verbose: globals.verbose,
      });
      break;
    default: {
      const { renderText } = await import('../report/render-text.js');
      const width = terminalWidth(globals.output);
      const provinceName = (id: string) =>
        context.provinces.find((p) => p.id === id)?.[globals.lang === 'en' ? 'en' : 'zh'] ?? id;
      content = renderText(report, {
        messages,
        provinceName,
        painter: await painterFor(globals.colour),
        verbose: globals.verbose,
        ...(width ? { width } : {}),
      });
    }
  }
  await emit(content, globals.output);
}
