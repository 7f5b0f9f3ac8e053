// Orders on their way, cancelled by clicking: a login throttle called back before it lands
// (free: nothing has changed), a hotfix stopped in build and test (its build time lost), and a
// screen that lags behind the host clicking Cancel on an order that has just landed (refused in
// plain words). Each step starts its own host and shift.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ACTION_TIMEOUT_MS, launchChromium, shoot, until, STEP_TIMEOUT_MS } from './harness';
import { startWebHost, type WebHost } from '../../src/main/host/web';

let host: WebHost | undefined;
let browser: Browser;
const errors: string[] = [];
const pages: Page[] = [];

/** Frames from the host held back from the page while `lagging` (a slow link): replies still pass. */
const link = { lagging: false, held: [] as (() => void)[] };

/** A fresh host and screen, a dec-2010 shift started by clicking, paused, `minutes` in. */
async function shift(minutes = 0): Promise<Page> {
  await host?.close();
  host = await startWebHost({ port: 0, idle: true, log: () => {} });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await context.routeWebSocket(/.*/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => {
      const isFrame = typeof m === 'string' && m.startsWith('{"kind":"frame"');
      if (isFrame && link.lagging) link.held.push(() => ws.send(m));
      else ws.send(m);
    });
  });
  await context.addInitScript(() => localStorage.setItem('supernodeStorm.tutorial.done', 'true'));
  const page = await context.newPage();
  pages.push(page);
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(host.url);
  await page.waitForFunction(() => window.__storm?.isReady === true, null, { timeout: ACTION_TIMEOUT_MS });
  await until(page, () => !document.getElementById('start-screen')!.hidden && window.__storm!.applied > 0, 'the start screen');
  await page.check('#scenario-dec-2010');
  await page.fill('#seed-input', '2010');
  await page.click('#start-button');
  await until(page, () => document.getElementById('start-screen')!.hidden, 'the start screen to close');
  expect(host.session.pause().ok).toBe(true);
  if (minutes) expect(host.session.control({ action: 'step', minutes }).ok).toBe(true);
  await page.waitForFunction((m) => (window.__storm!.view()?.minute ?? -1) >= m, host.session.minute(), { timeout: ACTION_TIMEOUT_MS });
  return page;
}

/** Runs the paused game on by `minutes` and waits for the screen to show it. */
async function stepOn(page: Page, minutes: number): Promise<void> {
  expect(host!.session.control({ action: 'step', minutes }).ok).toBe(true);
  await page.waitForFunction((m) => (window.__storm!.view()?.minute ?? -1) >= m, host!.session.minute(), { timeout: ACTION_TIMEOUT_MS });
}

describe('cancelling orders on their way', { timeout: STEP_TIMEOUT_MS }, () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async () => {
    link.lagging = false;
    link.held = [];
    for (const p of pages.splice(0)) await p.context().close().catch(() => undefined);
    expect(errors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  it('calls back a login throttle before it lands: it never comes into force', async () => {
    const page = await shift(30);
    await page.keyboard.press('t');
    await page.fill('#throttle-rate', '5000');
    await page.click('#throttle-button');
    const row = page.locator('#order-queue li[data-order^="config"]');
    await row.waitFor({ timeout: ACTION_TIMEOUT_MS });
    expect(await row.textContent()).toMatch(/Cap logins at 5,000\/s \(worldwide\).*lands \d\d:\d\d GMT \(in 2 min\) · free to cancel until then/);
    await shoot(page, 'orders-cancel-config');
    await row.getByRole('button', { name: /^Cancel: Cap logins at 5,000\/s/ }).click();
    await row.waitFor({ state: 'detached', timeout: ACTION_TIMEOUT_MS });
    // Past when it would have landed, logins are not throttled (the pager hears of it with the next tick).
    await stepOn(page, 10);
    await until(page, () => /Config push cancelled before it landed, nothing changed: Logins throttled to 5000\/s worldwide/.test(document.getElementById('pager-feed')!.textContent ?? ''), 'the pager to say the push was cancelled');
    expect(await page.evaluate(() => window.__storm!.view()!.metrics.throttleGlobalPerS)).toBeNull();
    expect(await page.locator('#pager-feed li[data-code="action-landed"]').count()).toBe(0);
    expect(await page.locator('#order-queue').isHidden()).toBe(true);
  });

  it('stops a hotfix in build and test, saying the build time is lost', async () => {
    const page = await shift();
    await page.keyboard.press('h');
    await page.selectOption('#hotfix-fix', 'jitteredBackoff');
    await page.click('#hotfix-button');
    const row = page.locator('#order-queue li[data-order="hotfix:jitteredBackoff"]');
    await row.waitFor({ timeout: ACTION_TIMEOUT_MS });
    await stepOn(page, 60);
    expect(await row.textContent()).toMatch(/Hotfix: jittered backoff in build and test.*rollout starts \d\d:\d\d GMT \(in 7 h( 00 min)?\).*cancel loses the build time/);
    await row.getByRole('button', { name: /^Cancel: Hotfix/ }).click();
    await row.waitFor({ state: 'detached', timeout: ACTION_TIMEOUT_MS });
    await stepOn(page, 1);
    await until(page, () => /Hotfix jitteredBackoff cancelled in build and test: 60 min of build work lost; pushing it again starts over \(~480 min\)/.test(document.getElementById('pager-feed')!.textContent ?? ''), 'the pager to say what the cancel cost');
    expect(await page.evaluate(() => window.__storm!.view()!.hotfixes)).toEqual([]);
  });

  it('refuses in plain words a cancel clicked on a lagging screen after the order landed', async () => {
    const page = await shift(30);
    await page.keyboard.press('t');
    await page.fill('#throttle-rate', '5000');
    await page.click('#throttle-button');
    const row = page.locator('#order-queue li[data-order^="config"]');
    await row.waitFor({ timeout: ACTION_TIMEOUT_MS });
    link.lagging = true; // the screen still shows the order on its way
    expect(host!.session.control({ action: 'step', minutes: 5 }).ok).toBe(true);
    await row.getByRole('button', { name: /^Cancel:/ }).click();
    await until(page, () => document.getElementById('order-queue-error')!.textContent !== '', 'the refusal under the queue');
    expect(await page.textContent('#order-queue-error')).toBe('That order has already landed and is in force: send a new order to change it.');
    link.lagging = false;
    for (const send of link.held.splice(0)) send();
    await row.waitFor({ state: 'detached', timeout: ACTION_TIMEOUT_MS });
    // The words stay readable after the order has left the list, and the pager keeps them.
    expect(await page.locator('#order-queue-error').isVisible()).toBe(true);
    await until(page, () => /Cancel refused: That order has already landed/.test(document.getElementById('pager-feed')!.textContent ?? ''), 'the pager to say it too');
    await shoot(page, 'orders-cancel-refused');
    expect(await page.evaluate(() => window.__storm!.view()!.metrics.throttleGlobalPerS)).toBe(5000);
  });
});
