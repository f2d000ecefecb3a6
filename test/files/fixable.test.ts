import { describe, expect, it } from 'vitest';
import { fixPlan } from '../../src/files/fixable.js';
import type { FileResult } from '../../src/model/report.js';

const file = (findings: [string, 'error' | 'warning' | 'info', string?][], format = 'jpeg'): FileResult => ({
  path: 'x.jpg',
  role: 'photo',
  status: findings.some(([, s]) => s === 'error')
    ? 'fail'
    : findings.some(([, s]) => s === 'warning')
      ? 'warn'
      : 'pass',
  measured: { format },
  findings: findings.map(([id, severity, variant]) => ({ id, severity, ...(variant ? { args: { variant } } : {}) })),
});

describe('fixPlan', () => {
  it.each([
    [[['photo.aspect', 'error']], 'fix'],
    [
      [
        ['file.format', 'error', 'type'],
        ['photo.background', 'error'],
      ],
      'fix',
    ],
    [[['file.format', 'error', 'heic']], 'replace'],
    [[['file.format', 'error', 'unknown']], 'replace'],
    [[['photo.colour', 'error', 'grey']], 'replace'],
    [
      [
        ['scan.resolution', 'error'],
        ['seal.missing', 'warning'],
      ],
      'replace',
    ],
    [[['photo.official-tool', 'info']], 'none'],
  ] as const)('%j → %s', (findings, plan) => {
    expect(fixPlan(file(findings as never))).toBe(plan);
  });

  it('never plans to rewrite a PDF', () => {
    expect(fixPlan(file([['file.size', 'error']], 'pdf'))).toBe('none');
  });
});
