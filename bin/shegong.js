#!/usr/bin/env -S MALLOC_ARENA_MAX=1 MALLOC_MMAP_THRESHOLD_=4194304 node
// Tiny launcher: turn on Node's compile cache where available, then load the built CLI.
// The first line sets how the process uses memory (npm's Windows shims honour `env -S`):
// - MALLOC_ARENA_MAX=1 keeps glibc from giving each libvips/libuv/worker thread its own heap arena
//   (sharp's advice for glibc; 1 rather than 2 since the batch runs in a worker thread: `npm run
//   fuzz` batch peaks 227-251 MB against 239-258 MB with 2, same speed).
// - MALLOC_MMAP_THRESHOLD_ (4 MB) gives every buffer of 4 MB or more (a scan copy's raw pixels:
//   19-28 MB for an A4 page) its own mapping, returned to the system when freed. Without it glibc
//   raises its threshold after the first such buffer and serves the next ones from its heap, which
//   then stays as large as its busiest moment (`batch --fix` over phone-shot A4 pages: 265-277 ->
//   244-247 MiB, 1-2 % more CPU).
// No V8 flag here: any V8 flag makes Node 20 recompile its built-ins on every start (+10 ms to
// `--help`); the commands that need a small young generation get it from a worker thread
// (src/cli/launch.ts). Started as `node bin/shegong.js`, `batch` and `files` start once more with
// these settings (src/cli/allocator-restart.ts); other commands run without them.
import module from 'node:module';

module.enableCompileCache?.();
const { launch } = await import('../dist/cli/launch.js');
await launch(process.argv.slice(2));
