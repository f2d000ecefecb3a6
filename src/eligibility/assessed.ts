/** A route tried against one qualification, with the month count behind it. Types and one helper only. */
import type { Degree } from '../model/answers.js';
import type { RouteAssessment } from '../model/eligibility.js';
import type { Route } from '../model/rules.js';
import type { MonthCount } from './months.js';

export interface Assessed {
  assessment: RouteAssessment;
  count: MonthCount;
  route: Route;
  degree: Degree;
}

/** 1 when the route's years are a derived figure (weaker than the rule's source), else 0. */
export const derived = (a: Assessed) => (a.route.confidence && a.route.confidence !== 'official' ? 1 : 0);
