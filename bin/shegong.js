#!/usr/bin/env node
// Tiny launcher: turn on Node's compile cache where available, then load the built CLI.
import module from 'node:module';

module.enableCompileCache?.();
const { main } = await import('../dist/cli/main.js');
await main(process.argv.slice(2));
