/**
 * The eligibility engine: answers + rules + exam year → verdict, route, months, findings.
 * Pure and deterministic: the registration month comes in as data, never from a clock.
 *
 * The routes are alternatives (暂行规定: "具备下列条件之一"): every qualification the candidate
 * holds is tried against every route it meets, its own level's and those below it (a 大专 meets
 * the 高中 route). Work years are the total before and after the qualification, less the time
 * spent in full-time study, whichever qualification that study was for.
 */
import { EDUCATION_RANK, type Answers, type Degree, type Level } from '../model/answers.js';
import type { Eligibility, RouteAssessment } from '../model/eligibility.js';
import type { Route, RuleSet, WorkCounting } from '../model/rules.js';
import { degreeText, qualifications } from '../answers/qualifications.js';
import { ruleValue } from '../rules/rule-access.js';
import { derived, type Assessed } from './assessed.js';
import { educationFinding, eligibilityFindings } from './findings.js';
import { countWorkMonths, monthIndex, monthOf, type Interval } from './months.js';
import { earliestEnrolment, openQuestions, REPLACED_BY } from './open-answers.js';

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

export const levelRoutes = (ruleSet: RuleSet, level: Level): Route[] => ruleValue(ruleSet, ROUTE_RULES[level]).routes;

/** A qualification meets a route when its level is at least the route's lowest and the major fits. */
export function meetsRoute(route: Route, degree: Pick<Degree, 'education' | 'major'>): boolean {
  const lowest = Math.min(...route.education.map((e) => EDUCATION_RANK[e]));
  return EDUCATION_RANK[degree.education] >= lowest && (route.major === 'any' || route.major === degree.major);
}

/** Routes any of the candidate's qualifications meets. */
export function routesFor(
  ruleSet: RuleSet,
  answers: Pick<Answers, 'level' | 'education' | 'major' | 'graduated' | 'studyMode' | 'enrolled' | 'degrees'>,
): Route[] {
  const degrees = qualifications(answers);
  return levelRoutes(ruleSet, answers.level).filter((route) => degrees.some((degree) => meetsRoute(route, degree)));
}

/** Full-time study periods that never count, split by whether the enrolment month is known. */
function studyPeriods(degrees: Degree[], counting: WorkCounting): { study: Interval[]; unknownStudy: Interval[] } {
  if (counting.fullTimeStudyCounts) return { study: [], unknownStudy: [] };
  const fullTime = degrees.filter((d) => d.studyMode === 'full-time');
  return {
    study: fullTime
      .filter((d) => d.enrolled)
      .map((d) => ({ from: monthIndex(d.enrolled ?? d.graduated), to: monthIndex(d.graduated) })),
    // Unknown enrolment: everything from the earliest month study could have begun to graduation.
    unknownStudy: fullTime
      .filter((d) => !d.enrolled)
      .map((d) => ({ from: earliestEnrolment(d, degrees), to: monthIndex(d.graduated) })),
  };
}

/** A route against one qualification, with the month count behind it. */
function assessRoute(
  route: Route,
  degree: Degree,
  degrees: Degree[],
  answers: Answers,
  counting: WorkCounting,
  context: EligibilityContext,
): Assessed {
  const cutoff = context.examYear * 12 + counting.cutoffMonth - 1;
  const graduated = monthIndex(degree.graduated);
  const heldBy =
    (route.educationBy ?? counting.educationHeldBy) === 'cutoff'
      ? cutoff
      : context.examYear * 12 + context.registrationMonth - 1;
  const certificate = route.certificate
    ? answers.certificates
        .filter((c) => c.level === route.certificate)
        .map((c) => monthIndex(c.obtained))
        .sort((a, b) => a - b)[0]
    : undefined;
  const notBefore = certificate === undefined ? 0 : counting.certificateMonthCounts ? certificate : certificate + 1;
  const { study, unknownStudy } = studyPeriods(degrees, counting);
  const count = countWorkMonths(answers.work, { cutoff, notBefore, study, unknownStudy });
  // The first month that may count: after the certificate, or after a graduation whose enrolment is unknown.
  const lastUnknown = Math.max(-1, ...unknownStudy.map((i) => i.to));
  const countFromIndex = Math.max(notBefore, lastUnknown + 1);
  const requiredMonths = route.years * 12;
  const educationHeld = graduated <= heldBy;
  const certificateHeld = route.certificate === undefined || (certificate !== undefined && certificate <= cutoff);
  const assessment: RouteAssessment = {
    id: route.id,
    degree: degreeText(degree),
    requiredYears: route.years,
    requiredMonths,
    countedMonths: count.counted,
    countFrom: countFromIndex > 0 ? monthOf(countFromIndex) : null,
    educationHeld,
    certificateHeld,
    satisfied: educationHeld && certificateHeld && count.counted >= requiredMonths,
  };
  return { assessment, count, route, degree };
}

/**
 * The deciding route: a satisfied one (official routes before derived ones, then the one needing
 * least, then the higher qualification), else the nearest miss.
 */
