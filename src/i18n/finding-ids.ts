/**
 * Every finding id, as one union: derived from the lists that raise them (the upload checks, the
 * document checks, the eligibility builders), plus the roster ids batch raises while reading rows.
 * The catalogues are `Record<FindingId, …>`, so an id without words fails tsc.
 */
import type { EligibilityFindingId } from '../eligibility/findings.js';
import type { UploadFindingId } from '../files/checks/index.js';
import type { RoleFindingId } from '../files/guess-role.js';
import type { DocumentFindingId } from '../files/document-checks.js';

/** The roster findings (src/roster and src/assess: roster rows, folders and files of one applicant). */
export const ROSTER_FINDING_IDS = [
  'roster.missing',
  'roster.value',
  'roster.read-as',
  'roster.folder-outside',
  'roster.file-refused',
  'roster.id-number',
  'roster.internal',
  'roster.duplicate',
  'roster.folder',
  'roster.files-unplaced',
  'roster.cell-damaged',
] as const;
export type RosterFindingId = (typeof ROSTER_FINDING_IDS)[number];

/** The findings about one uploaded file: its checks, its role, its document. */
export type FileFindingId = UploadFindingId | RoleFindingId | DocumentFindingId;

export type FindingId = FileFindingId | EligibilityFindingId | RosterFindingId;
