/**
 * Write a compliant copy of a photo or scan. The original is only read. Pixels are decoded and
 * resized once to raw; the JPEG quality search encodes that raw buffer only.
 */
import type { FileFacts } from '../model/files.js';
import type { RuleSet } from '../model/rules.js';
import { ruleValue } from '../rules/rule-access.js';
import { shareOf } from '../files/heic-pixels.js';
import { isDecodable, MM_PER_INCH } from '../files/measures.js';
import { oneHeavyAtATime } from './heavy-work.js';
import { closeIdleReaders } from './read-pdf.js';
import { collectGarbage } from './collect-garbage.js';
import {
  decodeRaw,
  decodeRawInside,
  encode,
  encodePhoto,
  type Raw,
  searchQuality,
  uprightSize,
} from './encode-jpeg.js';
import type { FixResult } from './fix-result.js';
import { fixPhotoFromFace } from './fix-photo-face.js';
import { loadPhotoModels } from './photo-models.js';

export type { FixResult } from './fix-result.js';

function refuse(facts: FileFacts): FixResult | undefined {
  if (!facts.exists || !facts.readable || facts.bytes === 0) return { ok: false, reason: 'missing' };
  // No decoder installed: say how to get a JPEG; a HEIC the decoder could not read is a damaged file.
  if (facts.sniffed === 'heic' && !facts.image)
    return { ok: false, reason: facts.decodeError ? 'undecodable' : 'heic' };
  if (facts.sniffed === 'pdf') return { ok: false, reason: 'pdf' };
  if (facts.refusedPixels !== undefined) return { ok: false, reason: 'too-many-pixels' };
  if ((!isDecodable(facts.sniffed) && facts.sniffed !== 'heic') || facts.decodeError || !facts.image)
    return { ok: false, reason: 'undecodable' };
  return undefined;
}

/**
 * A photo's fixed copy. Fixes run one at a time, and never beside a PDF read (heavy-work.ts): a fix
 * decodes the whole image upright (a phone scan is tens of MB of raw pixels), and a photo's
 * face-based fix also holds its matte as floats and the whitened copy; a batch's parallel
 * applicants stacked those up (fuzz batch --fix peaks 232–272 MB at 200 applicants). Checking, the
 * bulk of a batch, stays parallel.
 */
export const fixPhoto = (facts: FileFacts, ruleSet: RuleSet): Promise<FixResult> =>
  oneHeavyAtATime(() => fixPhotoNow(facts, ruleSet));

async function fixPhotoNow(facts: FileFacts, ruleSet: RuleSet): Promise<FixResult> {
  const refused = refuse(facts);
  if (refused) return refused;
  // With the face models: the frame comes from the face, and a photo with no face is refused
  // as such. Without them: converted and cropped by the mask heuristic, and the copy's check
  // says the face checks were skipped.
  if (facts.face && facts.face.faces.length === 0) return { ok: false, reason: 'no-face' };
  // The models loaded but the detector failed on this photo: no copy can be judged, so none is made.
  if (facts.faceSkipped === 'failed') return { ok: false, reason: 'fix-failed' };
  if (facts.face) {
    const state = await loadPhotoModels();
    if (state.ok) return fixPhotoFromFace(facts, ruleSet, state.models);
  }
  const image = facts.image!;
  const output = ruleValue(ruleSet, 'upload.photo.output');
  const aspect = ruleValue(ruleSet, 'upload.photo.aspect');
  const w = image.orientedWidth;
  const h = image.orientedHeight;
  const target = aspect.width / aspect.height;

  // The largest 25:35 box inside the image, centred on the head, with a little space above it.
  const cropW = w / h > target ? Math.round(h * target) : w;
  const cropH = w / h > target ? h : Math.round(w / target);
  if (cropW < output.width || cropH < output.height) {
    return {
      ok: false,
      reason: 'too-small',
      args: { width: w, height: h, minWidth: output.width, minHeight: output.height },
    };
  }
  const subject = facts.content?.subject;
  const position = ruleValue(ruleSet, 'upload.photo.position');
  const centreX = (subject?.headCentre ?? 0.5) * w;
  const left = clamp(Math.round(centreX - cropW / 2), 0, w - cropW);
  const headTop = (subject?.top ?? 0) * h;
  const margin = ((position.headTopMin + position.headTopMax) / 2) * cropH;
  const top = clamp(Math.round(headTop - margin), 0, h - cropH);

  // Resize first, then extract, so JPEG shrink-on-load still applies.
  const scale = output.width / cropW;
  const resizedW = Math.max(output.width, Math.round(w * scale));
  const resizedH = Math.max(output.height, Math.round(h * scale));
  const raw = await decodeRaw(
    facts,
    ruleSet,
    (img) =>
      img.resize({ width: resizedW, height: resizedH, fit: 'fill' }).extract({
        left: clamp(Math.round(left * scale), 0, resizedW - output.width),
        top: clamp(Math.round(top * scale), 0, resizedH - output.height),
        width: output.width,
        height: output.height,
      }),
    shareOf(Math.max(resizedW / w, resizedH / h)),
  );
  return encodePhoto(raw, ruleSet);
}

