/**
 * `batch` and `files` started without the allocator settings bin/shegong.js's first line gives
 * (`node bin/shegong.js batch …`, a scheduled task naming the file, a wrapper script) start once
 * more with them. Without them glibc gives each libvips thread its own heap and serves large
 * buffers from heaps that never shrink: 30 phone-shot applicants' `batch --fix` peaked at 509 MB
 * against 241 MB, past the 250 MB bound. glibc reads these variables only when a process starts,
 * so the process that lacks them runs the command as a child that has them, and only passes on
 * signals and the exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { endAsKilledBy } from './end-by-signal.js';
import { STOP_SIGNALS } from './stop-signals.js';

/** The variables the shebang sets (test/cli/launcher.test.ts keeps the two equal). */
export const ALLOCATOR_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '1',
  MALLOC_MMAP_THRESHOLD_: '4194304',
};

/**
 * The allocator variables this process lacks, when it should start again with them (launch.ts
 * asks for the commands that read images in bulk): on Linux with glibc (musl and other systems'
 * allocators ignore them). A variable the user set is kept as it is; a process that has them all never restarts, and
 * neither does one under a debugger (the child could not open the same inspector port). `glibc`
 * is asked only when a variable is missing (a process report takes about 8 ms). Pure but for
 * `glibc`.
 */
export function missingAllocatorSettings(
  env: Readonly<Record<string, string | undefined>>,
  execArgv: readonly string[],
  glibc: () => boolean,
): Record<string, string> | undefined {
  const missing = Object.entries(ALLOCATOR_ENV).filter(([name]) => env[name] === undefined);
  if (missing.length === 0) return undefined;
  if ([...execArgv, env.NODE_OPTIONS ?? ''].some((flag) => flag.includes('--inspect'))) return undefined;
  return glibc() ? Object.fromEntries(missing) : undefined;
}

/** Whether this Node runs on glibc (its report says which glibc it runs on; musl has none). */
export function runsOnGlibc(): boolean {
  if (process.platform !== 'linux') return false;
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return typeof header?.glibcVersionRuntime === 'string';
}

/** Set in the child: its parent is the process that started it again (see watchStartingProcess). */
const RESTARTED = 'SHEGONG_ALLOCATOR_RESTART';
/** The signals passed on to the child: the stop signals, and Ctrl-\ (which would leave it running). */
const PASSED_ON: readonly NodeJS.Signals[] = [...STOP_SIGNALS, 'SIGQUIT'];

/**
 * Run argv as a child process with the missing settings and end as it ended: its exit code, or
 * killed by the same signal. The child has a process group of its own, so a terminal's Ctrl-C,
 * hang-up, Ctrl-\ or Ctrl-Z reaches it once, through this process (batch counts Ctrl-C: once
 * finishes what is being checked, twice stops now); if this process is killed outright, the child
 * hears it through their IPC channel (watchStartingProcess). Returns false when the child could
 * not be started (the caller then runs the command itself).
 */
export function runWithAllocatorSettings(argv: string[], missing: Record<string, string>): Promise<boolean> {
  const bin = fileURLToPath(new URL('../../bin/shegong.js', import.meta.url));
  return new Promise<boolean>((resolve) => {
    let child: ChildProcess | undefined;
    const forward = (signal: NodeJS.Signals) => {
      child?.kill(signal);
    };
    // Job control: Ctrl-Z stops the child with this process, and `fg` (SIGCONT) wakes both.
    const pause = () => {
      child?.kill('SIGSTOP');
      // Stopped by SIGTSTP itself, as the shell expects of a job (Node's default action, once this
      // listener is off). The call returns once this process is continued, or at once where the
      // kernel drops the stop (a process group with no shell: setsid, exec from a script): either
      // way the child goes on.
      process.off('SIGTSTP', pause);
      process.kill(process.pid, 'SIGTSTP');
      process.on('SIGTSTP', pause);
      child?.kill('SIGCONT');
    };
    const resume = () => {
      child?.kill('SIGCONT');
    };
    const stopForwarding = () => {
      for (const signal of PASSED_ON) process.off(signal, forward);
      process.off('SIGTSTP', pause);
      process.off('SIGCONT', resume);
    };
    // Listening before the child exists: a signal is handled on the event loop, after the spawn.
    for (const signal of PASSED_ON) process.on(signal, forward);
    process.on('SIGTSTP', pause);
    process.on('SIGCONT', resume);
    try {
      child = spawn(process.execPath, [...process.execArgv, bin, ...argv], {
        stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
        env: { ...process.env, ...missing, [RESTARTED]: '1' },
        detached: true,
      });
    } catch {
      stopForwarding();
      resolve(false);
      return;
    }
    const started = child;
    // The channel is only there to close when this process ends: it must not keep either alive.
    started.channel?.unref();
    started.on('error', () => {
      // Only a child that never started: once it runs, its exit decides (a failed kill is an
      // 'error' too, and must not start the command a second time here).
      if (started.pid !== undefined) return;
      stopForwarding();
      resolve(false);
    });
    started.on('exit', (code, signal) => {
      stopForwarding();
      if (signal) endAsKilledBy(signal);
      else process.exitCode = code ?? 1;
      resolve(true);
    });
  });
}

/**
 * In a child started by runWithAllocatorSettings: if the starting process ends first (killed
 * outright: SIGKILL, the out-of-memory killer), this one is told as by a closed terminal (SIGHUP:
 * batch keeps what it finished) rather than running on out of reach of Ctrl-C.
 */
export function watchStartingProcess(): void {
  if (process.env[RESTARTED] !== '1' || !process.channel) return;
  delete process.env[RESTARTED];
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGHUP'));
}
