/** Data packs: the dated, signed set of templates/ files every answer rests on. Types only. */

/** The files a pack carries, by their path under templates/. */
export const PACK_FILES = [
  'rules/exam.json',
  'rules/uploads.json',
  'calendars/exam-calendar.json',
  'provinces.json',
  'cities.json',
] as const;
export type PackFile = (typeof PACK_FILES)[number];

export const PACK_SCHEMA = 'shegong.data-pack/v1';

/** What a pack says about itself (templates/data-pack.json, and inside every signed pack). */
export interface PackManifest {
  schema: typeof PACK_SCHEMA;
  /** Calendar version: year, month, and an optional serial (`2026.12`, `2027.2.1`). */
  version: string;
  /** The day the data was last checked against the notices (YYYY-MM-DD). */
  checked: string;
  /** The last day the pack may be used for new imports (YYYY-MM-DD). */
  expires: string;
  /** The exam year (cycle) the pack prepares candidates for. */
  examYear: number;
  /** What was checked, and against what. */
  sources: string[];
}

export type PackOrigin = 'bundled' | 'imported';

/** The pack in use, as every report states it. */
export interface PackInfo {
  version: string;
  checked: string;
  expires: string;
  examYear: number;
  origin: PackOrigin;
  /** The newest exam year whose exam date comes from a notice, not an estimate. */
  publishedThrough: number;
}

/** A pack's content: its manifest and the JSON of each file. */
export interface PackContent {
  manifest: PackManifest;
  files: Record<PackFile, unknown>;
}

/** A signed pack as a file: the exact payload bytes and an Ed25519 signature over them. */
export interface SignedPack {
  schema: typeof PACK_SCHEMA;
  /** JSON text of the PackContent; the signature covers exactly these UTF-8 bytes. */
  payload: string;
  signature: { algorithm: 'ed25519'; keyId: string; value: string };
}
