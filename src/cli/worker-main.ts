/**
 * The worker thread launch.ts starts for `batch`, `files` and `fix`: the terminal's facts as the
 * main thread sees them, signals relayed from it, then the same `main` as on the main thread.
 * Its exit code (process.exitCode, or process.exit's) becomes the process's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SignalMessage, WorkerStart } from './launch.js';

const { argv, terminal } = workerData as WorkerStart;
// A worker's stdout/stderr are pipes to the main thread; the progress bar and the text wrapping
// ask whether the real ones are a terminal, and how wide. stdin stays a non-terminal: nothing
// here may ask a question (a worker cannot read the keyboard).
Object.assign(process.stdout, { isTTY: terminal.stdout, columns: terminal.stdoutColumns });
Object.assign(process.stderr, { isTTY: terminal.stderr, columns: terminal.stderrColumns });

// Signals reach only the main thread; it sends them here, to the listeners the commands set
// (batch: Ctrl-C once finishes what is being checked, twice stops now). Unwatched while the
// command runs: say so (the main thread ends as Node would). After it ends: the exit code is set.
let finished = false;
const port = parentPort;
port?.on('message', (message: SignalMessage) => {
  if (!('signal' in message) || finished) return;
  if (process.listenerCount(message.signal) > 0) process.emit(message.signal, message.signal);
  else port.postMessage({ unhandled: message.signal } satisfies SignalMessage);
});
port?.unref();

const { main } = await import('./main.js');
await main(argv);
finished = true;
