/**
 * The readiness checklist: what this candidate must do, in order, from eligibility to
 * continuing education. Pure: answers, verdict, dates and rules in; items with ids and numbers out.
 */
import type { Answers } from '../model/answers.js';
import { qualifications } from '../answers/qualifications.js';
import type { DateEvent, EventId } from '../model/calendar.js';
import type { Eligibility } from '../model/eligibility.js';
import type { ChecklistItem, FileResult } from '../model/report.js';
import type { DocumentCase, RuleSet } from '../model/rules.js';
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
  /** issue 13: education facts the online check cannot see (--education-case). */
  educationCases?: DocumentCase[];
}

const STATUS_BY_ELIGIBILITY = { eligible: 'done', ineligible: 'blocked', unknown: 'todo' } as const;

export function examFee(ruleSet: RuleSet, answers: Pick<Answers, 'level' | 'province'>) {
  const { rule, provinceSpecific } = feeRuleFor(ruleSet, answers.province);
  const papers = ruleValue(ruleSet, 'papers')[answers.level];
  const perPaper = papers.map((paper) => (paper.kind === 'objective' ? rule.value.objective : rule.value[paper.kind]));
  const total = perPaper.reduce((sum, fee) => sum + fee, 0) + (rule.value.perCandidate ?? 0);
  return {
    papers: papers.length,
    perPaper,
    perCandidate: rule.value.perCandidate ?? 0,
    total,
    provinceSpecific,
    confidence: rule.confidence,
  };
}

export function buildChecklist(input: ChecklistInput): ChecklistItem[] {
  const { events, today } = input;
  const items = buildItems(input);
  // The last day each item can still be done: the end of the window it belongs to.
  const closes: Record<string, EventId> = {
    'materials.photo': 'registration',
    'materials.education-verification': 'registration',
    'registration.account': 'registration',
    'registration.commitment': 'registration',
    'registration.window': 'registration',
    'registration.fee': 'payment',
    'exam.admission-ticket': 'admission-ticket',
    'after.review': 'post-exam-review',
    'after.evaluation': 'senior-review',
  };
  const marked = items.map((item): ChecklistItem => {
    const window = events.find((e) => e.id === closes[item.id]);
    const closed = window !== undefined && window.end < today;
    return (item.status === 'todo' || item.status === 'blocked') && closed && item.id !== 'after.evaluation'
      ? { ...item, status: 'missed', args: { ...item.args, closed: window.end, closedEstimated: window.estimated } }
      : item;
  });
  // Registration for this year has closed: the exam and what follows it are no longer to-dos.
  const missedRegistration = marked.some((item) => item.id === 'registration.window' && item.status === 'missed');
  return missedRegistration
    ? marked.map((item) =>
        (item.group === 'exam' || item.group === 'after') && item.status === 'todo'
          ? { ...item, status: 'info' }
          : item,
      )
    : marked;
}

