/**
 * `shegong data status|import FILE|update`: which rule pack is in use, installing a pack received
 * as a file, and fetching the newest published one. A refused or unreachable pack is a sentence
 * and exit 2, and leaves the data in use untouched: nothing is written until a pack has passed
 * every check, and then in one atomic step.
 */
import { daysBetween } from '../../dates/day.js';
import { UserError } from '../../errors.js';
import { type Messages, messagesFor } from '../../i18n/messages.js';
import { readRegular } from '../../io/safe-read.js';
import { trustedKeys } from '../../packs/keys.js';
import { compareVersions, openSignedPack } from '../../packs/pack-format.js';
import { activeData, installPackBytes, installedPackPath, MAX_PACK_BYTES } from '../data-store.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { DEFAULT_REGISTRY, fetchPublishedPack } from '../fetch-pack.js';
import type { GlobalOptions } from '../global-options.js';
import type { DataAction } from '../options.js';
import { renderAs } from '../render-registry.js';
import { emit } from '../write-output.js';

/** `data update`'s bounds: the whole exchange, and any one download. */
const UPDATE_TIMEOUT_SECONDS = 30;
const UPDATE_MAX_BYTES = 16 * 1024 * 1024;

export async function runData(action: DataAction, file: string | undefined, globals: GlobalOptions): Promise<ExitCode> {
  const messages = messagesFor(globals.lang);
  const context = { globals, messages, provinces: [] };
  if (action === 'status') {
    await emit(
      await renderAs('data', { outcome: 'status', facts: await statusFacts(globals.today, messages) }, context),
      globals.output,
    );
    return EXIT.OK;
  }
  let bytes: Uint8Array;
  let label: string;
  if (action === 'import') {
    label = file ?? '';
    try {
      bytes = await readRegular(label, MAX_PACK_BYTES);
    } catch (error) {
      throw new UserError('error.data-unreadable', {
        file: label,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      });
    }
  } else {
    // The registry is overridable (a mirror, or a test's local server); the default is npm's.
    const registry = process.env.SHEGONG_REGISTRY || DEFAULT_REGISTRY;
    const seconds = Number(process.env.SHEGONG_UPDATE_TIMEOUT) || UPDATE_TIMEOUT_SECONDS;
    const fetched = await fetchPublishedPack({ registry, timeoutMs: seconds * 1000, maxBytes: UPDATE_MAX_BYTES });
    if (!fetched.ok) throw new UserError('error.pack-update', { registry }, [fetched.problem]);
    bytes = fetched.bytes;
    label = `${registry} shegong@${fetched.packageVersion}`;
  }
  const result = await installPack(bytes, label, globals.today);
  await emit(await renderAs('data', result, context), globals.output);
  return EXIT.OK;
}

/** Check a pack in full, then install it; throws a UserError (current data untouched) when refused. */
export async function installPack(
  bytes: Uint8Array,
  label: string,
  today: string,
): Promise<{ outcome: 'installed' | 'same'; facts: Record<string, unknown> }> {
  const opened = openSignedPack(bytes, trustedKeys());
  if (!opened.ok) throw new UserError('error.pack-refused', { file: label }, [opened.problem]);
  const { validatePackContent } = await import('../../packs/validate-pack.js');
  const problems = validatePackContent(opened.content);
  if (problems.length) throw new UserError('error.pack-refused', { file: label }, problems);
  const { manifest } = opened.content;
  if (manifest.expires < today)
    throw new UserError('error.pack-expired', { version: manifest.version, expires: manifest.expires });
  const active = await activeData();
  const order = compareVersions(manifest.version, active.manifest.version);
  if (order < 0)
    throw new UserError('error.pack-older', { version: manifest.version, current: active.manifest.version });
  if (order === 0 && active.source.origin === 'imported')
    return { outcome: 'same', facts: { version: manifest.version } };
  const written = await installPackBytes(bytes);
  return {
    outcome: 'installed',
    facts: {
      version: manifest.version,
      checked: manifest.checked,
      examYear: manifest.examYear,
      expires: manifest.expires,
      previous: active.manifest.version,
      file: written,
    },
  };
}

async function statusFacts(today: string, messages: Messages): Promise<Record<string, unknown>> {
  const active = await activeData();
  const { loadCalendar } = await import('../../dates/load-calendar.js');
  const { loadProvinces } = await import('../../rules/load-rule-set.js');
  const { publishedThrough } = await import('../../packs/pack-format.js');
  const provinces = await loadProvinces(active.source);
  const calendar = await loadCalendar([], new Set(provinces.map((p) => p.id)), active.source);
  const { manifest, installed } = active;
  const { problemText } = await import('../../i18n/messages.js');
  return {
    version: manifest.version,
    origin: active.source.origin,
    checked: manifest.checked,
    days: daysBetween(manifest.checked, today),
    examYear: manifest.examYear,
    published: publishedThrough(calendar),
    expires: manifest.expires,
    expired: manifest.expires < today,
    sources: manifest.sources,
    bundled: active.bundled.version,
    installedFile: installed?.file ?? installedPackPath(),
    ...(installed?.content
      ? {
          installedVersion: installed.content.manifest.version,
          installedOlder: compareVersions(installed.content.manifest.version, active.bundled.version) < 0,
        }
      : {}),
    ...(installed?.problem
      ? { installedProblem: problemText(messages, installed.problem.key, installed.problem.args) }
      : {}),
  };
}
