/**
 * The upload checks: pure functions from a file's facts and the rules to findings. Every finding
 * carries what was measured and what was expected; heuristic checks say so in their args.
 */
import type { Finding, Severity } from '../model/finding.js';
import type { FileFacts } from '../model/files.js';
import type { FileResult, FileStatus } from '../model/report.js';
import type { RuleSet } from '../model/rules.js';
import { ruleValue } from '../rules/rule-access.js';

const MM_PER_INCH = 25.4;
/** Types sharp decodes, so fix can convert them to JPEG. */
const CONVERTIBLE = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif']);

export function fileStatus(findings: Finding[]): FileStatus {
  if (findings.some((f) => f.severity === 'error')) return 'fail';
  if (findings.some((f) => f.severity === 'warning')) return 'warn';
  return 'pass';
}

/** The measured summary of a file (FileResult.measured). */
export function measuredOf(facts: FileFacts): FileResult['measured'] {
  const image = facts.image;
  return {
    format: facts.sniffed,
    extension: facts.extension,
    bytes: facts.bytes,
    ...(image
      ? {
          width: image.width,
          height: image.height,
          orientedWidth: image.orientedWidth,
          orientedHeight: image.orientedHeight,
          orientation: image.orientation,
          space: image.space,
          jfifDpi: image.jfifDpi,
          exifDpi: image.exifDpi,
        }
      : {}),
    ...(facts.pdf
      ? { pages: facts.pdfRead?.ok ? facts.pdfRead.pages : facts.pdf.pages, encrypted: facts.pdf.encrypted }
      : {}),
    // issue 13: what pdf.js read, or why it could not
    ...(facts.pdfRead?.ok
      ? {
          reader: 'pdfjs',
          textPages: facts.pdfRead.textPages,
          imageOnlyPages: facts.pdfRead.imageOnlyPages,
          readMs: facts.pdfRead.ms,
        }
      : {}),
    ...(facts.pdfRead && !facts.pdfRead.ok ? { reader: 'structure', readFailure: facts.pdfRead.reason } : {}),
  };
}

export function checkFile(facts: FileFacts, ruleSet: RuleSet): FileResult {
  const findings = runChecks(facts, ruleSet);
  return {
    path: facts.path,
    role: facts.role,
    status: fileStatus(findings),
    measured: measuredOf(facts),
    findings,
    ...(facts.document ? { document: facts.document } : {}),
  };
}

function runChecks(facts: FileFacts, ruleSet: RuleSet): Finding[] {
  const findings: Finding[] = [];
  const add = (id: string, severity: Severity, parts: Omit<Finding, 'id' | 'severity'> = {}) =>
    findings.push({ id, severity, ...parts });

  if (!facts.exists) return [{ id: 'file.missing', severity: 'error', args: { path: facts.path, role: facts.role } }];
  if (!facts.readable)
    return [
      {
        id: 'file.unreadable',
        severity: 'error',
        measured: { reason: facts.readError ?? null },
        args: { path: facts.path, reason: facts.readError ?? '' },
      },
    ];
  if (facts.bytes === 0)
    return [{ id: 'file.empty', severity: 'error', measured: { bytes: 0 }, args: { path: facts.path } }];

  // Type: the bytes decide, not the name.
  const spec = ruleValue(ruleSet, 'upload.roles')[facts.role];
  const typeOk = (spec.types as string[]).includes(facts.sniffed);
  if (!typeOk) {
    add('file.format', 'error', {
      measured: { type: facts.sniffed, extension: facts.extension, brand: facts.brand ?? null },
      expected: { types: spec.types },
      args: {
        type: facts.sniffed,
        extension: facts.extension,
        allowed: spec.types.join('/'),
        variant:
          facts.sniffed === 'heic'
            ? 'heic'
            : facts.sniffed === 'text'
              ? 'text'
              : CONVERTIBLE.has(facts.sniffed)
                ? 'type'
                : 'unknown',
        // issue 11: a HEIC the WebAssembly decoder read can be converted by fix.
        ...(facts.sniffed === 'heic' && facts.image ? { convertible: true } : {}),
      },
    });
  } else if (facts.extension !== facts.sniffed) {
    add('file.format', 'warning', {
      measured: { type: facts.sniffed, extension: facts.extension },
      expected: { extension: facts.sniffed },
      args: { type: facts.sniffed, extension: facts.extension, allowed: spec.types.join('/'), variant: 'extension' },
    });
  }
  if (facts.image && facts.image.pages > 1) {
    add('file.format', 'error', {
      measured: { pages: facts.image.pages },
      expected: { pages: 1 },
      args: { type: facts.sniffed, extension: facts.extension, allowed: spec.types.join('/'), variant: 'animated' },
    });
  }

  sizeChecks(facts, ruleSet, add);

  if (facts.pdf) {
    pdfChecks(facts, ruleSet, add);
    if (facts.role === 'work-proof') add('seal.missing', 'info', { args: { variant: 'pdf' } });
    return findings;
  }
  if (facts.refusedPixels !== undefined) {
    const { maxPixels } = ruleValue(ruleSet, 'upload.image');
    add('image.pixels', 'error', {
      measured: { pixels: facts.refusedPixels, width: facts.image?.width ?? null, height: facts.image?.height ?? null },
      expected: { maxPixels },
      args: { pixels: facts.refusedPixels, max: maxPixels },
    });
    return findings;
  }
  if (facts.decodeError) {
    add('file.corrupt', 'error', {
      measured: { error: facts.decodeError },
      args: { reason: facts.decodeError, type: facts.sniffed },
    });
    return findings;
  }
  // A photo in another format (PNG, WebP, HEIC) still gets its content checked: fix converts it.
  if (!facts.image || (!typeOk && facts.role !== 'photo')) return findings;

  if (facts.role === 'photo') photoChecks(facts, ruleSet, add);
  else scanChecks(facts, ruleSet, add);
  return findings;
}

