/** Units, rounding and the decodable file types, shared by probe, check and fix. Pure. */
import type { SniffedType } from '../model/files.js';

export const MM_PER_INCH = 25.4;
export const CM_PER_INCH = MM_PER_INCH / 10;

/** Types sharp decodes, so their content can be checked and fix can convert them to JPEG. */
export const DECODABLE_TYPES = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif'] as const;
const DECODABLE: ReadonlySet<string> = new Set(DECODABLE_TYPES);
export const isDecodable = (type: SniffedType | string): boolean => DECODABLE.has(type);

/** Three decimals: the precision of every share and ratio in a finding. */
export const round3 = (v: number) => Math.round(v * 1000) / 1000;
/** A share as a percentage with one decimal (0.4567 → "45.7%"). */
export const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
