/**
 * The local page's routes over the same core as the CLI: the interview (replayed), the verdict,
 * the dates with their .ics, the checklist page, uploads checked and fixed, a batch folder browsed.
 * Uploads live in a private temporary folder (0700, removed on stop) and are reached only by the
 * random id the upload returned: no path from a request ever names a file, except under a batch
 * folder the user opened, and there only its reports, confined to it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toRaw, type RawAnswers } from '../../answers/resolve-answers.js';
import { UserError } from '../../errors.js';
import { guessRole } from '../../files/guess-role.js';
import { fixPlan } from '../../files/fixable.js';
import { interviewWorded, problemText } from '../../i18n/messages.js';
import type { Answers } from '../../model/answers.js';
import type { FileResult } from '../../model/report.js';
import { UPLOAD_ROLES, type UploadRole } from '../../model/rules.js';
import { localizeFinding } from '../../report/localize.js';
import { eventWhen } from '../../report/render-text.js';
import { checklistReport, datesFor } from '../candidate-reports.js';
import type { CommandContext } from '../load-context.js';
import { renderAs } from '../render-registry.js';
import { safeParts } from './guard.js';
import { interviewStep } from './replay-interview.js';
import type { Handler, Reply } from './server.js';

/** The page's own files, shipped in the package (no build, nothing fetched at run time). */
export const ASSETS_DIR = fileURLToPath(new URL('../../../assets/ui/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.heic': 'image/heic',
  '.svg': 'image/svg+xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
/** The types a picked file is served as (the formats the checks read); anything else goes out as bytes. */
const UPLOAD_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.pdf', '.heic', '.heif', '.webp', '.avif'];
const typeOf = (file: string) => TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

const json = (value: unknown, status = 200): Reply => ({
  status,
  type: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

/** A download name in a Content-Disposition header (RFC 6266/5987: ASCII fallback plus UTF-8). */
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

interface Upload {
  id: string;
  name: string;
  role: UploadRole | 'unknown';
  original: string;
  fixed?: string;
  preview?: string;
  /** The verdict the checklist counts: the fixed copy's when there is one. */
  result?: FileResult;
}

export interface UiApp {
  handler: Handler;
  /** The batch folder given on the command line, opened before the page asks. */
  openBatch(dir: string): Promise<void>;
  /** Removes the uploads' temporary folder. */
  dispose(): Promise<void>;
}

/** What the page posts: the answers given so far, in the interview's order. */
function givenOf(body: Buffer): string[] {
  const parsed = JSON.parse(body.toString('utf8') || '{}') as { given?: unknown };
  return Array.isArray(parsed.given) ? parsed.given.map((v) => String(v)).slice(0, 200) : [];
}

export async function createUiApp(context: CommandContext): Promise<UiApp> {
  const { messages, provinces, ruleSet, globals } = context;
  const words = messages.page;
  /** A finding's advice as the page says it: the page fixes on its own, there is no command to run. */
  const adviceOnPage = (advice: string) =>
    messages.ui.commandsOnPage.reduce((text, [command, page]) => text.replaceAll(command, page), advice);
  // mkdtemp makes the folder readable by this user only (0700): other users cannot see the photos.
  const temp = await mkdtemp(path.join(tmpdir(), 'shegong-ui-'));
  const uploads = new Map<string, Upload>();
  const assets = new Map<string, string>();
  for (const name of await readdir(ASSETS_DIR)) assets.set(name, path.join(ASSETS_DIR, name));
  let checklistHtml: string | undefined;
  let ics: string | undefined;
  let batchRoot: string | undefined;

  const store = async () => (await import('../profile-store.js')).openProfileStore();
  const savedAnswers = async (): Promise<RawAnswers> => (await store()).read();

  const step = async (given: string[]) => interviewStep({ given, defaults: await savedAnswers(), provinces, messages });

  const asset = async (name: string): Promise<Reply | undefined> => {
    const file = assets.get(name);
    return file ? { status: 200, type: typeOf(file), body: await readFile(file) } : undefined;
  };

  /** The verdict, the dates and the checklist for complete answers, with the uploads' verdicts. */
  const report = async (answers: Answers) => {
    // The latest upload of each role counts (a photo added again replaces the earlier one).
    const latest = new Map<string, FileResult>();
    for (const u of uploads.values()) if (u.result && u.role !== 'unknown') latest.set(u.role, u.result);
    // The page asked the questions: its advice is the interview's (no flags), in the page's words.
    const asked = { ...context, messages: interviewWorded(messages) };
    const built = checklistReport(answers, asked, [...latest.values()], answers.educationCases ?? []);
    // The printable checklist opens from the page: its advice in the page's words too.
    checklistHtml = adviceOnPage(
      await renderAs('checklist', built, { ...context, globals: { ...globals, format: 'html' } }),
    );
    const { report: dates, names, ics: icsOf } = datesFor(context, answers);
    const events = [...(dates.previousYear?.events ?? []), ...dates.events];
    ics = icsOf();
    const e = built.eligibility;
    return {
      ready: built.ready,
      eligibility: {
        status: e.status,
        label: messages.labels.eligibility[e.status] ?? e.status,
        route: e.routeText,
        ...(e.requiredYears
          ? {
              counted: messages.ui.countedLine(
                messages.months(e.countedMonths),
                messages.months(e.requiredYears * 12),
                messages.day(e.cutoff),
              ),
            }
          : {}),
        ...(e.shortfallMonths > 0 ? { shortfall: words.shortfall(messages.months(e.shortfallMonths)) } : {}),
        findings: e.findings
          .filter((f) => f.severity !== 'info')
          .map((f) => ({ id: f.id, severity: f.severity, message: f.message, fix: adviceOnPage(f.fix) })),
      },
      province: answers.province ? names.province(answers.province) : '',
      dates: events.map((event) => ({
        id: event.id,
        title: event.title,
        when: eventWhen(event, messages),
        estimated: event.estimated,
        passed: event.timing === 'passed',
      })),
      nextDeadline: dates.nextDeadline?.text ?? null,
      checklist: built.checklist.map((item) => ({ id: item.id, status: item.status, text: item.text })),
      checklistUrl: '/out/checklist.html',
      icsUrl: '/out/shegong.ics',
    };
  };

  /** One uploaded file: kept in the private folder, checked, and fixed when a fix can cure it. */
  const upload = async (name: string, roleWanted: string | null, bytes: Buffer) => {
    const id = randomBytes(12).toString('hex');
    // The extension is kept (the checks compare it with the content), reduced to a safe form.
    const ext =
      path
        .extname(name)
        .toLowerCase()
        .match(/^\.[a-z0-9]{1,5}$/)?.[0] ?? '.bin';
    const original = path.join(temp, `${id}${ext}`);
    await writeFile(original, bytes, { mode: 0o600, flag: 'wx' });
    const role: UploadRole | 'unknown' =
      roleWanted && (UPLOAD_ROLES as readonly string[]).includes(roleWanted)
        ? (roleWanted as UploadRole)
        : (guessRole(name) ?? 'unknown');
    const entry: Upload = { id, name: path.basename(name), role, original };
    uploads.set(id, entry);
    const label = (r: string) => messages.labels.role[r] ?? r;
    if (role === 'unknown')
      return {
        id,
        name: entry.name,
        role,
        roleLabel: label('unknown'),
        status: 'unknown',
        findings: [],
        note: words.roleUnknown,
      };
    const [{ checkOne }, { fixToFile }] = await Promise.all([
      import('../../files-io/probe-and-check.js'),
      import('../../files-io/fix-to-file.js'),
    ]);
    const checked = await checkOne({ path: original, role }, ruleSet);
    entry.result = checked;
    const findings = (result: FileResult) =>
      result.findings.map((f) => {
        const words = localizeFinding(messages, f);
        return { id: words.id, severity: words.severity, message: words.message, fix: adviceOnPage(words.fix) };
      });
    let fix: Record<string, unknown> | undefined;
    if (fixPlan(checked) === 'fix') {
      const output = path.join(temp, `${id}.fixed.jpg`);
      const outcome = await fixToFile(original, role, output, ruleSet).catch((error: unknown) => {
        if (error instanceof UserError)
          return { ok: false as const, reason: problemText(messages, error.key, error.args) };
        throw error;
      });
      if (outcome.ok) {
        entry.fixed = outcome.output;
        entry.result = outcome.result;
        if (outcome.preview) entry.preview = outcome.preview;
        fix = {
          ok: true,
          status: outcome.result.status,
          findings: findings(outcome.result),
          fixedUrl: `/files/${id}/fixed`,
          ...(outcome.preview ? { previewUrl: `/files/${id}/preview` } : {}),
          // What the fix did, and the warning to look when the background was replaced (as `fix`
          // says it), without the terminal's line naming the preview's path: the page shows it.
          notes: [
            ...(outcome.changes
              ? [
                  messages.ui.fixChanges(
                    outcome.changes.map((c) => messages.ui.changeWords[c]).join(messages.ui.listSeparator),
                  ),
                ]
              : []),
            ...(outcome.whitened ? [messages.ui.fixLookAt] : []),
          ],
        };
      } else {
        if ('preview' in outcome && outcome.preview) entry.preview = outcome.preview;
        fix = {
          ok: false,
          reason: messages.ui.cannotFix[outcome.reason] ?? outcome.reason,
          ...(entry.preview ? { previewUrl: `/files/${id}/preview` } : {}),
        };
      }
    }
    return {
      id,
      name: entry.name,
      role,
      roleLabel: label(role),
      status: checked.status,
      findings: findings(checked),
      originalUrl: `/files/${id}/original`,
      ...(fix ? { fix } : {}),
    };
  };

  /** summary.json of the opened batch folder, as rows the page can filter. */
  const batchRows = async () => {
    if (!batchRoot) return { open: false };
    const summary = JSON.parse(await readFile(path.join(batchRoot, 'summary.json'), 'utf8')) as {
      applicants?: { line: number; name: string; status: string; page?: string; idMasked?: string }[];
    };
    const statusWords = messages.batch.status as Record<string, string>;
    return {
      open: true,
      folder: batchRoot,
      statuses: Object.entries(statusWords).map(([value, name]) => ({ value, name })),
      rows: (summary.applicants ?? []).map((a) => ({
        line: a.line,
        name: a.name,
        status: a.status,
        statusLabel: statusWords[a.status] ?? a.status,
        ...(a.page ? { page: `/batch/${a.page.split(/[\\/]/).map(encodeURIComponent).join('/')}` } : {}),
      })),
    };
  };

  const openBatch = async (dir: string) => {
    const root = await realpath(dir).catch(() => undefined);
    if (!root) throw new UserError('error.not-found', { file: dir });
    if (!(await stat(root)).isDirectory()) throw new UserError('error.ui-no-batch', { file: dir });
    if (!(await stat(path.join(root, 'summary.json')).catch(() => undefined))?.isFile())
      throw new UserError('error.ui-no-batch', { file: dir });
    batchRoot = root;
  };

  /** A file under the batch folder: report.html, summary files, reports/…, fixed/… — never a folder, never outside. */
  const batchFile = async (encoded: string): Promise<Reply | undefined> => {
    if (!batchRoot) return undefined;
    const parts = safeParts(encoded);
    if (!parts) return undefined;
    const top = parts[0] ?? '';
    const allowed =
      parts.length === 1
        ? ['report.html', 'summary.json', 'summary.csv', 'summary.xlsx'].includes(top)
        : ['reports', 'fixed'].includes(top);
    if (!allowed) return undefined;
    const real = await realpath(path.join(batchRoot, ...parts)).catch(() => undefined);
    if (!real?.startsWith(batchRoot + path.sep)) return undefined;
    const info = await stat(real);
    if (!info.isFile()) return undefined;
    return { status: 200, type: typeOf(real), body: await readFile(real), report: true };
  };

  const handler: Handler = async (request) => {
    const { method, path: at } = request;
    if (method === 'GET' || method === 'HEAD') {
      if (at === '/') return asset('index.html');
      if (at.startsWith('/assets/')) return asset(at.slice('/assets/'.length));
      if (at === '/api/session') {
        const saved = await savedAnswers();
        return json({
          lang: globals.lang,
          words,
          roles: UPLOAD_ROLES.map((value) => ({ value, name: messages.labels.role[value] ?? value })),
          hasProfile: Object.keys(saved).length > 0,
          batch: await batchRows(),
        });
      }
      if (at === '/api/ping') return json({ ok: true });
      if (at === '/out/checklist.html' && checklistHtml)
        return { status: 200, type: 'text/html; charset=utf-8', body: checklistHtml, report: true };
      if (at === '/out/shegong.ics' && ics)
        return {
          status: 200,
          type: 'text/calendar; charset=utf-8',
          body: ics,
          headers: { 'Content-Disposition': attachment('shegong.ics') },
        };
      const file = at.match(/^\/files\/([0-9a-f]{24})\/(original|fixed|preview)$/);
      if (file) {
        const entry = uploads.get(file[1]!);
        const kind = file[2] as 'original' | 'fixed' | 'preview';
        const where = entry?.[kind];
        if (!entry || !where) return undefined;
        const base = entry.name.replace(/\.[^.]+$/, '');
        const headers =
          kind === 'fixed' && request.query.has('download')
            ? { 'Content-Disposition': attachment(`${base}.fixed.jpg`) }
            : undefined;
        // A picked file is shown as an image or downloaded, never run as a page: sandboxed, no scripts.
        return {
          status: 200,
          type: UPLOAD_EXTENSIONS.includes(path.extname(where)) ? typeOf(where) : 'application/octet-stream',
          body: await readFile(where),
          headers: { 'Content-Security-Policy': "sandbox; default-src 'none'", ...headers },
        };
      }
      if (at.startsWith('/batch/')) return batchFile(at.slice('/batch/'.length));
      return undefined;
    }
    if (method !== 'POST') return undefined;
    if (at === '/api/interview') return json(await step(givenOf(await request.body())));
    if (at === '/api/report' || at === '/api/profile') {
      const done = await step(givenOf(await request.body()));
      if (!done.done) return json(done, 422);
      if (at === '/api/report') return json(await report(done.answers));
      const opened = await store();
      const problem = opened.save(toRaw(done.answers));
      return json(
        problem
          ? { saved: false, text: words.profileNotSaved }
          : { saved: true, text: words.profileSaved(opened.path) },
      );
    }
    if (at === '/api/upload') {
      const name = request.query.get('name') ?? 'file';
      return json(await upload(name, request.query.get('role'), await request.body()));
    }
    if (at === '/api/batch') {
      const { dir } = JSON.parse((await request.body()).toString('utf8') || '{}') as { dir?: unknown };
      try {
        await openBatch(String(dir ?? ''));
      } catch (error) {
        if (error instanceof UserError) return json({ open: false, text: words.batchMissing }, 422);
        throw error;
      }
      return json(await batchRows());
    }
    return undefined;
  };

  return {
    handler,
    openBatch,
    dispose: () => rm(temp, { recursive: true, force: true }),
  };
}
