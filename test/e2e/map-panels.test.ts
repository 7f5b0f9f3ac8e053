// The panels over the map and what the top bar's controls say, at the sizes a reviewer played:
// the region's figures, the orders on their way and the phase banner never cover one another
// (nor run under the dock), at 1024x640 and with 130% text too. Each step builds its own game.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { drawnMinute, mapDrawn, mapFramed, onStartScreen, shoot, startShift, until, untilWith, useStage, STEP_TIMEOUT_MS, topBarCollisions } from './harness';
import type { WebHost } from '../../src/main/host/web';
import { SimSession } from '../../src/main/session/sim-session';
import { encodeReplay } from '../../src/replay/node';

const stage = useStage();
let host: WebHost;

type Box = { id: string; x: number; y: number; w: number; h: number };

/** A screen of its own on a host of its own; `textScale` set in the remembered settings before it loads. */
async function screen(size: { width: number; height: number }, opts: { textScale?: number; tour?: boolean } = {}): Promise<Page> {
  host = await stage.host();
  const page = await stage.screen(host.url, size, { tourDone: !opts.tour });
  if (opts.textScale) {
    await page.evaluate((s) => localStorage.setItem('supernodeStorm.settings', JSON.stringify({ textScale: s })), opts.textScale);
    await page.reload();
    await page.waitForFunction(() => window.__storm?.isReady === true);
  }
  await onStartScreen(page);
  return page;
}

/** Boxes of the HUD panels shown (hidden ones left out). */
function boxes(page: Page, ids: string[]): Promise<Box[]> {
  return page.evaluate((ids) => ids.flatMap((id) => {
    const el = document.getElementById(id);
    if (!el || el.hidden || getComputedStyle(el).display === 'none') return [];
    const r = el.getBoundingClientRect();
    return [{ id, x: r.left, y: r.top, w: r.width, h: r.height }];
  }), ids);
}

const ok = (r: { ok: boolean }) => expect(r.ok).toBe(true);

/**
 * Region labels pushed away from their regions (Europe's figures over West Africa): a label's
 * box more than 80 px from its anchor (the labels are placed beside their anchors, at sea), as
 * "<label> <gap> px off".
 */
