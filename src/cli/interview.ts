/** The interview: ask, in order, for every answer the flags did not give. Validated by the core's parsers. */
import { helpWords } from '../i18n/help.js';
import { statSync } from 'node:fs';
import { folderEntries } from '../files-io/folder-entries.js';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Messages } from '../i18n/messages.js';
import { EDUCATIONS, LEVELS, MAJORS, STUDY_MODES, type Answers } from '../model/answers.js';
import type { Province } from '../model/provinces.js';
import { problemText } from '../i18n/messages.js';
import type { Degree } from '../model/answers.js';
import type { DocumentCase } from '../model/rules.js';
import { parseDegrees } from '../answers/parse-answer.js';
import {
  completeAnswers,
  enrolmentMatters,
  missingAnswers,
  neededCertificate,
  parseAnswer,
  type AnswerKey,
  type RawAnswers,
} from '../answers/resolve-answers.js';
import type { Prompter } from './prompter.js';

export interface InterviewInput {
  answers: Partial<Answers>;
  /** Saved answers from last time, offered as defaults. */
  defaults: RawAnswers;
  provinces: readonly Province[];
  messages: Messages;
  prompter: Prompter;
  /** Ask for 户籍 too when the flags did not give it. */
  askHukou: boolean;
}

export async function interview(input: InterviewInput): Promise<Answers> {
  const { messages, prompter, provinces } = input;
  const { labels, prompt } = messages;
  const answers: Partial<Answers> = { ...input.answers };
  const validator =
    (key: AnswerKey, wrap: (value: string) => string = (v) => v) =>
    (value: string) => {
      const parsed = parseAnswer(key, wrap(value), provinces);
      return parsed.ok ? true : problemText(messages, parsed.problem.key, parsed.problem.args);
    };
  const accept = (key: AnswerKey, raw: string) => {
    const parsed = parseAnswer(key, raw, provinces);
    if (parsed.ok) (answers as Record<string, unknown>)[key] = parsed.value;
  };
  const fromDefault = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(', ') : value);
  const provinceChoices = (registering: boolean) =>
    provinces
      .filter((p) => !registering || p.registers)
      .map((p) => ({ value: p.id, name: messages.lang === 'en' ? p.en : p.zh }));

  let next: AnswerKey | undefined;
  while ((next = missingAnswers(answers)[0])) {
    const saved = fromDefault(input.defaults[next]);
    switch (next) {
      case 'level':
      case 'education':
      case 'major':
      case 'studyMode': {
        const [values, names, message] = {
          level: [LEVELS, labels.level, prompt.level],
          education: [EDUCATIONS, labels.education, prompt.education],
          major: [MAJORS, labels.major, prompt.major],
          studyMode: [STUDY_MODES, labels.studyMode, prompt.studyMode],
        }[next] as [readonly string[], Record<string, string>, string];
        const value = await prompter.select({
          message,
          choices: values.map((v) => ({ value: v, name: names[v] ?? v })),
          ...(saved && values.includes(saved) ? { default: saved } : {}),
        });
        accept(next, value);
        break;
      }
      case 'graduated':
      case 'work': {
        const message = next === 'graduated' ? prompt.graduated : prompt.work;
        const value = await prompter.input({
          message,
          ...(saved ? { default: saved } : {}),
          validate: validator(next),
        });
        accept(next, value);
        break;
      }
      case 'certificates': {
        const level = neededCertificate(answers) ?? 'assistant';
        const savedMonth =
          input.defaults.certificates &&
          fromDefault(input.defaults.certificates)?.match(new RegExp(`${level}:(\\d{4}-\\d{2})`))?.[1];
        const wrap = (value: string) =>
          /^(none|no|无|没有|-)?$/i.test(value.trim()) ? 'none' : `${level}:${value.trim()}`;
        const value = await prompter.input({
          message: level === 'assistant' ? prompt.certAssistant : prompt.certIntermediate,
          ...(savedMonth ? { default: savedMonth } : {}),
          validate: validator('certificates', wrap),
        });
        accept('certificates', wrap(value));
        break;
      }
      case 'province': {
        const value = await prompter.select({
          message: prompt.province,
          choices: provinceChoices(true),
          ...(saved ? { default: saved } : {}),
        });
        accept('province', value);
        break;
      }
      case 'hukou':
        break;
    }
  }
  if (enrolmentMatters(answers)) {
    const value = await prompter.input({
      message: prompt.enrolled,
      ...(input.defaults.enrolled ? { default: input.defaults.enrolled } : {}),
      validate: (v) => {
        if (v.trim() === '') return true;
        const parsed = parseAnswer('enrolled', v, provinces);
        if (!parsed.ok) return problemText(messages, parsed.problem.key, parsed.problem.args);
        const graduated = answers.graduated ?? '';
        return String(parsed.value) <= graduated
          ? true
          : problemText(messages, 'answer.enrolled-order', { enrolled: String(parsed.value), graduated });
      },
    });
    if (value.trim()) accept('enrolled', value);
  }
  if (answers.degrees === undefined) {
    answers.degrees = await furtherDegrees(input);
    // Asked with the education history, so a person learns which report fits their case.
    answers.educationCases = await askEducationCases(prompter, messages);
  }
  if (input.askHukou && answers.hukou === undefined) {
    const same = { value: '', name: helpWords(messages.lang === 'en').interview.sameProvince };
    const value = await prompter.select({
      message: prompt.hukou,
      choices: [same, ...provinceChoices(false)],
      default: input.defaults.hukou ?? '',
    });
    if (value) accept('hukou', value);
  }
  const complete = completeAnswers(answers);
  if (!complete) throw new Error('interview ended with answers missing');
  return complete;
}

