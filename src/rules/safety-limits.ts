/** The tool's own safety ceilings, apart from the schema so the decode path does not load zod. */
/**
 * Ceilings no rule file can raise: a --rules file may lower the decode limits, never lift them past
 * these. Each is the bundled value, or as close above it as memory allows (measured: a 100 MP noise
 * PNG peaks at 236 MB in `files` and 193 MB in `fix`; 268 MP with 4096-px decodes and 512 MB reads
 * reached 315/341 MB). They bound the tool's own safety limits, not an exam rule, so the schema
 * caps every rule with them.
 */
export const SAFETY = {
  /** Pixels of one image, read from its header before any decode (the bundled limit). */
  maxPixels: 100_000_000,
  /**
   * Pixels of one HEIC image, read from its `ispe` before decoding. libheif (WebAssembly) decodes
   * the whole image at full size, about 18 bytes a pixel at the peak: a 12 MP iPhone photo
   * (4032×3024) took `files` to 330 MB, 8192² to 963 MB. 4096×3072 is the largest the standard
   * iPhone camera writes; anything larger is refused by its declared size.
   */
  maxHeicPixels: 4096 * 3072,
  /**
   * Pixels of one GIF, read from its header before decoding. libvips decodes a GIF's frame whole, as
   * RGBA (no shrink-on-load), about 5 bytes a pixel at the peak: a 4 KB fuzz mutant declaring
   * 33368×849 (28 MP) took `files` to 229 MB; an 8 MP GIF costs 40 MB more than a 2 MP one. 9 MP
   * keeps an A4 page scanned at 300 dpi (2480×3508); no role accepts GIF, `fix` converts it.
   */
  maxGifPixels: 9_000_000,
  /** Longest side of a small decode (bundled: photo checks 440, face detector and scan sharpness 800). */
  maxDecodeSize: 1024,
  /** Bytes read of one upload (bundled: 20 MB). */
  maxReadBytes: 64 * 1024 * 1024,
  /** Bytes a PDF's streams may inflate to (bundled: 256 MB, inside the reader's own heap cap). */
  maxPdfInflatedBytes: 256 * 1024 * 1024,
  /** Pixels of one image inside a PDF (bundled: 40 MP). */
  maxPdfImagePixels: 40_000_000,
  /** Pages of a PDF whose text is read, and the characters kept (bundled: 10 and 200,000). */
  maxPdfTextPages: 100,
  maxPdfTextChars: 2_000_000,
  maxPdfPages: 10_000,
  maxPdfMs: 60_000,
  /** The PDF reader's heap (bundled: 192 MB). */
  maxPdfHeapMb: 256,
} as const;

/**
 * The pixel ceiling of one image, by the type its bytes say it is (`sniffType`): the rules'
 * `maxPixels`, lowered for the types decoded whole at full size (HEIC by libheif, GIF by libvips),
 * whose memory follows the declared size. (Not by sharp's format name: sharp calls AVIF "heif".)
 */
export function pixelLimitFor(sniffed: string | undefined, maxPixels: number): number {
  if (sniffed === 'heic') return Math.min(maxPixels, SAFETY.maxHeicPixels);
  if (sniffed === 'gif') return Math.min(maxPixels, SAFETY.maxGifPixels);
  return maxPixels;
}
