/** The file can be opened at all. When it cannot, that one finding is all there is to say. */
import { uploadCheck } from './check.js';

const FACT = {
  fixed: ['error'],
  why: 'a file that cannot be read cannot be uploaded: a fact, not a platform rule',
} as const;

export const fileMissing = uploadCheck({
  name: 'file-missing',
  ids: ['file.missing'],
  rules: [],
  severity: FACT,
  alone: true,
  applies: (facts) => !facts.exists,
  run: (facts) => [{ id: 'file.missing', severity: 'error', args: { path: facts.path, role: facts.role } }],
});

export const fileUnreadable = uploadCheck({
  name: 'file-unreadable',
  ids: ['file.unreadable'],
  rules: [],
  severity: FACT,
  alone: true,
  applies: (facts) => facts.exists && !facts.readable,
  run: (facts) => [
    {
      id: 'file.unreadable',
      severity: 'error',
      measured: { reason: facts.readError ?? null },
      args: { path: facts.path, reason: facts.readError ?? '' },
    },
  ],
});

export const fileEmpty = uploadCheck({
  name: 'file-empty',
  ids: ['file.empty'],
  rules: [],
  severity: FACT,
  alone: true,
  applies: (facts) => facts.exists && facts.readable && facts.bytes === 0,
  run: (facts) => [{ id: 'file.empty', severity: 'error', measured: { bytes: 0 }, args: { path: facts.path } }],
});
