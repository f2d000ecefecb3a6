/**
 * `shegong ui` over real HTTP on 127.0.0.1: who is let in (token → cookie, Host, Origin), what is
 * served (its assets, the picked files by id, a batch folder's reports) and what never is.
 */
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { BIN, ROOT } from '../helpers/run-cli.js';
import { ELIGIBLE_INTERVIEW, fakeBatchFolder, startUiSession, type UiSession } from '../helpers/ui-session.js';

let session: UiSession;
let cookie = '';
let batch: { dir: string; outside: string };

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request exactly as written: the path is not normalised, any Host or Origin can be sent. */
function raw(
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: Buffer | string,
  via = '127.0.0.1',
): Promise<Raw> {
  const port = session.running.server.port;
  const host = via.includes(':') ? `[${via}]` : via;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: via, port, method, path: target, headers: { Host: `${host}:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
const authed = (headers: Record<string, string> = {}) => ({ Cookie: cookie, ...headers });
const hasIpv6Loopback = () =>
  Object.values(networkInterfaces())
    .flat()
    .some((address) => address?.address === '::1');
const post = (target: string, value: unknown) =>
  raw('POST', target, authed({ 'Content-Type': 'application/json' }), JSON.stringify(value));

beforeAll(async () => {
  batch = fakeBatchFolder();
  session = await startUiSession({ batch: batch.dir });
  symlinkSync(batch.outside, path.join(batch.dir, 'reports', 'link.html'));
  // The launch address, once: 303 to the page with the session cookie.
  const launch = await fetch(session.launchUrl, { redirect: 'manual' });
  expect(launch.status).toBe(303);
  const set = launch.headers.get('set-cookie') ?? '';
  expect(set).toMatch(/HttpOnly/);
  expect(set).toMatch(/SameSite=Strict/);
  cookie = set.split(';')[0]!;
});
afterAll(async () => {
  await session.running.stop();
});

describe('who gets in', () => {
  it('the token works once: a second use is refused and sets no cookie', async () => {
    const again = await fetch(session.launchUrl, { redirect: 'manual' });
    expect(again.status).toBe(403);
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('a wrong token is refused', async () => {
    const wrong = await fetch(`${session.base}/?token=${'0'.repeat(48)}`, { redirect: 'manual' });
    expect(wrong.status).toBe(403);
  });

  it('without the cookie every path is 401, the page and the API alike', async () => {
    for (const target of ['/', '/api/session', '/assets/app.js', '/out/shegong.ics', '/batch/report.html'])
      expect((await fetch(`${session.base}${target}`)).status, target).toBe(401);
    expect((await raw('GET', '/', { Cookie: `${cookie.split('=')[0]}=forged` })).status).toBe(401);
  });

  it('with the cookie the page and its assets are served', async () => {
    const page = await raw('GET', '/', authed());
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('/assets/app.js');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect((await raw('GET', '/assets/app.css', authed())).status).toBe(200);
  });

  it('a Host that is not this loopback address and port is refused (DNS rebinding), cookie or not', async () => {
    const port = session.running.server.port;
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, 'localhost', `127.0.0.1.nip.io:${port}`])
      expect((await raw('GET', '/api/session', authed({ Host: host }))).status, host).toBe(421);
    for (const host of [`localhost:${port}`, `[::1]:${port}`])
      expect((await raw('GET', '/api/session', authed({ Host: host }))).status, host).toBe(200);
  });

  // Where the machine has IPv6 loopback (CI's does), the page also answers on ::1, under the same rules.
  it.skipIf(!hasIpv6Loopback())('over ::1, on the same port: the cookie gets the page, nothing else does', async () => {
    const port = session.running.server.port;
    const page = await raw('GET', '/', authed(), undefined, '::1');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('/assets/app.js');
    expect((await raw('GET', '/', {}, undefined, '::1')).status).toBe(401);
    expect((await raw('GET', '/api/session', authed({ Host: `evil.example:${port}` }), undefined, '::1')).status).toBe(
      421,
    );
    expect((await raw('GET', '/api/session', authed({ Origin: 'http://evil.example' }), undefined, '::1')).status).toBe(
      403,
    );
  });

  it('a request from another site is refused (Origin, Sec-Fetch-Site), GET and POST', async () => {
    const port = session.running.server.port;
    for (const origin of ['http://evil.example', `http://localhost:${port + 1}`, 'null']) {
      expect((await raw('GET', '/api/session', authed({ Origin: origin }))).status, origin).toBe(403);
      expect((await raw('POST', '/api/interview', authed({ Origin: origin }), '{}')).status, origin).toBe(403);
    }
    expect((await raw('GET', '/api/session', authed({ 'Sec-Fetch-Site': 'cross-site' }))).status).toBe(403);
    expect((await raw('GET', '/api/session', authed({ Origin: `http://127.0.0.1:${port}` }))).status).toBe(200);
  });
});

