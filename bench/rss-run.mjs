#!/usr/bin/env node
// Run the built CLI in this process and, at exit, write its peak memory (maxRSS, KB) to
// $SHEGONG_RSS_FILE: how the fuzz and bench scripts measure a child's peak without extra tools.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.SHEGONG_RSS_FILE) writeFileSync(process.env.SHEGONG_RSS_FILE, String(process.resourceUsage().maxRSS));
});
const { main } = await import('../dist/cli/main.js');
await main(process.argv.slice(2));
