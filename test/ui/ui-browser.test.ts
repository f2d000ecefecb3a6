/// <reference lib="dom" />
/**
 * `shegong ui` in a real headless browser (the system Chromium, driven by playwright-core): a
 * candidate answers the questions and reads the checklist, downloads the .ics, uploads a photo and
 * downloads the fixed copy; a counsellor filters a batch folder. Chromium missing fails the file:
 * `.ci/run` installs it (README, Tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';
import { ELIGIBLE_INTERVIEW, fakeBatchFolder, startUiSession, type UiSession } from '../helpers/ui-session.js';

/** SHEGONG_CHROMIUM, else Debian's /usr/bin/chromium, else a `chromium` on the PATH. */
const CHROMIUM =
  process.env.SHEGONG_CHROMIUM ??
  (existsSync('/usr/bin/chromium')
    ? '/usr/bin/chromium'
    : spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim() || '/usr/bin/chromium');
/** Set SHEGONG_UI_SHOTS=<folder> to keep phone and desktop screenshots of each step. */
const SHOTS = process.env.SHEGONG_UI_SHOTS;

let browser: Browser;
let session: UiSession;
let batch: { dir: string };

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the browser tests need it (apt-get install chromium fonts-noto-cjk; .ci/run installs it), or set SHEGONG_CHROMIUM`,
    );
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Root in a container has no user namespace for Chromium's sandbox.
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  batch = fakeBatchFolder();
  session = await startUiSession({ batch: batch.dir });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await session?.running.stop();
});

/** A signed-in page at this width: the launch address once, then the cookie (shared by the context). */
let signedIn: Awaited<ReturnType<Browser['newContext']>> | undefined;
async function openPage(width = 1280): Promise<Page> {
  if (!signedIn) {
    signedIn = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    const first = await signedIn.newPage();
    await first.goto(session.launchUrl);
    await first.close();
  }
  const page = await signedIn.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${session.base}/`);
  // Opened with a batch folder, the page starts on the batch tab: wait for the question to be there, not shown.
  await page.waitForSelector('#question:not(:empty)', { state: 'attached' });
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

/** Answers the question on screen (a radio, a list or a text field), then Next. */
async function answer(page: Page, value: string): Promise<void> {
  const before = await page.locator('#answered li').count();
  const control = page.locator('#answer');
  const tag = await control.evaluate((node) => node.tagName);
  if (tag === 'INPUT') await control.fill(value);
  else if (tag === 'SELECT') await control.selectOption(value);
  else await page.locator(`#answer input[value="${value}"]`).check();
  await page.click('#next');
  await page.waitForFunction(
    (n) => document.querySelectorAll('#answered li').length > n || !document.getElementById('result')?.hidden,
    before,
  );
}

describe('shegong ui in Chromium', () => {
  it('the interview to the verdict, the dates and the checklist; a wrong answer is said and kept', async () => {
    const page = await openPage();
    await page.click('#tab-interview');
    expect(await page.locator('#question').textContent()).toBe('报考级别');
    await shot(page, '1-question');
    for (const value of ELIGIBLE_INTERVIEW.slice(0, 3)) await answer(page, value);
    // The terminal's validation, in its words: an impossible month stays on the same question.
    await page.fill('#answer', '2019-13');
    await page.click('#next');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.inputValue('#answer')).toBe('2019-13');
    await shot(page, '2-invalid');
    for (const value of ELIGIBLE_INTERVIEW.slice(3)) await answer(page, value);
    await page.waitForSelector('#result:not([hidden]) #verdict-status');
    expect(await page.locator('#verdict').getAttribute('class')).toContain('verdict-eligible');
    expect(await page.locator('#verdict-route').count()).toBe(1);
    expect(await page.locator('#dates tr[data-id="registration"]').count()).toBe(1);
    expect(await page.locator('#checklist li[data-id]').count()).toBeGreaterThan(3);
    await shot(page, '3-result');

    // Changing an earlier answer asks again from there: too few years now, with the shortfall.
    await page.locator('#answered li').nth(3).locator('button').click();
    await page.waitForSelector('#question-form:not([hidden])');
    await answer(page, '2023-06');
    await answer(page, 'full-time');
    await answer(page, '2023-07..');
    for (const value of ELIGIBLE_INTERVIEW.slice(6)) await answer(page, value);
    await page.waitForSelector('#verdict-shortfall');
    expect(await page.locator('#verdict').getAttribute('class')).toContain('verdict-ineligible');

    await page.click('#save-profile');
    await page.waitForFunction(() => document.getElementById('profile-status')?.textContent);
    const saved = JSON.parse(readFileSync(path.join(session.configDir, 'config.json'), 'utf8'));
    expect(saved.answers).toMatchObject({ graduated: '2023-06', province: 'guangdong' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#ics')]);
    expect(download.suggestedFilename()).toBe('shegong.ics');
    const ics = readFileSync(await download.path(), 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(ics).toContain('BEGIN:VEVENT');
    await page.close();
  });

  it('a photo chosen: findings, original and fixed side by side, preview, fixed file downloaded; one dropped', async () => {
    const page = await openPage();
    await page.click('#tab-files');
    await page.setInputFiles('#file-input', path.join(ROOT, 'test', 'fixtures', 'photos', 'portrait.jpg'));
    await page.waitForSelector('.file-card img.fixed');
    const card = page.locator('.file-card').first();
    expect(await card.locator('.findings li').count()).toBeGreaterThan(0);
    // The fixed copy is the platform's size, decoded by the browser.
    await page.waitForFunction(() => (document.querySelector('img.fixed') as HTMLImageElement | null)?.naturalWidth);
    const size = await card
      .locator('img.fixed')
      .evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
    expect(size).toEqual([295, 413]);
    expect(await card.locator('img.original').count()).toBe(1);
    expect(await card.locator('img.preview-image').count()).toBe(1);
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.file-card img')).every((img) => (img as HTMLImageElement).complete),
    );
    await shot(page, '4-photo');
    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('a.download-fixed').click()]);
    expect(download.suggestedFilename()).toBe('portrait.fixed.jpg');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

    // Dropped onto the page: a photo far too small to fix is checked and refused, with the reason.
    const small = readFileSync(path.join(ROOT, 'test', 'fixtures', 'photos', 'thumbnail.jpg')).toString('base64');
    const dataTransfer = await page.evaluateHandle((base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], '照片.jpg', { type: 'image/jpeg' }));
      return transfer;
    }, small);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer });
    await page.waitForFunction(() => document.querySelectorAll('.file-card').length === 2);
    const dropped = page.locator('.file-card').first();
    expect(await dropped.getAttribute('data-status')).toBe('fail');
    expect(await dropped.locator('.findings li.error').count()).toBeGreaterThan(0);
    await shot(page, '4b-dropped');
    await page.close();
  });

  it('a batch folder: applicants filtered by status, each page opened', async () => {
    const page = await openPage();
    await page.click('#tab-batch');
    await page.waitForSelector('#batch-rows tr');
    expect(await page.locator('#batch-rows tr').count()).toBe(2);
    await page.selectOption('#batch-filter', 'not-ready');
    expect(await page.locator('#batch-rows tr').count()).toBe(1);
    expect(await page.locator('#batch-rows tr').getAttribute('data-status')).toBe('not-ready');
    await shot(page, '5-batch');
    const [applicant] = await Promise.all([page.context().waitForEvent('page'), page.locator('#batch-rows a').click()]);
    await applicant.waitForLoadState();
    expect(await applicant.locator('#who').textContent()).toBe('李四');
    await applicant.close();
    await page.close();
  });
});
