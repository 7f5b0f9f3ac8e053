// The on-screen parts a trainee reads and touches, driven by clicking and typing: refusals
// in plain words, the queue of orders on their way (with cancel), the counter agreeing with
// the charts and regions at speed, the first-shift tutorial, the `?` key overlay, settings,
// axe-core over every screen, and screenshots at 960x600, 1280x720 and 1920x1080 into
// test-results/screens/. Each step loads its own page and builds the game it needs.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeClean, drawnMinute, mapDrawn, mapFramed, onStartScreen, orderThrottle, shoot, startShift, stepOn, until, useStage, STEP_TIMEOUT_MS, topBarCollisions } from './harness';
import type { WebHost } from '../../src/main/host/web';

const stage = useStage();
let host: WebHost; // the step's own, made by screen()

/** A fresh screen (own storage) on the start screen of a host of its own, idle (a screen that loads joins a running shift); the tour stays off unless asked for. */
async function screen(size = { width: 1280, height: 720 }, opts: { tutorial?: boolean } = {}): Promise<Page> {
  host = await stage.host();
  const page = await stage.screen(host.url, size, { tourDone: !opts.tutorial });
  await onStartScreen(page);
  return page;
}

/** A dec-2010 game started by clicking Start shift, `minutes` in, paused. */
async function shift(page: Page, opts: { minutes?: number } = {}): Promise<void> {
  await startShift(page);
  if (opts.minutes) expect(host.session.control({ action: 'step', minutes: opts.minutes }).ok).toBe(true);
  expect(host.session.pause().ok).toBe(true);
  await drawnMinute(page, host.session.minute());
}

