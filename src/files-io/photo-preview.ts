/**
 * A small PNG a person can judge at a glance: the original with the frame that was cut out and
 * the faces (green: the candidate; red: what is wrong), the written photo, and the written photo
 * with the replaced background tinted. When nothing was written, the second panel is grey with a
 * red cross. Shapes only (no text), so no font is needed.
 */
import type { FileFacts } from '../model/files.js';
import type { RuleSet } from '../model/rules.js';
import { ruleValue } from '../rules/rule-access.js';
import type { PhotoView } from './fix-result.js';
import { loadSharp } from './load-sharp.js';
import { uprightRegion } from './upright-source.js';

const GAP = 8;
const GOOD = '#16a34a';
const BAD = '#dc2626';

export async function renderPreview(
  original: FileFacts,
  written: Uint8Array | null,
  view: PhotoView | undefined,
  ruleSet: RuleSet,
): Promise<Buffer> {
  const sharp = loadSharp();
  const out = ruleValue(ruleSet, 'upload.photo.output');
  const panelHeight = out.height;
  const image = original.image!;
  const ratio = image.orientedWidth / image.orientedHeight;
  const ow = Math.max(1, Math.min(Math.round(panelHeight * ratio), 620));
  const oh = Math.max(1, Math.round(ow / ratio));
  const source = await uprightRegion(original, ruleValue(ruleSet, 'upload.image').maxPixels, ow, oh);
  const originalPng = await source.png().toBuffer();
  const failed = written === null;
  const shapes: string[] = [];
  if (view?.frame) {
    const [tl, tr, bl, br] = view.frame.map(([x, y]) => `${(x * ow).toFixed(1)},${(y * oh).toFixed(1)}`);
    shapes.push(
      `<polygon points="${tl} ${tr} ${br} ${bl}" fill="none" stroke="${failed ? BAD : GOOD}" stroke-width="3" stroke-dasharray="${failed ? '8 5' : 'none'}"/>`,
    );
  }
  for (const mark of view?.marks ?? []) {
    const x = mark.left * ow;
    const y = mark.top * oh;
    shapes.push(
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${((mark.right - mark.left) * ow).toFixed(1)}" height="${((mark.bottom - mark.top) * oh).toFixed(1)}" fill="none" stroke="${mark.kind === 'face' ? GOOD : BAD}" stroke-width="${mark.kind === 'face' ? 2 : 4}"/>`,
    );
  }
  const overlay = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${ow}" height="${oh}">${shapes.join('')}</svg>`,
  );
  const left = await sharp(originalPng)
    .composite([{ input: overlay }])
    .png()
    .toBuffer();

  const panels: { input: Buffer; width: number }[] = [{ input: left, width: ow }];
  if (written) {
    panels.push({ input: await sharp(written).png().toBuffer(), width: out.width });
    if (view?.replaced) {
      const { data, info } = await sharp(written).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const tinted = Buffer.from(data);
      for (let p = 0; p < info.width * info.height; p += 1) {
        if (!view.replaced[p]) continue;
        // Replaced background shown pale blue: the person judges the outline against it.
        tinted[p * 3] = Math.round(tinted[p * 3]! * 0.55 + 60 * 0.45);
        tinted[p * 3 + 1] = Math.round(tinted[p * 3 + 1]! * 0.55 + 150 * 0.45);
        tinted[p * 3 + 2] = Math.round(tinted[p * 3 + 2]! * 0.55 + 255 * 0.45);
      }
      panels.push({
        input: await sharp(tinted, { raw: { width: info.width, height: info.height, channels: 3 } })
          .png()
          .toBuffer(),
        width: info.width,
      });
    }
  } else {
    const crossed = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${out.width}" height="${out.height}"><rect width="100%" height="100%" fill="#e5e7eb"/><path d="M${cross(out).join(' L')}" stroke="${BAD}" stroke-width="${Math.round(out.width / 21)}" stroke-linecap="round"/></svg>`,
    );
    panels.push({ input: await sharp(crossed).png().toBuffer(), width: out.width });
  }
  const width = panels.reduce((sum, p) => sum + p.width, 0) + GAP * (panels.length + 1);
  const height = Math.max(oh, panelHeight) + 2 * GAP;
  let x = GAP;
  const composites = panels.map((panel) => {
    const placed = { input: panel.input, left: x, top: GAP };
    x += panel.width + GAP;
    return placed;
  });
  return sharp({ create: { width, height, channels: 3, background: '#f3f4f6' } })
    .composite(composites)
    .png({ compressionLevel: 6 })
    .toBuffer();
}

/** A cross over the middle of a panel: two strokes, as one SVG path's points. */
function cross(out: { width: number; height: number }): string[] {
  const x0 = out.width * 0.2;
  const x1 = out.width * 0.8;
  const y0 = out.height / 2 - out.width * 0.3;
  const y1 = out.height / 2 + out.width * 0.3;
  return [`${x0} ${y0}`, `${x1} ${y1} M${x1} ${y0}`, `${x0} ${y1}`];
}

/** `照片.fixed.jpg` → `照片.fixed.preview.png`, beside it. */
export const previewPathFor = (output: string) => output.replace(/(\.[^./\\]+)?$/, '.preview.png');
