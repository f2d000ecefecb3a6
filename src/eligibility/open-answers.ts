/**
 * Answers the input did not give, and which of them would decide the verdict. Pure.
 *
 * The verdict on the answers as given reads every missing answer the least favourable way (a
 * full-time degree without its enrolment month covers everything from the earliest month study
 * could have begun; a blank study mode is full-time; missing work is none). When that verdict is
 * "ineligible", the same answers are tried with every missing one at its most favourable value:
 * if that world is still ineligible, no value could help and the verdict stands; otherwise the
 * verdict is unknown, and each missing answer that decides it becomes a question to ask.
 */
import { qualifications } from '../answers/qualifications.js';
import {
  CERTIFICATE_LEVELS,
  EDUCATION_RANK,
  EDUCATIONS,
  MAJORS,
  type Answers,
  type CertificateLevel,
  type Degree,
} from '../model/answers.js';
import type { Finding } from '../model/finding.js';
import { monthIndex, monthOf } from './months.js';

export const ASK_FINDING_IDS = [
  'eligibility.ask-certificate',
  'eligibility.ask-enrolment',
  'eligibility.ask-qualification',
  'eligibility.ask-study-mode',
  'eligibility.ask-work',
] as const;
export type AskFindingId = (typeof ASK_FINDING_IDS)[number];

/** The findings of the least favourable reading that a question replaces (they described a guess). */
export const REPLACED_BY: Record<AskFindingId, readonly string[]> = {
  'eligibility.ask-certificate': ['eligibility.certificate', 'eligibility.years'],
  // The enrolment note stays: it names the months the answer would decide.
  'eligibility.ask-enrolment': ['eligibility.years'],
  'eligibility.ask-qualification': ['eligibility.graduation', 'eligibility.years'],
  'eligibility.ask-study-mode': ['eligibility.years'],
  'eligibility.ask-work': ['eligibility.years'],
};

/**
 * The first month full-time study for `degree` could have begun: after the lower qualification it
 * needed, or after another full-time study ended, whichever graduated last before it; else 0.
 */
export function earliestEnrolment(degree: Degree, degrees: readonly Degree[]): number {
  const graduated = monthIndex(degree.graduated);
  const before = degrees
    .filter((d) => d !== degree && monthIndex(d.graduated) < graduated)
    .filter((d) => EDUCATION_RANK[d.education] < EDUCATION_RANK[degree.education] || d.studyMode === 'full-time')
    .map((d) => monthIndex(d.graduated) + 1);
  return Math.max(0, ...before);
}

/** One missing answer: an enrolment month (of qualifications()[index]), the study mode, the work, the qualification held, the certificates held. */
type Open =
  | { kind: 'enrolled'; index: number }
  | { kind: 'study-mode' }
  | { kind: 'work' }
  | { kind: 'qualification' }
  | { kind: 'certificates' };

/** A month before anyone's working life: where the most favourable missing answer puts things. */
const LONG_AGO = '1900-01';

export interface OpenContext {
  examYear: number;
  registrationMonth: number;
}

function openAnswers(answers: Answers, context: OpenContext): Open[] {
  const degrees = qualifications(answers);
  const open: Open[] = [];
  degrees.forEach((d, index) => {
    if (d.studyMode === 'full-time' && !d.enrolled) open.push({ kind: 'enrolled', index });
  });
  if (answers.unanswered?.studyMode) open.push({ kind: 'study-mode' });
  if (answers.unanswered?.work) open.push({ kind: 'work' });
  if (answers.unanswered?.certificates) open.push({ kind: 'certificates' });
  // Still studying for every qualification named: the one held meanwhile is not known.
  const registration = context.examYear * 12 + context.registrationMonth - 1;
  const top = Math.max(...degrees.map((d) => EDUCATION_RANK[d.education]));
  if (top > 1 && degrees.every((d) => monthIndex(d.graduated) > registration)) open.push({ kind: 'qualification' });
  return open;
}

