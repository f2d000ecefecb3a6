/**
 * The eligibility engine: answers + rules + exam year → verdict, route, months, findings.
 * Pure and deterministic: the registration month comes in as data, never from a clock.
 */
import type { Answers, Level } from '../model/answers.js';
import type { Eligibility, RouteAssessment } from '../model/eligibility.js';
import type { Finding } from '../model/finding.js';
import type { Route, RuleSet, WorkCounting } from '../model/rules.js';
import { valueOf } from '../rules/rule-access.js';
import { countWorkMonths, monthIndex, monthOf, type MonthCount } from './months.js';

export interface EligibilityContext {
  examYear: number;
  /** Month of the year in which registration opens (from the calendar; 3 = March). */
  registrationMonth: number;
  /** How many later exam years to try when projecting the earliest eligible year. */
  projectYears?: number;
}

const ROUTE_RULES: Record<Level, 'eligibility.assistant' | 'eligibility.intermediate' | 'eligibility.senior'> = {
  assistant: 'eligibility.assistant',
  intermediate: 'eligibility.intermediate',
  senior: 'eligibility.senior',
};

export function routesFor(ruleSet: RuleSet, answers: Pick<Answers, 'level' | 'education' | 'major'>): Route[] {
  return valueOf(ruleSet, ROUTE_RULES[answers.level]).routes.filter(
    (route) => route.education.includes(answers.education) && (route.major === 'any' || route.major === answers.major),
  );
}

/** A route against the answers, with the month count behind it (kept for the notes on how months were counted). */
function assessRoute(route: Route, answers: Answers, counting: WorkCounting, context: EligibilityContext): { assessment: RouteAssessment; count: MonthCount } {
  const cutoff = context.examYear * 12 + counting.cutoffMonth - 1;
  const graduated = monthIndex(answers.graduated);
  const heldBy = (route.educationBy ?? counting.educationHeldBy) === 'cutoff' ? cutoff : context.examYear * 12 + context.registrationMonth - 1;
  const certificate = route.certificate
    ? answers.certificates
        .filter((c) => c.level === route.certificate)
        .map((c) => monthIndex(c.obtained))
        .sort((a, b) => a - b)[0]
    : undefined;
  const bounds = [0];
  if (answers.studyMode === 'full-time' && !counting.fullTimeStudyCounts) bounds.push(graduated + 1);
  if (certificate !== undefined) bounds.push(counting.certificateMonthCounts ? certificate : certificate + 1);
  const notBefore = Math.max(...bounds);
  const count = countWorkMonths(answers.work, { cutoff, notBefore });
  const requiredMonths = route.years * 12;
  const educationHeld = graduated <= heldBy;
  const certificateHeld = route.certificate === undefined || (certificate !== undefined && certificate <= cutoff);
  const assessment: RouteAssessment = {
    id: route.id,
    requiredYears: route.years,
    requiredMonths,
    countedMonths: count.counted,
    countFrom: notBefore > 0 ? monthOf(notBefore) : null,
    educationHeld,
    certificateHeld,
    satisfied: educationHeld && certificateHeld && count.counted >= requiredMonths,
  };
  return { assessment, count };
}

/**
 * The deciding route: a satisfied one (official routes before derived ones, then the one needing
 * least), else the nearest miss.
 */
function decidingRoute(assessments: RouteAssessment[], routes: Route[]): RouteAssessment | undefined {
  const derived = (a: RouteAssessment) => {
    const confidence = routes.find((r) => r.id === a.id)?.confidence;
    return confidence && confidence !== 'official' ? 1 : 0;
  };
  const satisfied = assessments
    .filter((a) => a.satisfied)
    .sort((a, b) => derived(a) - derived(b) || a.requiredMonths - b.requiredMonths);
  if (satisfied[0]) return satisfied[0];
  const shortfall = (a: RouteAssessment) =>
    (a.certificateHeld ? 0 : 10_000) + (a.educationHeld ? 0 : 1_000) + Math.max(0, a.requiredMonths - a.countedMonths);
  return [...assessments].sort((a, b) => shortfall(a) - shortfall(b))[0];
}

function evaluateYear(answers: Answers, ruleSet: RuleSet, context: EligibilityContext) {
  const routes = routesFor(ruleSet, answers);
  const counting = valueOf(ruleSet, 'eligibility.work-counting');
  const assessed = routes.map((route) => assessRoute(route, answers, counting, context));
  const assessments = assessed.map((a) => a.assessment);
  const decider = decidingRoute(assessments, routes);
  const route = routes.find((r) => r.id === decider?.id);
  const count = assessed.find((a) => a.assessment === decider)?.count;
  return { routes, counting, assessments, decider, route, count };
}