function decidingRoute(assessed: Assessed[]): Assessed | undefined {
  // Ties go to the higher qualification, then to the route closest to it (大专 route before 高中 route).
  const rank = (a: Assessed) => EDUCATION_RANK[a.degree.education];
  const routeRank = (a: Assessed) => Math.min(...a.route.education.map((e) => EDUCATION_RANK[e]));
  const closer = (a: Assessed, b: Assessed) => rank(b) - rank(a) || routeRank(b) - routeRank(a);
  const satisfied = assessed
    .filter((a) => a.assessment.satisfied)
    .sort(
      (a, b) => derived(a) - derived(b) || a.assessment.requiredMonths - b.assessment.requiredMonths || closer(a, b),
    );
  if (satisfied[0]) return satisfied[0];
  const shortfall = ({ assessment: a }: Assessed) =>
    (a.certificateHeld ? 0 : 10_000) + (a.educationHeld ? 0 : 1_000) + Math.max(0, a.requiredMonths - a.countedMonths);
  return [...assessed].sort((a, b) => shortfall(a) - shortfall(b) || closer(a, b))[0];
}

function evaluateYear(answers: Answers, ruleSet: RuleSet, context: EligibilityContext) {
  const counting = ruleValue(ruleSet, 'eligibility.work-counting');
  const degrees = qualifications(answers);
  const assessed = levelRoutes(ruleSet, answers.level).flatMap((route) =>
    degrees
      .filter((degree) => meetsRoute(route, degree))
      .map((degree) => assessRoute(route, degree, degrees, answers, counting, context)),
  );
  return { counting, assessed, decider: decidingRoute(assessed), degrees };
}

/**
 * The verdict on the answers as given; where an answer is missing (an enrolment month, the study
 * mode, the work, the qualification held while still studying) and some value of it could make the
 * candidate eligible, `unknown` with one finding per answer that would decide it (open-answers.ts).
 */
export function evaluateEligibility(answers: Answers, ruleSet: RuleSet, context: EligibilityContext): Eligibility {
  const known = evaluateKnown(answers, ruleSet, context);
  if (known.status !== 'ineligible') return known;
  const asks = openQuestions(answers, context, (world) =>
    Boolean(evaluateYear(world, ruleSet, context).decider?.assessment.satisfied),
  );
  if (!asks.length) return withoutUnknownCertificate(answers, known);
  // What the missing answers decide is no longer a shortfall: the question replaces it.
  const replaced = new Set(asks.flatMap((a) => REPLACED_BY[a.id]));
  return {
    ...known,
    status: 'unknown',
    findings: [...asks, ...known.findings.filter((f) => !replaced.has(f.id))],
  };
}

/**
 * Ineligible whatever certificates are held, where the roster had no certificates column: the
 * reasons are the others (the years, the education), never "holds no certificate", which nobody said.
 */
function withoutUnknownCertificate(answers: Answers, known: Eligibility): Eligibility {
  if (!answers.unanswered?.certificates) return known;
  const findings = known.findings.filter((f) => f.id !== 'eligibility.certificate');
  return findings.some((f) => f.severity === 'error') ? { ...known, findings } : known;
}

function evaluateKnown(answers: Answers, ruleSet: RuleSet, context: EligibilityContext): Eligibility {
  const { counting, assessed, decider } = evaluateYear(answers, ruleSet, context);
  const cutoff = `${context.examYear}-${String(counting.cutoffMonth).padStart(2, '0')}-${String(counting.cutoffDay).padStart(2, '0')}`;

  if (!decider) {
    const allowed = [...new Set(levelRoutes(ruleSet, answers.level).flatMap((r) => r.education))];
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
      findings: [educationFinding(answers, allowed)],
    };
  }

  const { assessment: best, route } = decider;
  const shortfallMonths = Math.max(0, best.requiredMonths - best.countedMonths);
  const gap = best.countedMonths - best.requiredMonths;
  const borderline =
    best.requiredMonths > 0 && best.certificateHeld && best.educationHeld && Math.abs(gap) <= counting.borderlineMonths;
  const findings = eligibilityFindings({
    answers,
    examYear: context.examYear,
    registrationMonth: context.registrationMonth,
    counting,
    cutoff,
    decider,
    assessed,
    shortfallMonths,
    borderline,
  });
  // Met only through a derived route: unknown until the exam authority confirms (eligibility.interpretation).
  const status: Eligibility['status'] = !best.satisfied
    ? 'ineligible'
    : derived(decider) === 1
      ? 'unknown'
      : 'eligible';

  return {
    status,
    examYear: context.examYear,
    route: route.id,
    degree: best.degree,
    requiredYears: best.requiredYears,
    countedMonths: best.countedMonths,
    shortfallMonths,
    cutoff,
    earliestYear: best.satisfied ? context.examYear : projectEarliestYear(answers, ruleSet, context),
    borderline,
    routes: [best, ...assessed.map((a) => a.assessment).filter((a) => a !== best)],
    findings,
  };
}

/** Try later exam years with ongoing work running on; null when more years alone would not help. */
function projectEarliestYear(answers: Answers, ruleSet: RuleSet, context: EligibilityContext): number | null {
  const horizon = context.projectYears ?? 30;
  for (let year = context.examYear + 1; year <= context.examYear + horizon; year += 1) {
    const later = evaluateYear(answers, ruleSet, { ...context, examYear: year });
    if (later.decider?.assessment.satisfied) return year;
  }
  return null;
}