type Add = (id: string, severity: Severity, parts?: Omit<Finding, 'id' | 'severity'>) => void;

function sizeChecks(facts: FileFacts, ruleSet: RuleSet, add: Add) {
  // Measured sizes with one decimal, rounded toward the limit's side, so 9,984 bytes reads 9.7 KB, not 10.
  const kb = (bytes: number) => Math.floor((bytes / 1024) * 10) / 10;
  if (facts.role === 'photo') {
    // The official tool's own output (报名照片.jpg, about 10 KB) is what gets uploaded: no size rule applies to it.
    if (isOfficialOutput(facts, ruleSet)) return;
    const official = ruleValue(ruleSet, 'upload.photo.bytes');
    const guides = ruleValue(ruleSet, 'upload.photo.bytes-guides');
    if (facts.bytes < official.min) {
      add('file.size', official.severity, {
        measured: { bytes: facts.bytes },
        expected: { minBytes: official.min },
        args: { kb: kb(facts.bytes), min: kb(official.min), variant: 'below-official' },
      });
    } else if (facts.bytes < guides.min) {
      add('file.size', guides.severity, {
        measured: { bytes: facts.bytes },
        expected: { minBytes: guides.min, maxBytes: guides.max },
        args: { kb: kb(facts.bytes), min: kb(guides.min), max: kb(guides.max), variant: 'guides' },
      });
    }
    return;
  }
  const hard = ruleValue(ruleSet, 'upload.scan.bytes');
  const soft = ruleValue(ruleSet, 'upload.scan.bytes-guides');
  if (facts.bytes > hard.max) {
    add('file.size', hard.severity, {
      measured: { bytes: facts.bytes },
      expected: { maxBytes: hard.max },
      args: { kb: kb(facts.bytes), max: kb(hard.max), variant: 'above' },
    });
  } else if (facts.bytes > soft.max) {
    add('file.size', soft.severity, {
      measured: { bytes: facts.bytes },
      expected: { maxBytes: soft.max },
      args: { kb: kb(facts.bytes), max: kb(soft.max), variant: 'above-guides' },
    });
  }
}

