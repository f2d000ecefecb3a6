/**
 * The eligibility findings: one small named builder each, listed in the order they appear.
 * Pure: the deciding route and its month count in, findings (ids and numbers, no words) out.
 * Adding a finding: one builder here, its words in src/i18n (zh-CN.ts and en.ts).
 */
import type { Answers } from '../model/answers.js';
import type { Finding } from '../model/finding.js';
import type { WorkCounting } from '../model/rules.js';
import { qualifications } from '../answers/qualifications.js';
import { derived, type Assessed } from './assessed.js';
import { intervalText, monthIndex, type Interval } from './months.js';
import type { AskFindingId } from './open-answers.js';

export interface FindingContext {
  answers: Answers;
  examYear: number;
  registrationMonth: number;
  counting: WorkCounting;
  /** Last day that counts for work years (YYYY-MM-DD). */
  cutoff: string;
  /** The deciding route, and every route tried. */
  decider: Assessed;
  assessed: Assessed[];
  shortfallMonths: number;
  borderline: boolean;
}

/** A builder: the finding(s) of one id, or none. */
export interface EligibilityFindingBuilder<Id extends string = string> {
  readonly id: Id;
  readonly build: (ctx: FindingContext) => Finding<Id> | Finding<Id>[] | undefined;
}

const builder = <const Id extends string>(b: EligibilityFindingBuilder<Id>) => b;

/** No route of the level takes the candidate's education (the only finding then). */
export function educationFinding(answers: Answers, allowed: string[]): Finding<'eligibility.education'> {
  return {
    id: 'eligibility.education',
    severity: 'error',
    measured: { level: answers.level, education: answers.education, major: answers.major },
    expected: { education: allowed },
    args: { level: answers.level, education: answers.education, allowed: allowed.join(',') },
  };
}

const certificate = builder({
  id: 'eligibility.certificate',
  build: ({ decider: { assessment, route }, answers, cutoff }) =>
    assessment.certificateHeld
      ? undefined
      : {
          id: 'eligibility.certificate',
          severity: 'error',
          measured: { certificates: answers.certificates.map((c) => `${c.level}:${c.obtained}`) },
          expected: { certificate: route.certificate ?? null },
          args: {
            certificate: route.certificate ?? '',
            route: route.id,
            years: route.years,
            // Held, but obtained after the cutoff: the answer is there, the date is too late.
            obtained:
              answers.certificates
                .filter((c) => c.level === route.certificate)
                .map((c) => c.obtained)
                .sort()[0] ?? '',
            cutoff,
          },
        },
});

const graduation = builder({
  id: 'eligibility.graduation',
  build: ({ decider: { assessment, route, degree }, counting, cutoff, examYear, registrationMonth }) =>
    assessment.educationHeld
      ? undefined
      : {
          id: 'eligibility.graduation',
          severity: 'error',
          measured: { graduated: degree.graduated },
          expected: {
            heldBy:
              (route.educationBy ?? counting.educationHeldBy) === 'cutoff'
                ? cutoff
                : `${examYear}-${String(registrationMonth).padStart(2, '0')}`,
          },
          args: { graduated: degree.graduated, education: degree.education },
        },
});

const years = builder({
  id: 'eligibility.years',
  build: ({ decider: { assessment: best }, shortfallMonths, cutoff }) =>
    best.requiredMonths > 0 && shortfallMonths > 0
      ? {
          id: 'eligibility.years',
          severity: 'error',
          measured: { countedMonths: best.countedMonths, countFrom: best.countFrom },
          expected: { requiredMonths: best.requiredMonths, requiredYears: best.requiredYears, cutoff },
          args: {
            counted: best.countedMonths,
            required: best.requiredMonths,
            years: best.requiredYears,
            shortfall: shortfallMonths,
            cutoff,
            countFrom: best.countFrom,
          },
        }
      : undefined,
});

const borderline = builder({
  id: 'eligibility.borderline',
  build: ({ decider: { assessment: best }, borderline, cutoff, counting }) =>
    borderline
      ? {
          id: 'eligibility.borderline',
          severity: 'warning',
          measured: { countedMonths: best.countedMonths },
          expected: { requiredMonths: best.requiredMonths },
          args: {
            gap: best.countedMonths - best.requiredMonths,
            counted: best.countedMonths,
            required: best.requiredMonths,
            cutoff,
            borderline: counting.borderlineMonths,
          },
        }
      : undefined,
});

// Notes about how the months were counted: overlaps merged, study time, early and future time left out.
// Only where they matter: a route that needs no years counts nothing.
const counts = (ctx: FindingContext) => ctx.decider.assessment.requiredMonths > 0;

const workOverlap = builder({
  id: 'eligibility.work-overlap',
  build: (ctx) => {
    const months = ctx.decider.count.overlapping;
    return counts(ctx) && months > 0
      ? { id: 'eligibility.work-overlap', severity: 'info', measured: { months }, args: { months } }
      : undefined;
  },
});

const duringStudy = builder({
  id: 'eligibility.during-study',
  build: (ctx) => {
    const { count } = ctx.decider;
    if (!counts(ctx) || count.excludedStudy <= 0) return undefined;
    const spans = count.studySpans.map(intervalText);
    return {
      id: 'eligibility.during-study',
      severity: 'info',
      measured: { months: count.excludedStudy, spans },
      args: { months: count.excludedStudy, spans: spans.join(', ') },
    };
  },
});

