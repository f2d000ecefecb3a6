/**
 * The batch's roster pipeline: read the roster into rows, then check them with bounded
 * concurrency, with progress on stderr. Ctrl-C once: no new applicant starts, the ones being
 * checked finish. Ctrl-C again, or SIGTERM: stop now.
 */
import { type RawAnswers, answersFromFlags, resolveAnswers } from '../../answers/resolve-answers.js';
import type { ApplicantResult } from '../../assess/assess-applicant.js';
import { readRoster } from '../../roster/read-roster.js';
import { readRows, type RosterLayout } from '../../roster/roster-rows.js';
import { UserError } from '../../errors.js';
import { mapLimit } from '../../files-io/map-limit.js';
import { problemText } from '../../i18n/messages.js';
import type { Messages } from '../../i18n/messages.js';
import type { Province } from '../../model/provinces.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../load-context.js';
import type { AnswerFlags } from '../../answers/resolve-answers.js';

export type Rows = ReturnType<typeof readRows>['rows'];

/** The answer flags as raw answers; each is checked once here, so a bad flag is one usage error, not one per row. */
export function batchDefaults(flags: AnswerFlags, context: CommandContext): RawAnswers {
  const raw = answersFromFlags(flags);
  const { problems } = resolveAnswers(raw, context.provinces);
  if (problems.length)
    throw new UserError(
      'error.usage',
      {},
      problems.map(({ problem }) => problemText(context.messages, problem.key, problem.args)),
    );
  return raw;
}

/** The roster's rows (with the defaults for empty columns) and the encoding it was read in. */
export async function readPending(
  roster: string,
  sheet: string | undefined,
  provinces: Province[],
  today: string,
  defaults: RawAnswers,
): Promise<{ rows: Rows; encoding: string; layout: RosterLayout }> {
  const table = await readRoster(roster, sheet);
  const { rows, columns, layout } = readRows(table, provinces, today, defaults);
  if (columns.level === undefined && columns.name === undefined)
    throw new UserError('error.roster-header', { encoding: table.encoding });
  return { rows, encoding: table.encoding, layout };
}

/** ANSI: erase from the cursor to the end of the line (written to a terminal only). */
const ERASE_TO_LINE_END = '\x1b[K';

export function progressReporter(total: number, messages: Messages) {
  const tty = Boolean(process.stderr.isTTY);
  const started = Date.now();
  let lastPlain = 0;
  let open = false;
  const report = (done: number) => {
    const elapsed = (Date.now() - started) / 1000;
    const eta = done > 0 && done < total ? `${Math.ceil((elapsed / done) * (total - done))}s` : '';
    if (tty) {
      const width = 24;
      const filled = Math.round((done / Math.max(1, total)) * width);
      // Erased to the line's end: the last bar's words are wider than their length (Chinese
      // characters take two columns), and padding left "计还需 1s" after the final, shorter one.
      process.stderr.write(
        `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${messages.batch.progress(done, total, eta)}${ERASE_TO_LINE_END}`,
      );
      open = done !== total;
      if (done === total) process.stderr.write('\n');
    } else if (done === total || done - lastPlain >= Math.max(10, Math.ceil(total / 10))) {
      lastPlain = done;
      process.stderr.write(`${messages.batch.progress(done, total, eta)}\n`);
    }
  };
  /** Ends a bar left open by an interrupted run, so what follows starts on its own line. */
  report.end = () => {
    if (open) process.stderr.write('\n');
    open = false;
  };
  return report;
}

export interface RunOutcome {
  /** A signal stopped the run (some applicants may not have been checked). */
  interrupted: boolean;
  /** The second signal: applicants still being checked were abandoned. */
  stoppedNow: boolean;
  /** The exit code the signal asks for (130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP). */
  signalCode: ExitCode | undefined;
  /** What failed a check or a write, to be thrown once the summaries are written. */
  failure: unknown;
}

/** Ctrl-C, SIGTERM and SIGHUP, watched from before the lock is taken until the checks end. */
export interface SignalWatch {
  signal: AbortSignal;
  /** Settles at the second Ctrl-C or at SIGTERM: stop now. */
  stopped: Promise<'stopped'>;
  code(): ExitCode | undefined;
  /** Stop starting new checks (a check failed). */
  abort(): void;
  off(): void;
}

export function watchSignals(): SignalWatch {
  const controller = new AbortController();
  let stopNow: () => void = () => undefined;
  const stopped = new Promise<'stopped'>((resolve) => {
    stopNow = () => resolve('stopped');
  });
  let signalCode: ExitCode | undefined;
  const onInt = () => {
    signalCode ??= EXIT.CANCELLED;
    if (controller.signal.aborted) stopNow();
    controller.abort();
  };
  // SIGTERM and SIGHUP (the terminal closed) stop now: 128 + the signal's number, as a shell shows.
  const stopBy = (code: number) => () => {
    signalCode ??= code as ExitCode;
    controller.abort();
    stopNow();
  };
  const onTerm = stopBy(143);
  const onHup = stopBy(129);
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  process.on('SIGHUP', onHup);
  return {
    signal: controller.signal,
    stopped,
    code: () => signalCode,
    abort: () => controller.abort(),
    off: () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      process.off('SIGHUP', onHup);
    },
  };
}

/**
 * Check every row (at most `concurrency` at once) and hand each result to `report`, until done or
 * a signal. The holder's rows are taken out, so nothing keeps them alive once they are checked.
 */
export async function checkRows(
  pending: { rows: Rows },
  concurrency: number,
  assess: (row: Rows[number]) => Promise<ApplicantResult>,
  report: (result: ApplicantResult) => Promise<void>,
  signals: SignalWatch,
): Promise<RunOutcome> {
  const queue = pending.rows;
  pending.rows = [];
  const work = mapLimit(queue, concurrency, async (row) => report(await assess(row)), signals.signal);
  let failure: unknown;
  let stoppedNow = false;
  try {
    stoppedNow = (await Promise.race([work, signals.stopped])) === 'stopped';
  } catch (error) {
    // A failed check stops the others; the summaries then say the run was cut short.
    failure = error;
    signals.abort();
  }
  const interrupted = signals.signal.aborted;
  signals.off();
  return { interrupted, stoppedNow, signalCode: signals.code(), failure };
}