async function misplacedLabels(page: Page): Promise<string[]> {
  const labels = (await page.evaluate(() => window.__storm!.mapText())).filter((t) => t.kind === 'region');
  const gap = (b: { x: number; y: number; w: number; h: number }, p: { x: number; y: number }) =>
    Math.hypot(Math.max(b.x - p.x, 0, p.x - (b.x + b.w)), Math.max(b.y - p.y, 0, p.y - (b.y + b.h)));
  return labels.filter((l) => gap(l, l.anchor!) > 80).map((l) => `${l.id} ${Math.round(gap(l, l.anchor!))} px off`);
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;

describe('map panels: nothing over the map covers anything else', { timeout: STEP_TIMEOUT_MS }, () => {
  for (const [size, textScale] of [[{ width: 1024, height: 640 }, 1], [{ width: 1280, height: 800 }, 1], [{ width: 1024, height: 640 }, 1.3]] as const) {
    const tag = `${size.width}x${size.height}${textScale !== 1 ? `-text${textScale * 100}` : ''}`;
    it(`the region panel, the orders on their way and the phase banner keep apart at ${tag}`, async () => {
      const page = await screen(size, { textScale });
      await startShift(page);
      expect(host.session.control({ action: 'step', minutes: 28 * 60 }).ok).toBe(true);
      expect(host.session.pause().ok).toBe(true);
      // Two mega orders on their way: the list is as tall as the reviewer's.
      expect(host.session.applyCommand({ type: 'deployMegaSupernodes', count: 287, region: 'europe', source: 'dedicated' }).ok).toBe(true);
      expect(host.session.applyCommand({ type: 'deployMegaSupernodes', count: 2577, region: 'na-east', source: 'cloud' }).ok).toBe(true);
      expect(host.session.control({ action: 'step', minutes: 1 }).ok).toBe(true);
      await drawnMinute(page, host.session.minute());
      await page.keyboard.press('4'); // Europe's figures
      await until(page, () => !document.getElementById('info-panel')!.hidden && document.querySelectorAll('#order-queue li').length === 2, 'the panel and two orders');
      await mapFramed(page, size);
      await mapDrawn(page);
      await shoot(page, `map-panels-${tag}`);
      const shown = await boxes(page, ['info-panel', 'order-queue', 'phase-banner', 'dock', 'top-bar']);
      expect(shown.map((b) => b.id).sort()).toEqual(['dock', 'info-panel', 'order-queue', 'phase-banner', 'top-bar']);
      for (const b of shown) {
        expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= size.width + 1 && b.y + b.h <= size.height + 1, `${b.id} inside the window`).toBe(true);
        for (const o of shown) if (o.id < b.id) expect(overlap(b, o), `${b.id} overlaps ${o.id}`).toBe(false);
      }
      // What does not fit scrolls inside: the panel still shows most of its figures.
      const rows = await page.evaluate(() => {
        const panel = document.getElementById('info-panel')!.getBoundingClientRect();
        return [...document.querySelectorAll('#info-figures dt')].map((dt) => dt.getBoundingClientRect().bottom <= panel.bottom);
      });
      expect(rows.filter(Boolean).length, 'figure rows in view').toBeGreaterThanOrEqual(Math.min(5, rows.length));
      expect(await misplacedLabels(page)).toEqual([]);
      await page.close();
    });
  }

  it('region labels stay by their regions in a replay at 1024x640, big mega orders on the map', async () => {
    const made = new SimSession({ paused: true });
    ok(made.newGame('dec-2010', 2010));
    ok(made.control({ action: 'step', minutes: 24 * 60 }));
    ok(made.applyCommand({ type: 'deployMegaSupernodes', count: 1000, region: 'europe', source: 'dedicated' }, 'trainee'));
    ok(made.applyCommand({ type: 'deployMegaSupernodes', count: 3000, region: 'na-east', source: 'cloud' }, 'trainee'));
    ok(made.control({ action: 'step', minutes: 12 * 60 }));
    const data = encodeReplay(made.recording());
    made.close();
    const size = { width: 1024, height: 640 };
    const page = await screen(size);
    ok(host.session.replayAct({ act: 'open', fileName: 'made.skyreplay', dataBase64: Buffer.from(data).toString('base64') }));
    ok(host.session.replayAct({ act: 'seek', tick: host.session.replay!.endTick }));
    await until(page, () => window.__storm!.mode()?.mode === 'replay' && (window.__storm!.view()?.minute ?? 0) >= 36 * 60 - 1 && window.__storm!.stats().megaHexes > 100, 'the replay at its end, the megas up');
    await mapFramed(page, size);
    await mapDrawn(page);
    await shoot(page, 'map-panels-replay-1024x640');
    expect(await misplacedLabels(page)).toEqual([]);
    await page.close();
  });

  for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 640 }]) {
    it(`region labels keep off a drill's message banner at ${size.width}x${size.height}`, async () => {
      const page = await screen(size);
      const s = host.session;
      ok(s.instructor({ act: 'startDrill', drillId: 'dec-2010-as-it-happened', checkMode: false }));
      await until(page, () => !document.getElementById('briefing-screen')!.hidden, 'the briefing card');
      await page.click('#briefing-go');
      ok(s.control({ action: 'step', minutes: 70 }));
      ok(s.control({ action: 'pause' }));
      await drawnMinute(page, s.minute());
      ok(s.instructor({ act: 'hint', text: 'The offline-IM cluster is overloaded and its late replies crash 5.0.0152 clients. Skype\'s staff \'responded quickly to disable the overloaded servers\'.' }));
      ok(s.control({ action: 'step', minutes: 1 }));
      await until(page, () => !document.getElementById('drill-toast')!.hidden, 'the hint\'s banner');
      await mapFramed(page, size);
      // The labels move off the banner at the refresh after it shows: until then, or a hang.
      await until(page, () => {
        const t = document.getElementById('drill-toast')!.getBoundingClientRect();
        return window.__storm!.mapText().filter((l) => l.kind === 'region').every((l) => l.x >= t.right - 1 || l.x + l.w <= t.left + 1 || l.y >= t.bottom - 1 || l.y + l.h <= t.top + 1);
      }, 'every region label off the banner');
      await shoot(page, `map-panels-drill-hint-${size.width}x${size.height}`);
      expect(await misplacedLabels(page)).toEqual([]);
      await page.close();
    });
  }
});

