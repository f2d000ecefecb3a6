#!/usr/bin/env node
// Run the built CLI in this process, as bin/shegong.js does, and at exit write its peak memory
// (maxRSS, KB: every thread, the batch worker included) and its CPU time (user + system, ms) to
// $SHEGONG_RSS_FILE: how the fuzz and bench scripts measure a child without extra tools.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  if (process.env.SHEGONG_RSS_FILE) writeFileSync(process.env.SHEGONG_RSS_FILE, `${usage.maxRSS} ${cpuMs}`);
});
const { launch } = await import('../dist/cli/launch.js');
await launch(process.argv.slice(2));
