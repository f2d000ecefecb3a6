/** `shegong check`: answers (flags, else the interview) → eligibility, checklist, report. */
import { UserError } from '../../errors.js';
import type { Answers } from '../../model/answers.js';
import { problemText } from '../../i18n/messages.js';
import {
  ANSWER_FLAGS,
  completeAnswers,
  missingAnswers,
  resolveAnswers,
  toRaw,
  type RawAnswers,
} from '../../answers/resolve-answers.js';
import { assessCandidate } from '../../checklist/assess-candidate.js';
import { buildReport } from '../../report/build-report.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext, type CommandContext } from '../load-context.js';
import { renderReport } from '../render-report.js';

export interface CheckFlags extends RawAnswers {
  work?: string[];
  cert?: string[];
}

export async function gatherAnswers(flags: CheckFlags, context: CommandContext): Promise<Answers> {
  const { messages, provinces, globals } = context;
  const raw: RawAnswers = { ...flags, ...(flags.cert ? { certificates: flags.cert } : {}) };
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
      missing.map((key) => problemText(messages, 'answer.required', { what: messages.prompt[promptKey(key)], flag: ANSWER_FLAGS[key] })),
    );
  }
  const [{ interview }, { inquirerPrompter }, { openProfileStore }] = await Promise.all([
    import('../interview.js'),
    import('../prompter.js'),
    import('../profile-store.js'),
  ]);
  const store = await openProfileStore();
  process.stderr.write(`${messages.prompt.intro}\n`);
  const result = await interview({
    answers,
    defaults: store.read(),
    provinces,
    messages,
    prompter: inquirerPrompter(),
    askHukou: flags.hukou === undefined,
  });
  store.save(toRaw(result));
  return result;
}

const promptKey = (key: keyof typeof ANSWER_FLAGS) =>
  (key === 'certificates' ? 'certIntermediate' : key) as keyof CommandContext['messages']['prompt'];

export async function runCheck(flags: CheckFlags, globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  const answers = await gatherAnswers(flags, context);
  return reportOn(answers, context);
}

export async function reportOn(answers: Answers, context: CommandContext): Promise<ExitCode> {
  const { globals, messages, ruleSet, provinces, calendar } = context;
  const outcome = assessCandidate({
    answers,
    ruleSet,
    calendar,
    today: globals.today,
    ...(globals.year ? { year: globals.year } : {}),
  });
  const report = buildReport(outcome, { lang: globals.lang, messages, ruleSet, provinces });
  await renderReport(report, context);
  return outcome.ready ? EXIT.OK : EXIT.FINDINGS;
}
