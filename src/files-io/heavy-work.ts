/**
 * The work that holds tens of MB while it runs, one piece at a time in the process: a photo's or a
 * scan's fix (raw pixels of the whole picture, the matte's planes) and a PDF read (a worker thread
 * with pdf.js loaded, its own V8 heap). A batch's parallel applicants otherwise stacked them:
 * `batch --fix` over the bench's phone-shot roster peaked when a PDF was read while an A4 page's
 * copy was being searched. Checking, the bulk of a batch, stays parallel around them.
 */
import { createGate } from './gate.js';

const heavy = createGate();

/**
 * Run `work` when no other heavy work is running. Never nest: heavy work must not wait on heavy work.
 * `forACheck`: a check waits on this work (a PDF read inside a probe, whose time limit is running),
 * so it goes ahead of the fixes waiting: it waits for the piece running and for other reads only,
 * however many fixes a batch has queued (with `--concurrency 16`, 30 phone-shot applicants' PDF
 * reads waited up to 27 s behind fixes).
 */
export const oneHeavyAtATime = <T>(work: () => Promise<T>, { forACheck = false } = {}): Promise<T> =>
  heavy.run(1, work, forACheck);
