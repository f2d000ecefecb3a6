/**
 * The worker thread launch.ts starts for `batch`, `files` and `fix`: the terminal's facts as the
 * main thread sees them, signals relayed from it, then the same `main` as on the main thread.
 * Its exit code (process.exitCode, or process.exit's) becomes the process's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { EXIT } from './exit-codes.js';
import {
  BOUNDED_HEAP_COMMANDS,
  commandOf,
  type FromWorker,
  type ToWorker,
  WORKER_HEAP_GROWING_PERCENT,
  type WorkerStart,
} from './launch.js';
import { STOP_SIGNALS } from './stop-signals.js';

const { argv, terminal } = workerData as WorkerStart;
// A worker's stdout/stderr are pipes to the main thread; the progress bar and the text wrapping
// ask whether the real ones are a terminal, and how wide. stdin stays a non-terminal: nothing
// here may ask a question (a worker cannot read the keyboard).
Object.assign(process.stdout, { isTTY: terminal.stdout, columns: terminal.stdoutColumns });
Object.assign(process.stderr, { isTTY: terminal.stderr, columns: terminal.stderrColumns });

const port = parentPort;
const tell = (message: FromWorker) => port?.postMessage(message);

// Signals reach only the main thread. It kills the process at once until the command first
// watches one, and forwards them from then on (batch: Ctrl-C once finishes what is being checked,
// twice stops now), so it is told when that happens.
let watching = false;
process.on('newListener', (name: string | symbol) => {
  if (watching || !STOP_SIGNALS.includes(name as NodeJS.Signals)) return;
  watching = true;
  tell({ watching: true });
});

port?.on('message', (message: ToWorker) => {
  if ('stdoutClosed' in message) {
    // The real stdout's reader has gone: what is still written there is dropped, and the command
    // runs to its end, so the exit code is the one its work decides (a batch: the applicants'),
    // not the one set so far.
    Object.assign(process.stdout, {
      write: (_chunk: unknown, encoding?: unknown, callback?: unknown) => {
        const done = typeof encoding === 'function' ? encoding : callback;
        if (typeof done === 'function') queueMicrotask(() => (done as () => void)());
        return true;
      },
    });
    return;
  }
  // Forwarded: to the command's listeners, or, between them, back to be handled as Node would.
  if (process.listenerCount(message.signal) > 0) process.emit(message.signal, message.signal);
  else tell({ unhandled: message.signal });
});
port?.unref();

const [{ main }, v8] = await Promise.all([import('./main.js'), import('node:v8')]);
if (BOUNDED_HEAP_COMMANDS.includes(commandOf(argv) ?? ''))
  v8.setFlagsFromString(`--heap-growing-percent=${WORKER_HEAP_GROWING_PERCENT}`);
await main(argv);
tell({ finished: Number(process.exitCode ?? EXIT.OK) });
