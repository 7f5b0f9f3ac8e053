// A trainee's drill panel at the small window a reviewer played (1024x640): the panel covered
// North America's west and its list of the instructor's messages was cut at the bottom. Folded
// (as it starts there) it is a card over the South Pacific and the map takes the whole width;
// unfolded it is the column beside the map, scrolling as one to its last message. At 1280x800
// it stays the column it was; the start screen lists the drills there too. Screenshots drill-small-window-* in test-results/screens/.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WebHost } from '../../src/main/host/web';
import { mapDrawn, onStartScreen, shoot, until, useStage, STEP_TIMEOUT_MS } from './harness';

const DRILL = 'aug-2007-reboot-storm';
const MESSAGES = 7; // more than the column shows at 1024x640
const stage = useStage();
const ok = (r: { ok: boolean }) => expect(r.ok).toBe(true);

type Box = { x: number; y: number; w: number; h: number };

/** North America on the map: its west (Alaska) and the cities its two regions' supernodes cluster round. */
const NORTH_AMERICA = [
  ['Anchorage', -149.9, 61.2],
  ['Vancouver', -123.1, 49.3],
  ['San Francisco', -122.3, 37.7],
  ['Los Angeles', -118.2, 34.0],
  ['Dallas', -96.8, 32.8],
  ['Chicago', -87.6, 41.9],
  ['New York', -74.0, 40.7],
] as const;

/** A trainee's screen at `size` in a drill with `MESSAGES` messages from the instructor, the briefing read. */
async function traineeInDrill(size: { width: number; height: number }): Promise<{ host: WebHost; page: Page }> {
  const host = await stage.host();
  const page = await stage.screen(host.url, size, { tourDone: true });
  await onStartScreen(page);
  const s = host.session;
  ok(s.instructor({ act: 'startDrill', drillId: DRILL, checkMode: false }));
  ok(s.control({ action: 'step', minutes: 20 }));
  for (let i = 1; i <= MESSAGES; i++) ok(s.instructor({ act: 'message', text: `Message ${i}: watch the supernodes up chart and the login servers.` }));
  await until(page, () => !document.getElementById('briefing-screen')!.hidden, 'the briefing card');
  await page.click('#briefing-go');
  await until(page, () => !document.getElementById('drill-panel')!.hidden && document.querySelectorAll('#drill-messages li').length === 7, 'the drill panel with every message');
  await framed(page);
  return { host, page };
}

/** The map framed again for the panel's shape (a frame later), and drawn so. */
async function framed(page: Page): Promise<void> {
  await mapDrawn(page);
  await mapDrawn(page);
}

const panelBox = (page: Page) => page.evaluate(() => {
  const r = document.getElementById('drill-panel')!.getBoundingClientRect();
  return { x: r.left, y: r.top, w: r.width, h: r.height };
});

const inside = (p: { x: number; y: number }, b: Box) => p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;

/** What of North America the panel covers: its places under the panel, its regions' labels under it. */
async function northAmericaUnder(page: Page, panel: Box): Promise<string[]> {
  const places = await page.evaluate((pl) => pl.map(([name, lon, lat]) => ({ name, ...window.__storm!.placeOnScreen(lon, lat) })), NORTH_AMERICA.map((p) => [...p] as [string, number, number]));
  const labels = (await page.evaluate(() => window.__storm!.mapText())).filter((t) => t.kind === 'region' && t.id.startsWith('na-'));
  expect(labels.map((l) => l.id).sort()).toEqual(['na-east', 'na-west']);
  return [...places.filter((p) => inside(p, panel)).map((p) => p.name), ...labels.filter((l) => overlap(l, panel)).map((l) => `${l.id} label`)];
}

