/** `shegong dates`: the exam cycle's key dates with countdowns; --ics exports a calendar. */
import path from 'node:path';
import { resolveAnswers } from '../../answers/resolve-answers.js';
import { icsEventCount } from '../../dates/render-ics.js';
import { problemText } from '../../i18n/messages.js';
import { UserError } from '../../errors.js';
import { datesFor } from '../candidate-reports.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { noticeStaleData } from '../data-notice.js';
import { loadContext } from '../load-context.js';
import { writeAtomic } from '../../files-io/write-atomic.js';
import type { DatesOptions } from '../options.js';
import { renderAs } from '../render-registry.js';
import { emit } from '../write-output.js';

export async function runDates(flags: DatesOptions, globals: GlobalOptions): Promise<ExitCode> {
  const context = await loadContext(globals);
  const { messages, provinces } = context;
  let raw = { province: flags.province, level: flags.level };
  if (!raw.province && !raw.level && globals.interactive) {
    // A candidate who did the interview sees their own province and level.
    const { openProfileStore } = await import('../profile-store.js');
    const saved = (await openProfileStore()).read();
    raw = { province: saved.province, level: saved.level };
  }
  const { answers, problems } = resolveAnswers(raw, provinces);
  if (problems.length)
    throw new UserError(
      'error.usage',
      {},
      problems.map((p) => problemText(messages, p.problem.key, p.problem.args)),
    );

  const { report, names, ics: icsOf } = datesFor(context, answers);
  const provinceName = answers.province ? names.province(answers.province) : undefined;

  if (flags.ics) {
    const ics = icsOf();
    await writeAtomic(flags.ics, ics);
    // The count is read back from what was written, so the message and the file always agree.
    process.stderr.write(`${messages.ui.icsWritten(path.resolve(flags.ics), icsEventCount(ics))}\n`);
  }

  const data = { report, paperName: names.paper, ...(provinceName ? { provinceName } : {}) };
  await emit(await renderAs('dates', data, context), globals.output);
  noticeStaleData(context, answers.province);
  return EXIT.OK;
}