export function evaluateEligibility(answers: Answers, ruleSet: RuleSet, context: EligibilityContext): Eligibility {
  const { counting, assessments, decider, route, count } = evaluateYear(answers, ruleSet, context);
  const cutoff = `${context.examYear}-${String(counting.cutoffMonth).padStart(2, '0')}-${String(counting.cutoffDay).padStart(2, '0')}`;
  const findings: Finding[] = [];

  if (!decider || !route || !count) {
    const allowed = [...new Set(valueOf(ruleSet, ROUTE_RULES[answers.level]).routes.flatMap((r) => r.education))];
    findings.push({
      id: 'eligibility.education',
      severity: 'error',
      measured: { level: answers.level, education: answers.education, major: answers.major },
      expected: { education: allowed },
      args: { level: answers.level, education: answers.education },
    });
    return {
      status: 'ineligible',
      examYear: context.examYear,
      route: null,
      requiredYears: null,
      countedMonths: 0,
      shortfallMonths: 0,
      cutoff,
      earliestYear: null,
      borderline: false,
      routes: [],
      findings,
    };
  }

  const shortfallMonths = Math.max(0, decider.requiredMonths - decider.countedMonths);
  if (!decider.certificateHeld) {
    findings.push({
      id: 'eligibility.certificate',
      severity: 'error',
      measured: { certificates: answers.certificates.map((c) => `${c.level}:${c.obtained}`) },
      expected: { certificate: route.certificate ?? null },
      args: { certificate: route.certificate ?? '', route: route.id },
    });
  }
  if (!decider.educationHeld) {
    findings.push({
      id: 'eligibility.graduation',
      severity: 'error',
      measured: { graduated: answers.graduated },
      expected: {
        heldBy:
          (route.educationBy ?? counting.educationHeldBy) === 'cutoff'
            ? cutoff
            : `${context.examYear}-${String(context.registrationMonth).padStart(2, '0')}`,
      },
      args: { graduated: answers.graduated },
    });
  }
  if (decider.requiredMonths > 0 && shortfallMonths > 0) {
    findings.push({
      id: 'eligibility.years',
      severity: 'error',
      measured: { countedMonths: decider.countedMonths, countFrom: decider.countFrom },
      expected: { requiredMonths: decider.requiredMonths, requiredYears: decider.requiredYears, cutoff },
      args: {
        counted: decider.countedMonths,
        required: decider.requiredMonths,
        years: decider.requiredYears,
        shortfall: shortfallMonths,
        cutoff,
        countFrom: decider.countFrom,
      },
    });
  }

  const gap = decider.countedMonths - decider.requiredMonths;
  const borderline =
    decider.requiredMonths > 0 && decider.certificateHeld && decider.educationHeld && Math.abs(gap) <= counting.borderlineMonths;
  if (borderline) {
    findings.push({
      id: 'eligibility.borderline',
      severity: 'warning',
      measured: { countedMonths: decider.countedMonths },
      expected: { requiredMonths: decider.requiredMonths },
      args: { gap, counted: decider.countedMonths, required: decider.requiredMonths, cutoff },
    });
  }

  // Notes about how the months were counted: overlaps merged, study time and future time left out.
  if (count.overlapping > 0) {
    findings.push({ id: 'eligibility.work-overlap', severity: 'info', measured: { months: count.overlapping }, args: { months: count.overlapping } });
  }
  if (count.excludedEarly > 0) {
    findings.push({
      id: route.certificate ? 'eligibility.before-certificate' : 'eligibility.during-study',
      severity: 'info',
      measured: { months: count.excludedEarly },
      expected: { countFrom: decider.countFrom },
      args: { months: count.excludedEarly, countFrom: decider.countFrom, certificate: route.certificate ?? '' },
    });
  }
  if (count.excludedLate > 0) {
    findings.push({ id: 'eligibility.after-cutoff', severity: 'info', measured: { months: count.excludedLate }, args: { months: count.excludedLate, cutoff } });
  }

  let status: Eligibility['status'] = decider.satisfied ? 'eligible' : 'ineligible';
  if (decider.satisfied && route.confidence && route.confidence !== 'official') {
    status = 'unknown';
    findings.push({ id: 'eligibility.interpretation', severity: 'warning', args: { route: route.id } });
  }

  return {
    status,
    examYear: context.examYear,
    route: route.id,
    requiredYears: decider.requiredYears,
    countedMonths: decider.countedMonths,
    shortfallMonths,
    cutoff,
    earliestYear: decider.satisfied ? context.examYear : projectEarliestYear(answers, ruleSet, context),
    borderline,
    routes: assessments,
    findings,
  };
}

/** Try later exam years with ongoing work running on; null when more years alone would not help. */
function projectEarliestYear(answers: Answers, ruleSet: RuleSet, context: EligibilityContext): number | null {
  const horizon = context.projectYears ?? 30;
  for (let year = context.examYear + 1; year <= context.examYear + horizon; year += 1) {
    const later = evaluateYear(answers, ruleSet, { ...context, examYear: year });
    if (later.decider?.satisfied) return year;
  }
  return null;
}
