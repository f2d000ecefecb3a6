/**
 * The shape of a message catalogue (zh-CN.ts, en.ts): every key both languages must have.
 * Finding and checklist words are keyed by the ids the check and item lists declare, so a check
 * or an item without words in either language fails tsc instead of printing its id at run time.
 */
import type { ChecklistWordingId } from '../checklist/items.js';
import type { RowStatus } from '../model/eligibility.js';
import type { Values } from '../model/finding.js';
import type { RegistrationClosed } from '../model/report.js';
import type { CarriedField } from '../model/roster-columns.js';
import type { Lang, Route } from '../model/rules.js';
import type { EventSourceWords } from './core-words.js';
import type { DataWords } from './data-words.js';
import type { PageWords } from './page-words.js';
import type { FindingId } from './finding-ids.js';

type A = Values;

/** Names the core leaves as ids: papers and provinces come from the rule data. */
export interface NameContext {
  paper: (id: string) => string;
  province: (id: string) => string;
}

/** A finding's words: what is wrong, and what to do. */
export interface FindingWords {
  message: (a: A) => string;
  fix: (a: A) => string;
}
/** Every finding id has words; lookups by a plain string (an id from JSON) may miss. */
export type FindingCatalogue = Record<FindingId, FindingWords> & { [id: string]: FindingWords | undefined };

export type ChecklistWords = (a: A, c: NameContext) => string;
export type ChecklistCatalogue = Record<ChecklistWordingId, ChecklistWords> & {
  [id: string]: ChecklistWords | undefined;
};