function buildItems({
  answers,
  eligibility,
  events,
  files,
  ruleSet,
  educationCases = [],
}: ChecklistInput): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const event = (id: EventId) => events.find((e) => e.id === id);
  const window = (id: EventId) => {
    const e = event(id);
    return e ? { start: e.start, end: e.end, estimated: e.estimated, ownWindow: e.basis.kind === 'province' } : {};
  };
  const due = (id: EventId, edge: 'start' | 'end' = 'end') => {
    const e = event(id);
    return e ? { due: e[edge], dueEstimated: e.estimated } : {};
  };

  // 资格
  items.push({
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
    },
  });

  // 材料
  const fileFor = (role: string) => files.find((f) => f.role === role);
  const photo = fileFor('photo');
  items.push({
    id: 'materials.photo',
    group: 'materials',
    status: photo ? (photo.status === 'fail' ? 'blocked' : 'done') : 'todo',
    args: {
      checked: photo ? photo.status : null,
      width: ruleValue(ruleSet, 'upload.photo.output').width,
      height: ruleValue(ruleSet, 'upload.photo.output').height,
    },
    ...due('photo'),
  });
  // Photo and work proof have their own items above and below; other files get one each.
  for (const file of files.filter((f) => f.role !== 'photo' && f.role !== 'work-proof')) {
    items.push({
      id: `materials.file.${file.role}`,
      group: 'materials',
      status: file.status === 'fail' ? 'blocked' : file.status === 'warn' ? 'todo' : 'done',
      args: {
        role: file.role,
        fileStatus: file.status,
        problems: file.findings.filter((f) => f.severity !== 'info').length,
        path: file.path,
      },
    });
  }
  const platform = ruleValue(ruleSet, 'registration.platform');
  const degree =
    qualifications(answers).find(
      (d) =>
        eligibility.degree?.startsWith(`${d.education}:${d.major}:${d.studyMode}:`) &&
        eligibility.degree.endsWith(`..${d.graduated}`),
    ) ?? answers;
  const graduatedYear = Number(degree.graduated.split('-')[0]);
  items.push(
    educationVerificationItem(
      { ...answers, ...degree },
      events,
      fileFor('diploma'),
      ruleSet,
      graduatedYear,
      platform.educationOnlineFromYear,
      due('registration'),
      educationCases,
    ),
  );
  if ((eligibility.requiredYears ?? 0) > 0) {
    const proof = fileFor('work-proof');
    items.push({
      id: 'materials.work-proof',
      group: 'materials',
      status: proof ? (proof.status === 'fail' ? 'blocked' : 'done') : 'todo',
      args: {
        years: eligibility.requiredYears,
        cutoff: eligibility.cutoff,
        militaryCounts: ruleValue(ruleSet, 'eligibility.military-service').counts,
      },
    });
  }
  const route = routesFor(ruleSet, answers).find((r) => r.id === eligibility.route);
  if (route?.certificate) {
    const held = answers.certificates.find((c) => c.level === route.certificate);
    items.push({
      id: 'materials.certificate',
      group: 'materials',
      status: held ? 'todo' : 'blocked',
      args: { certificate: route.certificate, obtained: held?.obtained ?? null },
    });
  }
  const hmt = ruleValue(ruleSet, 'registration.hmt-residents');
  if (answers.hukou && hmt.provinces.includes(answers.hukou)) {
    items.push({
      id: 'materials.hmt-resident',
      group: 'materials',
      status: 'todo',
      args: {
        hukou: answers.hukou,
        document: hmt.documents[answers.hukou] ?? 'pass',
        verification: hmt.degreeVerification,
      },
    });
  } else if (answers.province && answers.hukou && answers.hukou !== answers.province) {
    items.push({
      id: 'materials.residence',
      group: 'materials',
      status: 'todo',
      args: { province: answers.province, hukou: answers.hukou },
    });
  }

  // 报名
  items.push({
    id: 'registration.account',
    group: 'registration',
    status: 'todo',
    args: { hours: platform.onlineVerificationHours },
    ...due('registration', 'start'),
  });
  items.push({
    id: 'registration.commitment',
    group: 'registration',
    status: 'todo',
    args: {},
    ...due('registration'),
  });
  const registration = event('registration');
  const national = registration?.basis.kind === 'conservative' ? registration.basis : undefined;
  const policy = ruleValue(ruleSet, 'registration.policy');
  items.push({
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
      lateRegistration: policy.lateRegistration,
      nextYear: eligibility.examYear + 1,
    },
    ...due('registration'),
  });
  const fee = examFee(ruleSet, answers);
  items.push({
    id: 'registration.fee',
    group: 'registration',
    status: eligibility.status === 'ineligible' ? 'blocked' : 'todo',
    // No province (a batch without one): no fee is named, only that the province decides it (issue 10).
    args: !answers.province
      ? { unknownProvince: true, ...window('payment') }
      : {
          papers: fee.papers,
          perPaper: fee.perPaper.map(String),
          perCandidate: fee.perCandidate,
          total: fee.total,
          provinceSpecific: fee.provinceSpecific,
          province: answers.province,
          ...window('payment'),
          latePayment: policy.latePayment,
        },
    ...due('payment'),
  });
  if (ruleValue(ruleSet, 'registration.accommodations').requestDuringRegistration) {
    items.push({
      id: 'registration.accommodations',
      group: 'registration',
      status: 'info',
      args: { ...window('registration') },
    });
  }

  // 考试
  items.push({
    id: 'exam.admission-ticket',
    group: 'exam',
    status: 'todo',
    args: window('admission-ticket'),
    ...due('admission-ticket'),
  });
  const exam = event('exam');
  items.push({
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
  });
  const passLine = ruleValue(ruleSet, 'pass-line');
  const separate = ruleValue(ruleSet, 'pass-line.separate');
  items.push({
    id: 'exam.pass-line',
    group: 'exam',
    status: 'info',
    args: {
      score: passLine.score,
      outOf: passLine.outOf,
      level: answers.level,
      separateYear: separate.lastPublished.year,
      separateLine: separate.lastPublished.lines[answers.level],
      validOnlyThere: separate.validOnlyThere,
    },
  });
  items.push({
    id: 'exam.retention',
    group: 'exam',
    status: 'info',
    args: {
      level: answers.level,
      years: ruleValue(ruleSet, 'score-retention')[answers.level],
      papers: ruleValue(ruleSet, 'papers')[answers.level].length,
      exemptions: policy.subjectExemptions,
    },
  });

  // 考后
  items.push({
    id: 'after.scores',
    group: 'after',
    status: 'info',
    args: { ...window('scores'), recheckDays: ruleValue(ruleSet, 'scores.recheck').days },
    ...due('scores', 'start'),
  });
  const review = ruleValue(ruleSet, 'post-exam-review');
  if (event('post-exam-review')) {
    items.push({
      id: 'after.review',
      group: 'after',
      status: 'todo',
      args: {
        province: answers.province,
        sample: review.sampleOnly.includes(answers.province ?? ''),
        ...window('post-exam-review'),
      },
      ...due('post-exam-review'),
    });
  } else if (answers.province && review.unconfirmed.includes(answers.province)) {
    items.push({
      id: 'after.review-unconfirmed',
      group: 'after',
      status: 'info',
      args: { province: answers.province },
    });
  }
  if (answers.level === 'senior') {
    // A senior pass gives a certificate of results; the certificate, 登记 and continuing education follow the 评审.
    const evaluation = ruleValue(ruleSet, 'senior.evaluation');
    items.push({
      id: 'after.pass-certificate',
      group: 'after',
      status: 'info',
      args: { years: evaluation.passCertificateValidYears },
    });
    const round = event('senior-review');
    items.push({
      id: 'after.evaluation',
      group: 'after',
      status: 'todo',
      args: {
        years: evaluation.passCertificateValidYears,
        lastYear: evaluation.lastRound.year,
        lastClose: evaluation.lastRound.applicationEnd,
        nextClose: round?.end ?? null,
        estimated: round?.estimated ?? true,
        caseRecords: evaluation.materials.caseRecords,
        supervisionHours: evaluation.materials.supervisionHours,
        withinYears: evaluation.materials.withinYears,
      },
      ...due('senior-review'),
    });
    return items;
  }
  const eCertificate = ruleValue(ruleSet, 'e-certificate');
  items.push({
    id: 'after.certificate',
    group: 'after',
    status: 'info',
    args: {
      level: answers.level,
      annotationDays: eCertificate.annotationMaxDays,
      maxAnnotations: eCertificate.maxValidAnnotations,
      windowDays: eCertificate.annotationWindowDays,
      ...window('certificate'),
    },
  });
  const registrationRule = ruleValue(ruleSet, 'certificate.registration');
  items.push({
    id: 'after.registration',
    group: 'after',
    status: 'todo',
    args: {
      months: registrationRule.firstWithinMonths,
      validYears: registrationRule.validYears,
      renewMonths: registrationRule.renewWithinMonths,
    },
    ...due('certificate-registration'),
  });
  const education = ruleValue(ruleSet, 'continuing-education');
  items.push({
    id: 'after.continuing-education',
    group: 'after',
    status: 'info',
    args: { hours: education.hours[answers.level], years: education.periodYears, level: answers.level },
  });
  return items;
}

