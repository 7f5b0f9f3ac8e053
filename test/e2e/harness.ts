// Shared set-up for end-to-end tests: the browser host in-process, headless Chromium, and
// screenshots saved under test-results/screens for people to look at.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startWebHost, type WebHost, type WebHostOptions } from '../../src/main/host/web';
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

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

export interface ScreenOptions {
  /** The first-shift tour marked done before the page loads (it would cover what a step looks at). */
  tourDone?: boolean;
  /** Set up the screen's own link before it loads (e.g. `context.routeWebSocket` for a slow one). */
  link?: (context: BrowserContext) => Promise<void>;
}

/** A page of its own (own storage, like a second machine) at `url`, once the game is drawn; page errors go to `errors`. */
export async function openScreen(browser: Browser, url: string, errors: string[], size: { width: number; height: number } = { width: 1280, height: 720 }, opts: ScreenOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: size, acceptDownloads: true });
  // A click waits for the page to take it; on a busy 2-core machine a software-drawn page can
  // take longer than playwright's 30 s default, so actions get the time `until` gets.
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  await opts.link?.(context);
  if (opts.tourDone) await context.addInitScript(() => localStorage.setItem('supernodeStorm.tutorial.done', 'true'));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__storm?.isReady === true, null, { timeout: ACTION_TIMEOUT_MS });
  return page;
}

/**
 * One browser for a test file, and a clean slate for each of its steps: the hosts and screens a
 * step opens close after it (a drawn page costs a core on a software rasterizer, and a failed
 * step must not starve the next), its temp folders go, and no page may have logged an error.
 * Call once, at the top of a test file.
 */
export interface Stage {
  readonly browser: Browser;
  /** A host as `npm run web` starts one: on the start screen, nothing running or journaled. */
  host(opts?: Partial<WebHostOptions>): Promise<WebHost>;
  /** `openScreen` on the stage's browser. */
  screen(url: string, size?: { width: number; height: number }, opts?: ScreenOptions): Promise<Page>;
  /**
   * A fresh host and a screen that has finished the tour, a shift started by clicking on the
   * start screen (dec-2010 unless said), then paused and drawn: where most steps begin.
   */
  pausedShift(opts?: { scenario?: 'dec-2010' | 'aug-2007' | 'normal-day'; size?: { width: number; height: number }; screen?: ScreenOptions }): Promise<{ host: WebHost; page: Page }>;
  /** A temp data folder for a host, removed after the step. */
  folder(): string;
  /** Errors matching `pattern` are this step's doing (a host it stops on purpose), not the game's. */
  forgive(pattern: RegExp): void;
}

export function useStage(): Stage {
  let browser: Browser | undefined;
  const errors: string[] = []; // page and console errors of the step's screens
  const hosts: WebHost[] = [];
  const folders: string[] = [];
  let forgiven: RegExp | null = null;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const c of browser?.contexts() ?? []) await c.close().catch(() => {});
    for (const h of hosts.splice(0)) await h.close().catch(() => {});
    for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
    const left = errors.splice(0).filter((e) => !forgiven?.test(e));
    forgiven = null;
    expect(left).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const stage: Stage = {
    get browser() {
      if (!browser) throw new Error('useStage(): the browser starts in beforeAll; call it at the top of the test file');
      return browser;
    },
    async host(opts = {}) {
      const host = await startWebHost({ port: 0, idle: true, log: () => {}, ...opts });
      hosts.push(host);
      return host;
    },
    screen(url, size, opts) {
      return openScreen(stage.browser, url, errors, size, opts);
    },
    async pausedShift(opts = {}) {
      const host = await stage.host();
      const page = await stage.screen(host.url, opts.size, { tourDone: true, ...opts.screen });
      await startShift(page, { scenario: opts.scenario });
      expect(host.session.pause().ok).toBe(true);
      await drawnMinute(page, host.session.minute(), ACTION_TIMEOUT_MS);
      return { host, page };
    },
    folder() {
      const f = mkdtempSync(join(tmpdir(), 'storm-e2e-'));
      folders.push(f);
      return f;
    },
    forgive(pattern) {
      forgiven = pattern;
    },
  };
  return stage;
}