describe('the drill panel in a small window and a large one', { timeout: STEP_TIMEOUT_MS }, () => {
  it('at 1024x640 it leaves North America clear, and unfolded it scrolls to the instructor\'s last message', async () => {
    const size = { width: 1024, height: 640 };
    const { page } = await traineeInDrill(size);
    await shoot(page, 'drill-small-window-folded-1024x640');
    const folded = await panelBox(page);
    expect(await northAmericaUnder(page, folded)).toEqual([]);
    // The cities stay on the map, between the top bar and the dock.
    const dockTop = await page.evaluate(() => document.getElementById('dock')!.getBoundingClientRect().top);
    const cities = await page.evaluate((pl) => pl.map(([, lon, lat]) => window.__storm!.placeOnScreen(lon, lat)), NORTH_AMERICA.slice(1).map((p) => [...p] as [string, number, number]));
    for (const c of cities) expect(c.x >= 0 && c.x <= size.width && c.y >= 60 && c.y <= dockTop, `${JSON.stringify(c)} on the map`).toBe(true);
    // The card still says how the drill goes.
    expect(await page.locator('#drill-countdown').isVisible()).toBe(true);
    expect(await page.textContent('#drill-summary')).toMatch(/of 4 objectives met · 7 messages/);

    await page.click('#drill-panel-toggle');
    await until(page, () => document.getElementById('drill-panel')!.dataset.folded === 'false', 'the panel unfolded');
    await framed(page);
    const column = await panelBox(page);
    expect(column.y + column.h, 'the column above the dock').toBeLessThanOrEqual(dockTop + 1);
    expect(await northAmericaUnder(page, column), 'the map framed beside the column').toEqual(['Anchorage']);
    // Cut off at the foot, the column says there is more below; scrolled to its end, it stops saying so.
    const cue = () => page.evaluate(() => {
      const p = document.getElementById('drill-panel')!;
      return p.dataset.more === 'true' ? getComputedStyle(p, '::after').content : 'none';
    });
    expect(await cue()).toMatch(/^"▾ more below"/);
    // The oldest message is last: scrolled into view within the panel, and it takes a click there.
    const last = page.locator('#drill-messages li').last();
    await last.scrollIntoViewIfNeeded();
    await until(page, () => document.getElementById('drill-panel')!.dataset.more === 'false', 'the cue gone at the end');
    const seen = await last.evaluate((li) => {
      const r = li.getBoundingClientRect(), p = document.getElementById('drill-panel')!.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { within: r.top >= p.top - 1 && r.bottom <= p.bottom + 1 && r.bottom <= window.innerHeight, hit: !!hit && li.contains(hit), text: li.textContent };
    });
    expect(seen).toEqual({ within: true, hit: true, text: expect.stringContaining('Message 1:') });
    await last.click();
    await shoot(page, 'drill-small-window-unfolded-end-1024x640');

    await page.click('#drill-panel-toggle');
    await until(page, () => document.getElementById('drill-panel')!.dataset.folded === 'true', 'the panel folded again');
    await page.close();
  });

  it('at 1024x640 the start screen lists every drill an instructor can start, the last one in view', async () => {
    const host = await stage.host();
    const page = await stage.screen(host.url, { width: 1024, height: 640 }, { tourDone: true });
    await onStartScreen(page);
    await until(page, () => document.querySelectorAll('#start-drills li').length >= 3, 'the drills on the start screen');
    const last = page.locator('#start-drills li').last();
    expect(await last.isVisible(), 'the last drill shown (the list was hidden below 1100 px)').toBe(true);
    await last.scrollIntoViewIfNeeded();
    const box = (await last.boundingBox())!;
    expect(box.y >= 0 && box.y + box.height <= 640, 'the last drill within the window').toBe(true);
    await shoot(page, 'drill-small-window-start-1024x640');
    await page.close();
  });

  it('at 1280x800 it is the whole column it was, with nothing to fold', async () => {
    const size = { width: 1280, height: 800 };
    const { page } = await traineeInDrill(size);
    await shoot(page, 'drill-small-window-1280x800');
    const column = await panelBox(page);
    expect(column).toMatchObject({ x: 14, w: 300 });
    expect(column.h).toBeGreaterThan(500);
    expect(await page.locator('#drill-panel-toggle').isVisible()).toBe(false);
    expect(await page.locator('#drill-objectives').isVisible()).toBe(true);
    // Its cities beside the column, as before (Alaska was under it at this size too).
    expect(await northAmericaUnder(page, column)).toEqual(['Anchorage']);
    await page.close();
  });
});
