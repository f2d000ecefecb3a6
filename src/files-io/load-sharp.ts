/**
 * sharp, loaded on first use through its CommonJS entry (measurably faster than import()), with
 * the settings measured best for this workload: one libvips thread per image, no operation cache.
 *
 * sharp's native binary comes from a platform package (`@img/sharp-<os>-<cpu>`) that npm installs
 * as an optional dependency, so `npm install --omit=optional` leaves sharp without it. Loading
 * then fails with a UserError (exit 2, a sentence saying what to run), never an internal error;
 * commands that need no image (dates, rules, data, a check without files, a PDF) never load it.
 */
import { createRequire } from 'node:module';
import type SharpType from 'sharp';
import { UserError } from '../errors.js';

let loaded: typeof SharpType | undefined;

export function loadSharp(): typeof SharpType {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    let sharp: typeof SharpType;
    try {
      sharp = require('sharp') as typeof SharpType;
    } catch (error) {
      // sharp's own message lists remedies for every package manager; --verbose shows it.
      const original = error instanceof Error ? error.message : String(error);
      throw new UserError('error.sharp-missing', { reason: original.split('\n')[0] ?? '' }, [], original);
    }
    loaded = sharp;
    loaded.concurrency(1);
    loaded.cache(false);
  }
  return loaded;
}

/** Whether sharp loads here (for commands that can go on without images, like `demo`). */
export function sharpLoads(): boolean {
  try {
    loadSharp();
    return true;
  } catch (error) {
    if (error instanceof UserError) return false;
    throw error;
  }
}