function pdfChecks(facts: FileFacts, ruleSet: RuleSet, add: Add) {
  const pdf = facts.pdf!;
  if (!pdf.header) {
    add('pdf.invalid', 'error', { measured: { header: false }, args: { variant: 'header' } });
    return;
  }
  if (!pdf.eof || !pdf.xrefOk) {
    add('file.corrupt', 'error', {
      measured: { eof: pdf.eof, xref: pdf.xrefOk },
      args: { reason: pdf.eof ? 'xref' : 'truncated', type: 'pdf' },
    });
  }
  // issue 13: pdf.js's verdict refines the structural one (it decrypts, decompresses, counts every page).
  const read = facts.pdfRead;
  if (pdf.encrypted || (read && !read.ok && read.reason === 'password')) {
    // Encrypted with an empty user password (restrictions only): every reader opens it without asking.
    const ownerOnly = read?.ok === true && read.encrypted;
    add('pdf.encrypted', ownerOnly ? 'warning' : 'error', {
      measured: { encrypted: true, needsPassword: !ownerOnly },
      expected: { encrypted: false },
      args: { variant: ownerOnly ? 'owner' : 'password' },
    });
  }
  if (read && !read.ok && read.reason === 'damaged' && pdf.eof && pdf.xrefOk) {
    add('file.corrupt', 'error', {
      measured: { reader: 'pdfjs', error: read.detail },
      args: { reason: 'pdfjs', type: 'pdf' },
    });
  }
  if (read && !read.ok && ['time', 'memory', 'inflate', 'error'].includes(read.reason)) {
    const limits = ruleValue(ruleSet, 'upload.pdf.reader');
    add('pdf.limits', 'warning', {
      measured: { reason: read.reason, ms: read.ms },
      expected: { timeoutMs: limits.timeoutMs, maxHeapMb: limits.maxHeapMb, maxInflatedBytes: limits.maxInflatedBytes },
      args: {
        variant: read.reason,
        seconds: Math.round(limits.timeoutMs / 100) / 10,
        mb: limits.maxHeapMb,
        inflatedMb: Math.round(limits.maxInflatedBytes / 1048576),
      },
    });
  }
  const pages = read?.ok ? read.pages : pdf.pages;
  const { maxPages, severity } = ruleValue(ruleSet, 'upload.pdf');
  if (pages !== null && pages > maxPages)
    add('pdf.pages', severity, { measured: { pages }, expected: { maxPages }, args: { pages, max: maxPages } });
  if (facts.role === 'diploma' && facts.document) documentTypeCheck(facts.document, ruleSet, add);
}

/** issue 13: is the education PDF one of the reports the platform takes? */
function documentTypeCheck(document: NonNullable<FileFacts['document']>, ruleSet: RuleSet, add: Add) {
  const kind = ruleValue(ruleSet, 'document.kinds').kinds.find((k) => k.id === document.kind);
  const measured = { kind: document.kind, textChars: document.textChars, imageOnlyPages: document.imageOnlyPages };
  if (kind?.accepted) {
    add('document.type', 'info', {
      measured,
      args: {
        variant: 'recognised',
        kind: kind.id,
        holder: document.holder ?? '',
        id: document.idNumber ?? '',
        validUntil: document.validUntil ?? '',
        level: document.levelText ?? '',
        major: document.major ?? '',
        code: document.code ?? '',
      },
    });
    return;
  }
  const variant = document.kind === 'scan' ? 'scan' : kind ? kind.id : document.textLayer ? 'other' : 'empty';
  add('document.type', 'warning', {
    measured,
    expected: {
      kinds: ruleValue(ruleSet, 'document.kinds')
        .kinds.filter((k) => k.accepted)
        .map((k) => k.id),
    },
    args: { variant },
  });
}

