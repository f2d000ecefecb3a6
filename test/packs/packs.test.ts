import { generateKeyPairSync, createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackContent } from '../../src/model/pack.js';
import { buildPackFrom } from '../../src/packs/build-pack.js';
import { forgetExtraKeys, trustKeyForThisProcess } from '../../src/packs/keys.js';
import { compareVersions } from '../../src/packs/pack-format.js';
import { readTemplatesPack } from '../../src/packs/read-templates.js';
import { staleData } from '../../src/packs/stale.js';
import { extractFromTar } from '../../src/packs/tar.js';
import { validatePackContent } from '../../src/packs/validate-pack.js';
import { runMain } from '../helpers/run-in-process.js';

// A throwaway key that only this test run trusts (through the in-process hook, never an env var).
const testKey = generateKeyPairSync('ed25519');
const otherKey = generateKeyPairSync('ed25519');
beforeAll(() => {
  trustKeyForThisProcess(testKey.publicKey);
});
afterAll(() => forgetExtraKeys());

const bundled = await readTemplatesPack();

/** The bundled data as a newer pack in which the 2027 notices are out (a 四川 window among them). */
function pack2027(overrides: Partial<PackContent['manifest']> = {}): PackContent {
  const content = structuredClone(bundled);
  Object.assign(content.manifest, { version: '2027.2', checked: '2027-02-10', expires: '2028-01-31', ...overrides });
  const calendar = content.files['calendars/exam-calendar.json'] as { years: Record<string, unknown> };
  calendar.years['2027'] = {
    exam: { start: '2027-05-22', end: '2027-05-23', source: '2027 plan (test)', confidence: 'official' },
    registration: { start: '2027-03-10', end: '2027-03-31', source: '2027 notice (test)', confidence: 'official' },
    provinces: {
      sichuan: {
        registration: { start: '2027-03-12', end: '2027-03-24', source: '四川 2027 (test)', confidence: 'official' },
      },
    },
  };
  return content;
}

const signed = (content: PackContent, key = testKey.privateKey) => {
  const built = buildPackFrom(content, key);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.text;
};

const freshConfig = () => mkdtempSync(path.join(tmpdir(), 'shegong-packs-'));
const writePack = (dir: string, name: string, text: string | Uint8Array) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const TODAY = ['--today', '2027-02-15'];
const dates = async (env: Record<string, string>) =>
  JSON.parse((await runMain(['dates', ...TODAY, '--province', '四川', '--format', 'json'], env)).out);
const registration = (report: { events: { id: string }[] }) => report.events.find((e) => e.id === 'registration');

describe('a newer pack changes the dates and the provenance', () => {
  it('before: the bundled pack, 2027 estimated; after import: 2027.2, 四川 published', async () => {
    const config = freshConfig();
    const env = { SHEGONG_CONFIG_DIR: config };
    const before = await dates(env);
    expect(before.data).toMatchObject({ pack: '2026.12', origin: 'bundled', publishedThrough: 2026, overrides: [] });
    expect(registration(before)).toMatchObject({ estimated: true });

    const file = writePack(config, 'p.json', signed(pack2027()));
    const imported = await runMain(['data', 'import', file, ...TODAY, '--format', 'json'], env);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ outcome: 'installed', version: '2027.2', previous: '2026.12' });

    const after = await dates(env);
    expect(after.data).toMatchObject({
      pack: '2027.2',
      origin: 'imported',
      checked: '2027-02-10',
      publishedThrough: 2027,
    });
    expect(registration(after)).toMatchObject({ start: '2027-03-12', end: '2027-03-24', estimated: false });
    expect(after.data.dates.find((d: { id: string }) => d.id === 'registration')).toMatchObject({
      status: 'published',
      source: '四川 2027 (test)',
    });
    // The checklist report says the same.
    const check = await runMain(
      [
        ...TODAY,
        ...['--level', '助理', '--education', '本科', '--major', '其他', '--graduated', '2015-06'],
        ...['--study-mode', '全日制', '--work', '2015-07..', '--province', '四川', '--no-input', '--format', 'json'],
      ],
      env,
    );
    expect(JSON.parse(check.out).data).toMatchObject({ pack: '2027.2', origin: 'imported' });
    // Importing the same pack again changes nothing.
    expect(JSON.parse((await runMain(['data', 'import', file, ...TODAY, '--format', 'json'], env)).out)).toMatchObject({
      outcome: 'same',
    });
  });

  it('--rules overrides are named in the provenance', async () => {
    const config = freshConfig();
    const rules = writePack(config, 'r.json', JSON.stringify({ rules: { 'pass-line': { value: { score: 60 } } } }));
    const report = await dates({ SHEGONG_CONFIG_DIR: config, ...{} }).then(() =>
      runMain(['dates', ...TODAY, '--rules', rules, '--format', 'json'], { SHEGONG_CONFIG_DIR: config }),
    );
    expect(JSON.parse(report.out).data.overrides).toEqual([rules]);
  });
});

