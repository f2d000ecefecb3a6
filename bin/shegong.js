#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=1
// Tiny launcher: turn on Node's compile cache where available, then load the built CLI.
// The first line sets how the process uses memory (issue 15; npm's Windows shims honour `env -S`):
// MALLOC_ARENA_MAX=2 keeps glibc from giving each libvips/libuv thread its own heap arena (sharp's
// own advice for glibc), and --max-semi-space-size=1 (MB) caps V8's young generation, which a
// batch's allocations otherwise grow to 16 MB a half-space. Measured on `npm run fuzz` (3,000
// files, models and pdf.js loaded): peaks 262 → 230 MB (files) and 322 → 238 MB (batch). The
// price: any V8 flag makes Node 20 recompile its built-ins, ~13 ms on every start.
// `node bin/shegong.js` runs the same code without these settings.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/cli/main.js');
await main(process.argv.slice(2));
