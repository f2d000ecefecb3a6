/** The shape of rule files, as zod schemas: one place that says what a valid rule set is. */
import { z } from 'zod';
import { SAFETY } from './safety-limits.js';

export { SAFETY };
import { EDUCATIONS, LEVELS, MAJORS } from '../model/answers.js';
import { SEVERITIES } from '../model/finding.js';
import {
  CONFIDENCES,
  DOCUMENT_CASES,
  DOCUMENT_FIELDS,
  FEE_KINDS,
  FILE_TYPES,
  LANGS,
  type RuleId,
  type RuleValues,
  UPLOAD_ROLES,
} from '../model/rules.js';

const localized = z.object(
  Object.fromEntries(LANGS.map((lang) => [lang, z.string().min(1)])) as Record<(typeof LANGS)[number], z.ZodString>,
);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'schema.date');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'schema.clock');
const count = z.number().int().nonnegative();
const levelRecord = <T extends z.ZodType>(schema: T) =>
  z.object({ assistant: schema, intermediate: schema, senior: schema });

const route = z.object({
  id: z.string().min(1),
  education: z.array(z.enum(EDUCATIONS)).min(1),
  major: z.enum([...MAJORS, 'any']),
  years: count,
  certificate: z.enum(['assistant', 'intermediate']).optional(),
  educationBy: z.enum(['registration', 'cutoff']).optional(),
  confidence: z.enum(CONFIDENCES).optional(),
  note: localized.optional(),
});
const routes = z.object({ routes: z.array(route).min(1) });
const fees = z.object({
  ...(Object.fromEntries(FEE_KINDS.map((kind) => [kind, z.number().nonnegative()])) as Record<
    (typeof FEE_KINDS)[number],
    z.ZodNumber
  >),
  perCandidate: z.number().nonnegative().optional(),
  perCandidateKind: z.enum(['registration', 'score-archive']).optional(),
  perCandidateLevels: z.array(z.enum(LEVELS)).optional(),
  unverified: z.array(z.enum(FEE_KINDS)).optional(),
});
const paper = z.object({
  id: z.string().min(1),
  name: localized,
  day: z.union([z.literal(1), z.literal(2)]),
  start: clock,
  end: clock,
  kind: z.enum(['objective', ...FEE_KINDS]),
});

const severity = z.enum(SEVERITIES);
const share = z.number().min(0).max(1);
/** A colour channel or luma level of an 8-bit image. */
const level8 = z.number().min(0).max(255);
const positive = z.number().positive();
const roleSpec = z.object({
  types: z.array(z.enum(FILE_TYPES)).min(1),
  document: z.object({ widthMm: positive, heightMm: positive }).optional(),
});

