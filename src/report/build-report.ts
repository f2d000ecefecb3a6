/**
 * CheckOutcome (ids and numbers) → the public report (docs/contract.md, schema shegong.report/v1) in one
 * language. Pure. Every renderer works from this one object, so all formats say the same thing.
 */
import type { Messages } from '../i18n/messages.js';
import type { Values } from '../model/finding.js';
import type { Eligibility } from '../model/eligibility.js';
import type { Province } from '../model/provinces.js';
import type { ChecklistGroup, ChecklistStatus, CheckOutcome, FileResult, RegistrationClosed } from '../model/report.js';
import type { Lang, RuleSet } from '../model/rules.js';
import { openItems } from '../checklist/build-checklist.js';
import { degreeText } from '../answers/qualifications.js';
import { levelRoutes } from '../eligibility/evaluate-eligibility.js';
import {
  deadlineLine,
  localizeEvent,
  localizeFinding,
  nameContext,
  type DeadlineLine,
  type ReportEvent,
  type ReportFinding,
} from './localize.js';
import { type DataProvenance, dataProvenance } from './provenance.js';

export const REPORT_SCHEMA = 'shegong.report/v1';

export interface ReportChecklistItem {
  id: string;
  group: ChecklistGroup;
  status: ChecklistStatus;
  text: string;
  due?: string;
  dueEstimated?: boolean;
}

export interface ReportFile extends Omit<FileResult, 'findings'> {
  findings: ReportFinding[];
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  lang: Lang;
  today: string;
  year: number;
  ready: boolean;
  candidate: Record<string, string | string[] | undefined>;
  /** The model's verdict (model/eligibility.ts), with the route and its findings in words. */
  eligibility: Omit<Eligibility, 'examYear' | 'findings'> & {
    routeText: string | null;
    /** Looser claims from guides and seed articles that the official rule overrules (context only). */
    folklore: { claim: string; source: string }[];
    findings: ReportFinding[];
  };
  files: ReportFile[];
  dates: { events: ReportEvent[] };
  checklist: ReportChecklistItem[];
  /** The open items, most urgent first: what to do next. */
  next: { id: string; short: string; text: string; due?: string }[];
  /** The nearest window to act on, as a sentence ("报名将于 3月9日 开始，还有 12 天"). */
  nextDeadline?: DeadlineLine;
  /** What the answer rests on: the data pack, overrides, published or estimated dates (docs/data-packs.md). */
  data?: DataProvenance;
  /** A registration that has closed (the judged cycle's, or this year's the report moved past), said plainly. */
  registrationClosed?: RegistrationClosed & { text: string; nextText: string };
}

export interface ReportContext {
  lang: Lang;
  messages: Messages;
  ruleSet: RuleSet;
  provinces: readonly Province[];
}

