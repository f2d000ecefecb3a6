#!/usr/bin/env node
// Run the built CLI in this process, as bin/shegong.js does, and at exit write its peak memory
// (maxRSS, KB: every thread, the batch worker included) to $SHEGONG_RSS_FILE: how the fuzz and
// bench scripts measure a child's peak without extra tools.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.SHEGONG_RSS_FILE) writeFileSync(process.env.SHEGONG_RSS_FILE, String(process.resourceUsage().maxRSS));
});
const { launch } = await import('../dist/cli/launch.js');
await launch(process.argv.slice(2));
