/** English messages: the same keys and arguments as zh-CN.ts, in English (shape: catalogue.ts). */
import type { ChecklistWordingId } from '../checklist/items.js';
import { eventSourceEn, ruleProblemsEn } from './core-words.js';
import { pageWordsEn } from './page-words.js';
import { dataWordsEn, packErrorsEn, packProblemsEn } from './data-words.js';
import type { Values } from '../model/finding.js';
import type { RegistrationClosed } from '../model/report.js';
import type { Route } from '../model/rules.js';
import type { ChecklistWords, FindingWords, Messages, NameContext } from './catalogue.js';
import { fileFindingsEn, KIND_NAMES } from './file-findings.js';
import type { FindingId } from './finding-ids.js';
import { rosterFindingsEn } from './roster-findings.js';

type A = Values;
const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
// Why an output folder cannot be used (error codes → words).
const OUTPUT_REASON_EN: Record<string, string> = {
  EACCES: 'no permission to write',
  EPERM: 'no permission to write',
  EROFS: 'the disk is read-only',
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'a file of that name exists',
  'not-a-folder': 'it is a file, not a folder',
  ENOENT: 'a folder on the path does not exist and cannot be made',
  ENOSPC: 'the disk is full',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'a link loop',
  special: 'it is a special system folder (/proc, /sys, /dev)',
  // The writing module's refusals
  'not-regular': 'it is not a regular file (a device, pipe or socket), so it is not written',
  EISDIR: 'it is a folder',
  EINVAL: 'the name has a character that is not allowed',
  dangling: 'it is a link to a place that does not exist',
  exists: 'a file of that name exists',
  input: 'it is an original this run reads',
  EIO: 'an input/output error',
  locked: 'another shegong is writing into this folder',
};
// Why a roster was refused, in words (bounds checked before parsing; no library English)
const ROSTER_REASON_EN: Record<string, (a: A) => string> = {
  'record-too-big': (a) =>
    `this line is too long (over ${s(a.limit)} KB) for a roster; check that the file is not damaged, or save it again as .xlsx/CSV`,
  'too-many-columns': (a) => `too many columns (over ${s(a.limit)}); keep only the columns a roster needs`,
  'too-many-rows': (a) => `too many rows (over ${s(a.limit)}); split the roster into several files and run each`,
  'xlsx-too-big': () =>
    'the spreadsheet unpacks to too much data (a zip bomb or a damaged file); save it again in Excel or WPS',
  'file-too-big': (a) => `the file is too big (over ${s(a.limit)} MB) for a roster`,
  quote: () => 'the quotes do not pair up; open it in Excel or WPS and save it as CSV again',
  csv: () => 'it cannot be read as CSV; save it as .xlsx or CSV in Excel or WPS',
  'no-header-row': () => 'there is no header row',
};
const n = (v: unknown) => Number(v ?? 0);

/** 1 → “1 month”, 2 → “2 months”. */
const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** 26 → “2 years 2 months”, 12 → “1 year”, 1 → “1 month”. */
function months(total: number): string {
  const years = Math.floor(Math.abs(total) / 12);
  const rest = Math.abs(total) % 12;
  if (years === 0) return plural(rest, 'month');
  return rest === 0 ? plural(years, 'year') : `${plural(years, 'year')} ${plural(rest, 'month')}`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03-09" → [2026, 3, 9], or undefined when it is not a date. */
function parts(iso: unknown): [number, number, number] | undefined {
  const [y, m, d] = s(iso).split('-').map(Number);
  return y && m && d && m >= 1 && m <= 12 ? [y, m, d] : undefined;
}
const monthName = (m: number) => MONTH_NAMES[m - 1] ?? String(m);

/** 2026-03-09 → 9 Mar 2026 */
function day(iso: unknown): string {
  const p = parts(iso);
  return p ? `${p[2]} ${monthName(p[1])} ${p[0]}` : s(iso);
}
/** 2026-03-09 → 9 Mar */
const shortDay = (iso: unknown) => {
  const p = parts(iso);
  return p ? `${p[2]} ${monthName(p[1])}` : s(iso);
};
/** 9–30 Mar 2026, 30 Mar – 2 Apr 2026, 30 Dec 2026 – 2 Jan 2027, or a single day. */
function dateRange(start: unknown, end: unknown): string {
  const a = parts(start);
  const b = parts(end);
  if (!a || !b) return `${day(start)} – ${day(end)}`;
  if (a[0] === b[0] && a[1] === b[1]) return a[2] === b[2] ? day(start) : `${a[2]}–${b[2]} ${monthName(a[1])} ${a[0]}`;
  if (a[0] === b[0]) return `${shortDay(start)} – ${day(end)}`;
  return `${day(start)} – ${day(end)}`;
}
/** A list argument (checklist args may carry string arrays). */
const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const span = (a: A) => (a.start ? (a.end && a.end !== a.start ? dateRange(a.start, a.end) : day(a.start)) : '');
const est = (a: A) => (a.estimated ? ' (estimated)' : '');

const CPTA = 'China Personnel Examination website (cpta.com.cn)';
const PHOTO_TOOL = 'the official photo tool (照片审核处理工具)';
const COMMITMENT = '告知承诺制 (declaration-based registration)';

/** An operating-system error code in words (the code itself only under --verbose). */
const SYSTEM_REASONS_EN: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'this is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk or folder is read-only',
  ENOSPC: 'the disk is full',
  EEXIST: 'a file of that name exists',
  EBUSY: 'the file is in use by another program',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'a link in the path points to itself',
  // Our own code (src/io/safe-read.ts) for a pipe, device or socket: reading it could block forever.
  'not-regular': 'not a regular file but a pipe, device or socket, so it is not read',
};
export const systemReasonEn = (code: unknown) => SYSTEM_REASONS_EN[s(code)] ?? `system error ${s(code)}`;

