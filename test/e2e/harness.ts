// Shared set-up for end-to-end tests: the browser host in-process, headless Chromium, and
// screenshots saved under test-results/screens for people to look at.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWebHost, type WebHost } from '../../src/main/host/web';
import { decodePng, type Image } from './png';

export const SCREENS_DIR = join(process.cwd(), 'test-results', 'screens');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader', '--autoplay-policy=no-user-gesture-required'];

/** How long a click, fill or navigation may wait for a busy page. */
export const ACTION_TIMEOUT_MS = 90_000;

/**
 * How long one e2e step may take before it counts as hung. A step that takes 60-190 s alone
 * took 3-4x that with both cores busy, so this guards against hangs, not slowness.
 */
export const STEP_TIMEOUT_MS = 600_000;

export interface Rig {
  host: WebHost;
  browser: Browser;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** A page of its own (own storage, like a second machine) at `url`, once the game is drawn; page errors go to `errors`. */
export async function openScreen(browser: Browser, url: string, errors: string[], size: { width: number; height: number } = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ viewport: size, acceptDownloads: true });
  // A click waits for the page to take it; on a busy 2-core machine a software-drawn page can
  // take longer than playwright's 30 s default, so actions get the time `until` gets.
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__storm?.isReady === true, null, { timeout: 60_000 });
  return page;
}

export async function openGame(opts: { width?: number; height?: number; paused?: boolean } = {}): Promise<Rig> {
  const host = await startWebHost({ port: 0, paused: opts.paused ?? true, idle: true, log: () => {} });
  const browser = await launchChromium();
  const errors: string[] = [];
  const page = await openScreen(browser, host.url, errors, { width: opts.width ?? 1280, height: opts.height ?? 720 });
  const rig: Rig = {
    host,
    browser,
    page,
    errors,
    async close() {
      await browser.close();
      await rig.host.close(); // a test may have restarted it
    },
  };
  return rig;
}

/** Saves a screenshot to test-results/screens/<name>.png and returns it decoded. */
export async function shoot(page: Page, name: string): Promise<Image> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const buf = await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`) });
  return decodePng(buf);
}

/** Polls the page until `fn` returns truthy (evaluated in the page), or fails with `what`. */
export async function until<T>(page: Page, fn: () => T, what: string, timeoutMs = 60_000): Promise<T> {
  try {
    const handle = await page.waitForFunction(fn, null, { timeout: timeoutMs, polling: 250 });
    return (await handle.jsonValue()) as T;
  } catch {
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
  }
}

/** `until` with a value handed into the page. */
export async function untilWith<A>(page: Page, fn: (arg: A) => unknown, arg: A, what: string, timeoutMs = 60_000): Promise<void> {
  try {
    await page.waitForFunction(fn as (arg: unknown) => unknown, arg, { timeout: timeoutMs, polling: 250 });
  } catch {
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
  }
}

/**
 * Until the map has ticked (placed its labels, drawn) after everything done so far: after a
 * pan, a zoom or a frame, and before a screenshot or a read of `mapText()`. A count, not a pause.
 */
export async function mapDrawn(page: Page): Promise<void> {
  const t = await page.evaluate(() => window.__storm!.mapTicks);
  await untilWith(page, (seen) => window.__storm!.mapTicks > seen, t, 'the map to draw');
}

/** Until the map has been framed for the window's `size` (the resize handler waits a little) and drawn so. */
export async function mapFramed(page: Page, size: { width: number; height: number }): Promise<void> {
  await untilWith(page, (s) => {
    const l = window.__storm!.layout();
    return l.width === s.width && l.height === s.height && window.__storm!.mapTicks > l.tick;
  }, size, `the map framed for ${size.width}x${size.height}`);
}

/** Until the screen has drawn sim-minute `m` or later (the HUD shows it, not only the store). */
export async function drawnMinute(page: Page, m: number): Promise<void> {
  await untilWith(page, (min) => (window.__storm!.view()?.minute ?? -1) >= min, m, `the screen to draw minute ${m}`);
}
