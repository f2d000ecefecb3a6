/** `shegong ui` started in-process on a free loopback port, as the command starts it (no browser opened). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startUi, type RunningUi } from '../../src/cli/commands/ui.js';
import { resolveGlobalOptions } from '../../src/cli/global-options.js';

/**
 * An eligible candidate's answers in the interview's own order: level, education, major,
 * graduated, study mode, work, province, more degrees?, education case, hukou.
 */
export const ELIGIBLE_INTERVIEW = [
  'intermediate',
  'bachelor',
  'other',
  '2019-06',
  'full-time',
  '2019-07..',
  'guangdong',
  'no',
  'none',
  '',
];

export interface UiSession {
  running: RunningUi;
  base: string;
  launchUrl: string;
  configDir: string;
}

export async function startUiSession(
  options: { batch?: string; lang?: string; idleMs?: number } = {},
): Promise<UiSession> {
  const configDir = mkdtempSync(path.join(tmpdir(), 'shegong-ui-config-'));
  process.env.SHEGONG_CONFIG_DIR = configDir;
  process.env.SHEGONG_ML = 'off';
  const globals = resolveGlobalOptions({
    input: false,
    today: '2026-12-01',
    ...(options.lang ? { lang: options.lang } : {}),
  });
  const running = await startUi(
    { open: false, ...(options.batch ? { batch: options.batch } : {}) },
    globals,
    options.idleMs,
  );
  return {
    running,
    base: `http://127.0.0.1:${running.server.port}`,
    launchUrl: running.server.launchUrl,
    configDir,
  };
}

/** A batch output folder as `shegong batch` leaves it (the files the page reads), plus a secret beside it. */
export function fakeBatchFolder(): { dir: string; outside: string } {
  const parent = mkdtempSync(path.join(tmpdir(), 'shegong-ui-batch-'));
  const dir = path.join(parent, 'out');
  mkdirSync(path.join(dir, 'reports'), { recursive: true });
  mkdirSync(path.join(dir, 'fixed'));
  const outside = path.join(parent, 'secret.txt');
  writeFileSync(outside, 'secret');
  writeFileSync(path.join(dir, 'report.html'), '<!doctype html><title>batch</title><h1>batch</h1>');
  writeFileSync(path.join(dir, 'reports', '2-张三.html'), '<!doctype html><title>张三</title><h1 id="who">张三</h1>');
  writeFileSync(path.join(dir, 'reports', '3-李四.html'), '<!doctype html><title>李四</title><h1 id="who">李四</h1>');
  writeFileSync(path.join(dir, 'fixed', 'a.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
  writeFileSync(path.join(dir, 'notes.txt'), 'not a report file');
  writeFileSync(
    path.join(dir, 'summary.json'),
    JSON.stringify({
      schema: 'shegong.batch/v1',
      applicants: [
        { line: 2, name: '张三', status: 'ready', ready: true, page: 'reports/2-张三.html' },
        { line: 3, name: '李四', status: 'not-ready', ready: false, page: 'reports/3-李四.html' },
      ],
    }),
  );
  return { dir, outside };
}
