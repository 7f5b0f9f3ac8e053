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
