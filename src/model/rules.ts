/** The active rule set: every number about the exam, each with its provenance. Types only. */
import type { Education, Level, Major } from './answers.js';
import type { PackInfo } from './pack.js';
import type { Severity } from './finding.js';

export const CONFIDENCES = ['official', 'secondary', 'folklore'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Localized = Record<Lang, string>;

export interface Provenance {
  source: string;
  confidence: Confidence;
  /** Date the value was last checked against its source (YYYY-MM-DD). */
  checked: string;
  /** Set when a --rules file replaced any part of this rule. */
  overriddenBy?: string;
}

export interface Rule<V = unknown> extends Provenance {
  title: Localized;
  value: V;
  /** `source` in Chinese (the citations kept as they are): what `shegong rules` shows by default. */
  sourceZh?: string;
  note?: Localized;
  /** Claims found in guides and seed articles that the official value overrules. */
  folklore?: { claim: Localized; source: string }[];
}

export interface Route {
  id: string;
  education: Education[];
  major: Major | 'any';
  years: number;
  /** Years are counted after obtaining this certificate. */
  certificate?: 'assistant' | 'intermediate';
  /** When the education must be held: 'registration' (default) or 'cutoff' (应届, by 31 Dec). */
  educationBy?: 'registration' | 'cutoff';
  /** A route whose source is weaker than the rule's (a derived figure). */
  confidence?: Confidence;
  note?: Localized;
}

export interface WorkCounting {
  cutoffMonth: number;
  cutoffDay: number;
  fullTimeStudyCounts: boolean;
  /**
   * Education levels whose full-time study may still count for someone employed throughout with
   * continuous social insurance (在职全日制): the tool warns, it does not count them.
   */
  inServiceStudyMayCount: Education[];
  certificateMonthCounts: boolean;
  borderlineMonths: number;
  educationHeldBy: 'registration' | 'cutoff';
}

export const FEE_KINDS = ['objective', 'intermediate-practice', 'senior-practice'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
export type Fees = Record<FeeKind, number> & {
  /** A charge per candidate on top of the papers (yuan). */
  perCandidate?: number;
  /** What that charge is: a registration fee (the default) or a score-archive fee (refunded to most). */
  perCandidateKind?: 'registration' | 'score-archive';
  /** The levels it is charged to; all when absent. */
  perCandidateLevels?: Level[];
  /** Paper kinds whose amount no source confirms for this province (the usual rate is assumed). */
  unverified?: FeeKind[];
};

export interface Paper {
  id: string;
  name: Localized;
  /** 1 = Saturday, 2 = Sunday of the exam weekend. */
  day: 1 | 2;
  start: string;
  end: string;
  kind: 'objective' | FeeKind;
}

/**
 * The rule ids the program reads, with their value types: the one list of rule ids. The zod schemas
 * (rules/rule-schema.ts) are typed against it, so a rule missing on either side fails `tsc`, and the
 * list of required rules is derived from those schemas. Zod-free, so the trusted start-up path stays light.
 */
export interface RuleValues {
  'eligibility.assistant': { routes: Route[] };
  'eligibility.intermediate': { routes: Route[] };
  'eligibility.senior': { routes: Route[] };
  'eligibility.work-counting': WorkCounting;
  papers: Record<Level, Paper[]>;
  'pass-line': { score: number; outOf: number };
  'score-retention': Record<Level, number>;
  'fees.default': Fees;
  'post-exam-review': { provinces: string[]; unconfirmed: string[]; sampleOnly: string[] };
  'pass-line.separate': {
    areas: Localized;
    lastPublished: { year: number; published: string; lines: Record<Level, number | null> };
    validOnlyThere: boolean;
    seniorOnlyInProvince: boolean;
  };
  'eligibility.military-service': { counts: boolean };
  'registration.policy': { lateRegistration: boolean; latePayment: boolean; subjectExemptions: boolean };
  'registration.accommodations': { requestDuringRegistration: boolean };
  'registration.hmt-residents': {
    provinces: string[];
    documents: Record<string, 'pass' | 'mtp'>;
    degreeVerification: 'cscse';
  };
  'registration.platform': {
    onlineVerificationHours: number;
    educationOnlineFromYear: number;
    /** The first month (YYYY-MM) of degrees that 《学位在线验证报告》 covers. */
    degreeOnlineFrom: string;
  };
  'registration.commitment': { covers: string[] };
  'certificate.registration': { firstWithinMonths: number; validYears: number; renewWithinMonths: number };
  'continuing-education': { periodYears: number; hours: Record<Level, number> };
  'e-certificate': { annotationMaxDays: number; maxValidAnnotations: number; annotationWindowDays: number };
  'senior.evaluation': {
    passCertificateValidYears: number;
    firstRoundAfterExamYears: number;
    lastRound: { year: number; applicationEnd: string; coversExamYears: number[] };
    materials: { caseRecords: number; supervisionHours: number; withinYears: number };
  };
  'scores.recheck': { days: number };
  'registration.province-window': { minDays: number; maxDays: number };
  'upload.roles': Record<UploadRole, RoleSpec>;
  'upload.photo.pixels': { minWidth: number; minHeight: number; severity: Severity };
  'upload.photo.aspect': { width: number; height: number; tolerance: number; severity: Severity };
  'upload.photo.bytes': { min: number; severity: Severity };
  'upload.photo.bytes-guides': { min: number; max: number; severity: Severity };
  'upload.photo.density-guides': { min: number; severity: Severity };
  'upload.photo.background': {
    patchShare: number;
    minMean: number;
    maxCast: number;
    maxSpread: number;
    severity: Severity;
  };
  'upload.photo.colour': { maxGreyChroma: number; severity: Severity };
  'upload.photo.position': {
    headTopMin: number;
    headTopMax: number;
    maxOffCentre: number;
    backgroundDistance: number;
    severity: Severity;
  };
  // Face detector, pose, head size, crop and white background
  'upload.photo.face': {
    decodeSize: number;
    maxFaces: number;
    minScore: number;
    hairAllowance: number;
    /** A face the detector finds rolled this far (degrees) lies sideways: the picture needs a quarter turn. */
    sidewaysRoll: number;
    /** Below this detector confidence (or with no face) the picture may stand upside down: try turning it. */
    doubtScore: number;
    /** A turn is taken when the turned picture's face has at least this detector confidence… */
    uprightScore: number;
    /** …and is rolled at most this far (degrees). */
    uprightMaxRoll: number;
    severity: Severity;
  };
  'upload.photo.pose': { maxYaw: number; maxPitch: number; maxRoll: number; severity: Severity };
  'upload.photo.head-size': { minFaceArea: number; maxFaceArea: number; severity: Severity };
  'upload.photo.crop': {
    faceArea: number;
    headTop: number;
    roiMargin: number;
    segmentSize: number;
    backgroundAlpha: number;
    foregroundAlpha: number;
    guidedRadius: number;
    guidedEps: number;
    headCorridor: number;
    bodyCorridor: number;
  };
  'upload.photo.written': {
    maxRoll: number;
    maxYaw: number;
    maxPitch: number;
    maxCentreOffset: number;
    headTopMin: number;
    headTopMax: number;
    headHeightMin: number;
    headHeightMax: number;
    backgroundMin: number;
    maxBackgroundShort: number;
    maxBackgroundSpread: number;
    edgeBand: number;
    maxEdgeChroma: number;
    maxUpscale: number;
  };
  'upload.photo.retouch': {
    maxStraighten: number;
    levelWithin: number;
    otherFaceArea: number;
    otherFaceInFrame: number;
    edgeMargin: number;
    eyeOpenMin: number;
    eyeShadeMin: number;
    faceLumaLow: number;
    faceLumaHigh: number;
    faceLumaTarget: number;
    maxGamma: number;
    castMin: number;
    castMax: number;
    skinRgMin: number;
    skinRgMax: number;
    skinBgMin: number;
    skinBgMax: number;
    detail: number;
    replaceAbove: number;
  };
  'upload.photo.output': { width: number; height: number; fileName: string };
  'upload.scan.bytes': { max: number; severity: Severity };
  'upload.scan.bytes-guides': { max: number; severity: Severity };
  'upload.scan.resolution': { minDpi: number; goodDpi: number };
  'upload.scan.sharpness': {
    decodeSize: number;
    minLaplacianVariance: number;
    photoMinLaplacianVariance: number;
    severity: Severity;
  };
  'upload.scan.exposure': { minMean: number; maxMean: number; maxClippedShare: number; severity: Severity };
  'upload.seal': {
    minRed: number;
    minRedOverGreen: number;
    minRedOverBlue: number;
    minRedShare: number;
    cellShare: number;
    minBlobWidth: number;
    maxBlobWidth: number;
    minAspect: number;
    maxAspect: number;
    severity: Severity;
  };
  'upload.image': { maxPixels: number; photoDecodeSize: number; maxReadBytes: number; decodesAtOnce: number };
  'upload.pdf': { maxPages: number; severity: Severity };
  // Reading PDFs and the 学信网 reports in them
  'upload.pdf.reader': PdfReaderLimits;
  'document.kinds': { kinds: DocumentKindRule[] };
  'document.fields': Record<DocumentField, string[]>;
  'document.levels': { words: { word: string; education: Education }[]; socialWorkMajors: string[] };
  'document.validity': { minDays: number; maxDays: number; severity: Severity };
  'document.needed': { cases: { id: DocumentCase; kinds: string[] }[] };
}

/** A rule id the program reads (`fees.<province>` rules share the `fees.default` shape). */
export type RuleId = keyof RuleValues;

/** How long and how much memory reading one PDF may take. */
export interface PdfReaderLimits {
  timeoutMs: number;
  maxHeapMb: number;
  /** The worker's young generation (MB): small keeps its resident memory down between GCs. */
  youngHeapMb: number;
  /** Sum of the inflated sizes of the file's Flate streams; above it the file is not given to pdf.js. */
  maxInflatedBytes: number;
  /** Pages whose text is read. */
  maxTextPages: number;
  maxTextChars: number;
  /** Images with more pixels are skipped by pdf.js rather than decoded. */
  maxImagePixels: number;
  /** Idle reader workers kept for the next PDF (pdf.js stays loaded). */
  keepWorkers: number;
}

export interface DocumentKindRule {
  id: string;
  /** Phrases that, found in the text, identify the kind (first match wins, in list order). */
  titles: string[];
  /** Accepted by the platform as the education proof. */
  accepted: boolean;
  /** Carries an online-verification validity date. */
  validity: boolean;
}

/** `others`: labels whose values are not read, only used to end the value before them. */
export const DOCUMENT_FIELDS = [
  'holder',
  'idNumber',
  'level',
  'degree',
  'major',
  'graduated',
  'code',
  'validUntil',
  'others',
] as const;
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];
export const DOCUMENT_CASES = [
  'before-online',
  'degree-before-online',
  'not-yet-graduated',
  'abroad',
  'renamed',
  'school',
  'unverified',
] as const;
export type DocumentCase = (typeof DOCUMENT_CASES)[number];

export const UPLOAD_ROLES = [
  'photo',
  'id-front',
  'id-back',
  'diploma',
  'work-proof',
  'social-security',
  'residence-permit',
] as const;
export type UploadRole = (typeof UPLOAD_ROLES)[number];
export const FILE_TYPES = ['jpeg', 'png', 'pdf', 'heic', 'avif', 'webp', 'gif', 'bmp', 'tiff'] as const;
export type FileType = (typeof FILE_TYPES)[number];
export interface RoleSpec {
  types: FileType[];
  document?: { widthMm: number; heightMm: number };
}

export interface RuleSet {
  name: Localized;
  /** Every rule by id, including per-province fee rules (`fees.<province>`). */
  rules: Record<string, Rule>;
  /** Files that overrode parts of the bundled rules, in order. */
  overrides: string[];
  /** The data pack the rules (and the calendar) came from; set by the shell once both are loaded. */
  pack?: PackInfo;
}

/** One --rules file as read: its path and its JSON (rules, and any `calendar` section). */
export interface OverrideInput {
  file: string;
  json: unknown;
}
