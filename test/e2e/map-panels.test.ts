// The panels over the map and what the top bar's controls say, at the sizes a reviewer played:
// the region's figures, the orders on their way and the phase banner never cover one another
// (nor run under the dock), at 1024x640 and with 130% text too. Each step builds its own game.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { drawnMinute, mapDrawn, mapFramed, onStartScreen, shoot, startShift, until, useStage, STEP_TIMEOUT_MS } from './harness';
import type { WebHost } from '../../src/main/host/web';

const stage = useStage();
let host: WebHost;

type Box = { id: string; x: number; y: number; w: number; h: number };

/** A screen of its own on a host of its own; `textScale` set in the remembered settings before it loads. */
async function screen(size: { width: number; height: number }, opts: { textScale?: number } = {}): Promise<Page> {
  host = await stage.host();
  const page = await stage.screen(host.url, size, { tourDone: true });
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
      await page.close();
    });
  }
});