function photoChecks(facts: FileFacts, ruleSet: RuleSet, add: Add) {
  const image = facts.image!;
  const { orientedWidth: w, orientedHeight: h } = image;
  const pixels = ruleValue(ruleSet, 'upload.photo.pixels');
  if (w < pixels.minWidth || h < pixels.minHeight) {
    add('photo.dimensions', pixels.severity, {
      measured: { width: w, height: h },
      expected: { minWidth: pixels.minWidth, minHeight: pixels.minHeight },
      args: { width: w, height: h, minWidth: pixels.minWidth, minHeight: pixels.minHeight },
    });
  }
  const aspect = ruleValue(ruleSet, 'upload.photo.aspect');
  const want = aspect.width / aspect.height;
  const ratio = w / h;
  if (Math.abs(ratio - want) / want > aspect.tolerance) {
    add('photo.aspect', aspect.severity, {
      measured: { ratio: round3(ratio) },
      expected: { ratio: round3(want), tolerance: aspect.tolerance },
      args: {
        ratio: round3(ratio),
        want: round3(want),
        width: w,
        height: h,
        aspect: `${aspect.width}:${aspect.height}`,
      },
    });
  }
  if (image.orientation !== 1) {
    add('photo.orientation', 'warning', {
      measured: { orientation: image.orientation, width: image.width, height: image.height },
      expected: { orientation: 1 },
      args: { orientation: image.orientation },
    });
  }

  faceChecks(facts, ruleSet, add);

  const content = facts.content;
  if (content) {
    const bg = ruleValue(ruleSet, 'upload.photo.background');
    const [r, g, b] = content.border.mean;
    const problems = [
      Math.min(r, g, b) < bg.minMean ? 'dark' : null,
      content.border.cast > bg.maxCast ? 'cast' : null,
      content.border.spread > bg.maxSpread ? 'uneven' : null,
    ].filter((p): p is string => p !== null);
    if (problems.length) {
      add('photo.background', bg.severity, {
        measured: { r, g, b, cast: content.border.cast, spread: content.border.spread },
        expected: { minMean: bg.minMean, maxCast: bg.maxCast, maxSpread: bg.maxSpread },
        // issue 11: fix can whiten the background only when the models found exactly one face.
        args: {
          r,
          g,
          b,
          cast: content.border.cast,
          spread: content.border.spread,
          problems: problems.join(','),
          minMean: bg.minMean,
          ...(facts.face?.faces.length === 1 ? { whiten: true } : {}),
        },
      });
    }
  }

  const colour = ruleValue(ruleSet, 'upload.photo.colour');
  if (image.space === 'cmyk') {
    add('photo.colour', colour.severity, {
      measured: { space: 'cmyk' },
      expected: { space: 'srgb' },
      args: { variant: 'cmyk' },
    });
  } else if (content && content.chroma <= colour.maxGreyChroma) {
    add('photo.colour', colour.severity, {
      measured: { chroma: content.chroma, space: image.space },
      expected: { minChroma: colour.maxGreyChroma },
      args: { variant: 'grey', chroma: content.chroma },
    });
  } else if (image.depth !== 'uchar') {
    add('photo.colour', 'warning', {
      measured: { depth: image.depth },
      expected: { depth: 'uchar' },
      args: { variant: 'depth', depth: image.depth },
    });
  }

  if (content) {
    const position = ruleValue(ruleSet, 'upload.photo.position');
    const subject = content.subject;
    if (facts.face?.faces.length === 1) {
      // issue 11: position from the face (checked in faceChecks), not from the background mask.
    } else if (!subject) {
      add('photo.position', position.severity, {
        measured: { subject: false },
        args: { variant: 'none', heuristic: true },
      });
    } else {
      const offCentre = Math.abs(subject.headCentre - 0.5);
      const variant =
        subject.top < position.headTopMin
          ? 'top-tight'
          : subject.top > position.headTopMax
            ? 'top-loose'
            : offCentre > position.maxOffCentre
              ? 'off-centre'
              : null;
      if (variant) {
        add('photo.position', position.severity, {
          measured: { headTop: subject.top, headCentre: subject.headCentre },
          expected: {
            headTopMin: position.headTopMin,
            headTopMax: position.headTopMax,
            maxOffCentre: position.maxOffCentre,
          },
          args: { variant, top: pct(subject.top), centre: pct(subject.headCentre), heuristic: true },
        });
      }
    }
    exposureCheck('photo.exposure', content, ruleSet, add);
    sharpnessCheck(
      'photo.sharpness',
      content,
      ruleValue(ruleSet, 'upload.scan.sharpness').photoMinLaplacianVariance,
      ruleSet,
      add,
    );
  }

  const density = ruleValue(ruleSet, 'upload.photo.density-guides');
  const dpi = image.jfifDpi ?? image.exifDpi;
  if ((dpi === null || dpi < density.min) && !isOfficialOutput(facts, ruleSet)) {
    add('photo.density', density.severity, {
      measured: { jfifDpi: image.jfifDpi, exifDpi: image.exifDpi },
      expected: { minDpi: density.min },
      args: {
        dpi: dpi ?? '',
        min: density.min,
        jfif: image.jfifDpi ?? '',
        exif: image.exifDpi ?? '',
        writes: density.min,
      },
    });
  }

  const output = ruleValue(ruleSet, 'upload.photo.output');
  add('photo.official-tool', 'info', {
    args: { variant: isOfficialOutput(facts, ruleSet) ? 'recognised' : 'reminder', fileName: output.fileName },
  });
}