describe('a bad pack is refused with a sentence, exit 2, and changes nothing', () => {
  const good = signed(pack2027());
  const flipped = () => {
    const bytes = Buffer.from(good);
    // A byte inside the payload (a date digit), so the JSON still parses and only the signature can tell.
    const at = good.indexOf('2027-03-12');
    bytes[at + 9] = bytes[at + 9] === 0x32 ? 0x33 : 0x32;
    return bytes;
  };
  it.each([
    ['one flipped byte', () => flipped(), 'pack.bad-signature'],
    ['signed by another key', () => signed(pack2027(), otherKey.privateKey), 'pack.untrusted-key'],
    ['older than the one in use', () => signed(pack2027({ version: '2026.11', checked: '2026-11-01' })), 'older'],
    ['expired', () => signed(pack2027({ checked: '2027-01-10', expires: '2027-02-01' })), 'expired'],
    ['not a pack at all', () => '{"hello": 1}', 'pack.not-a-pack'],
  ])('%s', async (_name, make, _why) => {
    const config = freshConfig();
    const env = { SHEGONG_CONFIG_DIR: config };
    // A valid pack is installed first: a refusal must leave it exactly as it was.
    const installed = writePack(config, 'ok.json', signed(pack2027({ version: '2027.1' })));
    expect((await runMain(['data', 'import', installed, ...TODAY], env)).code).toBe(0);
    const target = path.join(config, 'data', 'pack.json');
    const before = readFileSync(target);
    const result = await runMain(['data', 'import', writePack(config, 'bad.json', make()), ...TODAY], env);
    expect(result.code).toBe(2);
    expect(result.err).not.toMatch(/at .*\.ts:\d+/);
    expect(result.err.trim().length).toBeGreaterThan(0);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect((await dates(env)).data.pack).toBe('2027.1');
  });

  it('nothing is written when there was no imported pack', async () => {
    const config = freshConfig();
    const result = await runMain(['data', 'import', writePack(config, 'bad.json', flipped()), ...TODAY], {
      SHEGONG_CONFIG_DIR: config,
    });
    expect(result.code).toBe(2);
    expect(existsSync(path.join(config, 'data', 'pack.json'))).toBe(false);
  });
});

