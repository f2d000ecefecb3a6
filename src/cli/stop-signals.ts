/**
 * The signals that end a run: Ctrl-C, `kill`, and the terminal closing (SIGHUP: the window shut,
 * ssh dropped). A command that watches them keeps its finished work; in a worker, launch.ts
 * forwards each of them to it.
 */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
