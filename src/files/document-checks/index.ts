/**
 * Every 学信网 document check, in the order their findings appear. `documentFindings` runs this
 * list; the catalogues need words for each id. Adding one: a unit declared with `documentCheck`
 * (./check.ts) and its place here; its words in src/i18n/file-findings.ts.
 */
import { documentGraduated, documentLevel, documentMajor } from './answers.js';
import { documentHolderId, documentHolderName } from './holder.js';
import { documentValidity } from './validity.js';

export type { DocumentCheck, DocumentContext } from './check.js';
export { validityNeeded } from './validity.js';

export const DOCUMENT_CHECKS = [
  // Dates: the report must verify online through the windows still ahead.
  documentValidity,
  // Who: the roster row's name and masked ID number.
  documentHolderName,
  documentHolderId,
  // What: the answered level, major and graduation month.
  documentLevel,
  documentMajor,
  documentGraduated,
] as const;

/** Every id a document check can produce. */
export type DocumentFindingId = (typeof DOCUMENT_CHECKS)[number]['ids'][number];