/** The official photo tool's output: its file name and its exact pixel size. */
function isOfficialOutput(facts: FileFacts, ruleSet: RuleSet): boolean {
  const output = ruleValue(ruleSet, 'upload.photo.output');
  const image = facts.image;
  return (
    image !== undefined &&
    facts.name === output.fileName &&
    image.orientedWidth === output.width &&
    image.orientedHeight === output.height
  );
}

/**
 * issue 11: the face detector's facts. Exactly one face; pose within the rule's angles; the face's
 * share of the frame; head top (brow-to-chin mesh plus a hair allowance) and centre. Without the
 * models, one info finding names the checks that were skipped (the mask heuristic stays).
 */
function faceChecks(facts: FileFacts, ruleSet: RuleSet, add: Add) {
  const rule = ruleValue(ruleSet, 'upload.photo.face');
  if (!facts.face) {
    if (facts.faceSkipped && facts.content)
      add('photo.face', 'info', {
        measured: { models: facts.faceSkipped },
        args: { variant: 'skipped', reason: facts.faceSkipped, checks: 'photo.face,photo.pose,photo.head-size' },
      });
    return;
  }
  const faces = facts.face.faces;
  if (faces.length !== 1) {
    add('photo.face', rule.severity, {
      measured: { faces: faces.length },
      expected: { faces: 1 },
      args: { variant: faces.length === 0 ? 'none' : 'several', count: faces.length },
    });
    return;
  }
  const face = faces[0]!;
  const pose = ruleValue(ruleSet, 'upload.photo.pose');
  const turned =
    Math.abs(face.yaw) > pose.maxYaw
      ? 'yaw'
      : Math.abs(face.pitch) > pose.maxPitch
        ? 'pitch'
        : Math.abs(face.roll) > pose.maxRoll
          ? 'roll'
          : null;
  if (turned) {
    add('photo.pose', pose.severity, {
      measured: { yaw: face.yaw, pitch: face.pitch, roll: face.roll },
      expected: { maxYaw: pose.maxYaw, maxPitch: pose.maxPitch, maxRoll: pose.maxRoll },
      args: {
        variant: turned,
        yaw: Math.round(face.yaw),
        pitch: Math.round(face.pitch),
        roll: Math.round(face.roll),
        max: turned === 'yaw' ? pose.maxYaw : turned === 'pitch' ? pose.maxPitch : pose.maxRoll,
      },
    });
  }
  const size = ruleValue(ruleSet, 'upload.photo.head-size');
  const area = round3((face.right - face.left) * (face.bottom - face.top));
  if (area < size.minFaceArea || area > size.maxFaceArea) {
    add('photo.head-size', size.severity, {
      measured: { faceArea: area },
      expected: { minFaceArea: size.minFaceArea, maxFaceArea: size.maxFaceArea },
      args: {
        variant: area < size.minFaceArea ? 'small' : 'large',
        area: pct(area),
        min: pct(size.minFaceArea),
        max: pct(size.maxFaceArea),
      },
    });
  }
  const position = ruleValue(ruleSet, 'upload.photo.position');
  const headTop = round3(face.top - rule.hairAllowance * (face.bottom - face.top));
  const centre = round3((face.left + face.right) / 2);
  const variant =
    headTop < position.headTopMin
      ? 'top-tight'
      : headTop > position.headTopMax
        ? 'top-loose'
        : Math.abs(centre - 0.5) > position.maxOffCentre
          ? 'off-centre'
          : null;
  if (variant) {
    add('photo.position', position.severity, {
      measured: { headTop, headCentre: centre, from: 'face' },
      expected: {
        headTopMin: position.headTopMin,
        headTopMax: position.headTopMax,
        maxOffCentre: position.maxOffCentre,
      },
      args: { variant, top: pct(headTop), centre: pct(centre), heuristic: true },
    });
  }
}

