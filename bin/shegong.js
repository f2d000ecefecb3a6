#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=2
// Tiny launcher: turn on Node's compile cache where available, then load the built CLI.
// The first line sets how the process uses memory (issue 15; npm's Windows shims honour `env -S`):
// MALLOC_ARENA_MAX=2 keeps glibc from giving each libvips/libuv thread its own heap arena (sharp's
// own advice for glibc), and --max-semi-space-size=2 (MB) caps V8's young generation, which the
// photo models' tensors otherwise grow to 16 MB a half. Measured: `npm run fuzz` peak 262→~200 MB
// (files) and 322→~220 MB (batch). `node bin/shegong.js` runs the same code without them.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/cli/main.js');
await main(process.argv.slice(2));
