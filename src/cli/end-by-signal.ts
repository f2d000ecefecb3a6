/**
 * Ending the process as a signal would (launch.ts's main thread beside a worker; a restarted
 * command's first process). A module of its own, loaded by those paths only: `--help` never reads
 * node:os.
 */
import { constants as osConstants } from 'node:os';

/**
 * End this process as `signal` would: killed by it, and where the signal is ignored (PID 1 in a
 * container) with the shell's status for it (128 + its number) once the caller lets it end.
 */
export function endAsKilledBy(signal: NodeJS.Signals): void {
  process.exitCode = 128 + (osConstants.signals[signal] ?? 0);
  process.kill(process.pid, signal);
}
