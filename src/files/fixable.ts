/** Which findings a machine can cure by writing a new file, and which need a new photo or scan. Pure. */
import type { FileResult } from '../model/report.js';

/** Cured by fix: conversion, size, crop, rotation, density, colour space. */
const FIXABLE = new Set([
  'file.format',
  'file.size',
  'photo.aspect',
  'photo.orientation',
  'photo.density',
  'photo.colour',
  'photo.background',
  'photo.position',
  'photo.head-size',
]);
/** file.format variants no conversion here can cure (HEIC needs the phone; text, BMP and unknown bytes are not decodable). */
const UNFIXABLE_FORMATS = new Set(['heic', 'text', 'unknown']);

export function fixableFindings(file: FileResult) {
  return file.findings.filter(
    (f) =>
      f.severity !== 'info' &&
      FIXABLE.has(f.id) &&
      !(f.id === 'file.format' && UNFIXABLE_FORMATS.has(String(f.args?.variant)) && !f.args?.convertible) &&
      // issue 11: a background is whitened only with the models and one face; position and head
      // size are re-cropped from the face, and only when the face is known.
      !(f.id === 'photo.background' && !f.args?.whiten) &&
      !(f.id === 'photo.position' && f.measured?.from !== 'face') &&
      !(f.id === 'photo.colour' && f.args?.variant === 'grey'),
  );
}

export type FixPlan = 'none' | 'fix' | 'replace';

/** 'fix' when a copy would cure something; 'replace' when problems remain that only a new file cures. */
export function fixPlan(file: FileResult): FixPlan {
  if (file.status === 'pass' || file.measured.format === 'pdf') return 'none';
  if (fixableFindings(file).length > 0) return 'fix';
  return file.findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 'replace' : 'none';
}