/** Until the start screen is up with a frame from the host behind it. */
export async function onStartScreen(page: Page): Promise<void> {
  await until(page, () => !document.getElementById('start-screen')!.hidden && window.__storm!.applied > 0, 'the start screen');
}

/** A free shift started as a player does: the scenario picked, the seed typed, Start shift clicked; once the start screen has closed. */
export async function startShift(page: Page, opts: { scenario?: 'dec-2010' | 'aug-2007' | 'normal-day'; seed?: number } = {}): Promise<void> {
  await onStartScreen(page);
  await page.check(`#scenario-${opts.scenario ?? 'dec-2010'}`);
  await page.fill('#seed-input', String(opts.seed ?? 2010));
  await page.click('#start-button');
  await until(page, () => document.getElementById('start-screen')!.hidden, 'the start screen to close');
}

/** The game run on `minutes` by the session's own step (no waiting at a speed), once `page` has drawn it. */
export async function stepOn(host: WebHost, page: Page, minutes: number): Promise<void> {
  expect(host.session.control({ action: 'step', minutes }).ok).toBe(true);
  await drawnMinute(page, host.session.minute(), ACTION_TIMEOUT_MS);
}

/**
 * A worldwide login throttle ordered as a player does (T, the rate typed, Throttle clicked);
 * returns its row in the orders on their way, once the queue shows it.
 */
export async function orderThrottle(page: Page, rate: number): Promise<Locator> {
  await page.keyboard.press('t');
  await page.fill('#throttle-rate', String(rate));
  await page.click('#throttle-button');
  const row = page.locator('#order-queue li[data-order^="config"]');
  await row.waitFor({ timeout: ACTION_TIMEOUT_MS });
  return row;
}

/** axe-core over the page as it is (the map's canvas aside): no serious or critical violations. */
export async function axeClean(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).exclude('#world-canvas').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const said = bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(said, `axe on ${what}`).toEqual([]);
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

/**
 * The top bar's pieces, by the extent of their text (which may run past their boxes): a name
 * squeezed by the check-mode badge ran under the online counter. A list of "a runs into b".
 */
export async function topBarCollisions(page: Page): Promise<string[]> {
  const bar = await page.evaluate(() => [...document.getElementById('top-bar')!.children].flatMap((el) => {
    if (!(el as HTMLElement).offsetParent) return [];
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return [{ id: el.id || el.className, x: r.left, w: r.width }];
  }));
  return bar.flatMap((b) => bar.filter((o) => o !== b && b.x < o.x && b.x + b.w > o.x + 1).map((o) => `${b.id} runs into ${o.id}`));
}

/** Until the screen has drawn sim-minute `m` or later (the HUD shows it, not only the store). */
export async function drawnMinute(page: Page, m: number, timeoutMs = 60_000): Promise<void> {
  await untilWith(page, (min) => (window.__storm!.view()?.minute ?? -1) >= min, m, `the screen to draw minute ${m}`, timeoutMs);
}

/**
 * A slow link between the host and a screen: while `holding`, the host's messages of one kind
 * (its frames, or its replies) wait in `held`, the rest pass; `release` sends what waited.
 */
export interface SlowLink {
  holding: boolean;
  held: (() => void)[];
  release(): void;
  /** For a screen's `link` option. */
  route(context: BrowserContext): Promise<void>;
}

export function slowLink(kind: 'frame' | 'reply'): SlowLink {
  const prefix = `{"kind":"${kind}"`;
  const link: SlowLink = {
    holding: false,
    held: [],
    release: () => {
      for (const send of link.held.splice(0)) send();
    },
    route: (context) => context.routeWebSocket(/.*/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => {
        if (link.holding && typeof m === 'string' && m.startsWith(prefix)) link.held.push(() => ws.send(m));
        else ws.send(m);
      });
    }),
  };
  return link;
}