describe('what is served', () => {
  it('nothing outside the assets: dot-dot, encoded dot-dot, absolute paths, folders', async () => {
    for (const target of [
      '/assets/../package.json',
      '/assets/%2e%2e/package.json',
      '/assets/..%2fpackage.json',
      '/assets/',
      '/assets',
      '/../package.json',
      '/etc/passwd',
      '/src/cli/ui/app.ts',
      '/files/',
      `/files/${'a'.repeat(24)}/original`,
      '/files/../../../etc/passwd/original',
    ])
      expect((await raw('GET', target, authed())).status, target).toBe(404);
  });

  it('a batch folder: its reports are served, never a listing, never a file outside or beside them', async () => {
    expect((await raw('GET', '/batch/report.html', authed())).status).toBe(200);
    const page = await raw('GET', `/batch/reports/${encodeURIComponent('2-张三.html')}`, authed());
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('张三');
    expect((await raw('GET', '/batch/fixed/a.jpg', authed())).body).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    for (const target of [
      '/batch/',
      '/batch/reports',
      '/batch/reports/',
      '/batch/fixed/',
      '/batch/notes.txt',
      '/batch/reports/../../secret.txt',
      '/batch/reports/%2e%2e/%2e%2e/secret.txt',
      '/batch/reports%2f..%2f..%2fsecret.txt',
      '/batch/reports/link.html',
      `/batch/reports//${encodeURIComponent('2-张三.html')}`,
    ])
      expect((await raw('GET', target, authed())).status, target).toBe(404);
  });

  it('the batch rows come from summary.json, with links to each page', async () => {
    const session = JSON.parse((await raw('GET', '/api/session', authed())).body.toString()) as {
      batch: { rows: { line: number; status: string; page: string }[] };
    };
    expect(session.batch.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'ready'],
      [3, 'not-ready'],
    ]);
    expect((await raw('GET', session.batch.rows[1]!.page, authed())).status).toBe(200);
  });

  it('a folder that holds no batch results is refused with a sentence (422)', async () => {
    const refused = await post('/api/batch', { dir: path.join(ROOT, 'src') });
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.body.toString()).open).toBe(false);
  });

  it('other methods are refused', async () => {
    expect((await raw('DELETE', '/api/session', authed())).status).toBe(405);
  });
});

