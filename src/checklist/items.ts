/**
 * The checklist items: one small named builder each, listed in checklist order (资格, 材料, 报名,
 * 考试, 考后). Pure: the candidate's context in, an item (or several, or none) out.
 * Adding an item: one builder here, its words in src/i18n (zh-CN.ts and en.ts).
 */
import type { Answers } from '../model/answers.js';
import { qualifications } from '../answers/qualifications.js';
import type { DateEvent, EventId } from '../model/calendar.js';
import type { Eligibility } from '../model/eligibility.js';
import type { ChecklistItem, FileResult } from '../model/report.js';
import type { DocumentCase, RuleSet, UploadRole } from '../model/rules.js';
import { validityNeeded } from '../files/document-checks.js';
import { routesFor } from '../eligibility/evaluate-eligibility.js';
import { feeRuleFor, ruleValue } from '../rules/rule-access.js';

export interface ChecklistInput {
  answers: Answers;
  eligibility: Eligibility;
  events: DateEvent[];
  files: FileResult[];
  ruleSet: RuleSet;
  /** Today (YYYY-MM-DD): a to-do whose window has closed is missed. */
  today: string;
  /** Education facts the online check cannot see (--education-case). */
  educationCases?: DocumentCase[];
}

/** What every builder reads: the input and the few look-ups they share. */
export interface ItemContext extends ChecklistInput {
  event: (id: EventId) => DateEvent | undefined;
  /** An event's window as item args (empty when the calendar has no such event). */
  window: (id: EventId) => { start?: string; end?: string; estimated?: boolean; ownWindow?: boolean };
  /** An event's start or end as the item's deadline. */
  due: (id: EventId, edge?: 'start' | 'end') => Pick<ChecklistItem, 'due' | 'dueEstimated'>;
  fileFor: (role: string) => FileResult | undefined;
}

export function itemContext(input: ChecklistInput): ItemContext {
  const event = (id: EventId) => input.events.find((e) => e.id === id);
  return {
    ...input,
    event,
    window: (id) => {
      const e = event(id);
      return e ? { start: e.start, end: e.end, estimated: e.estimated, ownWindow: e.basis.kind === 'province' } : {};
    },
    due: (id, edge = 'end') => {
      const e = event(id);
      return e ? { due: e[edge], dueEstimated: e.estimated } : {};
    },
    fileFor: (role) => input.files.find((f) => f.role === role),
  };
}

/** A builder: the item of one id (the wording's key), several, or none. */
export interface ChecklistItemBuilder<Id extends string = string> {
  readonly id: Id;
  readonly build: (ctx: ItemContext) => ChecklistItem | ChecklistItem[] | undefined;
}

const item = <const Id extends string>(b: ChecklistItemBuilder<Id>) => b;

const STATUS_BY_ELIGIBILITY = { eligible: 'done', ineligible: 'blocked', unknown: 'todo' } as const;

export function examFee(ruleSet: RuleSet, answers: Pick<Answers, 'level' | 'province'>) {
  const { rule, provinceSpecific } = feeRuleFor(ruleSet, answers.province);
  const papers = ruleValue(ruleSet, 'papers')[answers.level];
  const perPaper = papers.map((paper) => (paper.kind === 'objective' ? rule.value.objective : rule.value[paper.kind]));
  // A per-candidate charge limited to some levels (重庆's score-archive fee: new 中级 candidates) is
  // added only for them.
  const levels = rule.value.perCandidateLevels;
  const perCandidate = !levels || levels.includes(answers.level) ? (rule.value.perCandidate ?? 0) : 0;
  const total = perPaper.reduce((sum, fee) => sum + fee, 0) + perCandidate;
  const unverified = papers.some((paper) => paper.kind !== 'objective' && rule.value.unverified?.includes(paper.kind));
  return {
    papers: papers.length,
    perPaper,
    perCandidate,
    perCandidateKind: rule.value.perCandidateKind ?? 'registration',
    unverified,
    total,
    provinceSpecific,
    confidence: rule.confidence,
  };
}

// 资格