function exposureCheck(id: string, content: NonNullable<FileFacts['content']>, ruleSet: RuleSet, add: Add) {
  const exposure = ruleValue(ruleSet, 'upload.scan.exposure');
  const variant =
    content.meanLuma < exposure.minMean || content.darkShare > exposure.maxClippedShare
      ? 'dark'
      : content.meanLuma > exposure.maxMean
        ? 'bright'
        : null;
  if (variant) {
    add(id, exposure.severity, {
      measured: { meanLuma: content.meanLuma, darkShare: content.darkShare, brightShare: content.brightShare },
      expected: { minMean: exposure.minMean, maxMean: exposure.maxMean, maxClippedShare: exposure.maxClippedShare },
      args: { variant, mean: content.meanLuma, heuristic: true },
    });
  }
}

/** Blur: variance of the Laplacian on the small decode, against a per-kind minimum (heuristic). */
function sharpnessCheck(
  id: string,
  content: NonNullable<FileFacts['content']>,
  min: number,
  ruleSet: RuleSet,
  add: Add,
) {
  if (content.laplacianVariance >= min) return;
  add(id, ruleValue(ruleSet, 'upload.scan.sharpness').severity, {
    measured: {
      laplacianVariance: content.laplacianVariance,
      sampleWidth: content.sampleWidth,
      sampleHeight: content.sampleHeight,
    },
    expected: { minLaplacianVariance: min },
    args: { variance: content.laplacianVariance, min, heuristic: true },
  });
}

function scanChecks(facts: FileFacts, ruleSet: RuleSet, add: Add) {
  const image = facts.image!;
  const spec = ruleValue(ruleSet, 'upload.roles')[facts.role];
  if (spec.document) {
    // Match long side to long side: a card may be scanned either way round.
    const long = Math.max(image.orientedWidth, image.orientedHeight);
    const short = Math.min(image.orientedWidth, image.orientedHeight);
    const docLong = Math.max(spec.document.widthMm, spec.document.heightMm) / MM_PER_INCH;
    const docShort = Math.min(spec.document.widthMm, spec.document.heightMm) / MM_PER_INCH;
    const dpi = Math.round(Math.min(long / docLong, short / docShort));
    const resolution = ruleValue(ruleSet, 'upload.scan.resolution');
    const severity: Severity | null = dpi < resolution.minDpi ? 'error' : dpi < resolution.goodDpi ? 'warning' : null;
    if (severity) {
      add('scan.resolution', severity, {
        measured: { dpi, width: image.orientedWidth, height: image.orientedHeight },
        expected: {
          minDpi: resolution.minDpi,
          goodDpi: resolution.goodDpi,
          widthMm: spec.document.widthMm,
          heightMm: spec.document.heightMm,
        },
        args: {
          dpi,
          min: severity === 'error' ? resolution.minDpi : resolution.goodDpi,
          goodDpi: resolution.goodDpi,
          mm: `${spec.document.widthMm}×${spec.document.heightMm}`,
          needLong: Math.ceil(docLong * resolution.goodDpi),
          needShort: Math.ceil(docShort * resolution.goodDpi),
        },
      });
    }
  }
  const content = facts.content;
  if (!content) return;
  sharpnessCheck(
    'scan.sharpness',
    content,
    ruleValue(ruleSet, 'upload.scan.sharpness').minLaplacianVariance,
    ruleSet,
    add,
  );
  exposureCheck('scan.exposure', content, ruleSet, add);
  if (facts.role === 'work-proof') {
    const seal = ruleValue(ruleSet, 'upload.seal');
    const red = content.red;
    const found =
      red !== null &&
      red.share >= seal.minRedShare &&
      red.blobWidth >= seal.minBlobWidth &&
      red.blobWidth <= seal.maxBlobWidth &&
      red.blobAspect >= seal.minAspect &&
      red.blobAspect <= seal.maxAspect;
    if (!found) {
      add('seal.missing', seal.severity, {
        measured: { redShare: red?.share ?? 0, blobWidth: red?.blobWidth ?? 0, blobAspect: red?.blobAspect ?? 0 },
        expected: {
          minRedShare: seal.minRedShare,
          blobWidth: `${seal.minBlobWidth}–${seal.maxBlobWidth}`,
          aspect: `${seal.minAspect}–${seal.maxAspect}`,
        },
        args: {
          share: pct(red?.share ?? 0),
          width: pct(red?.blobWidth ?? 0),
          aspect: red?.blobAspect ?? 0,
          heuristic: true,
        },
      });
    }
  }
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
