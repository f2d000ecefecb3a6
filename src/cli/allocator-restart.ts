/**
 * `batch` and `files` started without the allocator settings bin/shegong.js's first line gives
 * (`node bin/shegong.js batch …`, a scheduled task naming the file, a wrapper script) start once
 * more with them. Without them glibc gives each libvips thread its own heap and serves large
 * buffers from heaps that never shrink: 30 phone-shot applicants' `batch --fix` peaked at 509 MB
 * against 241 MB, past the 250 MB bound. glibc reads these variables only when a process starts,
 * so the process that lacks them runs the command as a child that has them, and only passes on
 * signals and the exit.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { STOP_SIGNALS } from './stop-signals.js';

/** The variables the shebang sets (test/cli/launcher.test.ts keeps the two equal). */
export const ALLOCATOR_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '1',
  MALLOC_MMAP_THRESHOLD_: '4194304',
};

/**
 * The allocator variables this process lacks, when it should start again with them: on Linux with
 * glibc (musl and other systems' allocators ignore them), for a command that reads images in
 * bulk. A variable the user set is kept as it is; a process that has them all never restarts.
 * Pure.
 */
export function missingAllocatorSettings(
  env: Readonly<Record<string, string | undefined>>,
  glibc: boolean,
): Record<string, string> | undefined {
  if (!glibc) return undefined;
  const missing = Object.entries(ALLOCATOR_ENV).filter(([name]) => env[name] === undefined);
  return missing.length > 0 ? Object.fromEntries(missing) : undefined;
}

/** Whether this Node runs on glibc (its report says which glibc it runs on; musl has none). */
export function runsOnGlibc(): boolean {
  if (process.platform !== 'linux') return false;
  const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
  return typeof header?.glibcVersionRuntime === 'string';
}

/**
 * Run argv as a child process with the missing settings and end as it ended: its exit code, or
 * killed by the same signal. The child has a process group of its own, so a terminal's Ctrl-C,
 * hang-up or Ctrl-Z reaches it once, through this process (batch counts Ctrl-C: once finishes
 * what is being checked, twice stops now). Returns false when the child could not be started
 * (the caller then runs the command itself).
 */
export function runWithAllocatorSettings(argv: string[], missing: Record<string, string>): Promise<boolean> {
  const bin = fileURLToPath(new URL('../../bin/shegong.js', import.meta.url));
  return new Promise<boolean>((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, bin, ...argv], {
      stdio: 'inherit',
      env: { ...process.env, ...missing },
      detached: true,
    });
    const forward = (signal: NodeJS.Signals) => {
      child.kill(signal);
    };
    // Job control: Ctrl-Z stops the child with this process, and `fg` (SIGCONT) wakes both.
    const pause = () => {
      child.kill('SIGSTOP');
      // Stopped by SIGTSTP itself, as the shell expects of a job (Node's default action, once
      // this listener is off); listening again once continued.
      process.off('SIGTSTP', pause);
      process.kill(process.pid, 'SIGTSTP');
      process.on('SIGTSTP', pause);
    };
    const resume = () => {
      child.kill('SIGCONT');
    };
    const stopForwarding = () => {
      for (const signal of STOP_SIGNALS) process.off(signal, forward);
      process.off('SIGTSTP', pause);
      process.off('SIGCONT', resume);
    };
    for (const signal of STOP_SIGNALS) process.on(signal, forward);
    process.on('SIGTSTP', pause);
    process.on('SIGCONT', resume);
    child.on('error', () => {
      // Only a child that never started: once it runs, its exit decides (a failed kill is an
      // 'error' too, and must not start the command a second time here).
      if (child.pid !== undefined) return;
      stopForwarding();
      resolve(false);
    });
    child.on('exit', (code, signal) => {
      stopForwarding();
      if (signal) process.kill(process.pid, signal);
      else process.exitCode = code ?? 1;
      resolve(true);
    });
  });
}