describe('screens: what the trainee reads and touches', { timeout: STEP_TIMEOUT_MS }, () => {
  it('says a refusal in plain words beside the field, and drops it when the form changes', async () => {
    const page = await screen();
    await shift(page);
    await page.keyboard.press('m');
    await page.fill('#deploy-count', '0');
    await page.click('#deploy-button');
    await until(page, () => document.getElementById('deploy-count-error')!.textContent !== '', 'the refusal beside Count').catch(async (e) => {
      throw new Error(`${(e as Error).message}; status line: ${await page.textContent('#action-status')}`);
    });
    expect(await page.textContent('#deploy-count-error')).toBe('Count must be between 1 and 20,000 (you entered 0).');
    const status = (await page.textContent('#action-status'))!;
    expect(status).toContain('Count must be between');
    expect(status).not.toMatch(/out-of-range|not-allowed-now|refused:/);
    // The words show in the form's line under the fields: the verb tabs and Deploy stay uncovered.
    expect(await page.textContent('#deploy-error')).toBe('Count must be between 1 and 20,000 (you entered 0).');
    expect(await page.getAttribute('#deploy-count', 'aria-describedby')).toBe('deploy-count-error');
    const line = (await page.locator('#deploy-error').boundingBox())!;
    for (const sel of ['#verb-tabs', '#deploy-button', '#deploy-count']) {
      const b = (await page.locator(sel).boundingBox())!;
      expect(line.y >= b.y + b.height || line.y + line.height <= b.y, `${sel} is not covered`).toBe(true);
    }
    await shoot(page, 'screens-refusal');
    // The pager keeps the same words.
    expect(await page.locator('#pager-feed li[data-code="refused"]').first().textContent()).toContain('Count must be between 1 and 20,000');
    await page.fill('#deploy-count', '5');
    expect(await page.textContent('#deploy-count-error')).toBe('');
    expect(await page.textContent('#action-status')).toBe('');

    // Asking for more cloud servers than are left names what is left.
    await page.selectOption('#deploy-source', 'cloud');
    await page.fill('#deploy-count', '6000');
    await page.click('#deploy-button');
    await until(page, () => document.getElementById('deploy-count-error')!.textContent !== '', 'the stock refusal');
    expect(await page.textContent('#deploy-count-error')).toBe('Only 5,000 cloud servers are left: order 5,000 or fewer.');
    await page.close();
  });

  it('hints follow the form: count, source, what is left, exact money, a throttle that changes nothing', async () => {
    const page = await screen();
    await shift(page, { minutes: 30 }); // the reconnect storm: thousands of logins a second
    await page.keyboard.press('m');
    await page.selectOption('#deploy-source', 'dedicated');
    await page.fill('#deploy-count', '500');
    expect(await page.textContent('#deploy-hint')).toMatch(/\$0\.50\/h each → \$250\/h/);
    expect(await page.textContent('#deploy-hint')).toMatch(/1,000 of 1,000 left/);
    await page.selectOption('#deploy-source', 'cloud');
    await page.fill('#deploy-count', '10');
    expect(await page.textContent('#deploy-hint')).toMatch(/^Cloud: .*\$0\.80\/h each → \$8\/h/);
    await page.click('#deploy-button');
    await until(page, () => /4,990 of 5,000 left/.test(document.getElementById('deploy-hint')!.textContent ?? ''), 'the stock to show what is left');

    await page.keyboard.press('t');
    const trying = (await page.evaluate(() => window.__storm!.view()!.metrics.loginAttemptsPerS));
    await page.fill('#throttle-rate', String(Math.ceil(trying) + 1000));
    expect(await page.textContent('#throttle-hint')).toMatch(/^No effect now: .* is above the .* trying/);
    await page.fill('#throttle-rate', '1');
    expect(await page.textContent('#throttle-hint')).not.toMatch(/No effect/);

    // Growing the offline-IM cluster is servers, not a switch: the hint says how long and what it costs.
    await page.keyboard.press('Escape');
    await page.keyboard.press('o');
    expect(await page.textContent('#offline-im-hint')).toMatch(/Capacity past 100% is new servers: 24 h 00 min.*\$2,000\/h per 100% added/);
    await page.close();
  });

  it('lists orders on their way with when they land, and cancels a mega order', async () => {
    const page = await screen();
    await shift(page);
    await page.keyboard.press('m');
    await page.fill('#deploy-count', '300');
    await page.selectOption('#deploy-region', 'europe');
    await page.selectOption('#deploy-source', 'cloud');
    await page.click('#deploy-button');
    const throttle = await orderThrottle(page, 5000);
    const order = page.locator('#order-queue li[data-order^="mega:europe:cloud"]');
    await order.waitFor();
    // Paused: a cloud order's first servers come after its 20 min lead, the last 300 at 100/h three hours on.
    expect(await order.textContent()).toMatch(/300 cloud mega-supernodes → Europe.*first up \d\d:\d\d GMT \(in 20 min\), all by ~\d\d:\d\d GMT/);
    const o = (await page.evaluate(() => window.__storm!.view()!.orders.find((x) => x.kind === 'mega')))!;
    // Three hours after the first: to the whole minute, from a first-up time that may fall between
    // minutes (how many 10 s ticks ran before the pause depends on how busy the machine was).
    expect(o.doneAtMinute).toBe(Math.round(o.landsAtMinute + 180));
    expect(await throttle.textContent()).toMatch(/Throttle logins to 5,000\/s worldwide.*lands \d\d:\d\d GMT \(in \d+ min\)/);
    await shoot(page, 'screens-orders');
    await order.locator('button').click();
    await page.locator('#order-queue li[data-order^="mega:"]').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.__storm!.view()!.metrics.megaSupernodesPending)).toBe(0);
    // Past the lead time nothing comes up and nothing is billed.
    await stepOn(host, page, 30);
    expect(await page.evaluate(() => ({ up: window.__storm!.view()!.metrics.megaSupernodesUp, cost: window.__storm!.view()!.metrics.megaCostUsd }))).toEqual({ up: 0, cost: 0 });
    await page.close();
  });

  it('counter, chart figure and region totals agree in every frame at 15 min/s; the region panel shows the worldwide throttle', async () => {
    const page = await screen();
    await shift(page, { minutes: 30 });
    await orderThrottle(page, 5000);
    await page.keyboard.press('4'); // Europe's figures
    await until(page, () => document.getElementById('info-panel')!.dataset.pick === 'region:europe', 'Europe picked from the keyboard');
    // Each click steps up from the speed the page holds: wait for each to land, or two clicks
    // from the same speed would ask for it twice (or one from a newer speed would skip past 900).
    for (let i = 0; i < 4 && (await page.evaluate(() => window.__storm!.status()!.speed)) < 900; i++) {
      const before = await page.evaluate(() => window.__storm!.status()!.speed);
      await page.click('#speed-up');
      await page.waitForFunction((s) => window.__storm!.status()!.speed > s, before, { timeout: 60_000 });
    }
    expect(await page.evaluate(() => window.__storm!.status()!.speed)).toBe(900);
    await page.click('#pause-button');
    await until(page, () => !window.__storm!.status()!.paused, 'the game to run');
    const seen = new Set<number>();
    for (let i = 0; i < 8; i++) {
      // Read everything inside one animation frame, as a player's eye would see it.
      const f = await page.evaluate(() => new Promise<{ minute: number; counterMinute: number; sparkMinute: number; counter: number; spark: number; online: number; regions: number; europe: number; europeShown: string }>((resolve) => requestAnimationFrame(() => {
        const v = window.__storm!.view()!;
        const dd = [...document.querySelectorAll('#info-figures dt')].find((d) => d.textContent === 'Users online')?.nextElementSibling?.textContent ?? '';
        const counter = document.getElementById('users-online')!.dataset;
        const spark = document.getElementById('spark-online-value')!.dataset;
        resolve({
          minute: v.minute,
          counterMinute: Number(counter.minute),
          sparkMinute: Number(spark.minute),
          counter: Number(counter.value),
          spark: Number(spark.value),
          online: v.metrics.onlineUsers,
          regions: v.regions.reduce((n, r) => n + r.online, 0),
          europe: v.regions.find((r) => r.id === 'europe')!.online,
          europeShown: dd,
        });
      })));
      // view() is the frame the screen last drew (a frame still waiting for the next refresh is
      // not in it), so the counter must carry that frame's minute: on a busy machine too.
      expect(f.counterMinute).toBe(f.minute);
      expect(f.counter).toBe(Math.round(f.online));
      if (f.sparkMinute === f.minute) expect(Math.round(f.spark)).toBe(f.counter);
      expect(Math.abs(f.regions - f.counter)).toBeLessThanOrEqual(f.counter * 0.001 + 10);
      expect(f.europeShown).toBe(Math.round(f.europe).toLocaleString('en-US'));
      seen.add(f.counter);
      // The next sample from a later sim-minute: moments counted, not waited for.
      await page.waitForFunction((m) => (window.__storm!.view()?.minute ?? -1) > m, f.minute, { timeout: 60_000 });
    }
    expect(seen.size).toBeGreaterThan(3); // the figures moved while we looked
    await until(page, () => /5\.0k \/ s worldwide/.test(document.getElementById('info-panel')!.textContent ?? ''), 'the worldwide throttle in the region panel');
    expect(await page.textContent('#info-panel')).toMatch(/Weakest supernodes.*(of|×) their limit/);
    await page.click('#pause-button');
    await page.close();
  });

  it('? lists every key; the map answers to the keyboard; settings are remembered', async () => {
    const page = await screen();
    await shift(page);
    await page.keyboard.press('?');
    await until(page, () => !document.getElementById('key-help')!.hidden, 'the key list');
    const keys = await page.locator('#key-help tr').count();
    expect(keys).toBeGreaterThanOrEqual(18);
    for (const k of ['Space', 'Esc', 'M', 'T', '?', '[', ']']) expect(await page.locator('#key-help kbd', { hasText: k }).count()).toBeGreaterThan(0);
    await shoot(page, 'screens-keys-1280x720');
    await axeClean(page, 'the key list');
    await page.keyboard.press('Escape');
    expect(await page.locator('#key-help').isHidden()).toBe(true);

    // Regions by digit, services by S, pan and zoom by arrows and brackets.
    await page.keyboard.press('1');
    expect(await page.getAttribute('#info-panel', 'data-pick')).toBe('region:na-west');
    await page.keyboard.press('s');
    expect(await page.getAttribute('#info-panel', 'data-pick')).toMatch(/^service:/);
    await page.keyboard.press('Escape');
    await mapDrawn(page);
    const before = await page.locator('#world-canvas').screenshot();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press(']');
    await mapDrawn(page); // the camera moved at the key press; the map has drawn since
    const after = await page.locator('#world-canvas').screenshot();
    expect(after.equals(before)).toBe(false);

    // Settings: a dialog, remembered across a reload.
    await page.click('#settings-button');
    await until(page, () => !document.getElementById('settings-screen')!.hidden, 'the settings');
    await page.selectOption('#settings-text', '1.3');
    await page.selectOption('#settings-motion', 'reduce');
    await page.selectOption('#settings-cvd', 'deuteranopia');
    await page.check('#settings-keys-off');
    await shoot(page, 'screens-settings-1280x720');
    await axeClean(page, 'the settings');
    await page.click('#settings-screen-close');
    await page.reload();
    await page.waitForFunction(() => window.__storm?.isReady === true, null, { timeout: 60_000 });
    const root = await page.evaluate(() => ({ cvd: document.documentElement.dataset.cvd, reduce: document.documentElement.classList.contains('reduce-motion'), scale: document.documentElement.style.getPropertyValue('--ui-scale') }));
    expect(root).toEqual({ cvd: 'deuteranopia', reduce: true, scale: '1.3' });
    // Key bindings off: M opens nothing, ? shows nothing (the reloaded screen rejoins the shift).
    await until(page, () => document.getElementById('start-screen')!.hidden, 'the reloaded screen to rejoin the shift');
    await page.keyboard.press('t');
    expect(await page.locator('#form-throttle').getAttribute('class')).not.toContain('active');
    await page.keyboard.press('?');
    expect(await page.locator('#key-help').isHidden()).toBe(true);
    await page.close();
  });

  it('a first shift that teaches: the tour points at each part, waits for each try, and is remembered', async () => {
    const page = await screen({ width: 1280, height: 720 }, { tutorial: true });
    await shift(page);
    await page.locator('#tutorial[data-step="offer"]').waitFor();
    await shoot(page, 'screens-tutorial-offer');
    await page.click('#tutorial-start');
    const at = (id: string) => page.locator(`#tutorial[data-step="${id}"]`).waitFor();
    const next = async () => {
      await until(page, () => document.getElementById('tutorial')!.dataset.tried === 'true', 'the step\'s try');
      await page.click('#tutorial-next');
    };
    await at('counter');
    expect(await page.locator('#tutorial-ring').isVisible()).toBe(true);
    await next();
    await at('clouds');
    expect(await page.isDisabled('#tutorial-next')).toBe(true); // waits for the try
    await shoot(page, 'screens-tutorial-clouds');
    await page.keyboard.press('4');
    await next();
    await at('services');
    await page.keyboard.press('s');
    await next();
    await at('deploy');
    await page.fill('#deploy-count', '10');
    await page.selectOption('#deploy-source', 'cloud');
    await page.click('#deploy-button');
    await next();
    await at('withdraw');
    await page.click('#withdraw-button'); // the tour's deploy was practice: nothing is on its way
    await next();
    await at('throttle');
    await page.click('#throttle-button');
    await next();
    await at('hotfix');
    await page.click('#hotfix-button');
    await next();
    await at('offline-im');
    await page.click('#offline-im-button');
    await next();
    await at('group-video');
    await page.click('#group-video-button');
    await next();
    await at('done');
    await axeClean(page, 'the tour');
    await page.click('#tutorial-next');
    expect(await page.locator('#tutorial').isHidden()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('supernodeStorm.tutorial.done'))).toBe('true');
    // Remembered: a reloaded screen rejoins this early shift and is offered nothing.
    await page.reload();
    await page.waitForFunction(() => window.__storm?.isReady === true, null, { timeout: 60_000 });
    await until(page, () => document.getElementById('start-screen')!.hidden, 'the reloaded screen to rejoin the shift');
    // The tour is offered (or not) on a frame drawn with the start screen gone: draw one more.
    await stepOn(host, page, 1);
    expect(await page.locator('#tutorial').isHidden()).toBe(true);
    await page.close();
  });

  it('a newcomer whose first shift is 16 Aug 2007 is offered the tour, worded for that day', async () => {
    const page = await screen({ width: 1280, height: 720 }, { tutorial: true });
    await startShift(page, { scenario: 'aug-2007' });
    expect(host.session.pause().ok).toBe(true);
    await page.locator('#tutorial[data-step="offer"]').waitFor();
    await page.click('#tutorial-start');
    const at = (id: string) => page.locator(`#tutorial[data-step="${id}"]`).waitFor();
    await at('counter');
    expect(await page.textContent('#tutorial')).toMatch(/normal Thursday/);
    await page.click('#tutorial-next');
    await at('clouds');
    await page.keyboard.press('4');
    await until(page, () => document.getElementById('tutorial')!.dataset.tried === 'true', 'the step\'s try');
    await page.click('#tutorial-next');
    await at('services');
    expect(await page.textContent('#tutorial')).toMatch(/where 16 August began: Windows Update restarts/);
    await shoot(page, 'screens-tutorial-aug-2007');
    await page.click('#tutorial-end');
    expect(await page.locator('#tutorial').isHidden()).toBe(true);
    await page.close();
  });

  for (const size of [{ width: 960, height: 600 }, { width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    it(`lays out the start screen, a calm shift and a dead network at ${size.width}x${size.height}, axe-clean`, async () => {
      const tag = `${size.width}x${size.height}`;
      const page = await screen(size);
      await shoot(page, `screens-start-${tag}`);
      await axeClean(page, 'the start screen');
      await shift(page, { minutes: 30 });
      await page.keyboard.press('4');
      await page.keyboard.press('m');
      await mapFramed(page, size);
      await mapDrawn(page);
      await shoot(page, `screens-game-${tag}`);
      await axeClean(page, 'the game screen');
      // HUD pieces do not overlap each other or leave the window.
      const boxes = await page.evaluate(() => ['top-bar', 'legend', 'info-panel', 'phase-banner', 'dock', 'order-queue'].flatMap((id) => {
        const el = document.getElementById(id)!;
        if (el.hidden || getComputedStyle(el).display === 'none') return [];
        const r = el.getBoundingClientRect();
        return [{ id, x: r.left, y: r.top, w: r.width, h: r.height }];
      }));
      for (const b of boxes) {
        expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= size.width + 1 && b.y + b.h <= size.height + 1, `${b.id} inside the window`).toBe(true);
        for (const o of boxes) {
          if (o.id >= b.id) continue;
          const overlap = b.x < o.x + o.w - 1 && o.x < b.x + b.w - 1 && b.y < o.y + o.h - 1 && o.y < b.y + b.h - 1;
          expect(overlap, `${b.id} overlaps ${o.id}`).toBe(false);
        }
      }
      expect(await topBarCollisions(page)).toEqual([]);
      // Text that does not fit is not cut off inside the top bar and the dock's figures.
      const clipped = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#top-bar *, .spark figcaption, .verb-tabs button')]
        .filter((el) => el.offsetParent && el.children.length === 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible')
        .map((el) => el.id || el.className || el.textContent));
      expect(clipped).toEqual([]);
      // The network dead: most dots dark, none of it bright pink.
      expect(host.session.control({ action: 'step', minutes: 900 }).ok).toBe(true);
      await drawnMinute(page, host.session.minute());
      await page.keyboard.press('Escape');
      await mapDrawn(page);
      await shoot(page, `screens-collapse-${tag}`);
      await page.close();
    });
  }
});