/** Value schema per rule id, typed against the model's `RuleValues`: an id missing on either side fails `tsc`. */
export const VALUE_SCHEMAS: { [K in RuleId]: z.ZodType<RuleValues[K]> } = {
  'eligibility.assistant': routes,
  'eligibility.intermediate': routes,
  'eligibility.senior': routes,
  'eligibility.work-counting': z.object({
    cutoffMonth: z.number().int().min(1).max(12),
    cutoffDay: z.number().int().min(1).max(31),
    fullTimeStudyCounts: z.boolean(),
    inServiceStudyMayCount: z.array(z.enum(EDUCATIONS)),
    certificateMonthCounts: z.boolean(),
    borderlineMonths: count,
    educationHeldBy: z.enum(['registration', 'cutoff']),
  }),
  papers: levelRecord(z.array(paper).min(1)),
  'pass-line': z.object({ score: z.number().positive(), outOf: z.number().positive() }),
  'score-retention': levelRecord(z.number().int().positive()),
  'fees.default': fees,
  'post-exam-review': z.object({
    provinces: z.array(z.string()),
    unconfirmed: z.array(z.string()),
    sampleOnly: z.array(z.string()),
  }),
  'pass-line.separate': z.object({
    areas: localized,
    lastPublished: z.object({ year: count, published: isoDate, lines: levelRecord(z.number().positive().nullable()) }),
    validOnlyThere: z.boolean(),
    seniorOnlyInProvince: z.boolean(),
  }),
  'eligibility.military-service': z.object({ counts: z.boolean() }),
  'registration.policy': z.object({
    lateRegistration: z.boolean(),
    latePayment: z.boolean(),
    subjectExemptions: z.boolean(),
  }),
  'registration.accommodations': z.object({ requestDuringRegistration: z.boolean() }),
  'registration.hmt-residents': z.object({
    provinces: z.array(z.string()),
    documents: z.record(z.string(), z.enum(['pass', 'mtp'])),
    degreeVerification: z.literal('cscse'),
  }),
  'registration.platform': z.object({
    onlineVerificationHours: count,
    educationOnlineFromYear: count,
    degreeOnlineFrom: z.string().regex(/^\d{4}-\d{2}$/),
  }),
  'registration.commitment': z.object({ covers: z.array(z.string()) }),
  'certificate.registration': z.object({ firstWithinMonths: count, validYears: count, renewWithinMonths: count }),
  'continuing-education': z.object({ periodYears: z.number().int().positive(), hours: levelRecord(count) }),
  'e-certificate': z.object({ annotationMaxDays: count, maxValidAnnotations: count, annotationWindowDays: count }),
  'senior.evaluation': z.object({
    passCertificateValidYears: count,
    firstRoundAfterExamYears: count,
    lastRound: z.object({ year: count, applicationEnd: isoDate, coversExamYears: z.array(count) }),
    materials: z.object({ caseRecords: count, supervisionHours: count, withinYears: count }),
  }),
  'scores.recheck': z.object({ days: count }),
  'registration.province-window': z.object({ minDays: count, maxDays: count }),
  // Every role but the photo is a paper document: its physical size decides the scan's dpi (checked
  // and written by fix), so it cannot be left out.
  'upload.roles': z
    .object(
      Object.fromEntries(UPLOAD_ROLES.map((role) => [role, roleSpec])) as Record<
        (typeof UPLOAD_ROLES)[number],
        typeof roleSpec
      >,
    )
    .superRefine((roles, context) => {
      for (const role of UPLOAD_ROLES)
        if (role !== 'photo' && !roles[role].document)
          context.addIssue({ code: 'custom', path: [role, 'document'], message: 'required' });
    }),
  'upload.photo.pixels': z.object({ minWidth: count, minHeight: count, severity }),
  'upload.photo.aspect': z.object({ width: positive, height: positive, tolerance: share, severity }),
  'upload.photo.bytes': z.object({ min: count, severity }),
  'upload.photo.bytes-guides': z.object({ min: count, max: count, severity }),
  'upload.photo.density-guides': z.object({ min: positive, severity }),
  'upload.photo.background': z.object({
    patchShare: share,
    minMean: level8,
    maxCast: positive,
    maxSpread: positive,
    severity,
  }),
  'upload.photo.colour': z.object({ maxGreyChroma: z.number().nonnegative(), severity }),
  'upload.photo.position': z.object({
    headTopMin: share,
    headTopMax: share,
    maxOffCentre: share,
    backgroundDistance: positive,
    severity,
  }),
  // Face detector, pose, head size, crop and white background
  'upload.photo.face': z.object({
    decodeSize: z.number().int().min(128).max(SAFETY.maxDecodeSize),
    maxFaces: z.number().int().min(2),
    minScore: share,
    hairAllowance: z.number().nonnegative(),
    sidewaysRoll: z.number().min(30).max(90),
    doubtScore: share,
    uprightScore: share,
    uprightMaxRoll: z.number().min(0).max(45),
    severity,
  }),
  'upload.photo.pose': z.object({ maxYaw: positive, maxPitch: positive, maxRoll: positive, severity }),
  'upload.photo.head-size': z.object({ minFaceArea: share, maxFaceArea: share, severity }),
  'upload.photo.crop': z.object({
    faceArea: share,
    headTop: share,
    roiMargin: share,
    segmentSize: z.number().int().min(128).max(1024),
    backgroundAlpha: share,
    foregroundAlpha: share,
    guidedRadius: share,
    guidedEps: positive,
    headCorridor: positive,
    bodyCorridor: positive,
  }),
  'upload.photo.written': z.object({
    maxRoll: positive,
    maxYaw: positive,
    maxPitch: positive,
    maxCentreOffset: share,
    headTopMin: share,
    headTopMax: share,
    headHeightMin: share,
    headHeightMax: share,
    backgroundMin: level8.int(),
    maxBackgroundShort: share,
    maxBackgroundSpread: z.number().nonnegative(),
    edgeBand: z.number().int().min(1).max(20),
    maxEdgeChroma: z.number().nonnegative(),
    maxUpscale: z.number().min(1).max(1.2),
  }),
  'upload.photo.retouch': z.object({
    maxStraighten: z.number().min(0).max(45),
    levelWithin: z.number().nonnegative(),
    otherFaceArea: share,
    otherFaceInFrame: share,
    edgeMargin: share,
    eyeOpenMin: share,
    eyeShadeMin: share,
    faceLumaLow: level8,
    faceLumaHigh: level8,
    faceLumaTarget: level8,
    maxGamma: z.number().min(1).max(3),
    castMin: share,
    castMax: share,
    skinRgMin: positive,
    skinRgMax: positive,
    skinBgMin: positive,
    skinBgMax: positive,
    detail: z.number().min(1).max(3),
    replaceAbove: share,
  }),
  'upload.photo.output': z.object({ width: count, height: count, fileName: z.string().min(1) }),
  'upload.scan.bytes': z.object({ max: count, severity }),
  'upload.scan.bytes-guides': z.object({ max: count, severity }),
  'upload.scan.resolution': z.object({ minDpi: positive, goodDpi: positive }),
  'upload.scan.sharpness': z.object({
    decodeSize: z.number().int().min(64).max(SAFETY.maxDecodeSize),
    minLaplacianVariance: positive,
    photoMinLaplacianVariance: positive,
    severity,
  }),
  'upload.scan.exposure': z.object({
    minMean: level8,
    maxMean: level8,
    maxClippedShare: share,
    severity,
  }),
  'upload.seal': z.object({
    minRed: level8,
    minRedOverGreen: level8,
    minRedOverBlue: level8,
    minRedShare: share,
    cellShare: share,
    minBlobWidth: share,
    maxBlobWidth: share,
    minAspect: positive,
    maxAspect: positive,
    severity,
  }),
  'upload.image': z.object({
    maxPixels: z.number().int().positive().max(SAFETY.maxPixels),
    photoDecodeSize: z.number().int().min(64).max(SAFETY.maxDecodeSize),
    maxReadBytes: z.number().int().positive().max(SAFETY.maxReadBytes),
    decodesAtOnce: z.number().int().min(1).max(64),
  }),
  'upload.pdf': z.object({ maxPages: z.number().int().positive().max(SAFETY.maxPdfPages), severity }),
  // Reading PDFs and the 学信网 reports in them
  'upload.pdf.reader': z.object({
    timeoutMs: z.number().int().positive().max(SAFETY.maxPdfMs),
    maxHeapMb: z.number().int().min(16).max(SAFETY.maxPdfHeapMb),
    youngHeapMb: z.number().int().min(1).max(64),
    maxInflatedBytes: z.number().int().positive().max(SAFETY.maxPdfInflatedBytes),
    maxTextPages: z.number().int().positive().max(SAFETY.maxPdfTextPages),
    maxTextChars: z.number().int().positive().max(SAFETY.maxPdfTextChars),
    maxImagePixels: z.number().int().positive().max(SAFETY.maxPdfImagePixels),
    keepWorkers: count,
  }),
  'document.kinds': z.object({
    kinds: z
      .array(
        z.object({
          id: z.string().min(1),
          titles: z.array(z.string().min(1)).min(1),
          accepted: z.boolean(),
          validity: z.boolean(),
        }),
      )
      .min(1),
  }),
  'document.fields': z.object(
    Object.fromEntries(DOCUMENT_FIELDS.map((field) => [field, z.array(z.string().min(1)).min(1)])) as Record<
      (typeof DOCUMENT_FIELDS)[number],
      z.ZodArray<z.ZodString>
    >,
  ),
  'document.levels': z.object({
    words: z.array(z.object({ word: z.string().min(1), education: z.enum(EDUCATIONS) })).min(1),
    socialWorkMajors: z.array(z.string().min(1)).min(1),
  }),
  'document.validity': z.object({ minDays: count, maxDays: z.number().int().positive(), severity }),
  'document.needed': z.object({
    cases: z.array(z.object({ id: z.enum(DOCUMENT_CASES), kinds: z.array(z.string().min(1)).min(1) })),
  }),
};

