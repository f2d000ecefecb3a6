/** The tool's own safety ceilings, apart from the schema so the decode path does not load zod. */
/**
 * Ceilings no rule file can raise: past them libvips and the PDF reader run out of memory or abort
 * (a --rules file raising the decode limits made libvips crash with a double free). They bound the
 * tool's own safety limits, not an exam rule, so the schema caps every rule with them.
 */
export const SAFETY = {
  maxPixels: 268_402_689,
  maxDecodeSize: 4096,
  maxReadBytes: 512 * 1024 * 1024,
  maxPdfPages: 10_000,
  maxPdfMs: 60_000,
  maxPdfHeapMb: 1024,
} as const;
