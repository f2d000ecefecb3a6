import type { Finding } from './finding.js';

export const ELIGIBILITY_STATUSES = ['eligible', 'ineligible', 'unknown'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

/**
 * A batch row's status. `needs-info`: eligibility turns on an answer the roster did not give (or
 * a needed answer is blank or unreadable); never folded into `ineligible`.
 */
export const ROW_STATUSES = ['ready', 'not-ready', 'needs-info', 'ineligible'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export interface RouteAssessment {
  id: string;
  /** The qualification this route was tried with (`bachelor:other:full-time:2019-09..2023-06`). */
  degree: string;
  requiredYears: number;
  requiredMonths: number;
  countedMonths: number;
  /** First month that may count (after graduation or after the certificate); null when any month counts. */
  countFrom: string | null;
  educationHeld: boolean;
  certificateHeld: boolean;
  satisfied: boolean;
}

export interface Eligibility {
  status: EligibilityStatus;
  examYear: number;
  /** The route that decided the verdict (the satisfied one, else the nearest). */
  route: string | null;
  /** The qualification behind the deciding route. */
  degree?: string;
  requiredYears: number | null;
  countedMonths: number;
  shortfallMonths: number;
  /** Last day that counts for work years (YYYY-MM-DD). */
  cutoff: string;
  /** First exam year in which the candidate is eligible, if the answers let us tell. */
  earliestYear: number | null;
  borderline: boolean;
  /** Every route each qualification meets, the deciding one first. */
  routes: RouteAssessment[];
  findings: Finding[];
}
