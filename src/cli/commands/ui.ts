/**
 * `shegong ui`: the same checks on a local page. Starts the server, prints the launch address (with
 * its one-time token) on a line of its own, opens the default browser unless --no-open, and runs
 * until Ctrl-C, the terminal closing (SIGHUP), SIGTERM or an idle time.
 */
import { spawn } from 'node:child_process';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { GlobalOptions } from '../global-options.js';
import { loadContext } from '../load-context.js';
import type { UiOptions } from '../options.js';
import { createUiApp } from '../ui/app.js';
import { startUiServer, type UiServer } from '../ui/server.js';

/** Stop after this long without a request; the open page asks every minute, so only a closed tab lets it run out. */
export const IDLE_MINUTES = 30;
/** Uploads larger than this are refused (the largest scan the checks accept is far smaller). */
const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;

/** The platform's "open this address" command; failure (no desktop, no browser) is only said. */
function openBrowser(url: string, onFail: () => void): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', onFail);
    child.on('exit', (code) => {
      if (code !== 0) onFail();
    });
    child.unref();
  } catch {
    onFail();
  }
}

export interface RunningUi {
  server: UiServer;
  /** Resolves when the page has stopped (signal, idle, or stop()). */
  stopped: Promise<void>;
  stop(): Promise<void>;
}

/** Starts the page (also used by the tests, in-process, with a short idle time). */
export async function startUi(
  options: UiOptions,
  globals: GlobalOptions,
  idleMs = IDLE_MINUTES * 60_000,
): Promise<RunningUi> {
  const context = await loadContext(globals);
  const app = await createUiApp(context);
  if (options.batch)
    await app.openBatch(options.batch).catch(async (error: unknown) => {
      await app.dispose();
      throw error;
    });
  let finish: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await server.close();
      await app.dispose();
      finish();
    })();
    return stopping;
  };
  const server = await startUiServer({
    handler: app.handler,
    words: context.messages.page,
    idleMs,
    onIdle: () => void stop(),
    maxBody: MAX_UPLOAD_BYTES,
    ...(options.dangerouslyExposeToNetwork ? { expose: true } : {}),
  });
  return { server, stopped, stop };
}

export async function runUi(options: UiOptions, globals: GlobalOptions): Promise<ExitCode> {
  const running = await startUi(options, globals);
  const words = (await import('../../i18n/messages.js')).messagesFor(globals.lang).page;
  if (options.dangerouslyExposeToNetwork) process.stderr.write(`\n${words.exposed}\n\n`);
  // The address alone on its own line (stdout), so it can be copied or read by a script.
  process.stderr.write(`${words.openAt}\n`);
  process.stdout.write(`${running.server.launchUrl}\n`);
  process.stderr.write(`${words.stopHint(IDLE_MINUTES)}\n`);
  if (options.open) openBrowser(running.server.launchUrl, () => process.stderr.write(`${words.openFailed}\n`));
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGHUP', 'SIGTERM'];
  const onSignal = () => void running.stop();
  for (const signal of signals) process.on(signal, onSignal);
  await running.stopped;
  for (const signal of signals) process.off(signal, onSignal);
  // The terminal may be gone (SIGHUP): a closed stderr is not an error worth more.
  process.stderr.write(`${words.stopped}\n`);
  return EXIT.OK;
}