/** The answers with the given missing ones at their most favourable value (and some enrolment months set). */
function world(answers: Answers, favourable: readonly Open[], enrolments: ReadonlyMap<number, string> = new Map()) {
  const degrees: Degree[] = qualifications(answers).map((d) => ({ ...d }));
  for (const o of favourable) {
    if (o.kind === 'enrolled') degrees[o.index]!.enrolled = degrees[o.index]!.graduated;
    if (o.kind === 'study-mode') degrees[0]!.studyMode = 'part-time';
  }
  for (const [index, month] of enrolments) degrees[index]!.enrolled = month;
  if (favourable.some((o) => o.kind === 'qualification')) {
    const top = Math.max(...degrees.map((d) => EDUCATION_RANK[d.education]));
    for (const education of EDUCATIONS)
      if (EDUCATION_RANK[education] < top)
        for (const major of MAJORS) degrees.push({ education, major, studyMode: 'part-time', graduated: LONG_AGO });
  }
  const [main, ...rest] = degrees as [Degree, ...Degree[]];
  const { enrolled: _enrolled, ...others } = answers;
  const result: Answers = {
    ...others,
    education: main.education,
    major: main.major,
    studyMode: main.studyMode,
    graduated: main.graduated,
    ...(main.enrolled ? { enrolled: main.enrolled } : {}),
    degrees: rest,
  };
  if (favourable.some((o) => o.kind === 'work')) result.work = [{ start: LONG_AGO }];
  if (favourable.some((o) => o.kind === 'certificates')) result.certificates = certificatesHeld(CERTIFICATE_LEVELS);
  return result;
}

const certificatesHeld = (levels: readonly CertificateLevel[]) =>
  levels.map((level) => ({ level, obtained: LONG_AGO }));

/**
 * The questions that would decide an "ineligible" verdict, or none when no value of the missing
 * answers could make the candidate eligible. `satisfied` says whether some route is met.
 */
export function openQuestions(
  answers: Answers,
  context: OpenContext,
  satisfied: (answers: Answers) => boolean,
): Finding<AskFindingId>[] {
  const open = openAnswers(answers, context);
  if (!open.length || !satisfied(world(answers, open))) return [];
  // An answer decides the verdict when it alone could make the candidate eligible, or when nothing
  // can without it.
  const alone = (o: Open) => satisfied(world(answers, [o]));
  const needed = (o: Open) =>
    !satisfied(
      world(
        answers,
        open.filter((x) => x !== o),
      ),
    );
  const deciding = open.filter((o) => alone(o) || needed(o));
  return (deciding.length ? deciding : open).map((o) => ask(o, answers, alone(o), satisfied, open));
}

function ask(
  open: Open,
  answers: Answers,
  alone: boolean,
  satisfied: (answers: Answers) => boolean,
  allOpen: readonly Open[],
): Finding<AskFindingId> {
  const degrees = qualifications(answers);
  const main = degrees[0]!;
  if (open.kind === 'enrolled') {
    const degree = degrees[open.index]!;
    const earliest = earliestEnrolment(degree, degrees);
    const graduated = monthIndex(degree.graduated);
    // The earliest enrolment month that would make the candidate eligible (a later one counts more work).
    let from: string | null = null;
    if (alone) {
      const firstWork = Math.min(graduated, ...answers.work.map((w) => monthIndex(w.start)));
      let lo = Math.max(earliest, firstWork);
      let hi = graduated;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (satisfied(world(answers, [], new Map([[open.index, monthOf(mid)]])))) hi = mid;
        else lo = mid + 1;
      }
      from = monthOf(lo);
    }
    return {
      id: 'eligibility.ask-enrolment',
      severity: 'error',
      measured: { degree: `${degree.education}:..${degree.graduated}` },
      expected: { enrolled: from === null ? 'any' : `>=${from}` },
      args: {
        education: degree.education,
        major: degree.major,
        graduated: degree.graduated,
        main: open.index === 0,
        from: from ?? '',
        earliest: earliest > 0 ? monthOf(earliest) : '',
      },
    };
  }
  if (open.kind === 'study-mode')
    return {
      id: 'eligibility.ask-study-mode',
      severity: 'error',
      measured: { studyMode: null },
      args: { education: main.education, graduated: main.graduated, source: answers.unanswered?.studyMode ?? 'cell' },
    };
  if (open.kind === 'certificates') {
    // The certificate that would decide it: the first level that makes the candidate eligible, the
    // other missing answers (work, study mode…) at their most favourable, as they are asked too.
    const others = world(
      answers,
      allOpen.filter((o) => o.kind !== 'certificates'),
    );
    const decides = CERTIFICATE_LEVELS.find((level) =>
      satisfied({ ...others, certificates: certificatesHeld([level]) }),
    );
    return {
      id: 'eligibility.ask-certificate',
      severity: 'error',
      measured: { certificates: null },
      expected: { certificate: decides ?? null },
      args: { source: 'column', certificate: decides ?? '' },
    };
  }
  if (open.kind === 'work')
    return {
      id: 'eligibility.ask-work',
      severity: 'error',
      measured: { work: null },
      args: { source: answers.unanswered?.work ?? 'cell' },
    };
  return {
    id: 'eligibility.ask-qualification',
    severity: 'error',
    measured: { graduated: main.graduated },
    args: { education: main.education, graduated: main.graduated },
  };
}