describe('validation before signing', () => {
  it('the bundled templates/ pass', () => {
    expect(validatePackContent(bundled)).toEqual([]);
  });

  it('a date outside its cycle, a provincial window outside the national one, a rule without a source', () => {
    const content = pack2027();
    const calendar = content.files['calendars/exam-calendar.json'] as {
      years: Record<string, { provinces?: Record<string, Record<string, { start: string; end?: string }>> }>;
    };
    calendar.years['2027']!.provinces!.sichuan!.registration!.end = '2027-04-02';
    calendar.years['2026']!.provinces!.sichuan!.registration!.start = '2025-03-11';
    const exam = content.files['rules/exam.json'] as { rules: Record<string, { source: string }> };
    exam.rules['pass-line']!.source = '';
    const keys = validatePackContent(content).map((p) => `${p.key} ${p.args.where ?? ''}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'pack.outside-national calendar.years.2027.provinces.sichuan.registration',
        'pack.outside-cycle calendar.years.2026.provinces.sichuan.registration',
      ]),
    );
    expect(keys.some((k) => k.includes('pass-line'))).toBe(true);
    expect(buildPackFrom(content, testKey.privateKey).ok).toBe(false);
  });

  it('versions order by calendar: 2027.1 > 2026.12, 2027.2.1 > 2027.2', () => {
    expect(compareVersions('2027.1', '2026.12')).toBeGreaterThan(0);
    expect(compareVersions('2027.2.1', '2027.2')).toBeGreaterThan(0);
    expect(compareVersions('2026.12', '2026.12')).toBe(0);
  });
});

/** A minimal ustar archive of the given files. */
function tar(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text);
    const header = Buffer.alloc(512);
    header.write(name, 0);
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

describe('data update against a local registry (never the network)', () => {
  let server: Server;
  let base = '';
  let mode: 'ok' | '404' | 'hang' | 'garbage' = 'ok';
  const tarball = gzipSync(
    tar({ 'package/package.json': '{}', 'package/packs/shegong-data.json': signed(pack2027()) }),
  );
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (mode === 'hang') return; // never answers: the timeout must end it
      if (mode === '404') return res.writeHead(404).end('{}');
      if (req.url === '/shegong') {
        if (mode === 'garbage') return res.writeHead(200).end('<html>not json');
        const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
        return res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            'dist-tags': { latest: '0.2.0' },
            versions: { '0.2.0': { dist: { tarball: `${base}/shegong/-/shegong-0.2.0.tgz`, integrity } } },
          }),
        );
      }
      if (req.url === '/shegong/-/shegong-0.2.0.tgz') return res.writeHead(200).end(tarball);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const update = (config: string) =>
    runMain(['data', 'update', ...TODAY, '--format', 'json'], {
      SHEGONG_CONFIG_DIR: config,
      SHEGONG_REGISTRY: base,
      SHEGONG_UPDATE_TIMEOUT: '0.5',
    });

  it('success: the pack inside the published tarball is installed', async () => {
    mode = 'ok';
    const config = freshConfig();
    const result = await update(config);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ outcome: 'installed', version: '2027.2' });
    expect((await dates({ SHEGONG_CONFIG_DIR: config })).data.pack).toBe('2027.2');
  });

  it.each(['404', 'hang', 'garbage'] as const)('%s: exit 2, a sentence, nothing written', async (how) => {
    mode = how;
    const config = freshConfig();
    const result = await update(config);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.trim().length).toBeGreaterThan(0);
    expect(existsSync(path.join(config, 'data', 'pack.json'))).toBe(false);
  });

  it('the tar reader finds the pack and reports a truncated archive as damaged', () => {
    const archive = tar({ 'package/packs/shegong-data.json': 'x' });
    expect(Buffer.from(extractFromTar(archive, 'package/packs/shegong-data.json') as Uint8Array).toString()).toBe('x');
    expect(extractFromTar(archive, 'package/none')).toBeUndefined();
    const long = tar({ 'package/packs/shegong-data.json': 'y'.repeat(1000) });
    expect(extractFromTar(long.subarray(0, 700), 'package/packs/shegong-data.json')).toBe('damaged');
  });
});

describe('where an imported pack lives', () => {
  it.runIf(process.platform === 'linux')('the config folder is the one conf (the saved answers) uses', async () => {
    const { configDir } = await import('../../src/cli/data-store.js');
    const { default: Conf } = await import('conf');
    const saved = { SHEGONG_CONFIG_DIR: process.env.SHEGONG_CONFIG_DIR, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
    const xdg = freshConfig();
    delete process.env.SHEGONG_CONFIG_DIR;
    process.env.XDG_CONFIG_HOME = xdg;
    try {
      const conf = new Conf({ projectName: 'shegong', projectSuffix: '' });
      expect(path.dirname(conf.path)).toBe(configDir());
      expect(configDir()).toBe(path.join(xdg, 'shegong'));
    } finally {
      for (const [key, value] of Object.entries(saved))
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }
  });
});

describe('the stale-data notice', () => {
  const pack = {
    version: '2026.12',
    checked: '2026-12-06',
    expires: '2027-12-31',
    examYear: 2027,
    origin: 'bundled' as const,
    publishedThrough: 2026,
  };
  it('in the cycle year before the exam, while the pack has no published dates for it', () => {
    expect(staleData(pack, '2027-02-01', 2027, '2027-05-22', 57)).toEqual({
      version: '2026.12',
      days: 57,
      published: 2026,
      year: 2027,
    });
    expect(staleData(pack, '2026-12-10', 2027, '2027-05-22', 4)).toBeUndefined();
    expect(staleData(pack, '2027-05-23', 2027, '2027-05-22', 168)).toBeUndefined();
    expect(staleData({ ...pack, publishedThrough: 2027 }, '2027-02-01', 2027, '2027-05-22', 1)).toBeUndefined();
  });

  it('one stderr line, the same exit code and stdout; SHEGONG_NO_DATA_NOTICE and CI silence it', async () => {
    const args = [
      ...['--today', '2027-02-01', '--level', '助理', '--education', '本科', '--major', '其他'],
      ...[
        '--graduated',
        '2015-06',
        '--study-mode',
        '全日制',
        '--work',
        '2015-07..',
        '--province',
        '四川',
        '--no-input',
      ],
    ];
    const config = freshConfig();
    const loud = await runMain(args, { SHEGONG_CONFIG_DIR: config, SHEGONG_NO_DATA_NOTICE: '', CI: '' });
    const quiet = await runMain(args, { SHEGONG_CONFIG_DIR: config, SHEGONG_NO_DATA_NOTICE: '1', CI: '' });
    const ci = await runMain(args, { SHEGONG_CONFIG_DIR: config, SHEGONG_NO_DATA_NOTICE: '', CI: 'true' });
    expect(loud.err.trim().split('\n')).toHaveLength(1);
    expect(quiet.err).toBe('');
    expect(ci.err).toBe('');
    expect(loud.code).toBe(quiet.code);
    expect(loud.out).toBe(quiet.out);
  });
});

describe('batch summaries carry the pack', () => {
  it('summary.json has the data object; each applicant report its dates', async () => {
    const config = freshConfig();
    const roster = writePack(
      config,
      'r.csv',
      '姓名,报考级别,学历,专业,毕业时间,学习形式,社会工作经历,报考省份\n张三,助理,本科,其他,2015-06,全日制,2015-07..,四川\n',
    );
    const out = path.join(config, 'out');
    const result = await runMain(['batch', roster, '--output', out, ...TODAY], { SHEGONG_CONFIG_DIR: config });
    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(summary.data).toMatchObject({ pack: '2026.12', origin: 'bundled', overrides: [] });
    expect(summary.applicants[0].report.data).toMatchObject({ pack: '2026.12', year: 2027 });
  });
});

describe('an installed pack this version cannot use', () => {
  it('one lacking a rule this version reads (imported before an upgrade): the bundled data is used, status says why', async () => {
    const { signPack } = await import('../../src/packs/pack-format.js');
    const { mkdirSync } = await import('node:fs');
    const config = freshConfig();
    const content = pack2027();
    delete (content.files['rules/exam.json'] as { rules: Record<string, unknown> }).rules['pass-line'];
    mkdirSync(path.join(config, 'data'));
    writeFileSync(path.join(config, 'data', 'pack.json'), JSON.stringify(signPack(content, testKey.privateKey)));
    const env = { SHEGONG_CONFIG_DIR: config };
    expect((await dates(env)).data).toMatchObject({ pack: '2026.12', origin: 'bundled' });
    const status = JSON.parse((await runMain(['data', ...TODAY, '--format', 'json'], env)).out);
    expect(status).toMatchObject({ outcome: 'status', version: '2026.12', origin: 'bundled' });
    expect(status.installedProblem).toBeTruthy();
  });
});
