/** `shegong check`: answers (flags, else the interview) → eligibility, checklist, report. */
import { interviewWorded } from '../../i18n/messages.js';
import { fixNotes } from '../fix-notes.js';
import { UserError } from '../../errors.js';
import type { Answers } from '../../model/answers.js';
import { problemText } from '../../i18n/messages.js';
import {
  ANSWER_FLAGS,
  answersFromFlags,
  completeAnswers,
  missingAnswers,
  neededCertificate,
  resolveAnswers,
  toRaw,
  type RawAnswers,
} from '../../answers/resolve-answers.js';
import path from 'node:path';
import type { FileInput } from '../../files-io/probe-and-check.js';
import type { FileResult } from '../../model/report.js';
import type { UploadRole } from '../../model/rules.js';
import { parseEducationCases } from '../../answers/education-cases.js';
import type { ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext, type CommandContext } from '../load-context.js';
import { helpWords } from '../../i18n/help.js';
import { fileInputs, freeName } from '../inputs.js';
import type { CheckOptions } from '../options.js';
import { reportOn } from '../report-on.js';

/** Only the answers a flag actually gave (commander leaves the rest undefined). */
const given = (raw: RawAnswers): RawAnswers =>
  Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as RawAnswers;

/**
 * Answers from the flags, then the saved profile, then the interview:
 * - `--use-profile`: the saved answers fill what the flags left out, without a question;
 * - at a terminal, when the saved answers complete the set: "use last time's answers?";
 * - otherwise the interview, with the saved answers as defaults (`profile edit` always asks).
 */
export async function gatherAnswers(
  flags: CheckOptions,
  context: CommandContext,
  options: { edit?: boolean } = {},
): Promise<Answers> {
  const { messages, provinces, globals } = context;
  const raw = answersFromFlags(flags);
  const { answers, problems } = resolveAnswers(raw, provinces);
  if (problems.length > 0) {
    const [first, ...rest] = problems.map(({ problem }) => problemText(messages, problem.key, problem.args));
    throw new UserError('error.usage', {}, [first ?? '', ...rest]);
  }
  const complete = completeAnswers(answers);
  if (complete && !options.edit) return complete;
  const useProfile = Boolean(flags.useProfile);
  const store =
    useProfile || globals.interactive ? await (await import('../profile-store.js')).openProfileStore() : undefined;
  // A damaged or unreadable store is said once; the interview runs regardless.
  if (store?.problem?.kind === 'corrupt') process.stderr.write(`${messages.ui.profileCorrupt(store.path)}\n`);
  else if (store?.problem)
    process.stderr.write(`${messages.ui.profileUnreadable(store.path, store.problem.code ?? '')}\n`);
  const saved = store?.read() ?? {};
  // Saved answers that still parse, under the flags (a flag given now always wins).
  const savedOk = resolveAnswers(saved, provinces);
  const usable = given(
    Object.fromEntries(
      Object.entries(saved).filter(([key]) => !savedOk.problems.some((p) => p.key === key)),
    ) as RawAnswers,
  );
  const merged = resolveAnswers({ ...usable, ...raw }, provinces).answers;
  if (useProfile && Object.keys(usable).length === 0) throw new UserError('error.no-profile');
  const fromProfile = completeAnswers(merged);
  if (useProfile && fromProfile && !options.edit) return fromProfile;
  if (!globals.interactive) {
    const missing = missingAnswers(useProfile ? merged : answers);
    throw new UserError(
      'error.usage',
      {},
      missing.map((key) =>
        problemText(messages, 'answer.required', {
          what: messages.prompt[promptKey(key, answers)],
          flag: ANSWER_FLAGS[key],
        }),
      ),
    );
  }
  const [{ interview }, { inquirerPrompter }] = await Promise.all([
    import('../interview.js'),
    import('../prompter.js'),
  ]);
  const prompter = inquirerPrompter(messages.ui.promptWords);
  if (fromProfile && !options.edit) {
    const [{ answerRows }, { provinceNamer }] = await Promise.all([
      import('../../report/answer-rows.js'),
      import('../../report/localize.js'),
    ]);
    const names = { province: provinceNamer(provinces, globals.lang) };
    const rows = answerRows(toRaw(fromProfile) as Record<string, string>, messages, names);
    const summary = rows
      .filter(([label]) =>
        [
          messages.ui.answerLabels.level,
          messages.ui.answerLabels.education,
          messages.ui.answerLabels.province,
        ].includes(label),
      )
      .map(([, v]) => v)
      .join(' · ');
    if (await prompter.confirm({ message: messages.ui.useSaved(summary), default: true })) return fromProfile;
  }
  const [{ wrapText }, { terminalWidth }] = await Promise.all([
    import('../../text/table.js'),
    import('../terminal.js'),
  ]);
  process.stderr.write(`${wrapText(messages.prompt.intro, terminalWidth(undefined, process.stderr))}\n`);
  const result = await interview({
    answers: useProfile ? merged : answers,
    defaults: usable,
    provinces,
    messages,
    prompter,
    askHukou: flags.hukou === undefined,
  });
  const notSaved = store?.save(toRaw(result));
  if (store && notSaved && notSaved.kind !== 'corrupt' && !store.problem)
    process.stderr.write(`${messages.ui.profileNotSaved(store.path, notSaved.code ?? '')}\n`);
  return result;
}