const verdict = item({
  id: 'eligibility.verdict',
  build: ({ eligibility }) => ({
    id: 'eligibility.verdict',
    group: 'eligibility',
    status: STATUS_BY_ELIGIBILITY[eligibility.status],
    args: {
      status: eligibility.status,
      route: eligibility.route,
      counted: eligibility.countedMonths,
      required: eligibility.requiredYears,
      shortfall: eligibility.shortfallMonths,
      year: eligibility.examYear,
      earliestYear: eligibility.earliestYear,
      // Unknown because answers are missing (not because a route needs confirming).
      asks: eligibility.findings.some((f) => f.id.startsWith('eligibility.ask-')),
    },
  }),
});

// 材料

const photo = item({
  id: 'materials.photo',
  build: ({ fileFor, ruleSet, due }) => {
    const file = fileFor('photo');
    return {
      id: 'materials.photo',
      group: 'materials',
      status: file ? (file.status === 'fail' ? 'blocked' : 'done') : 'todo',
      args: {
        checked: file ? file.status : null,
        width: ruleValue(ruleSet, 'upload.photo.output').width,
        height: ruleValue(ruleSet, 'upload.photo.output').height,
      },
      ...due('photo'),
    };
  },
});

/**
 * Photo and work proof have their own items; other files get one each (`materials.file.<role>`).
 * A file of no known role is listed with the files, not made a task.
 */
const otherFiles = item({
  id: 'materials.file',
  build: ({ files }) =>
    files
      .filter((f) => f.role !== 'photo' && f.role !== 'work-proof' && f.role !== 'unknown')
      .map((file) => ({
        id: `materials.file.${file.role}`,
        group: 'materials',
        status: file.status === 'fail' ? 'blocked' : file.status === 'warn' ? 'todo' : 'done',
        args: {
          role: file.role,
          fileStatus: file.status,
          problems: file.findings.filter((f) => f.severity !== 'info').length,
          path: file.path,
        },
      })),
});

/**
 * Whether the platform's online education check is expected to fail, why, and which
 * document fits (document.needed); an uploaded report that fits and passes its checks ticks it off.
 */
const educationVerification = item({
  id: 'materials.education-verification',
  build: ({ answers: given, eligibility, events, fileFor, ruleSet, due, educationCases: declared = [] }) => {
    // The qualification behind the verdict (else the main one).
    const degree =
      qualifications(given).find(
        (d) =>
          eligibility.degree?.startsWith(`${d.education}:${d.major}:${d.studyMode}:`) &&
          eligibility.degree.endsWith(`..${d.graduated}`),
      ) ?? given;
    const answers = { ...given, ...degree };
    const graduatedYear = Number(degree.graduated.split('-')[0]);
    const platform = ruleValue(ruleSet, 'registration.platform');
    const fromYear = platform.educationOnlineFromYear;
    const diploma = fileFor('diploma');
    const registration = events.find((e) => e.id === 'registration');
    const uploaded = diploma?.document?.kind ?? null;
    const cases: DocumentCase[] = [];
    if (answers.education === 'highschool' || answers.education === 'secondary') cases.push('school');
    else if (graduatedYear < fromYear) cases.push('before-online');
    // A master's or doctorate (the 学位 routes) awarded before 学位在线验证 began needs the 学位认证报告.
    else if (
      (answers.education === 'master' || answers.education === 'doctor') &&
      answers.graduated < platform.degreeOnlineFrom
    )
      cases.push('degree-before-online');
    // 应届: the diploma is not issued yet when registration opens.
    if (registration && answers.graduated > registration.start.slice(0, answers.graduated.length))
      cases.push('not-yet-graduated');
    if (uploaded === 'overseas-certification' || declared.includes('abroad')) cases.push('abroad');
    // The report names someone else (a roster's name or ID differs): changed name or ID, or the wrong file.
    if (
      diploma?.findings.some(
        (f) => f.id === 'document.mismatch' && (f.args?.field === 'name' || f.args?.field === 'id'),
      ) ||
      declared.includes('renamed')
    )
      cases.push('renamed');
    const needed = ruleValue(ruleSet, 'document.needed').cases;
    const kindsFor = (list: DocumentCase[]) => [
      ...new Set(needed.filter((c) => list.includes(c.id)).flatMap((c) => c.kinds)),
    ];
    const kinds = kindsFor(cases.length ? cases : ['unverified']);
    const kindRules = ruleValue(ruleSet, 'document.kinds').kinds;
    const validity = kinds.some((k) => kindRules.find((r) => r.id === k)?.validity) ? validityNeeded(events) : null;
    const fits = uploaded !== null && kinds.includes(uploaded);
    const status: ChecklistItem['status'] =
      diploma?.status === 'fail' && (fits || cases.length > 0)
        ? 'blocked'
        : fits
          ? 'done'
          : cases.length
            ? 'todo'
            : 'info';
    return {
      id: 'materials.education-verification',
      group: 'materials',
      status,
      args: {
        graduatedYear,
        fromYear,
        degreeFrom: platform.degreeOnlineFrom,
        education: answers.education,
        graduated: answers.graduated,
        cases,
        kinds,
        uploaded,
        validUntil: diploma?.document?.validUntil ?? null,
        validThrough: validity?.date ?? null,
        window: validity?.window ?? null,
        estimated: validity?.estimated ?? false,
      },
      ...(cases.length ? due('registration') : {}),
    };
  },
});

