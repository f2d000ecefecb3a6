/** `shegong check`: answers (flags, else the interview) → eligibility, checklist, report. */
import { UserError } from '../../errors.js';
import type { Answers } from '../../model/answers.js';
import { problemText } from '../../i18n/messages.js';
import {
  ANSWER_FLAGS,
  completeAnswers,
  missingAnswers,
  neededCertificate,
  resolveAnswers,
  toRaw,
  type RawAnswers,
} from '../../answers/resolve-answers.js';
import { assessCandidate } from '../../checklist/assess-candidate.js';
import { buildReport } from '../../report/build-report.js';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileInput } from '../../files/check-files.js';
import type { FileResult } from '../../model/report.js';
import type { UploadRole } from '../../model/rules.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext, type CommandContext } from '../load-context.js';
import { renderReport } from '../render-report.js';

export interface CheckFlags extends RawAnswers {
  work?: string[];
  cert?: string[];
  degree?: string[];
  photo?: string;
  idFront?: string;
  idBack?: string;
  diploma?: string;
  workProof?: string;
  socialSecurity?: string;
  residencePermit?: string;
  files?: string;
  fix?: boolean;
}

const FILE_FLAGS: [keyof CheckFlags, UploadRole][] = [
  ['photo', 'photo'],
  ['idFront', 'id-front'],
  ['idBack', 'id-back'],
  ['diploma', 'diploma'],
  ['workProof', 'work-proof'],
  ['socialSecurity', 'social-security'],
  ['residencePermit', 'residence-permit'],
];

/** Files named by flags, then the rest of the roles found by name in --files DIR. */
export async function fileInputs(flags: CheckFlags): Promise<FileInput[]> {
  const inputs: FileInput[] = FILE_FLAGS.filter(([flag]) => typeof flags[flag] === 'string').map(([flag, role]) => ({ path: String(flags[flag]), role }));
  if (flags.files) {
    const folder = await stat(flags.files).catch(() => undefined);
    if (!folder?.isDirectory()) throw new UserError('error.usage', {}, [`--files ${flags.files}: not a folder`]);
    const { filesInFolder } = await import('../../files/check-files.js');
    const { found } = await filesInFolder(flags.files);
    inputs.push(...found.filter((f) => !inputs.some((i) => i.role === f.role)));
  }
  return inputs;
}

export async function gatherAnswers(flags: CheckFlags, context: CommandContext): Promise<Answers> {
  const { messages, provinces, globals } = context;
  const raw: RawAnswers = { ...flags, ...(flags.cert ? { certificates: flags.cert } : {}), ...(flags.degree ? { degrees: flags.degree } : {}) };
  const { answers, problems } = resolveAnswers(raw, provinces);
  if (problems.length > 0) {
    const [first, ...rest] = problems.map(({ problem }) => problemText(messages, problem.key, problem.args));
    throw new UserError('error.usage', {}, [first ?? '', ...rest]);
  }
  const complete = completeAnswers(answers);
  if (complete) return complete;
  if (!globals.interactive) {
    const missing = missingAnswers(answers);
    throw new UserError(
      'error.usage',
      {},
      missing.map((key) => problemText(messages, 'answer.required', { what: messages.prompt[promptKey(key, answers)], flag: ANSWER_FLAGS[key] })),
    );
  }
  const [{ interview }, { inquirerPrompter }, { openProfileStore }] = await Promise.all([
    import('../interview.js'),
    import('../prompter.js'),
    import('../profile-store.js'),
  ]);
  const store = await openProfileStore();
  // issue 15: a damaged or unreadable store is said once; the interview runs regardless.
  if (store.problem?.kind === 'corrupt') process.stderr.write(`${messages.ui.profileCorrupt(store.path)}\n`);
  else if (store.problem) process.stderr.write(`${messages.ui.profileUnreadable(store.path, store.problem.code ?? '')}\n`);
  process.stderr.write(`${messages.prompt.intro}\n`);
  const result = await interview({
    answers,
    defaults: store.read(),
    provinces,
    messages,
    prompter: inquirerPrompter(),
    askHukou: flags.hukou === undefined,
  });
  const notSaved = store.save(toRaw(result));
  if (notSaved && notSaved.kind !== 'corrupt' && !store.problem) process.stderr.write(`${messages.ui.profileNotSaved(store.path, notSaved.code ?? '')}\n`);
  return result;
}