/**
 * issue 13: whether the platform's online education check is expected to fail, why, and which
 * document fits (document.needed); an uploaded report that fits and passes its checks ticks it off.
 */
function educationVerificationItem(
  answers: Answers,
  events: DateEvent[],
  diploma: FileResult | undefined,
  ruleSet: RuleSet,
  graduatedYear: number,
  fromYear: number,
  dueDate: Pick<ChecklistItem, 'due' | 'dueEstimated'>,
  declared: DocumentCase[],
): ChecklistItem {
  const registration = events.find((e) => e.id === 'registration');
  const uploaded = diploma?.document?.kind ?? null;
  const cases: DocumentCase[] = [];
  if (answers.education === 'highschool' || answers.education === 'secondary') cases.push('school');
  else if (graduatedYear < fromYear) cases.push('before-online');
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
    ...(cases.length ? dueDate : {}),
  };
}

/**
 * Open items: a closed registration first (it decides what to do next), then the other missed and
 * blocked ones in checklist order, then to-dos by deadline (undated last).
 */
export function openItems(items: ChecklistItem[]): ChecklistItem[] {
  const closed = items.filter((item) => item.id === 'registration.window' && item.status === 'missed');
  const blocked = items.filter(
    (item) => (item.status === 'missed' || item.status === 'blocked') && !closed.includes(item),
  );
  const todo = items.filter((item) => item.status === 'todo');
  return [...closed, ...blocked, ...todo.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'))];
}
