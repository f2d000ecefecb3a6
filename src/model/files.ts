/** Facts about one upload file, gathered once by the probe; checks read only these. Types only. */
import type { Education } from './answers.js';
import type { FileType, UploadRole } from './rules.js';

export type SniffedType = FileType | 'text' | 'unknown';

/** Clockwise quarter turns. */
export type QuarterTurn = 90 | 180 | 270;

export interface ImageHeader {
  format: string;
  width: number;
  height: number;
  /** EXIF orientation 1–8 (1 when absent). */
  orientation: number;
  /**
   * Photos whose pixels stand sideways or upside down with no EXIF flag to say so: the clockwise
   * turn, found from the face, that sets them upright. The oriented size and every measure of the
   * picture are then those of the turned picture.
   */
  turn?: QuarterTurn;
  /** Size as displayed after applying EXIF orientation (and `turn`). */
  orientedWidth: number;
  orientedHeight: number;
  space: string;
  channels: number;
  /** libvips band format: 'uchar' = 8-bit, 'ushort' = 16-bit. */
  depth: string;
  hasAlpha: boolean;
  pages: number;
  /** Dots per inch from JFIF (APP0) and EXIF, when the file says. */
  jfifDpi: number | null;
  exifDpi: number | null;
}

/** Statistics from one small decode (shrink-on-load), computed in plain JS. */
export interface ContentStats {
  sampleWidth: number;
  sampleHeight: number;
  border: { mean: [number, number, number]; cast: number; spread: number };
  /** Largest mean channel difference over the image: ≈ 0 for greyscale. */
  chroma: number;
  meanLuma: number;
  darkShare: number;
  brightShare: number;
  laplacianVariance: number;
  /** Subject (non-background) bounding box as shares of the sample size, for photos. */
  subject: { top: number; bottom: number; left: number; right: number; headCentre: number } | null;
  red: { share: number; blobWidth: number; blobHeight: number; blobAspect: number; blobFill: number } | null;
}

/** One face: its brow-to-chin mesh box as shares of the upright image, and head pose in degrees. */
export interface FaceBox {
  score: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  yaw: number;
  pitch: number;
  roll: number;
  /** Mesh landmarks the fix and the eye check read (absent on facts from older runs). */
  landmarks?: FaceLandmarks;
}

/** Landmarks of one face, as shares of the upright image. */
export interface FaceLandmarks {
  /** The face oval (forehead to chin), for the face's extent once the image is straightened. */
  outline: [number, number][];
  /** Eye centres: the subject's right eye (the picture's left when upright), then the left eye. */
  eyes: [[number, number], [number, number]];
  /** Lid gap over eye width, the smaller eye's: open ≈ 0.25–0.35, closed below ≈ 0.1. */
  eyeOpen: number;
  /** Mean luminance of the eye regions over the cheeks': sunglasses make it far below 1. */
  eyeShade: number;
}

/** What the face detector saw on the photo's decode. */
export interface FaceFacts {
  sampleWidth: number;
  sampleHeight: number;
  faces: FaceBox[];
}

export interface FileFacts {
  path: string;
  name: string;
  role: UploadRole;
  /** How the role was decided. */
  roleFrom: 'flag' | 'name' | 'default';
  exists: boolean;
  readable: boolean;
  readError?: string;
  bytes: number;
  extension: string;
  sniffed: SniffedType;
  /** ftyp brand for HEIF-family files (heic, mif1, avif…). */
  brand?: string;
  image?: ImageHeader;
  /** Why decoding failed (corrupt, truncated, unsupported). */
  decodeError?: string;
  /** Pixels refused before decoding (decompression bomb). */
  refusedPixels?: number;
  content?: ContentStats;
  /** Faces found by the detector (photos, when the optional models are installed). */
  face?: FaceFacts;
  /** Why the face checks did not run: models not installed, turned off, or failed to load. */
  faceSkipped?: 'missing' | 'disabled' | 'failed';
  /** A small JPEG of the decoded image as a data URI, when asked for (batch reports). */
  thumbnail?: string;
  pdf?: PdfStructure;
  /** What pdf.js read (pages, failure) and the document recognised in its text. */
  pdfRead?: PdfRead;
  document?: DocumentFacts;
}

/** The outcome of reading a PDF with pdf.js, without its text (the text never leaves the probe). */
export type PdfRead =
  | { ok: true; pages: number; textPages: number; imageOnlyPages: number; encrypted: boolean; ms: number }
  | {
      ok: false;
      reason: 'password' | 'damaged' | 'time' | 'memory' | 'inflate' | 'error' | 'skipped';
      detail: string;
      ms: number;
    };

/** An education document as read from its text layer. Codes and ID numbers are already masked. */
export interface DocumentFacts {
  /** A document.kinds id, 'scan' for image-only pages, null when the text names no known document. */
  kind: string | null;
  textLayer: boolean;
  textChars: number;
  imageOnlyPages: number;
  holder: string | null;
  level: Education | null;
  /** The word the report used for the level (本科, 硕士研究生…). */
  levelText: string | null;
  major: string | null;
  /** Whether the major is a social-work one, by the rule's names. */
  socialWork: boolean | null;
  /** YYYY-MM-DD or YYYY-MM. */
  graduated: string | null;
  /** Last day of online-verification validity, YYYY-MM-DD (or YYYY-MM). */
  validUntil: string | null;
  /** 在线验证码, masked. */
  code: string | null;
  /** ID number, masked. */
  idNumber: string | null;
}

/** What a structural PDF check found (files/inspect-pdf reads it: its PdfFacts is this type). */
export interface PdfStructure {
  /** Starts with %PDF-x.y within the first 1024 bytes. */
  header: boolean;
  version: string | null; // e.g. "1.7"
  /** %%EOF present within the last 2048 bytes (a truncated download lacks it). */
  eof: boolean;
  /** startxref points inside the file and lands on "xref" or on an object (xref stream); false for truncated files. */
  xrefOk: boolean;
  /** /Encrypt dictionary referenced in a trailer or xref-stream dictionary. */
  encrypted: boolean;
  /** Number of page objects (/Type /Page, not /Pages), or null if none found (e.g. pages only inside compressed object streams); prefer the largest /Count of a /Type /Pages object when present. */
  pages: number | null;
  /** Bytes of the buffer. */
  bytes: number;
}

/** The text pdf.js read from one page of a PDF. */
export interface PdfPageText {
  text: string;
  /** Images painted on the page (counted only for pages without text). */
  images: number;
}