describe('the map\'s labels, the tour\'s offer and the top bar answer as they look', { timeout: STEP_TIMEOUT_MS }, () => {
  it('clicking a region\'s label or a service\'s name selects it', async () => {
    const size = { width: 1280, height: 800 };
    const page = await screen(size);
    await startShift(page);
    ok(host.session.pause());
    await drawnMinute(page, host.session.minute());
    await mapFramed(page, size);
    await mapDrawn(page);
    const text = await page.evaluate(() => window.__storm!.mapText());
    // On the label's name, well away from its cloud (a click there picked nothing before).
    for (const [kind, id] of [['region', 'latam'], ['region', 'europe'], ['service', 'login']] as const) {
      const t = text.find((x) => x.kind === kind && x.id === id)!;
      await page.mouse.click(t.x + t.w / 2, t.y + Math.min(10, t.h / 2));
      await untilWith(page, (want) => document.getElementById('info-panel')!.dataset.pick === want && !document.getElementById('info-panel')!.hidden, `${kind}:${id}`, `${kind} ${id} picked by its label`);
    }
    await page.close();
  });

  it('the tour\'s offer says the game pauses for the tour, and taking it pauses the game', async () => {
    const page = await screen({ width: 1280, height: 800 }, { tour: true });
    await startShift(page);
    await page.locator('#tutorial[data-step="offer"]').waitFor();
    expect(await page.textContent('#tutorial')).toMatch(/pauses while the tour runs/);
    await page.click('#tutorial-start');
    await until(page, () => window.__storm!.status()?.paused === true, 'the game paused for the tour');
    expect(await page.textContent('#pause-button')).toMatch(/paused/i);
    await page.close();
  });

  it('the speed buttons are disabled at the ends of the range', async () => {
    const page = await screen({ width: 1280, height: 800 });
    await startShift(page);
    const state = () => page.evaluate(() => [(document.getElementById('speed-down') as HTMLButtonElement).disabled, (document.getElementById('speed-up') as HTMLButtonElement).disabled]);
    ok(host.session.setSpeed(1));
    await until(page, () => window.__storm!.status()?.speed === 1, 'the slowest speed drawn');
    expect(await state()).toEqual([true, false]);
    await page.click('#speed-up');
    await until(page, () => (window.__storm!.status()?.speed ?? 1) > 1, 'one step faster');
    expect(await state()).toEqual([false, false]);
    ok(host.session.setSpeed(7200));
    await until(page, () => window.__storm!.status()?.speed === 7200, 'the fastest speed drawn');
    expect(await state()).toEqual([false, true]);
    await page.close();
  });

  for (const size of [{ width: 960, height: 600 }, { width: 1024, height: 640 }]) {
    it(`the top bar shows what the shift has spent so far, paused, at ${size.width}x${size.height}`, async () => {
      const page = await screen(size);
      await startShift(page);
      ok(host.session.pause());
      ok(host.session.applyCommand({ type: 'setGroupVideo', enabled: false }));
      ok(host.session.applyCommand({ type: 'deployMegaSupernodes', count: 1500, region: 'asia-pac', source: 'groupVideo' }));
      ok(host.session.applyCommand({ type: 'deployMegaSupernodes', count: 300, region: 'na-east', source: 'cloud' }));
      ok(host.session.control({ action: 'step', minutes: 20 * 60 }));
      await drawnMinute(page, host.session.minute());
      await mapFramed(page, size);
      await shoot(page, `map-panels-spend-${size.width}x${size.height}`);
      // The figure is the drawn view's own total ($5,000 an hour of Group Video down alone), its tooltip the megas' part.
      const shown = await page.evaluate(() => ({ text: document.getElementById('spend-figure')!.textContent, title: document.getElementById('spend')!.title, cost: window.__storm!.view()!.metrics.costUsd, megas: window.__storm!.view()!.metrics.megaCostUsd }));
      expect(shown.cost).toBeGreaterThan(20 * 5000 * 0.9);
      expect(shown.text).toBe(`$${(shown.cost / 1000).toFixed(1)}k`);
      expect(shown.title).toMatch(new RegExp(`^Spent so far: \\$${(shown.cost / 1000).toFixed(1)}k\\. Mega-supernodes \\$`));
      expect(await page.locator('#spend').isVisible()).toBe(true);
      expect(await topBarCollisions(page)).toEqual([]);
      await page.close();
    });
  }

  for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 640 }]) {
    it(`the top bar's subtitle and the charts' figures fit at ${size.width}x${size.height}`, async () => {
      const page = await screen(size);
      await startShift(page);
      ok(host.session.pause());
      // Supernodes up with megas coming: the longest figure a chart's caption shows.
      ok(host.session.control({ action: 'step', minutes: 28 * 60 }));
      ok(host.session.applyCommand({ type: 'deployMegaSupernodes', count: 2800, region: 'na-east', source: 'cloud' }));
      ok(host.session.control({ action: 'step', minutes: 90 }));
      await drawnMinute(page, host.session.minute());
      await mapFramed(page, size);
      await shoot(page, `map-panels-top-bar-${size.width}x${size.height}`);
      const fit = await page.evaluate(() => {
        const seed = document.querySelector('#scenario-name .nowrap');
        const shown = seed && (seed as HTMLElement).offsetParent ? seed.getClientRects().length : 1;
        const cut = [...document.querySelectorAll('.spark figcaption')].filter((c) => {
          const b = c.querySelector('b')!.getBoundingClientRect(), r = c.getBoundingClientRect();
          return b.right > r.right + 1 || b.bottom > r.bottom + 1;
        }).map((c) => c.textContent);
        return { seedLines: shown, cut };
      });
      expect(fit).toEqual({ seedLines: 1, cut: [] });
      // The share of normal the banner and the pager speak in is on screen, and nothing runs into anything.
      expect(await page.locator('#users-online-share').textContent()).toMatch(/^\d+% of normal$/);
      expect(await page.locator('#users-online-share').isVisible()).toBe(true);
      expect(await topBarCollisions(page)).toEqual([]);
      await page.close();
    });
  }
});