/** Every rule a valid rule set must hold: the ids of the schemas above. */
export const REQUIRED_RULES = Object.keys(VALUE_SCHEMAS) as RuleId[];

/** The value schema of a rule id; `fees.<province>` rules share the fee schema. */
export function valueSchemaFor(id: string): z.ZodType | undefined {
  if (id.startsWith('fees.')) return fees;
  return Object.hasOwn(VALUE_SCHEMAS, id) ? VALUE_SCHEMAS[id as RuleId] : undefined;
}

export const ruleSchema = z.object({
  title: localized,
  value: z.unknown(),
  source: z.string().min(1),
  sourceZh: z.string().min(1).optional(),
  confidence: z.enum(CONFIDENCES),
  checked: isoDate,
  note: localized.optional(),
  folklore: z.array(z.object({ claim: localized, source: z.string() })).optional(),
  overriddenBy: z.string().optional(),
});

export const ruleFileSchema = z.object({
  schema: z.literal('shegong.rules/v1'),
  name: localized,
  checked: isoDate.optional(),
  rules: z.record(z.string(), ruleSchema),
});

/** An override file: any subset of rules, each with any subset of fields. */
export const overrideFileSchema = z.object({
  schema: z.literal('shegong.rules/v1').optional(),
  rules: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  calendar: z.unknown().optional(),
});