/** The question a missing answer stands for (the certificate one depends on the route). */
const promptKey = (key: keyof typeof ANSWER_FLAGS, answers: Partial<Answers>) =>
  (key === 'certificates' ? (neededCertificate(answers) === 'assistant' ? 'certAssistant' : 'certIntermediate') : key) as keyof CommandContext['messages']['prompt'];

export async function runCheck(flags: CheckFlags, globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  const answers = await gatherAnswers(flags, context);
  let inputs = await fileInputs(flags);
  // issue 11: when the interview asked for the folder, it also offers the fixed copies (file by file).
  const asked = inputs.length === 0 && globals.interactive;
  if (asked) inputs = await askForFolder(context);
  let files = inputs.length ? await checkInputs(inputs, context) : [];
  if (flags.fix || (asked && files.length > 0)) files = await fixFiles(files, context);
  return reportOn(answers, context, files);
}

async function checkInputs(inputs: FileInput[], context: CommandContext): Promise<FileResult[]> {
  const { checkFiles } = await import('../../files/check-files.js');
  return checkFiles(inputs, context.ruleSet);
}

/** The interview's optional last question: where the materials are. */
async function askForFolder(context: CommandContext): Promise<FileInput[]> {
  const { inquirerPrompter } = await import('../prompter.js');
  const folder = await inquirerPrompter().input({
    message: context.messages.prompt.filesDir,
    validate: () => true,
  });
  const trimmed = folder.trim().replace(/^['"]|['"]$/g, '');
  if (!trimmed) return [];
  return fileInputs({ files: trimmed });
}

/**
 * check --fix: a compliant copy beside each fixable original (`<name>.fixed.jpg`), asked file by
 * file in a terminal. The report then shows the copy's verdict in place of the original's.
 */
async function fixFiles(files: FileResult[], context: CommandContext): Promise<FileResult[]> {
  const { messages, ruleSet, globals } = context;
  const [{ fixToFile }, { fixPlan }] = await Promise.all([import('../../files/fix-to-file.js'), import('../../files/fixable.js')]);
  const prompter = globals.interactive ? (await import('../prompter.js')).inquirerPrompter() : undefined;
  let written = 0;
  const results: FileResult[] = [];
  for (const file of files) {
    if (file.role === 'unknown' || fixPlan(file) !== 'fix') {
      results.push(file);
      continue;
    }
    const role = file.role as UploadRole;
    if (prompter && !(await prompter.confirm({ message: messages.ui.fixConfirm(messages.labels.role[role] ?? role, file.path), default: true }))) {
      results.push(file);
      continue;
    }
    const output = path.join(path.dirname(file.path), `${path.basename(file.path).replace(/\.[^.]+$/, '')}.fixed.jpg`);
    // issue 15: a copy that cannot be written (read-only folder, a file already there) costs the
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
  }
  if (written) process.stderr.write(`${messages.ui.fixesWritten(written)}\n`);
  return results;
}

export async function reportOn(answers: Answers, context: CommandContext, files: FileResult[] = []): Promise<ExitCode> {
  const { globals, messages, ruleSet, provinces, calendar } = context;
  const outcome = assessCandidate({
    answers,
    ruleSet,
    calendar,
    today: globals.today,
    files,
    ...(globals.year ? { year: globals.year } : {}),
  });
  const report = buildReport(outcome, { lang: globals.lang, messages, ruleSet, provinces });
  await renderReport(report, context);
  return outcome.ready ? EXIT.OK : EXIT.FINDINGS;
}
