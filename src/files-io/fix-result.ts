/** What a fix produced: the bytes to write and what was done, or why nothing fit to write. Types only. */
import type { WrittenMeasures } from '../files/photo-norms.js';

/** What the photo fix changed, in the order it did it. */
export type PhotoChange = 'turn' | 'straighten' | 'crop' | 'light' | 'background' | 'resize' | 'encode';

/** What a preview marks on the original: the frame cut out, and faces or edges that are the trouble. */
export interface PhotoView {
  /** The frame's four corners (top-left, top-right, bottom-left, bottom-right) as shares of the original. */
  frame?: [number, number][];
  /** Boxes on the original, as shares: the chosen face, and other faces or what went wrong. */
  marks: { left: number; top: number; right: number; bottom: number; kind: 'face' | 'problem' }[];
  /** Written-size mask: 1 where the old background was replaced (shown tinted in the preview). */
  replaced?: Uint8Array;
}

export type FixRefusal =
  | 'heic'
  | 'pdf'
  | 'undecodable'
  | 'too-small'
  | 'too-many-pixels'
  | 'missing'
  | 'cannot-shrink'
  | 'would-overwrite'
  | 'no-face'
  | 'faces-left'
  | 'faces-right'
  | 'faces-behind'
  | 'pose-yaw'
  | 'pose-pitch'
  | 'eyes-covered'
  | 'eyes-closed'
  | 'tilt'
  | 'frame-top'
  | 'frame-sides'
  | 'frame-bottom'
  | 'light-dark'
  | 'light-bright'
  | 'light-cast'
  | 'norm-background'
  | 'norm-edge'
  | 'norm-head'
  | 'norm-centre'
  | 'grey'
  | 'fix-failed';

export type FixResult =
  | {
      ok: true;
      bytes: Uint8Array;
      width: number;
      height: number;
      quality: number;
      dpi: number;
      inWindow: boolean;
      encodes: number;
      /** The background was replaced from a person matte: the result must be looked at. */
      whitened?: boolean;
      /** Photos: what was done, the written photo's measures, what a preview marks. */
      changes?: PhotoChange[];
      measures?: WrittenMeasures & { roll: number; gamma: number; cast: number; faceLuma: number };
      view?: PhotoView;
    }
  | {
      ok: false;
      reason: FixRefusal;
      args?: Record<string, number | string>;
      view?: PhotoView;
    };