describe('the interview, the report and the profile over the API', () => {
  it('asks the terminal interview’s questions in order, with its validation', async () => {
    const first = JSON.parse((await post('/api/interview', { given: [] })).body.toString());
    expect([first.done, first.index, first.question.kind]).toEqual([false, 0, 'select']);
    expect(first.question.choices.map((c: { value: string }) => c.value)).toEqual([
      'assistant',
      'intermediate',
      'senior',
    ]);
    const bad = JSON.parse(
      (await post('/api/interview', { given: ELIGIBLE_INTERVIEW.slice(0, 3).concat('2019-13') })).body.toString(),
    );
    expect([bad.done, bad.index, bad.question.kind, typeof bad.error]).toEqual([false, 3, 'input', 'string']);
    const done = JSON.parse((await post('/api/interview', { given: ELIGIBLE_INTERVIEW })).body.toString());
    expect(done.done).toBe(true);
    expect(done.answers).toMatchObject({ level: 'intermediate', province: 'guangdong' });
  });

  it('the report: verdict, dates and the .ics, the checklist page', async () => {
    const report = JSON.parse((await post('/api/report', { given: ELIGIBLE_INTERVIEW })).body.toString());
    expect(report.eligibility.status).toBe('eligible');
    expect(report.dates.map((d: { id: string }) => d.id)).toContain('registration');
    const ics = await raw('GET', '/out/shegong.ics', authed());
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.body.toString()).toMatch(/^BEGIN:VCALENDAR/);
    const checklist = await raw('GET', '/out/checklist.html', authed());
    expect(checklist.status).toBe(200);
    expect(checklist.body.toString()).toContain('<html');
  });

  it('too few years: ineligible, with the shortfall', async () => {
    const short = [
      'intermediate',
      'bachelor',
      'other',
      '2023-06',
      'full-time',
      '2023-07..',
      'guangdong',
      'no',
      'none',
      '',
    ];
    const report = JSON.parse((await post('/api/report', { given: short })).body.toString());
    expect(report.eligibility.status).toBe('ineligible');
    expect(report.eligibility.shortfall).toBeTruthy();
    // The page asked the questions: its advice names no flag and no command.
    const advice = report.eligibility.findings.map((f: { id: string; fix: string }) => f.fix);
    expect(report.eligibility.findings.map((f: { id: string }) => f.id)).toContain('eligibility.years');
    for (const fix of advice) expect(fix).not.toMatch(/shegong|--[a-z]/);
    // Nor does the printable checklist the page opens.
    const checklist = (await raw('GET', '/out/checklist.html', authed())).body.toString();
    expect(checklist).toMatch(/<li class="error">[^<]*<span class="fix">/);
    expect(checklist).not.toMatch(/shegong (fix|profile)/);
  });

  it('saves the answers to the profile the CLI reads', async () => {
    const saved = await post('/api/profile', { given: ELIGIBLE_INTERVIEW });
    expect(JSON.parse(saved.body.toString()).saved).toBe(true);
    const file = JSON.parse(readFileSync(path.join(session.configDir, 'config.json'), 'utf8'));
    expect(file.answers).toMatchObject({ level: 'intermediate', education: 'bachelor', province: 'guangdong' });
  });
});

