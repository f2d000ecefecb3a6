/** What the structural PDF reading found: no header (not a PDF at all), or a truncated or broken file. */
import { isPdf, uploadCheck } from './check.js';

export const pdfHeader = uploadCheck({
  name: 'pdf-header',
  ids: ['pdf.invalid'],
  rules: [],
  severity: { fixed: ['error'], why: 'a PDF without its header is not a PDF any reader opens' },
  applies: (facts) => isPdf(facts) && !facts.pdf?.header,
  run: () => [{ id: 'pdf.invalid', severity: 'error', measured: { header: false }, args: { variant: 'header' } }],
});

/** The checks below read a PDF whose header is there. */
export const readablePdf = (facts: Parameters<typeof isPdf>[0]) => isPdf(facts) && facts.pdf?.header === true;

export const pdfTruncated = uploadCheck({
  name: 'pdf-truncated',
  ids: ['file.corrupt'],
  rules: [],
  severity: { fixed: ['error'], why: 'a truncated or broken file: a fact, not a platform rule' },
  applies: (facts) => readablePdf(facts) && (!facts.pdf?.eof || !facts.pdf.xrefOk),
  run: (facts) => {
    const pdf = facts.pdf!;
    return [
      {
        id: 'file.corrupt',
        severity: 'error',
        measured: { eof: pdf.eof, xref: pdf.xrefOk },
        args: { reason: pdf.eof ? 'xref' : 'truncated', type: 'pdf' },
      },
    ];
  },
});