const workProof = item({
  id: 'materials.work-proof',
  build: ({ eligibility, fileFor, ruleSet }) => {
    if ((eligibility.requiredYears ?? 0) <= 0) return undefined;
    const proof = fileFor('work-proof');
    return {
      id: 'materials.work-proof',
      group: 'materials',
      status: proof ? (proof.status === 'fail' ? 'blocked' : 'done') : 'todo',
      args: {
        years: eligibility.requiredYears,
        cutoff: eligibility.cutoff,
        militaryCounts: ruleValue(ruleSet, 'eligibility.military-service').counts,
      },
    };
  },
});

const certificate = item({
  id: 'materials.certificate',
  build: ({ answers, eligibility, ruleSet }) => {
    const route = routesFor(ruleSet, answers).find((r) => r.id === eligibility.route);
    if (!route?.certificate) return undefined;
    const held = answers.certificates.find((c) => c.level === route.certificate);
    // Not given (a roster with no certificates column): to confirm, never "not obtained".
    const unknown = !held && answers.unanswered?.certificates !== undefined;
    return {
      id: 'materials.certificate',
      group: 'materials',
      status: held || unknown ? 'todo' : 'blocked',
      args: { certificate: route.certificate, obtained: held?.obtained ?? null, unknown },
    };
  },
});

/** 港澳台 residents' documents; else, registering away from the hukou, the residence proof. */
const hmtResident = item({
  id: 'materials.hmt-resident',
  build: ({ answers, ruleSet }) => {
    const hmt = ruleValue(ruleSet, 'registration.hmt-residents');
    if (!answers.hukou || !hmt.provinces.includes(answers.hukou)) return undefined;
    return {
      id: 'materials.hmt-resident',
      group: 'materials',
      status: 'todo',
      args: {
        hukou: answers.hukou,
        document: hmt.documents[answers.hukou] ?? 'pass',
        verification: hmt.degreeVerification,
      },
    };
  },
});

const residence = item({
  id: 'materials.residence',
  build: ({ answers, ruleSet }) => {
    const hmt = ruleValue(ruleSet, 'registration.hmt-residents');
    if (answers.hukou && hmt.provinces.includes(answers.hukou)) return undefined;
    if (!answers.province || !answers.hukou || answers.hukou === answers.province) return undefined;
    return {
      id: 'materials.residence',
      group: 'materials',
      status: 'todo',
      args: { province: answers.province, hukou: answers.hukou },
    };
  },
});

// 报名

const account = item({
  id: 'registration.account',
  build: ({ ruleSet, due }) => ({
    id: 'registration.account',
    group: 'registration',
    status: 'todo',
    args: { hours: ruleValue(ruleSet, 'registration.platform').onlineVerificationHours },
    ...due('registration', 'start'),
  }),
});

const commitment = item({
  id: 'registration.commitment',
  build: ({ due }) => ({
    id: 'registration.commitment',
    group: 'registration',
    status: 'todo',
    args: {},
    ...due('registration'),
  }),
});

const registrationWindow = item({
  id: 'registration.window',
  build: ({ answers, eligibility, ruleSet, event, window, due }) => {
    const registration = event('registration');
    const national = registration?.basis.kind === 'conservative' ? registration.basis : undefined;
    const policy = ruleValue(ruleSet, 'registration.policy');
    return {
      id: 'registration.window',
      group: 'registration',
      status: eligibility.status === 'ineligible' ? 'blocked' : 'todo',
      args: {
        ...window('registration'),
        ...ruleValue(ruleSet, 'registration.province-window'),
        basis: registration?.basis.kind ?? null,
        province: answers.province,
        conservativeFrom: national?.from ?? null,
        earliest: national?.earliest ?? [],
        nationalStart: national?.national?.start ?? null,
        nationalEnd: national?.national?.end ?? null,
        lateRegistration: policy.lateRegistration,
        nextYear: eligibility.examYear + 1,
      },
      ...due('registration'),
    };
  },
});

