/** Too few pixels for the document's physical size: the dpi it was scanned at, long side to long side. */
import type { Severity } from '../../model/finding.js';
import { ruleValue } from '../../rules/rule-access.js';
import { MM_PER_INCH } from '../measures.js';
import { isScan, one, uploadCheck } from './check.js';

export const scanResolution = uploadCheck({
  name: 'scan-resolution',
  ids: ['scan.resolution'],
  rules: ['upload.roles', 'upload.scan.resolution'],
  severity: {
    fixed: ['error', 'warning'],
    why: 'upload.scan.resolution gives two thresholds, not a severity: below minDpi the text is unreadable (error), below goodDpi it is only soft (warning); a severity field in the rule data would change `shegong rules` and its JSON',
  },
  applies: (facts, ruleSet) =>
    isScan(facts, ruleSet) && ruleValue(ruleSet, 'upload.roles')[facts.role].document !== undefined,
  run: (facts, ruleSet) => {
    const image = facts.image!;
    const document = ruleValue(ruleSet, 'upload.roles')[facts.role].document!;
    // Match long side to long side: a card may be scanned either way round.
    const long = Math.max(image.orientedWidth, image.orientedHeight);
    const short = Math.min(image.orientedWidth, image.orientedHeight);
    const docLong = Math.max(document.widthMm, document.heightMm) / MM_PER_INCH;
    const docShort = Math.min(document.widthMm, document.heightMm) / MM_PER_INCH;
    const dpi = Math.round(Math.min(long / docLong, short / docShort));
    const resolution = ruleValue(ruleSet, 'upload.scan.resolution');
    const severity: Severity | null = dpi < resolution.minDpi ? 'error' : dpi < resolution.goodDpi ? 'warning' : null;
    return one(
      severity !== null && {
        id: 'scan.resolution',
        severity,
        measured: { dpi, width: image.orientedWidth, height: image.orientedHeight },
        expected: {
          minDpi: resolution.minDpi,
          goodDpi: resolution.goodDpi,
          widthMm: document.widthMm,
          heightMm: document.heightMm,
        },
        args: {
          dpi,
          min: severity === 'error' ? resolution.minDpi : resolution.goodDpi,
          goodDpi: resolution.goodDpi,
          mm: `${document.widthMm}×${document.heightMm}`,
          needLong: Math.ceil(docLong * resolution.goodDpi),
          needShort: Math.ceil(docShort * resolution.goodDpi),
        },
      },
    );
  },
});