export const en: Messages = {
  lang: 'en',
  months,
  day,
  labels: {
    level: {
      assistant: 'Assistant Social Worker (junior level)',
      intermediate: 'Social Worker (intermediate level)',
      senior: 'Senior Social Worker',
    } as Record<string, string>,
    education: {
      highschool: 'high school (高中)',
      secondary: 'secondary vocational school (中专)',
      associate: 'junior college diploma (大专)',
      bachelor: "bachelor's degree (本科)",
      master: "master's degree (硕士)",
      doctor: 'doctorate (博士)',
    } as Record<string, string>,
    major: { 'social-work': 'social work major', other: 'other major' } as Record<string, string>,
    studyMode: {
      'full-time': 'full-time',
      'part-time': 'part-time (correspondence, self-study exam, adult or online education)',
      unknown: 'study mode not given',
    } as Record<string, string>,
    certificate: {
      assistant: 'Assistant Social Worker certificate',
      intermediate: 'Social Worker (intermediate) certificate',
    } as Record<string, string>,
    group: {
      eligibility: 'Eligibility',
      materials: 'Materials',
      registration: 'Registration',
      exam: 'Exam',
      after: 'After the exam',
    } as Record<string, string>,
    eligibility: {
      eligible: 'Eligible to apply',
      ineligible: 'Not yet eligible to apply',
      unknown: 'Needs information',
    } as Record<string, string>,
    confidence: { official: 'official', secondary: 'second-hand', folklore: 'hearsay' } as Record<string, string>,
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<string, string>,
    event: {
      photo: `Photo processing (${PHOTO_TOOL})`,
      registration: 'Online registration',
      payment: 'Payment',
      'admission-ticket': 'Print admission ticket',
      exam: 'Exam',
      scores: 'Scores released',
      'post-exam-review': 'Post-exam eligibility review',
      certificate: 'Paper certificates issued',
      'e-certificate': 'E-certificate download and annotation',
      'certificate-registration': 'First certificate registration deadline',
      'senior-review': 'Senior evaluation (评审) application deadline',
      'continuing-education': 'Continuing education cycle',
      'work-years-cutoff': 'Work experience counted up to',
    } as Record<string, string>,
    role: {
      photo: 'registration photo',
      'id-front': 'ID card (front)',
      'id-back': 'ID card (back)',
      diploma: 'diploma / CHSI report',
      'work-proof': 'proof of work experience',
      'social-security': 'social insurance record',
      'residence-permit': 'residence permit',
      unknown: 'unknown file',
    } as Record<string, string>,
    fileStatus: { pass: 'passed', warn: 'warnings', fail: 'failed' } as Record<string, string>,
    educationCase: {
      none: 'obtained in mainland China, name and ID number unchanged',
      abroad: 'obtained abroad (incl. Hong Kong, Macau, Taiwan)',
      renamed: 'name or ID number changed since',
      both: 'obtained abroad, and name or ID number changed',
    } as Record<string, string>,
  },
  ui: {
    title: (year: number) => `Social Worker Qualification Exam · ${year} registration checklist`,
    candidate: 'Candidate',
    eligibilityHeading: 'Eligibility',
    route: 'Route',
    counted: 'Work experience counted',
    qualification: 'Qualification',
    countFrom: (month: string) => `from ${month}`,
    countedLine: (counted: string, required: string, cutoff: string) =>
      `${counted} (required ${required}, counted up to ${cutoff})`,
    colon: ': ',
    // A parenthetical in this language's punctuation
    inParens: (text: string) => ` (${text})`,
    enumerate: (items: readonly string[]) => items.join(', '),
    listSeparator: '; ',
    earliest: 'Earliest eligible year',
    summaryReady: 'Ready: nothing blocks your registration.',
    summaryNotReady: (blocked: number, todo: number) => `Not ready yet: ${blocked} blocked, ${todo} to do.`,
    provinceNone: 'not given or not recognised',
    summaryNeedsInfo: (todo: number) =>
      `Not ready yet: eligibility needs more information before it can be judged (below); ${todo} more to do.`,
    remaining: (count: number, list: string) => `${plural(count, 'item')} left: ${list}`,
    nothingLeft: 'Everything is done.',
    due: (iso: string, estimated: boolean) => `due ${day(iso)}${estimated ? ' (estimated)' : ''}`,
    estimatedMark: ' (estimated)',
    verboseHint: 'Add --verbose to see the calculation details and data sources.',
    measured: 'Measured',
    expected: 'Required',
    fix: 'Suggestion',
    source: 'Source',
    folklore: 'Rumoured online (contradicts official sources, not used)',
    rulesTitle: 'Current rules (each with its source and confidence)',
    overridden: (file: string) => `overridden by ${file}`,
    nextAction: 'Next step',
    daysLeft: (d: number) => (d === 0 ? 'today' : d > 0 ? `${plural(d, 'day')} left` : `${plural(-d, 'day')} ago`),
    openNow: (d: number) => (d === 0 ? 'open now, closes today' : `open now, ${plural(d, 'day')} until the deadline`),
    passed: 'past',
    profileEmpty: 'No answers saved yet.',
    profileReset: 'Saved answers cleared.',
    // Config faults never cost answers
    profileCorrupt: (file: string) =>
      `The file of saved answers is damaged; it is neither read nor overwritten this time: ${file}. Run shegong profile reset to repair it`,
    profileUnreadable: (file: string, reason: string) =>
      `Cannot open the file of saved answers ${file} (${reason}); this run's answers will not be saved`,
    profileNotSaved: (file: string, reason: string) =>
      `The answers were not saved (${reason}): ${file}. The checklist below is unaffected`,
    demoIntro: 'Sample candidate (built-in data, no input needed):',
    demoFilesSkipped: (files: string) =>
      `The image library sharp could not be loaded; the sample files were not checked: ${files}`,
    datesTitle: (year: number, today: string) => `Key dates of the ${year} exam cycle (today: ${day(today)})`,
    runningCycle: (year: number) => `${year} cycle (registration closed; for candidates who registered)`,
    missed: (closed: string, estimated: boolean) => `Missed (closed ${day(closed)}${estimated ? ', estimated' : ''}): `,
    registrationClosed: (c: RegistrationClosed, province: string) =>
      `Registration for ${c.year} closed on ${day(c.closed)}${c.estimated ? ' (estimated)' : ''}${
        c.basis === 'province'
          ? ` (${province}'s own window)`
          : c.provinceMayBeOpen
            ? ` — estimated from the earliest provincial close; ${province || 'your province'} has not published its window and may still be open: check its notice now and register at once if it is`
            : ' (national registration has closed too)'
      }${c.judged ? '' : `; this checklist prepares ${c.next.year}`}.`,
    nextCycle: ({ next: n, provinceMayBeOpen }: RegistrationClosed, province: string) =>
      `${provinceMayBeOpen ? `First check ${province || 'your province'}'s notice and register at once if it is still open; otherwise prepare` : 'Prepare'} for ${n.year}: registration opens about ${day(n.start)}${n.estimated ? ' (estimated)' : ''}; your province's notice decides`,
    deadlineUpcoming: (title: string, date: string, days: number) =>
      `${title} opens on ${day(date)}, in ${days} day${days === 1 ? '' : 's'}`,
    deadlineOpen: (title: string, date: string, days: number) =>
      days === 0
        ? `${title} closes today (${day(date)})`
        : `${title} is open and closes on ${day(date)}, ${days} day${days === 1 ? '' : 's'} left`,
    icsWritten: (file: string, count: number) =>
      `Exported ${count} calendar events to ${file} (importing again updates them, no duplicates)`,
    calendarName: 'Social worker qualification exam',
    filesHeading: 'File checks',
    filesSummary: (pass: number, warn: number, fail: number) =>
      `Materials: ${pass} passed, ${warn} with warnings, ${fail} failed`,
    fixed: (file: string, width: number, height: number, kb: number, quality: number, dpi: number) =>
      `Wrote ${file} (${width}×${height} px, ${kb} KB, JPEG quality ${quality}, ${dpi} dpi; the original is unchanged)`,
    fixedNotInWindow: 'Note: the file size could not be brought into the target window; see the check below',
    recheck: 'Check of the new file:',
    cannotFix: {
      heic: 'HEIC (iPhone) cannot be converted here: set Settings → Camera → Formats → Most Compatible and take it again, or export as JPEG',
      pdf: 'PDF files are kept as they are; this tool does not change PDFs',
      undecodable: 'The file cannot be decoded; export or take it again',
      'too-many-pixels': 'Too many pixels; not processed, for safety',
      missing: 'The file is missing, empty or unreadable',
      'needs-new': 'not machine-fixable (too low resolution, no seal, non-white background …): take or scan it again',
      'would-overwrite': 'the fixed copy would overwrite an original (materials inside the output folder); skipped',
      'still-fails': 'the fixed copy still fails the checks: a new photo or scan is needed',
      'cannot-shrink':
        'It cannot be brought under the size limit without going below the minimum resolution: crop the margins and try again',
      'no-face':
        'No face was found (no person, the face too dark or covered): use a frontal, well-lit photo of yourself',
      'faces-left':
        'Another face is on the left of the picture, so it cannot tell whose photo it is: use a photo of you alone, or crop the other person off first',
      'faces-right':
        'Another face is on the right of the picture, so it cannot tell whose photo it is: use a photo of you alone, or crop the other person off first',
      'faces-behind': 'Another face is behind you: take it again in front of a plain wall with nobody behind you',
      'pose-yaw':
        'The face is turned away from the camera: take it again facing the camera; no edit can turn a profile into a frontal face',
      'pose-pitch':
        'The head is tilted down or up too far: look straight at a camera held at eye level and take it again',
      'eyes-covered':
        'The eyes are covered (sunglasses, hair or glare): take off the sunglasses, show both eyes and take it again',
      'eyes-closed': 'The eyes are closed: take it again with your eyes open, looking at the camera',
      tilt: 'The head is tilted too far to straighten without losing too much: hold your head straight and take it again',
      'frame-top':
        'The head is too close to the top edge for a standard crop: step back from the camera and leave space above your head',
      'frame-sides': 'The picture is too narrow for your shoulders: step back and take it again with both shoulders in',
      'frame-bottom': 'The picture ends above your shoulders: take it again down to below the shoulders',
      'light-dark':
        'Too dark to brighten without looking false: take it again by a window in daylight or in good light',
      'light-bright': 'Over-exposed (the face too bright): take it again out of direct strong light',
      'light-cast':
        'A strong colour cast (such as warm lamp light) that cannot be corrected naturally: take it again in daylight',
      'norm-background':
        'After whitening, the background is still not clean (shadows or objects left): take it again in front of a white or plain light wall',
      'norm-edge':
        'After whitening, a coloured rim remains around you: take it again in front of a white or plain light wall',
      'norm-head':
        'After cropping, the head size or position cannot meet the norm: face the camera, include the shoulders and leave space above your head',
      'norm-centre': 'After cropping, you cannot be centred: stand in the middle of the picture and take it again',
      grey: 'The photo is black and white and no edit can add colour: use a recent colour photo',
      'fix-failed': 'Processing this photo failed (the original is unchanged): try another photo, or tell us about it',
      'too-small':
        "The photo has too few pixels and enlarging only blurs it (the rules forbid enlarging): use the phone's original (not one WeChat compressed), or come closer to the camera",
    } as Record<string, string>,
    fixChanges: (changes: string) => `Done: ${changes}`,
    changeWords: {
      turn: 'turned the sideways or upside-down picture upright',
      straighten: 'straightened the head',
      crop: 'cropped to the norm',
      light: 'corrected the light slightly',
      background: 'replaced the background with white',
      resize: 'resized to the standard pixel size',
      encode: 'encoded as JPEG',
    },
    fixLookAt:
      'The background was replaced by the machine: open the preview and check the hair and shoulder edges look natural; if not, take a new photo',
    commandsOnPage: [
      [' (batch --fix does too)', ''],
      ['run shegong profile edit and', 'press “Change” beside the answered question and'],
      ['run shegong profile edit to', 'press “Change” beside the answered question to'],
      ['Let shegong fix ', 'This page will '],
      ['let shegong fix ', 'let this page '],
      ['with shegong fix', 'on this page'],
      ['by shegong fix', 'by this page'],
    ],
    fixPreview: (file: string) => `Before/after preview (original | fixed | replaced background): ${file}`,
    fixConfirm: (role: string, file: string) =>
      `Write a compliant copy of the ${role} (${file})? The original is not changed`,
    fixesWritten: (count: number) => `Wrote ${count} fixed copies (named .fixed); no original was changed`,
    // The summary line, the dates table, calendar titles and saved answers
    summaryReadyTodo: (todo: number) =>
      `Nothing blocks your registration; ${todo} to-do${todo === 1 ? '' : 's'} left, see the list below.`,
    datesColumns: ['Event', 'When', 'What to do', 'Note'],
    icsSpanStart: (title: string) => `${title}: starts`,
    icsSpanEnd: (title: string) => `${title}: last day`,
    fixRenamed: (file: string, name: string) => `${file} exists; the new file is ${name} (add --force to overwrite)`,
    useSaved: (summary: string) => `Use the answers saved last time? (${summary})`,
    folderMissing: (dir: string) => `Cannot find the folder ${dir}; type it again (leave empty to skip)`,
    folderIsFile: (dir: string) =>
      `${dir} is a file, not a folder; give the folder that holds it (leave empty to skip)`,
    folderUnreadable: (dir: string) =>
      `Cannot open the folder ${dir} (permission denied); try another (leave empty to skip)`,
    folderEmpty: (dir: string, subfolder?: string) =>
      subfolder
        ? `The folder ${dir} holds no files, only subfolders (not looked into): did you mean ${subfolder}? Type the folder that holds the files themselves (leave empty to skip)`
        : `The folder ${dir} is empty; type the folder that holds the photo, ID card and diploma files (leave empty to skip)`,
    profileColumns: ['Question', 'Answer'],
    profileEdited: 'Saved answers updated.',
    madeOn: (date: string) => `Made on ${day(date)}`,
    answersHeading: 'Answers this checklist used',
    provinceLabel: 'Province',
    // Advice after the interview names no flag the user never typed.
    interviewFix: {
      'eligibility.certificate': (a: A) =>
        `Apply once you have the ${en.labels.certificate[s(a.certificate)]}; if you already have it, run shegong profile edit and give the month you obtained it`,
      'eligibility.years': (a: A) =>
        `${a.countFrom ? `Only social work experience from ${s(a.countFrom)} onwards counts; ` : ''}keep working in social work, or run shegong profile edit to check the periods you gave`,
      'eligibility.enrolment-unknown': () =>
        'If that work came before you started full-time study, it counts: run shegong profile edit and give the enrolment month when asked',
    } as Record<string, (a: A) => string>,
    answerLabels: {
      level: 'Level',
      education: 'Education',
      major: 'Major',
      graduated: 'Obtained',
      studyMode: 'Study mode',
      enrolled: 'Enrolled',
      degrees: 'Further qualifications',
      work: 'Social work',
      certificates: 'Certificates',
      province: 'Province',
      hukou: 'Hukou province',
    } as Record<string, string>,
    answerNone: 'none',
    answerOngoing: 'now',
    promptWords: { yes: 'Yes', no: 'No', navigate: 'choose', select: 'confirm', default: 'default' },
    estimatedLegend: "(estimated) = no official notice yet, derived from earlier years; your province's notice decides",
    datesHeading: 'Key dates',
  },
  eligibilityRoute: (route: Route) => routeEn(route),
  finding: {
    ...fileFindingsEn,
    ...rosterFindingsEn,
    'eligibility.education': {
      message: (a: A) =>
        `The ${en.labels.level[s(a.level)]} exam does not accept ${en.labels.education[s(a.education)]} as qualifying education`,
      fix: (a: A) =>
        `Check the education you entered; the ${en.labels.level[s(a.level)]} exam accepts: ${educationList(a.allowed)}`,
    },
    'eligibility.certificate': {
      message: (a: A) =>
        a.obtained
          ? `Your ${en.labels.certificate[s(a.certificate)]} (obtained ${s(a.obtained)}) is dated after ${day(a.cutoff)}, so it does not count this year`
          : `This route requires the ${en.labels.certificate[s(a.certificate)]}, but the answers given do not include it`,
      fix: (a: A) =>
        `Apply once you have the ${en.labels.certificate[s(a.certificate)]}; if you already have it, add --cert ${s(a.certificate)}:YYYY-MM with the month you obtained it`,
    },
    'eligibility.graduation': {
      message: (a: A) =>
        `Your ${en.labels.education[s(a.education)] ?? ''} qualification was obtained in ${s(a.graduated)}, later than required`,
      fix: () =>
        "You must already hold the qualification you enter when you register (bachelor's students in social work may graduate in the exam year); check your graduation month",
    },
    'eligibility.years': {
      message: (a: A) =>
        `Not enough social work experience: ${months(n(a.counted))} counted, ${plural(n(a.years), 'year')} required, ${months(n(a.shortfall))} short (counted up to ${day(a.cutoff)})`,
      fix: (a: A) =>
        `${a.countFrom ? `Only social work experience from ${s(a.countFrom)} onwards counts; ` : ''}keep working in social work, or check the periods given with --work`,
    },
    'eligibility.borderline': {
      message: (a: A) =>
        n(a.gap) >= 0
          ? `Borderline: ${months(n(a.counted))} counted, just meeting the requirement (${months(n(a.required))})`
          : `Borderline: only ${months(-n(a.gap))} short of the requirement`,
      fix: () =>
        'The official rules do not say how partial months are rounded; have a work certificate with clear start and end dates ready, and confirm with your local exam authority before registering',
    },
    'eligibility.work-overlap': {
      message: (a: A) => `Some work periods overlap; the overlapping ${months(n(a.months))} is counted only once`,
      fix: () => 'Several jobs in the same period count only once; nothing to do',
    },
    'eligibility.during-study': {
      message: (a: A) =>
        `${months(n(a.months))} of work experience (${s(a.spans)}) fell during full-time study (enrolment to the graduation month) and does not count`,
      fix: () =>
        'Work during full-time study (including internships) does not count; work before enrolment and after graduation does',
    },
    'eligibility.in-service-study': {
      message: (a: A) =>
        `${months(n(a.months))} of work during your full-time ${en.labels.education[s(a.education)] ?? ''} study were not counted; if you studied full-time while employed, staying in post with continuous social insurance, some provinces count that time`,
      fix: () =>
        "Ask your province's exam office whether it counts, and keep your employer's letter and the continuous social-insurance record",
    },
    'eligibility.enrolment-unknown': {
      message: (a: A) =>
        `The enrolment month of your full-time ${en.labels.education[s(a.education)] ?? ''} (graduated ${s(a.graduated)}) is unknown, so ${months(n(a.months))} of work before graduation (${s(a.spans)}) was not counted`,
      fix: (a: A) =>
        `If that work came before you started full-time study, it counts: give this qualification's enrolment month (${
          a.main
            ? '--enrolled YYYY-MM'
            : `--degree ${s(a.education)}:${s(a.major)}:full-time:YYYY-MM..${s(a.graduated)}`
        }, or the enrolment column of the interview or roster)`,
    },
    'eligibility.before-certificate': {
      message: (a: A) =>
        `${months(n(a.months))} of work experience predates your ${en.labels.certificate[s(a.certificate)]} and does not count for this route`,
      fix: (a: A) =>
        `This route only counts experience after you obtained the certificate, starting from ${s(a.countFrom)}`,
    },
    'eligibility.after-cutoff': {
      message: (a: A) => `${months(n(a.months))} of work falls after ${day(a.cutoff)} and does not count this year`,
      fix: (a: A) =>
        `Work experience is always counted up to ${MONTH_NAMES[n(a.cutoffMonth) - 1] ?? ''} ${n(a.cutoffDay)} of the exam year`,
    },
    // Missing answers that decide the verdict: the question to ask, never a guess.
    'eligibility.ask-enrolment': {
      message: (a: A) =>
        `Needs information: the enrolment month of the full-time ${en.labels.education[s(a.education)] ?? ''} (graduated ${s(a.graduated)}) is unknown, and it decides eligibility${
          a.from ? ` (eligible if enrolled in ${s(a.from)} or later)` : ''
        }`,
      fix: (a: A) =>
        `Ask for the enrolment month and enter it (${a.main ? "the roster's enrolment column, or --enrolled YYYY-MM" : `the other-degrees column, or --degree ${s(a.education)}:${s(a.major)}:full-time:YYYY-MM..${s(a.graduated)}`})${
          a.earliest ? `; study cannot have begun before ${s(a.earliest)}, after the previous qualification` : ''
        }`,
    },
    'eligibility.ask-qualification': {
      message: (a: A) =>
        `Needs information: the ${en.labels.education[s(a.education)] ?? ''} is completed only in ${s(a.graduated)}, after registration; the qualification held now decides eligibility`,
      fix: () =>
        'Enter the qualification already held at registration (for example an associate degree), with its major and graduation month (the other-degrees column, or --degree)',
    },
    'eligibility.ask-study-mode': {
      message: (a: A) =>
        `Needs information: ${a.source === 'column' ? 'the roster has no study-mode column' : 'the study mode is blank or unreadable'}, and whether the ${en.labels.education[s(a.education)] ?? ''} was full-time decides eligibility`,
      fix: () => 'Enter the study mode: full-time or part-time; for full-time, also the enrolment month',
    },
    'eligibility.ask-certificate': {
      message: (a: A) =>
        `Needs information: the roster has no certificates column, and ${a.certificate ? `whether the candidate holds the ${en.labels.certificate[s(a.certificate)]} (and since when)` : 'the certificates held'} decides eligibility`,
      fix: () =>
        'Add a certificates column to the roster with each certificate and the month it was obtained, e.g. intermediate:2021-06; leave it blank or write none for no certificate',
    },
    'eligibility.ask-work': {
      message: (a: A) =>
        `Needs information: ${a.source === 'column' ? 'the roster has no work-history column' : 'the work history could not be read'}, and the years of social work decide eligibility`,
      fix: () => 'Enter each period of social work with its start and end, e.g. 2019.07-2021.06; 2022.03-now',
    },
    'eligibility.interpretation': {
      message: () =>
        'The years required for this route are inferred from the "other majors need correspondingly more years" rule; the official document does not list this case',
      fix: (a: A) =>
        `Confirm with the exam authority where you register before applying${a.fallbackYears !== '' && a.fallbackYears !== undefined ? `; or apply on an official route after ${plural(n(a.fallbackYears), 'year')}` : ''}`,
    },
  } satisfies Record<FindingId, FindingWords>,
  checklist: {
    'eligibility.verdict': (a: A) => {
      const status = s(a.status);
      if (status === 'eligible') return `Eligible for the ${a.year} exam`;
      if (status === 'unknown' && a.asks)
        return `Eligibility for the ${a.year} exam depends on missing information; it can be judged once that is given`;
      if (status === 'unknown') return `Possibly eligible for the ${a.year} exam; confirm with the exam authority`;
      const when = a.earliestYear ? `; the earliest exam you can apply for is ${a.earliestYear}` : '';
      return `Not yet eligible for the ${a.year} exam${when}`;
    },
    'materials.photo': (a: A) =>
      a.checked
        ? `Registration photo checked (${a.checked === 'fail' ? 'failed' : 'passed'}); before uploading, it must be processed with ${PHOTO_TOOL}, which produces "报名照片.jpg"`
        : `Prepare a recent colour 1-inch ID photo on a white background (${a.width}×${a.height} pixels, JPG), process it with ${PHOTO_TOOL}, and upload the resulting "报名照片.jpg"`,
    // Why online verification will fail, which document fits, how long it must stay valid
    'materials.education-verification': (a: A) => {
      const kindName = (k: string) => KIND_NAMES.en[k] ?? k;
      const kinds = listOf(a.kinds).map(kindName).join(' or ');
      const reasons: Record<string, string> = {
        school: `${en.labels.education[s(a.education)]} is outside 学信网's (CHSI) higher-education records, so the platform cannot verify it online`,
        'before-online': `you graduated in ${s(a.graduatedYear)}, before electronic registration of diplomas (from ${s(a.fromYear)}), so the platform cannot verify it online`,
        'degree-before-online': `a degree awarded in ${s(a.graduated)} predates online degree verification (from ${s(a.degreeFrom)}), so no 学位在线验证报告 exists for it`,
        'not-yet-graduated': `you will not have graduated when registering (graduation ${s(a.graduated)}): also get your school's letter confirming you graduate this year`,
        abroad: 'an overseas degree needs certification by the CSCSE (留学服务中心)',
        renamed:
          'your name or ID number differs from your education record (changed, or the report differs from the roster), so the platform cannot verify it online: get the police certificate of the change and download the report once 学信网 is updated',
      };
      const validity = a.validThrough
        ? `; its online verification must stay valid at least until ${day(a.validThrough)} (end of the ${a.window === 'review' ? 'post-exam review' : 'registration window'}${a.estimated ? ', estimated' : ''})`
        : '';
      const uploaded = a.uploaded
        ? `; uploaded: ${kindName(s(a.uploaded))}${a.validUntil ? `, valid until ${day(a.validUntil)}` : ''}`
        : '';
      const cases = listOf(a.cases);
      if (!cases.length)
        return `Your education will be verified online by the registration platform; if that fails (diploma not registered, name or ID number changed, overseas degree), upload a 学信网 (CHSI) PDF: ${kinds}; for an overseas degree, the CSCSE certificate${validity}${uploaded}`;
      const text = cases.map((c) => reasons[c] ?? c).join('; ');
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}: prepare ${kinds}${validity}${uploaded}`;
    },
    'materials.work-proof': (a: A) =>
      `Prepare proof of your social work experience (stamped by your employer, stating start and end dates and your position; ${plural(n(a.years), 'year')} needed, counted up to ${day(a.cutoff)}); only social-work posts count${a.militaryCounts ? '' : ', military service does not'}; under ${COMMITMENT} it is usually not submitted at registration, but is needed for the post-exam review or manual checks`,
    'materials.hmt-resident': (a: A, c: NameContext) =>
      `Applying as a ${c.province(s(a.hukou))} resident: have your ${a.document === 'mtp' ? 'Mainland Travel Permit for Taiwan Residents (台胞证)' : 'Mainland Travel Permit for Hong Kong and Macao Residents'} ready; degrees from Hong Kong, Macau, Taiwan or abroad cannot be verified online and need a certification by the CSCSE (教育部留学服务中心) first`,
    'materials.certificate': (a: A) =>
      a.obtained
        ? `Prepare a scan of your ${en.labels.certificate[s(a.certificate)]} (obtained ${a.obtained}) for verification`
        : a.unknown
          ? `Confirm whether the candidate holds the ${en.labels.certificate[s(a.certificate)]} and since when (the roster has no certificates column); if so, prepare a scan for verification`
          : `This route requires the ${en.labels.certificate[s(a.certificate)]}, which you have not obtained yet`,
    'materials.residence': (a: A, c: NameContext) =>
      `Your household registration (hukou, ${c.province(s(a.hukou))}) differs from the province you are applying in (${c.province(s(a.province))}): you register where you work or live, so have a residence permit or social insurance payment record ready`,
    'registration.account': (a: A) =>
      `Create an account on the registration platform of the ${CPTA} and complete real-name verification (results take about ${a.hours} hours); do this before registration opens`,
    'registration.commitment': () =>
      `When registering, choose ${COMMITMENT} and sign the electronic declaration (you then need not submit proof of education or work experience; a false declaration is treated as exam misconduct)`,
    'registration.window': (a: A, c: NameContext) => {
      const late = a.lateRegistration ? '' : '; there is no late registration';
      if (a.closed) {
        return a.basis === 'conservative'
          ? `${a.province ? `${c.province(s(a.province))} has not published its window` : 'No province was given'}; the earliest-closing province suggests it closed on ${day(a.closed)}: check your province's notice now and register at once if it is still open; otherwise prepare for ${a.nextYear}`
          : `Registration closed on ${day(a.closed)}${a.closedEstimated ? ' (estimated)' : ''}${late}: prepare for ${a.nextYear}, or check your province's notice`;
      }
      if (!a.start) return "Register within your province's registration window";
      if (a.basis === 'conservative') {
        const earliest = ((a.earliest as string[] | undefined) ?? []).map((id) => c.province(id)).join(', ');
        return `Register within your province's window: ${a.province ? `${c.province(s(a.province))} has not published it` : 'no province was given'}, so count on ${day(a.end)} at the latest (estimated: in ${s(a.conservativeFrom)} ${earliest} closed first${a.nationalStart ? `; national window ${day(a.nationalStart)} – ${day(a.nationalEnd)}, for reference` : ''}; provinces set about ${a.minDays}–${a.maxDays} days inside it)${late}; your province's notice decides`;
      }
      return `Register within the ${a.ownWindow ? "province's" : 'national'} registration window: ${span(a)}${est(a)}${a.ownWindow ? '' : ` (each province sets about ${a.minDays}–${a.maxDays} days within this period; follow your province's notice)`}${late}`;
    },
    'registration.accommodations': () =>
      "Disabled candidates who need accommodations (screen-reader software, a separate room) apply to their province's exam office during the registration window",
    'registration.fee': (a: A, c: NameContext) => {
      // A batch without a province names no fee.
      if (a.unknownProvince)
        return `Pay the exam fee at your province's rate${a.end ? ` by ${day(a.end)}${est(a)}` : ''} (the roster gives no province: add --province or a 报考省份 column to see it)`;
      const name = c.province(s(a.province));
      const papers = (a.perPaper as string[] | undefined) ?? [];
      const extra =
        n(a.perCandidate) === 0
          ? ''
          : a.perCandidateKind === 'score-archive'
            ? ` + score-archive fee ${a.perCandidate} yuan (new rolling-score candidates; refunded to others as a rule)`
            : ` + registration fee ${a.perCandidate} yuan`;
      const basis = a.provinceSpecific
        ? `${name} rate${a.unverified ? '; practice papers at the usual rate, not verified' : ''}`
        : `rate in most provinces, not verified for ${name}`;
      const when = a.end ? `; pay by ${day(a.end)}${est(a)}${a.latePayment ? '' : ' (no late payment)'}` : '';
      return n(a.total) === 0
        ? `${name} charges no exam fee (follow your province's notice)`
        : `Pay for ${plural(n(a.papers), 'paper')}: ${papers.join(' + ')} yuan${extra} = ${a.total} yuan (${basis})${when}; not paying counts as withdrawing, and fees paid are generally not refunded`;
    },
    'exam.admission-ticket': (a: A) =>
      a.start
        ? `Print your admission ticket: ${span(a)}${est(a)} (on A4 paper; bring your ID card and admission ticket on exam day)`
        : 'Print your admission ticket in the week before the exam',
    'exam.timetable': (a: A, c: NameContext) =>
      `Exam ${span(a)}${est(a)}: ${((a.papers as string[] | undefined) ?? []).map((p) => paper(p, c)).join('; ')}`,
    'exam.pass-line': (a: A) =>
      `Each paper is marked out of ${a.outOf}, and ${a.score} is a pass; designated areas (rural-revitalisation key counties, Tibet, Tibetan areas, southern Xinjiang …) have separate lines: in ${a.separateYear} ${
        a.separateLine === null || a.separateLine === undefined
          ? 'the national line for this level'
          : `${a.separateLine} for this level`
      }${a.validOnlyThere && a.separateLine !== null && a.separateLine !== undefined ? ', and certificates gained that way are valid only in those areas' : ''}`,
    'exam.retention': (a: A) =>
      a.level === 'assistant'
        ? `At assistant level, all ${a.papers} papers must be passed in the same exam year; scores do not carry over${a.exemptions ? '' : '; no paper can be exempted'}`
        : a.level === 'intermediate'
          ? `At intermediate level, scores roll over for ${plural(n(a.years), 'year')}: pass all ${a.papers} papers within ${a.years} consecutive exam years${a.exemptions ? '' : '; no paper can be exempted'}`
          : `The senior exam has ${plural(n(a.papers), 'paper')}; passing earns a certificate of passing scores, valid nationwide for ${plural(n(a.years), 'year')}; you must pass the evaluation (评审) within that period`,
    'after.scores': (a: A) =>
      `Scores released around ${span(a)}${est(a)}; check them on the ${CPTA}. A re-check must be requested in writing within ${a.recheckDays} days of release`,
    'after.review': (a: A, c: NameContext) =>
      `${c.province(s(a.province))} holds a post-exam eligibility review${a.sample ? ' (a random sample)' : ''} (around ${span(a)}${est(a)}): submit the materials the notice asks for; if you do not pass, your scores are void and fees are not refunded`,
    'after.review-unconfirmed': (a: A, c: NameContext) =>
      `SEO pages say ${c.province(s(a.province))} also reviews eligibility after the exam (no official notice seen): keep your education and work proofs ready and watch your province's notice`,
    'after.pass-certificate': (a: A) =>
      `A senior pass gives a certificate of passing scores (成绩合格证明), valid nationwide for ${plural(n(a.years), 'year')}; no certificate and no registration (登记) follow until you pass the evaluation (评审)`,
    'after.certificate': (a: A) =>
      `Certificates: paper certificates are issued around ${span(a)}${est(a)}; the e-certificate is downloaded from the ${CPTA}, each annotation lasts at most ${plural(n(a.annotationDays), 'day')}, with at most ${a.maxAnnotations} valid annotations within ${a.windowDays} days`,
    'after.evaluation': (a: A) =>
      `Senior evaluation (评审): pass it within ${plural(n(a.years), 'year')} of the certificate of passing scores to obtain the Senior Social Worker certificate; the last round (${a.lastYear}) closed applications on ${day(a.lastClose)}${
        a.nextClose
          ? `, the first round open to you closes around ${day(a.nextClose)}${a.estimated ? ' (estimated)' : ''}`
          : ''
      }; prepare ${a.caseRecords} direct-service case records, at least ${plural(n(a.supervisionHours), 'hour')} of supervision records from the last ${plural(n(a.withinYears), 'year')}, and your work achievements`,
    'after.registration': (a: A) =>
      `Within ${plural(n(a.months), 'month')} of passing the exam (from the score release), complete first registration in the national social work information system (全国社会工作信息系统); registration is valid for ${plural(n(a.validYears), 'year')}, renew it within the ${plural(n(a.renewMonths), 'month')} before it expires`,
    'materials.file': (a: A) =>
      `${s(a.roleName)}: ${s(a.statusName)}${n(a.problems) > 0 ? ` (${a.problems} problem${n(a.problems) === 1 ? '' : 's'})` : ''}`,
    'after.continuing-education': (a: A) =>
      `Complete at least ${plural(n(a.hours), 'hour')} of continuing education in each registration period (${plural(n(a.years), 'year')})`,
  } satisfies Record<ChecklistWordingId, ChecklistWords>,
  /** Short names of checklist items, for the closing “N items left” line. */
  short: {
    'materials.file': 'replace the failed materials',
    'eligibility.verdict': 'meet the eligibility requirements',
    'eligibility.ask': 'give the answers eligibility is missing',
    'materials.photo': 'process your registration photo',
    'materials.education-verification': 'prepare education verification documents',
    'materials.work-proof': 'prepare proof of work experience',
    'materials.certificate': 'prepare a certificate scan',
    'materials.residence': 'prepare a residence permit or social insurance record',
    'registration.account': 'create an account and verify your identity',
    'registration.commitment': 'sign the 告知承诺制 declaration',
    'registration.window': 'register online',
    'registration.fee': 'pay the fees',
    'exam.admission-ticket': 'print your admission ticket',
    'after.review': 'post-exam eligibility review',
    'after.evaluation': 'senior-level evaluation (评审)',
    'after.review-unconfirmed': 'watch for a post-exam review',
    'materials.hmt-resident': 'prepare the travel permit and degree certification',
    'after.registration': 'first certificate registration',
  } as Record<string, string>,
  batch: {
    totalLabel: 'applicants',
    status: { ready: 'ready', 'not-ready': 'not ready', 'needs-info': 'needs information', ineligible: 'not eligible' },
    columns: {
      line: 'Row',
      name: 'Name',
      id: 'ID number',
      level: 'Level',
      status: 'Status',
      eligibility: 'Eligibility',
      route: 'Route',
      problem: 'First blocking problem',
      fixed: 'After fixing',
      deadline: 'Registration closes',
      report: 'Report',
    },
    yes: 'yes',
    no: 'no',
    title: 'Batch check report',
    counts: (total: number, c: Record<string, number>) =>
      `${total} applicants: ${c.ready ?? 0} ready, ${c['not-ready'] ?? 0} not ready, ${c['needs-info'] ?? 0} need information, ${c.ineligible ?? 0} not eligible`,
    filter: 'Filter (name, problem …)',
    onlyProblems: 'Only applicants with problems',
    thumbnail: 'Photo',
    progress: (done: number, total: number, eta: string) =>
      `Checked ${done}/${total}${eta ? `, about ${eta} left` : ''}`,
    // A batch cut short: what its reports hold
    interruptedNote: (done: number, total: number) =>
      `The run was interrupted: this report holds only the ${done}/${total} applicants checked`,
    interrupted: (done: number, total: number) =>
      `Interrupted: saved the reports of the ${done}/${total} applicants already checked`,
    removedStale: (count: number) =>
      `Removed ${count} file${count === 1 ? '' : 's'} an earlier run left in the output folder that this summary does not list`,
    written: (dir: string) => `Reports written to ${dir}`,
    html: (file: string) => `Open in a browser: ${file}`,
    encoding: (encoding: string, rows: number) => `Roster: ${rows} rows (encoding ${encoding})`,
    generated: (today: string) => `Generated on ${today}, entirely on this computer`,
    // Batch summaries: fix states, what was not checked, the pages
    fixState: {
      fixed: 'fixed',
      'needs-new': 'needs a new photo or scan',
      'could-not-fix': 'cannot be fixed automatically',
    } as Record<string, string>,
    notChecked: 'not checked',
    materialsNotChecked:
      'No --materials: materials were not checked; "ready" means eligible with nothing else blocking',
    noProvince: (rows: number) =>
      `${rows} applicants have no province (no 报考省份 column, an empty or unreadable one, and no --province): no exam fee is computed for them, and their registration close is the conservative estimate of the earliest-closing province (marked estimated; the national window is for reference only). Add --province 广东 or a 报考省份 column`,
    fixSummary: (fixed: number, needsNew: number, couldNot: number) =>
      `Fixing: ${fixed} files fixed and passing on re-check, ${needsNew} need a new photo or scan, ${couldNot} cannot be fixed automatically`,
    readyAfterFix: (before: number, after: number) =>
      `${before} ready before fixing, ${after} after (readiness and the first blocker use the fixed files)`,
    page: 'report',
    pageTitle: (name: string) => `${name}: registration readiness`,
    rowHeading: 'Problems in the roster',
    fixesHeading: 'Fixing',
    fixedCopy: 'fixed file',
    original: 'original',
    backToBatch: 'Back to the batch report',
    idLabel: 'ID number',
    noAnswers:
      "The roster's answers are incomplete, so eligibility was not decided; complete them as listed and run again",
    headerFound: (line: number, titles: number[]) =>
      `The header is on row ${line}; row${titles.length > 1 ? 's' : ''} ${titles.join(', ')} (a title) skipped`,
    noteRows: (lines: number[]) =>
      `Row${lines.length > 1 ? 's' : ''} ${lines.join(', ')}: totals, signatures or notes, not applicants; skipped`,
    unrecognised: (columns: { header: string; nearest?: string }[]) =>
      `Columns not recognised (not read): ${columns.map((c) => (c.nearest ? `${c.header} (if it is ${c.nearest}, rename it "${c.nearest}")` : c.header)).join(', ')}`,
    xlsxWritten: (file: string) => `Excel summary: ${file}`,
  },
  eventTodo: {
    photo: 'Process your photo with the official photo tool (照片审核处理工具) and keep the "报名照片.jpg" it saves',
    registration: 'Register on the CPTA registration platform (create the account and pass real-name checks early)',
    payment: 'Pay online once your eligibility check passes; unpaid registrations are dropped',
    'admission-ticket': 'Print the admission ticket (A4) and bring it with your ID card',
    exam: 'Bring ID card, admission ticket, black pen, 2B pencil and eraser; arrive early, latecomers may be refused entry',
    scores: 'Check your scores on cpta.com.cn; ask for a re-check within the deadline if needed',
    'post-exam-review': "Submit the review materials your province's notice asks for; missing it voids the scores",
    certificate: 'Collect the paper certificate (or have it posted)',
    'e-certificate': 'Download the e-certificate on cpta.com.cn and annotate (加注) it when needed',
    'certificate-registration': 'Register the certificate (首次登记) in the national social work information system',
    'continuing-education': 'Complete the continuing-education hours within the registration period',
    'senior-review': 'Submit the case records, supervision records and achievements the 评审 notice asks for',
    'work-years-cutoff': 'Social-work years are counted up to this day',
  } as Record<string, string>,
  // The derived source of an estimated date (dates/build-events.ts → report/localize.ts)
  eventSource: eventSourceEn,
  eventNote: {
    estimated: (from: string) =>
      `Estimated from ${from === 'exam' ? 'the exam dates' : from === 'registration' ? 'the registration window' : from === 'scores' ? 'the score release date' : from === 'certificate' ? 'the certificate issue date' : `the ${from} timetable pattern`}`,
    province: (name: string, city?: string) =>
      city
        ? `dates from the ${city} city notice (other cities of ${name} not verified; your local notice decides)`
        : `${name} provincial dates`,
    published: 'Officially published',
    rule: 'Calculated from the rules',
    // One wording of a conservative close, with or without a province: marked, the national window beside it.
    conservative: (from: string, earliest: string, province: boolean, national: string) =>
      `${province ? 'Not published for this province' : 'No province given'}: a conservative estimate from the earliest provincial close in ${from} (${earliest})${national ? `; national window ${national}, for reference` : ''}`,
    span: (start: string, end: string) => `${day(start)} – ${day(end)}`,
  },
  problem: {
    // Rule-file and calendar problems (codes from the parsers)
    ...ruleProblemsEn,
    ...packProblemsEn,
    'answer.level': (a: A) =>
      `Unrecognised level "${s(a.value)}": use assistant (助理/初级), intermediate (中级) or senior (高级)`,
    'answer.education': (a: A) =>
      `Unrecognised education "${s(a.value)}": use highschool, secondary, associate, bachelor, master or doctor (or 高中, 中专, 大专, 本科, 硕士, 博士)`,
    'answer.major': (a: A) => `Unrecognised major "${s(a.value)}": use social-work or other (or 社会工作 / 其他)`,
    'answer.study-mode': (a: A) =>
      `Unrecognised mode of study "${s(a.value)}": use full-time or part-time (or 全日制 / 非全日制)`,
    'answer.year-month': (a: A) =>
      `Unrecognised year and month "${s(a.value)}": write it as 2019-07, 2019.07 or 2019年7月`,
    'answer.work': (a: A) =>
      `Unrecognised work period "${s(a.value)}": write it as 2019-07..2021-06, 2019.07-2021.06 or 2019.07-至今 (ongoing), or none if you have none`,
    'answer.work-order': (a: A) => `Work period "${s(a.value)}" ends before it starts`,
    'answer.degree': (a: A) =>
      `Unrecognised qualification "${s(a.value)}": write LEVEL:MAJOR:MODE:START..END, e.g. associate:social-work:full-time:2012-09..2015-06 (or ..2015-06 without the enrolment month)`,
    'answer.enrolled-order': (a: A) =>
      `The enrolment month ${s(a.enrolled)} is after the graduation month ${s(a.graduated)}: check --enrolled and --graduated`,
    'answer.degree-order': (a: A) => `Qualification "${s(a.value)}" starts after it ends`,
    'answer.year-range': (a: A) => `Unsupported exam year "${s(a.value)}": the rules cover ${s(a.first)}–${s(a.last)}`,
    'answer.certificate': (a: A) =>
      `Unrecognised certificate "${s(a.value)}": write it as assistant:2019-12 or 助理:2019-12`,
    'answer.province': (a: A) =>
      `Unrecognised province "${s(a.value)}": give a province or a city, such as guangdong, 广东 or 广州`,
    'answer.province-registers': (a: A) =>
      `${s(a.value)} is not a mainland registration province: enter the province where you work or live`,
    'answer.required': (a: A) =>
      `Missing required answer: ${s(a.what)}. Add ${s(a.flag)} (no questions are asked in non-interactive mode)`,
    'answer.date': (a: A) => `Unrecognised date "${s(a.value)}": write it as YYYY-MM-DD`,
    'answer.year': (a: A) => `Unrecognised year "${s(a.value)}"`,
    'answer.format': (a: A) => `Unsupported output format "${s(a.value)}": choose from ${s(a.allowed)}`,
    'answer.lang': (a: A) => `Unsupported language "${s(a.value)}": choose zh-CN or en`,
  } as Record<string, (a: A) => string>,
  data: dataWordsEn,
  page: pageWordsEn,
  error: {
    ...packErrorsEn,
    'error.rules-unreadable': (a: A) => `Cannot read rule file ${s(a.file)} (${systemReasonEn(a.reason)})`,
    'error.rules-invalid': (a: A) => `Rule file ${s(a.file)} has problems, so nothing was run:`,
    // A bundled data file (calendar, demo sample) that cannot be read
    'error.data-unreadable': (a: A) => `Cannot read data file ${s(a.file)} (${systemReasonEn(a.reason)})`,
    'error.output': (a: A) => `Cannot write ${s(a.file)}: ${OUTPUT_REASON_EN[s(a.reason)] ?? systemReasonEn(a.reason)}`,
    // Outputs that would replace a file, and rosters that cannot be read
    'error.output-exists': (a: A) =>
      `Will not replace the existing file ${s(a.file)}: choose another name, or add --force to replace it`,
    'error.batch-output-exists': (a: A) =>
      `The output folder already holds ${s(a.file)}, not written by an earlier shegong run; it is not replaced. Give a new or empty folder with --output`,
    'error.output-locked': (a: A) =>
      `The output folder ${s(a.dir)} is in use by another shegong (process ${s(a.pid)}): wait for it to finish or choose another --output folder. If none is running, delete ${s(a.lock)} and try again`,
    'error.fix-overwrite': (a: A) =>
      `Will not overwrite the original ${s(a.file)}: give another file or folder with --output`,
    'error.roster': (a: A) =>
      `Cannot read the roster${s(a.line) ? ` (line ${s(a.line)})` : ''}: ${ROSTER_REASON_EN[s(a.reason)]?.(a) ?? s(a.reason)}`,
    'error.roster-header': (a: A) =>
      `The roster has no recognisable header: it needs columns such as 姓名/name and 报考级别/level${s(a.encoding) === 'gb18030' ? '. The file is not valid UTF-8 and was read as GBK/GB18030; if it mixes two encodings, save it as .xlsx or "CSV UTF-8" in Excel or WPS and try again' : ''}`,
    // Rosters and output folders that cannot be used
    'error.roster-old-excel': (a: A) =>
      `Cannot read the roster ${s(a.file)}: it is a ${s(a.kind)} file, which this tool does not read. Save it as .xlsx or CSV (UTF-8) in Excel or WPS and run again`,
    'error.roster-missing': (a: A) => `Roster file not found: ${s(a.file)}. Check the path and the name`,
    'error.roster-folder': (a: A) => `${s(a.file)} is a folder, not a roster: give the path of a .xlsx or .csv file`,
    'error.roster-denied': (a: A) =>
      `No permission to read the roster ${s(a.file)}: check its permissions or copy it into your own folder`,
    'error.roster-sheet': (a: A) =>
      `The roster ${s(a.file)} has no sheet "${s(a.sheet)}": give --sheet a sheet name or number (from 1)`,
    'error.roster-not-table': (a: A) =>
      `${s(a.file)} is not a readable table${s(a.reason) ? ` (${s(a.reason)})` : ''}: save it as .xlsx or CSV in Excel or WPS and run again`,
    'error.materials': (a: A) =>
      `The materials folder ${s(a.dir)} does not exist or is not a folder: give a folder with one subfolder per applicant, or leave out --materials to check eligibility only`,
    'error.output-dir': (a: A) =>
      `Cannot use the output folder ${s(a.dir)}: ${OUTPUT_REASON_EN[s(a.reason)] ?? s(a.reason)}. Give a writable folder with --output`,
    'error.internal': () =>
      'Internal error: the program ran into something unexpected. Add --verbose for details, and please report this problem.',
    'error.usage': () => 'Usage error',
    // Library and system errors as sentences
    'error.no-profile': () => 'No saved answers yet: run shegong in a terminal and answer the questions once',
    'error.needs-terminal': (a: A) => `${s(a.command)} asks questions: run it in a terminal window`,
    'error.output-required': (a: A) => `--output is missing: say where to write, e.g. ${s(a.usage)}`,
    'error.not-found': (a: A) =>
      `Cannot find ${s(a.file)}: check the path and the name (you can drag the file into the terminal window)`,
    'error.is-folder': (a: A) => `${s(a.file)} is a folder; a file is needed here`,
    'error.ui-no-batch': (a: A) =>
      `${s(a.file)} holds no batch results (summary.json): give the folder shegong batch --output wrote`,
    'error.not-folder': (a: A) => `${s(a.file)} is not a folder: give the folder that holds the materials`,
    'error.folder-empty': (a: A) =>
      `The folder ${s(a.dir)} is empty, with no file to check: give the folder that holds the photo, ID card and diploma files`,
    'error.folder-no-files': (a: A) =>
      `The folder ${s(a.dir)} holds no files, only ${s(a.count)} subfolder(s), which are not looked into: did you mean ${s(a.example)}? Give the folder that holds the photo, ID card and diploma files themselves`,
    'error.unreadable': (a: A) => `Cannot read ${s(a.file)} (${systemReasonEn(a.reason)})`,
    'error.role': (a: A) => `Unknown file role "${s(a.value)}": choose ${s(a.roles)}`,
    'error.role-unknown': (a: A) =>
      `Cannot tell from its name what ${s(a.file)} is: add --as, e.g. --as photo or --as id-front`,
    'error.json': (a: A) =>
      `${s(a.file)} is not valid JSON at line ${s(a.line)}, column ${s(a.column)}: check the quotes, commas and brackets there`,
    'error.system': (a: A) => `${s(a.file) ? `${s(a.file)}: ` : ''}${systemReasonEn(a.reason)}`,
    'error.sharp-missing': () =>
      'Cannot load the image library sharp: its platform files are missing here (npm install --omit=optional leaves them out). Checking photos and scans needs it: in the folder where shegong is installed, run npm install --include=optional sharp (or npm rebuild sharp if it is installed). Eligibility, dates, the checklist, rules, data and PDF checks do not need it and work as usual',
    cancelled: 'Cancelled.',
  } as Record<string, ((a: A) => string) | string>,
  prompt: {
    intro:
      'Answer a few questions to check your eligibility and build your preparation checklist (answers are saved on this computer; clear them with shegong profile reset).',
    level: 'Exam level',
    education: 'Highest education (the one you are applying with)',
    major: 'Major',
    graduated: 'Year and month you obtained it (e.g. 2019-07; if you graduate this year, the expected month)',
    studyMode: 'Mode of study for this qualification',
    work: 'Social work periods (e.g. 2019-07..2021-06, 2022-03..; ending with ".." means ongoing; none if you have none)',
    certAssistant: 'Year and month you obtained the Assistant Social Worker certificate (none if you have not)',
    certIntermediate:
      'Year and month you obtained the Social Worker (intermediate) qualification (none if you have not)',
    province: 'Province you are applying in (where you work or live, e.g. Guangdong)',
    filesDir: 'Folder holding your materials (photo, ID card, diploma …; leave empty to skip)',
    // Profile show labels for keys the questions above do not cover
    degrees: 'Further qualifications',
    certificates: 'Certificates held',
    hukou: 'Province of your household registration (hukou) (optional)',
    educationCase: 'Which describes your qualification? (it decides whether the platform can verify it online)',
    enrolled:
      'When did full-time study for this qualification begin? (e.g. 2019-09; work before it counts; leave empty if unsure)',
    moreDegrees: 'Do you hold or study for any other qualification besides this one? (e.g. a 大专 before a 本科)',
    degreeEducation: 'Further qualification: level',
    degreePeriod:
      'Its enrolment and graduation months (e.g. 2012-09..2015-06; ..2015-06 if you only know the graduation)',
  },
};

