/** More pages than the platform's PDFs usually have (pdf.js's count, else the structural one). */
import { ruleValue } from '../../rules/rule-access.js';
import { one, uploadCheck } from './check.js';
import { readablePdf } from './pdf-structure.js';

export const pdfPages = uploadCheck({
  name: 'pdf-pages',
  ids: ['pdf.pages'],
  rules: ['upload.pdf'],
  severity: 'rule',
  applies: readablePdf,
  run: (facts, ruleSet) => {
    const pages = facts.pdfRead?.ok ? facts.pdfRead.pages : (facts.pdf?.pages ?? null);
    const { maxPages, severity } = ruleValue(ruleSet, 'upload.pdf');
    return one(
      pages !== null &&
        pages > maxPages && {
          id: 'pdf.pages',
          severity,
          measured: { pages },
          expected: { maxPages },
          args: { pages, max: maxPages },
        },
    );
  },
});