describe('uploads', () => {
  it('a photo: its findings, a fixed JPEG and the preview PNG, by id only', async () => {
    const bytes = readFileSync(path.join(ROOT, 'test', 'fixtures', 'photos', 'portrait.jpg'));
    const response = await raw('POST', `/api/upload?name=${encodeURIComponent('照片.jpg')}`, authed(), bytes);
    expect(response.status).toBe(200);
    const file = JSON.parse(response.body.toString());
    expect(file.role).toBe('photo');
    expect(file.findings.length).toBeGreaterThan(0);
    // The page fixes on its own: no advice names a command to run.
    expect(file.findings.some((f: { fix: string }) => f.fix.length > 0)).toBe(true);
    for (const f of file.findings) expect(f.fix).not.toContain('shegong');
    expect(file.fix.ok).toBe(true);
    const original = await raw('GET', file.originalUrl, authed());
    expect(original.body.equals(bytes)).toBe(true);
    const fixed = await raw('GET', `${file.fix.fixedUrl}?download`, authed());
    expect([...fixed.body.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(String(fixed.headers['content-disposition'])).toMatch(/attachment/);
    const preview = await raw('GET', file.fix.previewUrl, authed());
    expect(preview.body.subarray(1, 4).toString()).toBe('PNG');
    // Only this id's files; another id, or this id without the cookie, is not found or refused.
    expect((await raw('GET', file.fix.fixedUrl.replace(/[0-9a-f]{24}/, '0'.repeat(24)), authed())).status).toBe(404);
    expect((await raw('GET', file.fix.fixedUrl)).status).toBe(401);
  });

  it('a picked file that is not an image is served back as bytes in a sandbox, never as a page', async () => {
    const response = await raw('POST', '/api/upload?name=evil.html&role=photo', authed(), '<script>alert(1)</script>');
    const file = JSON.parse(response.body.toString());
    expect(file.status).toBe('fail');
    const back = await raw('GET', file.originalUrl, authed());
    expect(back.headers['content-type']).toBe('application/octet-stream');
    expect(String(back.headers['content-security-policy'])).toMatch(/^sandbox/);
  });

  it('an upload larger than the limit is refused (413)', async () => {
    const big = await raw(
      'POST',
      '/api/upload?name=big.jpg',
      authed({ 'Content-Length': String(200 * 1024 * 1024) }),
    ).catch(() => ({ status: 413 }) as Raw);
    expect(big.status).toBe(413);
  });
});

describe('stopping', () => {
  it('stops after the idle time: the port no longer answers', async () => {
    const idle = await startUiSession({ idleMs: 50 });
    await idle.running.stopped;
    await expect(fetch(`${idle.base}/`)).rejects.toThrow();
  });
});

describe('the command in its own process', () => {
  it.each(['SIGINT', 'SIGHUP'] as const)(
    'prints the launch address alone on a line, serves, and on %s stops with 0 and leaves no upload behind',
    async (signal) => {
      const tmp = mkdtempSync(path.join(tmpdir(), 'shegong-ui-tmp-'));
      const child = spawn(process.execPath, [BIN, 'ui', '--no-open'], {
        env: { ...process.env, TMPDIR: tmp, SHEGONG_CONFIG_DIR: tmp, SHEGONG_ML: 'off', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const line = await new Promise<string>((resolve) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
      });
      expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
      const launch = await fetch(line, { redirect: 'manual' });
      expect(launch.status).toBe(303);
      const jar = (launch.headers.get('set-cookie') ?? '').split(';')[0]!;
      const base = new URL(line).origin;
      const upload = await fetch(`${base}/api/upload?name=x.jpg&role=photo`, {
        method: 'POST',
        headers: { Cookie: jar },
        body: readFileSync(path.join(ROOT, 'test', 'fixtures', 'photos', 'thumbnail.jpg')),
      });
      expect(upload.status).toBe(200);
      expect(readdirSync(tmp).some((name) => name.startsWith('shegong-ui-'))).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(readdirSync(tmp).filter((name) => name.startsWith('shegong-ui-'))).toEqual([]);
      await expect(fetch(`${base}/`)).rejects.toThrow();
    },
    20_000,
  );
});

describe('language and usage', () => {
  it('--lang en: the page words and the questions are the English catalogue’s', async () => {
    const english = await startUiSession({ lang: 'en' });
    try {
      const launch = await fetch(english.launchUrl, { redirect: 'manual' });
      const jar = (launch.headers.get('set-cookie') ?? '').split(';')[0]!;
      const words = await (await fetch(`${english.base}/api/session`, { headers: { Cookie: jar } })).json();
      expect(words.lang).toBe('en');
      expect(words.words.title).toBe(en.page.title);
      const step = await (
        await fetch(`${english.base}/api/interview`, {
          method: 'POST',
          headers: { Cookie: jar, 'Content-Type': 'application/json' },
          body: JSON.stringify({ given: [] }),
        })
      ).json();
      expect(step.question.message).toBe(en.prompt.level);
    } finally {
      await english.running.stop();
    }
  });

  it('--batch naming no batch folder is a sentence and exit 2, before any server starts', () => {
    for (const dir of [path.join(ROOT, 'no-such-folder'), path.join(ROOT, 'src')]) {
      const result = spawnSync(process.execPath, [BIN, 'ui', '--no-open', '--batch', dir], {
        encoding: 'utf8',
        env: { ...process.env, SHEGONG_ML: 'off' },
      });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(dir);
    }
  });
});
