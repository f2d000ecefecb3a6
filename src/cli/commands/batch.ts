/**
 * `shegong batch <roster> --materials <dir> --output <dir>`: every applicant of a roster, checked
 * with bounded concurrency, with progress on stderr; Ctrl-C keeps what is finished.
 * Wiring only: the roster pipeline (../batch/roster-pipeline.ts), the report writer
 * (../batch/report-writer.ts), the output folder (../batch/output-folder.ts) and the terminal
 * summary (the registry's batch renderer) each live in their own module.
 */
import os from 'node:os';
import path from 'node:path';
import { realpath, stat, unlink } from 'node:fs/promises';
import { UserError } from '../../errors.js';
import { assessApplicant, rowKey } from '../../assess/assess-applicant.js';
import { indexMaterials } from '../../roster/confine.js';
import type { RosterLayout } from '../../roster/roster-rows.js';
import { removeTemps, WriteRefused } from '../../io/safe-write.js';
import { FILE_TIME_LIMIT_MS } from '../../files-io/probe-file.js';
import { helpWords } from '../../i18n/help.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { noticeStaleData } from '../data-notice.js';
import { type CommandContext, loadContext } from '../load-context.js';
import type { BatchOptions } from '../options.js';
import { renderAs } from '../render-registry.js';
import { emit } from '../write-output.js';
import {
  acquireLock,
  OUTPUT_FAILURES,
  openOutputFolder,
  prepareOutput,
  removeStaleTemps,
} from '../batch/output-folder.js';
import { STOP_SIGNALS } from '../stop-signals.js';
import { openReportWriter } from '../batch/report-writer.js';
import {
  batchDefaults,
  checkRows,
  progressReporter,
  readPending,
  type Rows,
  type SignalWatch,
  watchSignals,
} from '../batch/roster-pipeline.js';

/** Thumbnails in report.html: small enough that 2,000 rows still open at once (measured). */
const THUMBNAIL_PX = 64;

export async function runBatch(roster: string, flags: BatchOptions, globals: GlobalOptions): Promise<ExitCode> {
  try {
    return await batchRun(roster, flags, globals);
  } catch (error) {
    // A run that failed leaves no temp file behind.
    await removeTemps();
    // A page in the way that no shegong run wrote: the batch's one thing to do (a new or empty
    // folder), never the --force of `fix`, which batch does not have.
    if (error instanceof WriteRefused && error.reason === 'exists')
      throw new UserError('error.batch-output-exists', { file: String(error.args.file ?? '') });
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (!(error instanceof UserError) && code && OUTPUT_FAILURES.has(code))
      throw new UserError('error.output-dir', { dir: flags.output, reason: code });
    throw error;
  }
}

async function batchRun(roster: string, flags: BatchOptions, globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  const { messages, provinces } = context;
  // Without --materials: an eligibility-only run.
  if (flags.materials !== undefined && !(await stat(flags.materials).catch(() => undefined))?.isDirectory())
    throw new UserError('error.materials', { dir: flags.materials });
  const materialsReal = flags.materials === undefined ? undefined : await realpath(flags.materials);
  const materialsIndex = flags.materials === undefined ? undefined : await indexMaterials(flags.materials);
  // Checking materials needs sharp: without it, one sentence before any row rather than a failure per row.
  if (flags.materials !== undefined) (await import('../../files-io/load-sharp.js')).loadSharp();
  // The photo models load while the first files decode (libvips decodes on its own threads): the
  // first photo's check then does not wait for the load.
  if (flags.materials !== undefined) void import('../../files-io/photo-models.js').then((m) => m.loadPhotoModels());
  const defaults = batchDefaults(flags, context);
  // Two applicants per core: one decodes while the other runs its JS checks (measured by npm run bench).
  const concurrency = flags.concurrency
    ? Number(flags.concurrency)
    : 2 * Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UserError('error.usage', {}, [
      helpWords(globals.lang === 'en').usage.concurrency(String(flags.concurrency)),
    ]);

  // The table and the rows live in a holder the run empties when it is done with them:
  // nothing in this frame keeps 20,000 rows alive while the summaries are written.
  const pending = await readPending(roster, flags.sheet, provinces, globals.today, defaults);
  process.stderr.write(`${messages.batch.encoding(pending.encoding, pending.rows.length)}\n`);

  // Signals are watched before the lock exists: one arriving as it is taken stops the run with
  // (empty) summaries and the lock removed, never a lock left alone.
  const signals = watchSignals();
  let lock: string;
  let output: string;
  try {
    output = await realpath(await prepareOutput(flags.output));
    lock = await acquireLock(output, flags.output);
  } catch (error) {
    signals.off();
    throw error;
  }
  const hold = signalHold();
  try {
    // Temp files of a run that was killed (kill -9, power cut) before it could remove them.
    await removeStaleTemps(output);
    return await runLocked(pending, output, signals, {
      roster,
      flags,
      context,
      materialsReal,
      materialsIndex,
      concurrency,
      hold,
    });
  } finally {
    await unlink(lock).catch(() => undefined);
    hold.release();
  }
}