const educationList = (value: unknown) =>
  s(value)
    .split(',')
    .filter(Boolean)
    .map((e) => en.labels.education[e] ?? e)
    .join(', ');

const RANK = ['highschool', 'secondary', 'associate', 'bachelor', 'master', 'doctor'];
const DEGREE_NAME: Record<string, string> = {
  highschool: 'high school',
  secondary: 'secondary vocational (中专)',
  associate: 'junior college diploma (大专)',
  bachelor: "bachelor's",
  master: "master's",
  doctor: 'doctorate',
};

/** A route in words, from its data: education, major, years, certificate, note. */
function routeEn(route: Route): string {
  const sorted = [...route.education].sort((a, b) => RANK.indexOf(a) - RANK.indexOf(b));
  const lowest = sorted[0] ?? '';
  const education = sorted.every((e) => e === 'highschool' || e === 'secondary')
    ? 'High school or secondary vocational (中专) education'
    : `${DEGREE_NAME[lowest] ?? lowest}${sorted.length > 1 ? ' or higher' : ''}`;
  const major = route.major === 'social-work' ? ' in social work' : route.major === 'other' ? ' in another major' : '';
  const after = route.certificate ? ` after obtaining the ${en.labels.certificate[route.certificate]}` : '';
  const years =
    route.years > 0
      ? `, at least ${plural(route.years, 'year')} in social work${after}`
      : after
        ? `, with the ${en.labels.certificate[route.certificate ?? '']}`
        : '';
  const derived = route.confidence && route.confidence !== 'official' ? ' (inferred)' : '';
  if (route.note && route.years === 0) return `${route.note.en}${derived}`;
  const text = `${education}${major}${years}${derived}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `law-policy@2026-05-23 14:00-16:00` → Social Work Law and Policy 23 May 14:00-16:00 */
function paper(spec: string, c: NameContext): string {
  const [id = '', when = ''] = spec.split('@');
  const [date = '', time = ''] = when.split(' ');
  return `${c.paper(id)} ${shortDay(date)} ${time}`;
}
