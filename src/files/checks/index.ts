/**
 * Every upload check, in the order their findings appear. `checkFile` runs this list; `fixable`
 * reads each check's `cures`; the catalogues need words for each id. Adding a check: one module
 * here, its rule in templates/rules/uploads.json, its words in src/i18n/file-findings.ts.
 */
import { documentImage, documentType } from './document-type.js';
import { photoExposure, scanExposure } from './exposure.js';
import { fileAnimated, fileType } from './file-format.js';
import { fileEmpty, fileMissing, fileUnreadable } from './file-present.js';
import { fileSize } from './file-size.js';
import { imageCorrupt, imagePixels } from './image-decode.js';
import { pdfEncrypted } from './pdf-encrypted.js';
import { pdfPages } from './pdf-pages.js';
import { pdfDamaged, pdfLimits } from './pdf-reader.js';
import { pdfHeader, pdfTruncated } from './pdf-structure.js';
import { photoAspect } from './photo-aspect.js';
import { photoBackground } from './photo-background.js';
import { photoColour } from './photo-colour.js';
import { photoDensity } from './photo-density.js';
import { photoDimensions } from './photo-dimensions.js';
import { photoEyes } from './photo-eyes.js';
import { photoFace } from './photo-face.js';
import { photoHeadSize } from './photo-head-size.js';
import { photoOfficialTool } from './photo-official-tool.js';
import { photoOrientation, scanOrientation } from './photo-orientation.js';
import { photoPose } from './photo-pose.js';
import { photoPositionFromFace, photoPositionFromMask } from './photo-position.js';
import { scanResolution } from './scan-resolution.js';
import { sealMissing, sealReminder } from './seal.js';
import { photoSharpness, scanSharpness } from './sharpness.js';

import type { UploadCheck } from './check.js';
import { INFO_SHOWN_BY_DEFAULT } from '../../model/finding.js';

export type { UploadCheck } from './check.js';

export const UPLOAD_CHECKS = [
  // Can the file be opened at all? If not, that is all there is to say.
  fileMissing,
  fileUnreadable,
  fileEmpty,
  // Every file: its type and its bytes.
  fileType,
  fileAnimated,
  fileSize,
  // A PDF.
  pdfHeader,
  pdfTruncated,
  pdfEncrypted,
  pdfDamaged,
  pdfLimits,
  pdfPages,
  documentType,
  sealReminder,
  // An image that could not be decoded.
  imagePixels,
  imageCorrupt,
  // A photo.
  photoDimensions,
  photoAspect,
  photoOrientation,
  photoFace,
  photoPose,
  photoEyes,
  photoHeadSize,
  photoPositionFromFace,
  photoBackground,
  photoColour,
  photoPositionFromMask,
  photoExposure,
  photoSharpness,
  photoDensity,
  photoOfficialTool,
  // A scan (ID card, diploma, work proof, social security record).
  documentImage,
  scanOrientation,
  scanResolution,
  scanSharpness,
  scanExposure,
  sealMissing,
] as const;

/** Every id an upload check can produce. */
export type UploadFindingId = (typeof UPLOAD_CHECKS)[number]['ids'][number];

/** The ids of the checks whose info findings are shown without --verbose, from their declarations. */
export const shownByDefaultIds = (): UploadFindingId[] => [
  ...new Set(
    (UPLOAD_CHECKS as readonly UploadCheck<UploadFindingId>[]).filter((c) => c.shownByDefault).flatMap((c) => c.ids),
  ),
];

// The renderers' copy of that list names upload ids only (tsc names a misspelt or removed one).
INFO_SHOWN_BY_DEFAULT satisfies readonly UploadFindingId[];