/**
 * A scan's fixed copy; one fix at a time, as fixPhoto. A fix that decoded more than
 * RAW_BYTES_TO_COLLECT of raw pixels ends with a full collection (collect-garbage.ts).
 */
export const fixScan = (facts: FileFacts, ruleSet: RuleSet): Promise<FixResult> =>
  oneHeavyAtATime(async () => {
    const decoded = { bytes: 0 };
    try {
      return await fixScanNow(facts, ruleSet, decoded);
    } finally {
      if (decoded.bytes > RAW_BYTES_TO_COLLECT) collectGarbage();
    }
  });

/**
 * An A4 page's raw pixels at 300 dpi are 27.7 MB (a fix of one ends with a collection), an ID
 * card's under 3 MB (its fix does not). Found with `batch --fix` over the bench's 1,000-applicant
 * roster of 12 MP phone shots, which passed 390 MiB before this and the changes beside it.
 */
const RAW_BYTES_TO_COLLECT = 16 * 1024 * 1024;

async function fixScanNow(facts: FileFacts, ruleSet: RuleSet, decoded: { bytes: number }): Promise<FixResult> {
  const refused = refuse(facts);
  if (refused) return refused;
  const image = facts.image!;
  const spec = ruleValue(ruleSet, 'upload.roles')[facts.role];
  const resolution = ruleValue(ruleSet, 'upload.scan.resolution');
  const hard = ruleValue(ruleSet, 'upload.scan.bytes').max;
  const soft = ruleValue(ruleSet, 'upload.scan.bytes-guides').max;
  const long = Math.max(image.orientedWidth, image.orientedHeight);
  // upload.roles' schema requires a document size for every role but the photo.
  const document = spec.document!;
  const docLongInches = Math.max(document.widthMm, document.heightMm) / MM_PER_INCH;
  // Never more pixels than the good resolution needs, never fewer than the minimum allows.
  const goodLong = Math.round(docLongInches * resolution.goodDpi);
  const minLong = Math.round(docLongInches * resolution.minDpi);
  let targetLong = Math.min(long, goodLong);
  // A copy whose raw pixels pass RAW_BYTES_TO_COLLECT (an A4 page from a phone shot) first lets an
  // idle PDF reader go: its worker thread holds about 18 MB, and respawning it for the next PDF
  // costs about 0.25 s of CPU. Closing it before every fix cost the fuzz batch 22 % more time.
  if (rawBytes(image, targetLong) > RAW_BYTES_TO_COLLECT) closeIdleReaders();
  let encodes = 0;
  for (;;) {
    const size = targetLong;
    let raw: Raw | undefined = await decodeRawInside(facts, ruleSet, size, shareOf(size / long));
    decoded.bytes += raw.data.length;
    const dpi = Math.round(Math.max(raw.width, raw.height) / docLongInches);
    const next = Math.round(targetLong * 0.85);
    // A size whose lowest quality is still too big: the next size at once, where the search below
    // would have tried every quality first (an A4 phone shot: 12 encodes of 7–9 MP become 8).
    if (next >= minLong) {
      encodes += 1;
      if ((await encode(raw, QUALITY.low, dpi)).length > soft) {
        // Let this size's pixels go before the next size's are decoded.
        raw = undefined;
        collectGarbage();
        targetLong = next;
        continue;
      }
    }
    const found = await searchQuality(raw, dpi, { min: 0, max: soft }, QUALITY);
    encodes += found.encodes;
    const fits = found.bytes.length <= soft;
    if (fits || next < minLong) {
      if (!fits && found.bytes.length > hard)
        return { ok: false, reason: 'cannot-shrink', args: { bytes: found.bytes.length, max: hard } };
      return {
        ok: true,
        bytes: found.bytes,
        ...uprightSize(raw),
        quality: found.quality,
        dpi,
        inWindow: fits,
        encodes,
      };
    }
    targetLong = next;
  }
}

/** Raw RGB bytes of the picture fitted inside `size`×`size`, never enlarged. */
function rawBytes(image: { orientedWidth: number; orientedHeight: number }, size: number): number {
  const scale = Math.min(1, size / Math.max(image.orientedWidth, image.orientedHeight));
  return Math.round(image.orientedWidth * scale) * Math.round(image.orientedHeight * scale) * 3;
}

/** The qualities a scan's copy is searched between. */
const QUALITY = { low: 60, high: 90 };

const clamp = (v: number, low: number, high: number) => Math.min(Math.max(v, low), Math.max(low, high));