const fee = item({
  id: 'registration.fee',
  build: ({ answers, eligibility, ruleSet, window, due }) => {
    const exam = examFee(ruleSet, answers);
    return {
      id: 'registration.fee',
      group: 'registration',
      status: eligibility.status === 'ineligible' ? 'blocked' : 'todo',
      // No province (a batch without one): no fee is named, only that the province decides it.
      args: !answers.province
        ? { unknownProvince: true, ...window('payment') }
        : {
            papers: exam.papers,
            perPaper: exam.perPaper.map(String),
            perCandidate: exam.perCandidate,
            perCandidateKind: exam.perCandidateKind,
            unverified: exam.unverified,
            total: exam.total,
            provinceSpecific: exam.provinceSpecific,
            province: answers.province,
            ...window('payment'),
            latePayment: ruleValue(ruleSet, 'registration.policy').latePayment,
          },
      ...due('payment'),
    };
  },
});

const accommodations = item({
  id: 'registration.accommodations',
  build: ({ ruleSet, window }) =>
    ruleValue(ruleSet, 'registration.accommodations').requestDuringRegistration
      ? {
          id: 'registration.accommodations',
          group: 'registration',
          status: 'info',
          args: { ...window('registration') },
        }
      : undefined,
});

// 考试

const admissionTicket = item({
  id: 'exam.admission-ticket',
  build: ({ window, due }) => ({
    id: 'exam.admission-ticket',
    group: 'exam',
    status: 'todo',
    args: window('admission-ticket'),
    ...due('admission-ticket'),
  }),
});

const timetable = item({
  id: 'exam.timetable',
  build: ({ answers, event, due }) => {
    const exam = event('exam');
    return {
      id: 'exam.timetable',
      group: 'exam',
      status: 'info',
      args: {
        level: answers.level,
        start: exam?.start ?? null,
        end: exam?.end ?? null,
        estimated: exam?.estimated ?? false,
        papers: (exam?.papers ?? []).map((p) => `${p.id}@${p.date} ${p.start}-${p.end}`),
      },
      ...due('exam', 'start'),
    };
  },
});

const passLine = item({
  id: 'exam.pass-line',
  build: ({ answers, ruleSet }) => {
    const line = ruleValue(ruleSet, 'pass-line');
    const separate = ruleValue(ruleSet, 'pass-line.separate');
    return {
      id: 'exam.pass-line',
      group: 'exam',
      status: 'info',
      args: {
        score: line.score,
        outOf: line.outOf,
        level: answers.level,
        separateYear: separate.lastPublished.year,
        separateLine: separate.lastPublished.lines[answers.level],
        validOnlyThere: separate.validOnlyThere,
      },
    };
  },
});

const retention = item({
  id: 'exam.retention',
  build: ({ answers, ruleSet }) => ({
    id: 'exam.retention',
    group: 'exam',
    status: 'info',
    args: {
      level: answers.level,
      years: ruleValue(ruleSet, 'score-retention')[answers.level],
      papers: ruleValue(ruleSet, 'papers')[answers.level].length,
      exemptions: ruleValue(ruleSet, 'registration.policy').subjectExemptions,
    },
  }),
});

// 考后

const scores = item({
  id: 'after.scores',
  build: ({ ruleSet, window, due }) => ({
    id: 'after.scores',
    group: 'after',
    status: 'info',
    args: { ...window('scores'), recheckDays: ruleValue(ruleSet, 'scores.recheck').days },
    ...due('scores', 'start'),
  }),
});

const review = item({
  id: 'after.review',
  build: ({ answers, ruleSet, event, window, due }) =>
    event('post-exam-review')
      ? {
          id: 'after.review',
          group: 'after',
          status: 'todo',
          args: {
            province: answers.province,
            sample: ruleValue(ruleSet, 'post-exam-review').sampleOnly.includes(answers.province ?? ''),
            ...window('post-exam-review'),
          },
          ...due('post-exam-review'),
        }
      : undefined,
});

