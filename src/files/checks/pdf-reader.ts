/** What pdf.js made of the PDF: damaged beyond its structure, or stopped at a safety limit. */
import type { FileFacts } from '../../model/files.js';
import { ruleValue } from '../../rules/rule-access.js';
import { uploadCheck } from './check.js';
import { readablePdf } from './pdf-structure.js';

const failure = (facts: FileFacts) => (facts.pdfRead && !facts.pdfRead.ok ? facts.pdfRead : undefined);

export const pdfDamaged = uploadCheck({
  name: 'pdf-damaged',
  ids: ['file.corrupt'],
  rules: [],
  severity: { fixed: ['error'], why: 'a file the reader cannot open: a fact, not a platform rule' },
  applies: (facts) =>
    readablePdf(facts) && failure(facts)?.reason === 'damaged' && facts.pdf?.eof === true && facts.pdf.xrefOk,
  run: (facts) => [
    {
      id: 'file.corrupt',
      severity: 'error',
      measured: { reader: 'pdfjs', error: failure(facts)?.detail ?? '' },
      args: { reason: 'pdfjs', type: 'pdf' },
    },
  ],
});

const LIMIT_REASONS = ['time', 'memory', 'inflate', 'error'];

export const pdfLimits = uploadCheck({
  name: 'pdf-limits',
  ids: ['pdf.limits'],
  rules: ['upload.pdf.reader'],
  severity: {
    fixed: ['warning'],
    why: 'the reader stopped at one of our own safety limits: the file may be fine, so it is never an error',
  },
  applies: (facts) => readablePdf(facts) && LIMIT_REASONS.includes(failure(facts)?.reason ?? ''),
  run: (facts, ruleSet) => {
    const read = failure(facts)!;
    const limits = ruleValue(ruleSet, 'upload.pdf.reader');
    return [
      {
        id: 'pdf.limits',
        severity: 'warning',
        measured: { reason: read.reason, ms: read.ms },
        expected: {
          timeoutMs: limits.timeoutMs,
          maxHeapMb: limits.maxHeapMb,
          maxInflatedBytes: limits.maxInflatedBytes,
        },
        args: {
          variant: read.reason,
          seconds: Math.round(limits.timeoutMs / 100) / 10,
          mb: limits.maxHeapMb,
          inflatedMb: Math.round(limits.maxInflatedBytes / 1048576),
        },
      },
    ];
  },
});