export interface Messages {
  lang: Lang;
  months: (total: number) => string;
  day: (iso: unknown) => string;
  labels: {
    level: Record<string, string>;
    education: Record<string, string>;
    major: Record<string, string>;
    studyMode: Record<string, string>;
    certificate: Record<string, string>;
    group: Record<string, string>;
    eligibility: Record<string, string>;
    confidence: Record<string, string>;
    severity: Record<string, string>;
    event: Record<string, string>;
    role: Record<string, string>;
    fileStatus: Record<string, string>;
    educationCase: Record<string, string>;
  };
  ui: {
    title: (year: number) => string;
    candidate: string;
    eligibilityHeading: string;
    route: string;
    counted: string;
    qualification: string;
    countFrom: (month: string) => string;
    countedLine: (counted: string, required: string, cutoff: string) => string;
    colon: string;
    /** A parenthetical and a short enumeration in this language's punctuation. */
    inParens: (text: string) => string;
    enumerate: (items: readonly string[]) => string;
    listSeparator: string;
    earliest: string;
    summaryReady: string;
    summaryNotReady: (blocked: number, todo: number) => string;
    summaryNeedsInfo: (todo: number) => string;
    /** A province the answers do not give (a roster without one, or an unreadable cell). */
    provinceNone: string;
    remaining: (count: number, list: string) => string;
    nothingLeft: string;
    due: (iso: string, estimated: boolean) => string;
    estimatedMark: string;
    verboseHint: string;
    measured: string;
    expected: string;
    fix: string;
    source: string;
    folklore: string;
    rulesTitle: string;
    overridden: (file: string) => string;
    nextAction: string;
    daysLeft: (d: number) => string;
    openNow: (d: number) => string;
    passed: string;
    profileEmpty: string;
    profileReset: string;
    profileCorrupt: (file: string) => string;
    profileUnreadable: (file: string, reason: string) => string;
    profileNotSaved: (file: string, reason: string) => string;
    demoIntro: string;
    /** The demo's sample files, unchecked because sharp cannot load (see error.sharp-missing). */
    demoFilesSkipped: (files: string) => string;
    datesTitle: (year: number, today: string) => string;
    runningCycle: (year: number) => string;
    missed: (closed: string, estimated: boolean) => string;
    /** The headline when a registration has closed (model/report.ts RegistrationClosed). */
    registrationClosed: (closed: RegistrationClosed, province: string) => string;
    nextCycle: (closed: RegistrationClosed, province: string) => string;
    deadlineUpcoming: (title: string, date: string, days: number) => string;
    deadlineOpen: (title: string, date: string, days: number) => string;
    icsWritten: (file: string, count: number) => string;
    calendarName: string;
    filesHeading: string;
    filesSummary: (pass: number, warn: number, fail: number) => string;
    fixed: (file: string, width: number, height: number, kb: number, quality: number, dpi: number) => string;
    fixedNotInWindow: string;
    recheck: string;
    cannotFix: Record<string, string>;
    /** What the photo fix did, e.g. "摆正、裁剪、换白底…". */
    fixChanges: (changes: string) => string;
    changeWords: Record<'turn' | 'straighten' | 'crop' | 'light' | 'background' | 'resize' | 'encode', string>;
    /** Said whenever the background was replaced: the result must be looked at. */
    fixLookAt: string;
    /**
     * The local page (`shegong ui`) fixes on its own and changes answers with its own button: advice
     * that names a command (`shegong fix`, `shegong profile edit`) is said in the page's words.
     * Pairs of [command phrase, page phrase], longest first.
     */
    commandsOnPage: readonly (readonly [string, string])[];
    fixPreview: (file: string) => string;
    fixConfirm: (role: string, file: string) => string;
    fixesWritten: (count: number) => string;
    summaryReadyTodo: (todo: number) => string;
    datesColumns: string[];
    icsSpanStart: (title: string) => string;
    icsSpanEnd: (title: string) => string;
    fixRenamed: (file: string, name: string) => string;
    useSaved: (summary: string) => string;
    folderMissing: (dir: string) => string;
    folderIsFile: (dir: string) => string;
    folderUnreadable: (dir: string) => string;
    /** No file in the folder; `subfolder`: the first of its subfolders, which are not looked into. */
    folderEmpty: (dir: string, subfolder?: string) => string;
    profileColumns: string[];
    profileEdited: string;
    madeOn: (date: string) => string;
    answersHeading: string;
    provinceLabel: string;
    interviewFix: Record<string, (a: A) => string>;
    answerLabels: Record<string, string>;
    answerNone: string;
    answerOngoing: string;
    promptWords: {
      yes: string;
      no: string;
      navigate: string;
      select: string;
      default: string;
    };
    estimatedLegend: string;
    datesHeading: string;
  };
  eligibilityRoute: (route: Route) => string;
  /** Words for every finding id (a missing one fails tsc); looked up by id. */
  finding: FindingCatalogue;
  /** Words for every checklist item (per-file items share `materials.file`). */
  checklist: ChecklistCatalogue;
  /** Short names of checklist items, for the closing “还差 N 项” line. */
  short: Record<string, string>;
  /** What to do for each date (calendar descriptions, verbose timeline). */
  batch: {
    totalLabel: string;
    /** A row's status, in the status column and the counts. */
    status: Record<RowStatus, string>;
    columns: {
      line: string;
      name: string;
      id: string;
      level: string;
      status: string;
      eligibility: string;
      route: string;
      problem: string;
      fixed: string;
      deadline: string;
      report: string;
      /** Typed by the carried roster columns: tsc fails until each has its header words. */
    } & Record<CarriedField, string>;
    yes: string;
    no: string;
    title: string;
    counts: (total: number, counts: Record<RowStatus, number>) => string;
    filter: string;
    onlyProblems: string;
    thumbnail: string;
    progress: (done: number, total: number, eta: string) => string;
    interruptedNote: (done: number, total: number) => string;
    interrupted: (done: number, total: number) => string;
    /** Files an earlier run wrote in the output folder that this run removed (its pages are not in this summary). */
    removedStale: (count: number) => string;
    written: (dir: string) => string;
    html: (file: string) => string;
    encoding: (encoding: string, rows: number) => string;
    generated: (today: string) => string;
    fixState: Record<string, string>;
    notChecked: string;
    materialsNotChecked: string;
    noProvince: (rows: number) => string;
    fixSummary: (fixed: number, needsNew: number, couldNot: number) => string;
    readyAfterFix: (before: number, after: number) => string;
    page: string;
    pageTitle: (name: string) => string;
    rowHeading: string;
    fixesHeading: string;
    fixedCopy: string;
    original: string;
    backToBatch: string;
    idLabel: string;
    noAnswers: string;
    xlsxWritten: (file: string) => string;
    headerFound: (line: number, titleLines: number[]) => string;
    noteRows: (lines: number[]) => string;
    unrecognised: (columns: { header: string; nearest?: string }[]) => string;
  };
  eventTodo: Record<string, string>;
  eventNote: {
    estimated: (from: string) => string;
    province: (name: string, city?: string) => string;
    published: string;
    rule: string;
    conservative: (from: string, earliest: string, province: boolean, national: string) => string;
    span: (start: string, end: string) => string;
  };
  /** How an estimated date was derived (dates/build-events.ts → report/localize.ts). */
  eventSource: EventSourceWords;
  problem: Record<string, (a: A) => string>;
  error: Record<string, ((a: A) => string) | string>;
  /** Data packs: provenance, `shegong data`, the stale-data notice. */
  data: DataWords;
  /** `shegong ui`: the terminal's lines about the local page and the page's own labels. */
  page: PageWords;
  prompt: {
    intro: string;
    level: string;
    education: string;
    major: string;
    graduated: string;
    studyMode: string;
    work: string;
    certAssistant: string;
    certIntermediate: string;
    province: string;
    hukou: string;
    educationCase: string;
    enrolled: string;
    moreDegrees: string;
    degreeEducation: string;
    degreePeriod: string;
    filesDir: string;
    degrees: string;
    certificates: string;
  };
}