const reviewUnconfirmed = item({
  id: 'after.review-unconfirmed',
  build: ({ answers, ruleSet, event }) =>
    !event('post-exam-review') &&
    answers.province &&
    ruleValue(ruleSet, 'post-exam-review').unconfirmed.includes(answers.province)
      ? { id: 'after.review-unconfirmed', group: 'after', status: 'info', args: { province: answers.province } }
      : undefined,
});

// A senior pass gives a certificate of results; the certificate, 登记 and continuing education follow the 评审.
const senior = (ctx: ItemContext) => ctx.answers.level === 'senior';

const passCertificate = item({
  id: 'after.pass-certificate',
  build: (ctx) =>
    senior(ctx)
      ? {
          id: 'after.pass-certificate',
          group: 'after',
          status: 'info',
          args: { years: ruleValue(ctx.ruleSet, 'senior.evaluation').passCertificateValidYears },
        }
      : undefined,
});

const evaluation = item({
  id: 'after.evaluation',
  build: (ctx) => {
    if (!senior(ctx)) return undefined;
    const rule = ruleValue(ctx.ruleSet, 'senior.evaluation');
    const round = ctx.event('senior-review');
    return {
      id: 'after.evaluation',
      group: 'after',
      status: 'todo',
      args: {
        years: rule.passCertificateValidYears,
        lastYear: rule.lastRound.year,
        lastClose: rule.lastRound.applicationEnd,
        nextClose: round?.end ?? null,
        estimated: round?.estimated ?? true,
        caseRecords: rule.materials.caseRecords,
        supervisionHours: rule.materials.supervisionHours,
        withinYears: rule.materials.withinYears,
      },
      ...ctx.due('senior-review'),
    };
  },
});

const certificateIssued = item({
  id: 'after.certificate',
  build: (ctx) => {
    if (senior(ctx)) return undefined;
    const rule = ruleValue(ctx.ruleSet, 'e-certificate');
    return {
      id: 'after.certificate',
      group: 'after',
      status: 'info',
      args: {
        level: ctx.answers.level,
        annotationDays: rule.annotationMaxDays,
        maxAnnotations: rule.maxValidAnnotations,
        windowDays: rule.annotationWindowDays,
        ...ctx.window('certificate'),
      },
    };
  },
});

const certificateRegistration = item({
  id: 'after.registration',
  build: (ctx) => {
    if (senior(ctx)) return undefined;
    const rule = ruleValue(ctx.ruleSet, 'certificate.registration');
    return {
      id: 'after.registration',
      group: 'after',
      status: 'todo',
      args: { months: rule.firstWithinMonths, validYears: rule.validYears, renewMonths: rule.renewWithinMonths },
      ...ctx.due('certificate-registration'),
    };
  },
});

const continuingEducation = item({
  id: 'after.continuing-education',
  build: (ctx) => {
    if (senior(ctx)) return undefined;
    const rule = ruleValue(ctx.ruleSet, 'continuing-education');
    return {
      id: 'after.continuing-education',
      group: 'after',
      status: 'info',
      args: { hours: rule.hours[ctx.answers.level], years: rule.periodYears, level: ctx.answers.level },
    };
  },
});

/** Every checklist item, in checklist order. */
export const CHECKLIST_ITEMS = [
  verdict,
  photo,
  otherFiles,
  educationVerification,
  workProof,
  certificate,
  hmtResident,
  residence,
  account,
  commitment,
  registrationWindow,
  fee,
  accommodations,
  admissionTicket,
  timetable,
  passLine,
  retention,
  scores,
  review,
  reviewUnconfirmed,
  passCertificate,
  evaluation,
  certificateIssued,
  certificateRegistration,
  continuingEducation,
] as const;

/** The key of an item's words: its id, except per-file items, which share `materials.file`. */
export type ChecklistWordingId = (typeof CHECKLIST_ITEMS)[number]['id'];
/** Every id a checklist item can carry. */
export type ChecklistItemId = Exclude<ChecklistWordingId, 'materials.file'> | `materials.file.${UploadRole}`;

export const buildItems = (input: ChecklistInput): ChecklistItem[] => {
  const ctx = itemContext(input);
  return CHECKLIST_ITEMS.flatMap((b) => {
    const built = b.build(ctx);
    return built === undefined ? [] : Array.isArray(built) ? built : [built];
  });
};
