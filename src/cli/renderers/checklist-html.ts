/** `check --format html`: the report in the bundled page template (read from disk, so in the shell). */
import { readFile } from 'node:fs/promises';
import type { Report } from '../../report/build-report.js';
import { provinceNamer } from '../../report/localize.js';
import { renderHtml } from '../../report/render-html.js';
import type { Renderer } from '../../report/renderer.js';
import { templatePath } from '../../templates/templates-dir.js';

export const renderChecklistHtml: Renderer<Report> = async (report, { globals, messages, provinces }) =>
  renderHtml(report, {
    messages,
    provinceName: provinceNamer(provinces, globals.lang),
    template: await readFile(templatePath('report', 'check.html'), 'utf8'),
  });