/**
 * From the end of the checks until the lock is gone, a signal must not cut the run short: the
 * summaries, the temp clean-up and the lock's removal are what the first Ctrl-C keeps (a second
 * one there would otherwise leave a temp file or the lock behind).
 */
function signalHold() {
  const ignore = () => undefined;
  return {
    start() {
      for (const signal of STOP_SIGNALS) process.on(signal, ignore);
    },
    release() {
      for (const signal of STOP_SIGNALS) process.off(signal, ignore);
    },
  };
}

interface RunInput {
  roster: string;
  flags: BatchOptions;
  context: CommandContext;
  materialsReal: string | undefined;
  /** The materials folder's entries, read once for the whole batch. */
  materialsIndex: Awaited<ReturnType<typeof indexMaterials>> | undefined;
  hold: ReturnType<typeof signalHold>;
  concurrency: number;
}

async function runLocked(
  pending: { rows: Rows; encoding: string; layout: RosterLayout },
  output: string,
  signals: SignalWatch,
  input: RunInput,
): Promise<ExitCode> {
  const { roster, flags, context, materialsReal, materialsIndex, concurrency } = input;
  const { globals, messages, ruleSet, calendar } = context;
  const total = pending.rows.length;
  const folder = await openOutputFolder(output, flags.output, materialsReal).catch((error: unknown) => {
    signals.off();
    throw error;
  });
  // What this run will write, recorded before any work: a run cut short leaves a manifest the next trusts.
  const keys = pending.rows.map((row) => rowKey(row.line, row.name));
  await folder
    .plan(
      keys.flatMap((key) => [`reports/${key}.md`, `reports/${key}.html`]),
      flags.fix && flags.materials !== undefined ? keys.map((key) => `fixed/${key}`) : [],
    )
    .catch((error: unknown) => {
      signals.off();
      throw error;
    });
  const progress = progressReporter(total, messages);
  const writer = await openReportWriter(
    folder,
    context,
    {
      roster,
      encoding: pending.encoding,
      layout: pending.layout,
      total,
      materialsChecked: flags.materials !== undefined,
      fixed: Boolean(flags.fix),
    },
    progress,
  ).catch((error: unknown) => {
    signals.off();
    throw error;
  });
  const run = await checkRows(
    pending,
    concurrency,
    (row) =>
      assessApplicant(row, {
        ruleSet,
        calendar,
        today: globals.today,
        ...(globals.year ? { year: globals.year } : {}),
        ...(flags.materials !== undefined && materialsReal
          ? { materials: flags.materials, materialsReal, ...(materialsIndex ? { materialsIndex } : {}) }
          : {}),
        ...(flags.fix ? { fixInto: path.join(output, 'fixed'), fixReplace: folder.mayReplace } : {}),
        thumbnailSize: THUMBNAIL_PX,
        fileTimeLimitMs: FILE_TIME_LIMIT_MS,
      }),
    writer.add,
    signals,
  );
  writer.close();
  progress.end();
  // From here a signal must not cut the run short (released once the lock is removed).
  input.hold.start();
  let code: ExitCode;
  try {
    const { removedStale, ...summary } = await writer.finish(run.interrupted);
    // Terminal: not-ready applicants first, then the counts and where the reports are.
    await emit(await renderAs('batch', { ...summary, output }, { globals, messages, provinces: [] }), undefined);
    if (removedStale) process.stderr.write(`${messages.batch.removedStale(removedStale)}\n`);
    code = summary.rows.some((s) => !s.ready) ? EXIT.FINDINGS : EXIT.OK;
    noticeStaleData(context);
  } finally {
    await writer.discard();
    await removeTemps();
  }
  if (run.failure) throw run.failure;
  if (run.interrupted) {
    process.stderr.write(`${messages.batch.interrupted(writer.finished, total)}\n`);
    code = run.signalCode ?? EXIT.CANCELLED;
    // Applicants still being checked (a stuck file) must not keep the process alive past its summaries.
    if (run.stoppedNow) setTimeout(() => process.exit(code), 100).unref();
  }
  return code;
}