/** Further qualifications (a 大专 before the 本科, a degree being finished): asked one by one. */
async function furtherDegrees(input: InterviewInput): Promise<Degree[]> {
  const { messages, prompter } = input;
  const { labels, prompt } = messages;
  const degrees: Degree[] = [];
  const pick = (values: readonly string[], names: Record<string, string>, message: string) =>
    prompter.select({ message, choices: values.map((v) => ({ value: v, name: names[v] ?? v })) });
  while (await prompter.confirm({ message: prompt.moreDegrees, default: false })) {
    const education = await pick(EDUCATIONS, labels.education, prompt.degreeEducation);
    const major = await pick(MAJORS, labels.major, prompt.major);
    const mode = await pick(STUDY_MODES, labels.studyMode, prompt.studyMode);
    const spec = (period: string) => `${education}:${major}:${mode}:${period.trim()}`;
    const period = await prompter.input({
      message: prompt.degreePeriod,
      validate: (value) => {
        const parsed = parseDegrees(spec(value));
        return parsed.ok ? true : problemText(messages, parsed.problem.key, parsed.problem.args);
      },
    });
    const parsed = parseDegrees(spec(period));
    if (parsed.ok) degrees.push(...parsed.value);
  }
  return degrees;
}

/**
 * A path as typed or dropped into a terminal: quotes and trailing spaces gone, `\ ` unescaped,
 * `~` expanded to the home folder.
 */
export function typedPath(value: string, home = homedir()): string {
  const trimmed = value
    .trim()
    .replace(/^(['"])(.*)\1$/, '$2')
    .replace(/\\ /g, ' ')
    .trim();
  if (trimmed === '~') return home;
  if (trimmed.startsWith('~/') || trimmed.startsWith('~\\')) return path.join(home, trimmed.slice(2));
  return trimmed;
}

/** Why a typed materials folder cannot be used, in words; undefined when it can. */
export function folderProblem(value: string, messages: Messages): string | undefined {
  const folder = typedPath(value);
  if (!folder) return undefined;
  try {
    if (!statSync(folder).isDirectory()) return messages.ui.folderIsFile(folder);
    // As `--files` will read it: its own files, never its subfolders.
    const { files, subfolders } = folderEntries(folder);
    return files.length ? undefined : messages.ui.folderEmpty(folder, subfolders[0]);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM'
      ? messages.ui.folderUnreadable(folder)
      : messages.ui.folderMissing(folder);
  }
}

/** The interview's optional last question: where the materials are. Asked again until usable or empty. */
export async function askMaterialsFolder(prompter: Prompter, messages: Messages): Promise<string | undefined> {
  const value = await prompter.input({
    message: messages.prompt.filesDir,
    validate: (typed) => folderProblem(typed, messages) ?? true,
  });
  return typedPath(value) || undefined;
}

/**
 * Whether the platform's online check can see the degree. An overseas (incl. Hong Kong,
 * Macau, Taiwan) degree or a changed name or ID number means a report must be uploaded.
 */
export async function askEducationCases(
  prompter: Prompter,
  messages: Messages,
): Promise<Extract<DocumentCase, 'abroad' | 'renamed'>[]> {
  const choices = EDUCATION_CASE_CHOICES.map((value) => ({
    value,
    name: messages.labels.educationCase[value] ?? value,
  }));
  const value = await prompter.select({ message: messages.prompt.educationCase, choices, default: 'none' });
  return value === 'both' ? ['abroad', 'renamed'] : value === 'abroad' || value === 'renamed' ? [value] : [];
}
const EDUCATION_CASE_CHOICES = ['none', 'abroad', 'renamed', 'both'] as const;