/** The question a missing answer stands for (the certificate one depends on the route). */
const promptKey = (key: keyof typeof ANSWER_FLAGS, answers: Partial<Answers>) =>
  (key === 'certificates'
    ? neededCertificate(answers) === 'assistant'
      ? 'certAssistant'
      : 'certIntermediate'
    : key) as keyof CommandContext['messages']['prompt'];

export async function runCheck(flags: CheckOptions, globals: GlobalOptions): Promise<ExitCode> {
  const loaded = await loadContext(globals);
  const { cases: flagCases, unknown } = parseEducationCases(flags.educationCase);
  if (unknown.length)
    throw new UserError(
      'error.usage',
      {},
      unknown.map((value) => helpWords(globals.lang === 'en').usage.educationCase(value)),
    );
  // Answers that came from the questions (or last time's), not from flags typed now.
  const asked =
    globals.interactive && !completeAnswers(resolveAnswers(answersFromFlags(flags), loaded.provinces).answers);
  const answers = await gatherAnswers(flags, loaded);
  // The interview asks whether online verification can see the degree; a flag wins.
  const educationCases = flags.educationCase !== undefined ? flagCases : (answers.educationCases ?? []);
  // After the interview, advice names no flag the user never typed.
  const context = asked ? { ...loaded, messages: interviewWorded(loaded.messages) } : loaded;
  let { inputs, strays } = await fileInputs(flags);
  // When the interview asked for the folder, it also offers the fixed copies (file by file).
  const askedFolder = inputs.length === 0 && strays.length === 0 && globals.interactive && !flags.useProfile;
  if (askedFolder) ({ inputs, strays } = await askForFolder(context));
  let files = inputs.length ? await checkInputs(inputs, context) : [];
  if (flags.fix || (askedFolder && files.length > 0)) files = await fixFiles(files, context);
  // Files in the folder no name fits: listed with a warning, so nothing vanishes without a word.
  const { unknownRoleResult } = await import('../../files/guess-role.js');
  files = [...files, ...strays.map((file) => unknownRoleResult(file, 'warning'))];
  return reportOn(answers, context, files, educationCases);
}

async function checkInputs(inputs: FileInput[], context: CommandContext): Promise<FileResult[]> {
  const { checkFiles } = await import('../../files-io/probe-and-check.js');
  return checkFiles(inputs, context.ruleSet);
}

/** The interview's optional last question: where the materials are (asked again until usable or empty). */
async function askForFolder(context: CommandContext): Promise<{ inputs: FileInput[]; strays: string[] }> {
  const [{ inquirerPrompter }, { askMaterialsFolder }] = await Promise.all([
    import('../prompter.js'),
    import('../interview.js'),
  ]);
  const folder = await askMaterialsFolder(inquirerPrompter(context.messages.ui.promptWords), context.messages);
  return folder ? fileInputs({ files: folder }) : { inputs: [], strays: [] };
}

/**
 * check --fix: a compliant copy beside each fixable original (`<name>.fixed.jpg`), asked file by
 * file in a terminal. The report then shows the copy's verdict in place of the original's.
 */
async function fixFiles(files: FileResult[], context: CommandContext): Promise<FileResult[]> {
  const { messages, ruleSet, globals } = context;
  const [{ fixToFile }, { fixPlan }] = await Promise.all([
    import('../../files-io/fix-to-file.js'),
    import('../../files/fixable.js'),
  ]);
  const prompter = globals.interactive
    ? (await import('../prompter.js')).inquirerPrompter(messages.ui.promptWords)
    : undefined;
  let written = 0;
  const results: FileResult[] = [];
  for (const file of files) {
    if (file.role === 'unknown' || fixPlan(file) !== 'fix') {
      results.push(file);
      continue;
    }
    const role = file.role as UploadRole;
    if (
      prompter &&
      !(await prompter.confirm({
        message: messages.ui.fixConfirm(messages.labels.role[role] ?? role, file.path),
        default: true,
      }))
    ) {
      results.push(file);
      continue;
    }
    // Beside the original, as fix does: a numbered name when an earlier copy is there.
    const output = await freeName(
      path.join(path.dirname(file.path), `${path.basename(file.path).replace(/\.[^.]+$/, '')}.fixed.jpg`),
    );
    // A copy that cannot be written (read-only folder, a file already there) costs the
    // copy, never the report: said, and the original's verdict kept.
    const outcome = await fixToFile(file.path, role, output, ruleSet).catch((error: unknown) => {
      if (!(error instanceof UserError)) throw error;
      process.stderr.write(`✗ ${problemText(messages, error.key, error.args)}\n`);
      return undefined;
    });
    if (!outcome) {
      results.push(file);
      continue;
    }
    if (outcome.ok) {
      written += 1;
      results.push(outcome.result);
    } else {
      process.stderr.write(`✗ ${file.path}: ${messages.ui.cannotFix[outcome.reason] ?? outcome.reason}\n`);
      results.push(file);
    }
    for (const line of fixNotes(outcome, messages, (text) => text)) process.stderr.write(`${line}\n`);
  }
  if (written) process.stderr.write(`${messages.ui.fixesWritten(written)}\n`);
  return results;
}