export function buildReport(outcome: CheckOutcome, context: ReportContext): Report {
  const { messages, lang } = context;
  const names = nameContext(context.ruleSet, context.provinces, lang);
  // Per-file items (materials.file.<role>) share one wording; role and status get their names here.
  const wording = (id: string) => (id.startsWith('materials.file.') ? 'materials.file' : id);
  const words = (id: string, args: Values) =>
    messages.checklist[wording(id)]?.(
      {
        ...args,
        roleName: messages.labels.role[String(args.role)] ?? '',
        statusName: messages.labels.fileStatus[String(args.fileStatus)] ?? '',
      },
      names,
    ) ?? id;
  // A missed item says so first, with the day it closed; the registration item words its own.
  const text = (id: string, args: Values) =>
    args.closed && id !== 'registration.window'
      ? `${messages.ui.missed(String(args.closed), Boolean(args.closedEstimated))}${words(id, args)}`
      : words(id, args);
  const { answers, eligibility } = outcome;
  const data = dataProvenance(context.ruleSet, outcome.year, outcome.events, messages);
  return {
    schema: REPORT_SCHEMA,
    lang,
    today: outcome.today,
    year: outcome.year,
    ready: outcome.ready,
    candidate: {
      level: answers.level,
      education: answers.education,
      major: answers.major,
      graduated: answers.graduated,
      // A study mode the roster did not give is shown as such, never as the full-time it is read as.
      studyMode: answers.unanswered?.studyMode ? 'unknown' : answers.studyMode,
      ...(answers.unanswered ? { unanswered: Object.keys(answers.unanswered) } : {}),
      ...(answers.enrolled ? { enrolled: answers.enrolled } : {}),
      ...(answers.degrees?.length ? { degrees: answers.degrees.map(degreeText) } : {}),
      // Work the roster did not give is left out, never shown as none.
      ...(answers.unanswered?.work ? {} : { work: answers.work.map((w) => `${w.start}..${w.end ?? ''}`) }),
      // Certificates a roster had no column for: left out, never shown as none.
      ...(answers.unanswered?.certificates
        ? {}
        : { certificates: answers.certificates.map((c) => `${c.level}:${c.obtained}`) }),
      province: answers.province,
      ...(answers.hukou ? { hukou: answers.hukou } : {}),
    },
    eligibility: {
      status: eligibility.status,
      route: eligibility.route,
      routeText: routeText(messages, context.ruleSet, answers.level, eligibility.route),
      ...(eligibility.degree ? { degree: eligibility.degree } : {}),
      requiredYears: eligibility.requiredYears,
      countedMonths: eligibility.countedMonths,
      shortfallMonths: eligibility.shortfallMonths,
      cutoff: eligibility.cutoff,
      earliestYear: eligibility.earliestYear,
      borderline: eligibility.borderline,
      routes: eligibility.routes,
      folklore: (context.ruleSet.rules[`eligibility.${answers.level}`]?.folklore ?? []).map((f) => ({
        claim: f.claim[lang],
        source: f.source,
      })),
      findings: eligibility.findings.map((f) => localizeFinding(messages, f)),
    },
    files: outcome.files.map((file) => ({ ...file, findings: file.findings.map((f) => localizeFinding(messages, f)) })),
    dates: { events: outcome.events.map((event) => localizeEvent(messages, event, names)) },
    checklist: outcome.checklist.map((item) => ({
      id: item.id,
      group: item.group,
      status: item.status,
      text: text(item.id, item.args),
      ...(item.due ? { due: item.due, dueEstimated: item.dueEstimated ?? false } : {}),
    })),
    next: openItems(outcome.checklist).map((item) => ({
      id: item.id,
      short:
        (item.id === 'eligibility.verdict' && item.args.asks ? messages.short['eligibility.ask'] : undefined) ??
        messages.short[wording(item.id)] ??
        item.id,
      text: text(item.id, item.args),
      ...(item.due ? { due: item.due } : {}),
    })),
    // After a missed registration the next step is the registration item itself, not this cycle's next date.
    ...(outcome.checklist.some((item) => item.id === 'registration.window' && item.status === 'missed')
      ? {}
      : withDeadline(deadlineLine(messages, outcome.events))),
    ...(data ? { data } : {}),
    ...(outcome.registrationClosed
      ? {
          registrationClosed: {
            ...outcome.registrationClosed,
            text: messages.ui.registrationClosed(
              outcome.registrationClosed,
              names.province(String(answers.province ?? '')),
            ),
            nextText: messages.ui.nextCycle(outcome.registrationClosed, names.province(String(answers.province ?? ''))),
          },
        }
      : {}),
  };
}

/** A route's description, built from the rule data (so an override of its years changes the words too). */
export function routeText(
  messages: Messages,
  ruleSet: RuleSet,
  level: CheckOutcome['answers']['level'],
  id: string | null,
): string | null {
  const route = id ? levelRoutes(ruleSet, level).find((r) => r.id === id) : undefined;
  return route ? messages.eligibilityRoute(route) : id;
}

const withDeadline = (line: DeadlineLine | undefined) => (line ? { nextDeadline: line } : {});
