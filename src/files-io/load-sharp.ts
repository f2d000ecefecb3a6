/**
 * sharp, loaded on first use through its CommonJS entry (measurably faster than import()), with
 * the settings measured best for this workload: one libvips thread per image, no operation cache.
 */
import { createRequire } from 'node:module';
import type SharpType from 'sharp';

let loaded: typeof SharpType | undefined;

export function loadSharp(): typeof SharpType {
  if (!loaded) {
    const require = createRequire(import.meta.url);
    loaded = require('sharp') as typeof SharpType;
    loaded.concurrency(1);
    loaded.cache(false);
  }
  return loaded;
}
