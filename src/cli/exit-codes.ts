/** The exit-code contract (docs/contract.md). Only main.ts sets process.exitCode. */
export const EXIT = {
  OK: 0,
  FINDINGS: 1,
  CANNOT_RUN: 2,
  CANCELLED: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