/**
 * Work reported during full-time graduate study: an employee who kept working with continuous social
 * insurance (在职全日制) may have those years counted in some provinces. Said, not counted.
 */
const inServiceStudy = builder({
  id: 'eligibility.in-service-study',
  build: (ctx) => {
    const { count, assessment } = ctx.decider;
    if (!counts(ctx) || count.excludedStudy <= 0) return undefined;
    const degree = qualifications(ctx.answers).find(
      (d) => d.studyMode === 'full-time' && ctx.counting.inServiceStudyMayCount.includes(d.education),
    );
    if (!degree) return undefined;
    return {
      id: 'eligibility.in-service-study',
      severity: assessment.satisfied ? 'info' : 'warning',
      measured: { months: count.excludedStudy },
      args: { months: count.excludedStudy, education: degree.education },
    };
  },
});

const enrolmentUnknown = builder({
  id: 'eligibility.enrolment-unknown',
  build: (ctx) => {
    const { count, assessment: best } = ctx.decider;
    if (!counts(ctx) || count.excludedUnknownEnrolment <= 0) return undefined;
    // Each left-out span is blamed on the full-time degree whose study could have covered it: the
    // first one with an unknown enrolment that graduated at or after the span's end.
    const unknown = qualifications(ctx.answers)
      .map((d, index) => ({ degree: d, main: index === 0 }))
      .filter(({ degree: d }) => d.studyMode === 'full-time' && !d.enrolled)
      .sort((a, b) => a.degree.graduated.localeCompare(b.degree.graduated));
    const groups = new Map<(typeof unknown)[number], Interval[]>();
    for (const span of count.unknownEnrolmentSpans) {
      const owner = unknown.find(({ degree: d }) => monthIndex(d.graduated) >= span.to) ?? unknown.at(-1);
      if (owner) groups.set(owner, [...(groups.get(owner) ?? []), span]);
    }
    return [...groups].map(([{ degree: d, main }, spans]): Finding<'eligibility.enrolment-unknown'> => {
      const months = spans.reduce((sum, i) => sum + i.to - i.from + 1, 0);
      const texts = spans.map(intervalText);
      return {
        id: 'eligibility.enrolment-unknown',
        severity: best.satisfied ? 'info' : 'warning',
        measured: { months, spans: texts },
        expected: { enrolled: [`${d.education}:..${d.graduated}`] },
        args: {
          months,
          spans: texts.join(', '),
          education: d.education,
          major: d.major,
          graduated: d.graduated,
          main,
        },
      };
    });
  },
});

const beforeCertificate = builder({
  id: 'eligibility.before-certificate',
  build: (ctx) => {
    const { count, assessment: best, route } = ctx.decider;
    return counts(ctx) && count.excludedEarly > 0
      ? {
          id: 'eligibility.before-certificate',
          severity: 'info',
          measured: { months: count.excludedEarly },
          expected: { countFrom: best.countFrom },
          args: { months: count.excludedEarly, countFrom: best.countFrom, certificate: route.certificate ?? '' },
        }
      : undefined;
  },
});

const afterCutoff = builder({
  id: 'eligibility.after-cutoff',
  build: (ctx) => {
    const { count } = ctx.decider;
    const { cutoff, counting } = ctx;
    return counts(ctx) && count.excludedLate > 0
      ? {
          id: 'eligibility.after-cutoff',
          severity: 'info',
          measured: { months: count.excludedLate },
          args: {
            months: count.excludedLate,
            cutoff,
            cutoffMonth: counting.cutoffMonth,
            cutoffDay: counting.cutoffDay,
          },
        }
      : undefined;
  },
});

/** Met only through a derived route: the verdict is unknown until the exam authority confirms it. */
const interpretation = builder({
  id: 'eligibility.interpretation',
  build: ({ decider, assessed }) => {
    if (!decider.assessment.satisfied || derived(decider) !== 1) return undefined;
    const official = assessed
      .filter((a) => derived(a) === 0)
      .sort((a, b) => a.assessment.requiredMonths - b.assessment.requiredMonths)[0];
    return {
      id: 'eligibility.interpretation',
      severity: 'warning',
      args: {
        route: decider.route.id,
        fallbackRoute: official?.route.id ?? '',
        fallbackYears: official?.route.years ?? '',
      },
    };
  },
});

/** The findings of a decided verdict, in output order. */
export const ELIGIBILITY_FINDINGS = [
  certificate,
  graduation,
  years,
  borderline,
  workOverlap,
  duringStudy,
  inServiceStudy,
  enrolmentUnknown,
  beforeCertificate,
  afterCutoff,
  interpretation,
] as const;

export type EligibilityFindingId = (typeof ELIGIBILITY_FINDINGS)[number]['id'] | 'eligibility.education' | AskFindingId;

export const eligibilityFindings = (ctx: FindingContext): Finding<EligibilityFindingId>[] =>
  ELIGIBILITY_FINDINGS.flatMap((b): Finding<EligibilityFindingId>[] => {
    const found = (
      b.build as (ctx: FindingContext) => Finding<EligibilityFindingId> | Finding<EligibilityFindingId>[] | undefined
    )(ctx);
    return found === undefined ? [] : Array.isArray(found) ? found : [found];
  });
