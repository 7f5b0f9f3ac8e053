// A replay sought by clicking its track: the sparklines show the run up to the playhead and
// the pager holds only what had happened by then, forwards and backwards, on the instructor's
// console at 960x600 (the window's minimum) and 1280x720, where the track uses the width it
// has. Each step starts its own host and opens the committed 12-hour golden replay.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shoot, until, useStage, ACTION_TIMEOUT_MS, STEP_TIMEOUT_MS } from './harness';
import type { WebHost } from '../../src/main/host/web';
import { createSim } from '../../src/sim/index';
import { replayHead } from '../../src/replay/index';
import { decodeReplay } from '../../src/replay/node';
import { GOLDEN } from '../replay/helpers';

const stage = useStage();
const bytes = readFileSync(GOLDEN);

/** What the pager should hold at each tick, found without the host: the run re-simulated here, each event with the tick that showed it. */
const heard = (() => {
  const rec = decodeReplay(bytes, GOLDEN);
  const head = replayHead(rec, { state: createSim(rec.scenario, rec.seed), next: 0 });
  head.settle();
  const out: { tick: number; text: string }[] = [];
  while (head.tick < rec.endTick) for (const e of head.advance()) out.push({ tick: head.tick, text: e.text });
  return out;
})();
/** The pager's lines at `tick`, newest first (it keeps 60). */
const pagerAt = (tick: number) => heard.filter((e) => e.tick <= tick).slice(-60).map((e) => e.text).reverse();

/** A fresh host with the golden replay open, on the instructor's console at `size`. */
async function consoleWithReplay(size: { width: number; height: number }): Promise<{ host: WebHost; page: Page }> {
  const host = await stage.host();
  const page = await stage.screen(host.instructorUrl, size);
  expect(host.session.replayAct({ act: 'open', fileName: 'dec-2010-historical-12h.skyreplay', dataBase64: bytes.toString('base64') }).ok).toBe(true);
  await until(page, () => window.__storm!.mode()?.mode === 'replay' && !document.getElementById('replay-bar')!.hidden, 'the replay bar');
  return { host, page };
}

/** Clicks the seek track at `fraction` of its width, like a person; returns the tick it went to. */
async function clickTrack(host: WebHost, page: Page, fraction: number): Promise<number> {
  const box = (await page.locator('#replay-track').boundingBox())!;
  const end = host.session.replay!.endTick;
  const aimed = Math.round(fraction * end);
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
  // Where the click landed, give or take a pixel's worth of ticks.
  const near = (t: number) => Math.abs(t - aimed) <= Math.ceil(end / box.width) + 1;
  await page.waitForFunction(([a, slack]) => Math.abs((window.__storm!.view()?.tick ?? -1e9) - a) <= slack, [aimed, Math.ceil(end / box.width) + 1], { timeout: ACTION_TIMEOUT_MS });
  const tick = host.session.replay!.tick;
  expect(near(tick)).toBe(true);
  await page.waitForFunction((t) => window.__storm!.view()?.tick === t, tick, { timeout: ACTION_TIMEOUT_MS });
  return tick;
}

const pagerLines = (page: Page) => page.evaluate(() => [...document.querySelectorAll('#pager-feed li > span:last-child')].map((s) => s.textContent));

/** The sparklines' minutes reach the playhead's and none lies past it; they go back the six hours the charts draw (or to T+0), not one sample. */
async function sparklinesUpTo(page: Page, tick: number): Promise<number[]> {
  const minute = Math.floor(tick / 6);
  await page.waitForFunction((m) => Math.max(...window.__storm!.historyMinutes()) === m && document.getElementById('spark-online-value')!.dataset.minute === String(m), minute, { timeout: ACTION_TIMEOUT_MS });
  const minutes = await page.evaluate(() => window.__storm!.historyMinutes());
  expect(minutes.every((m) => m <= minute)).toBe(true);
  expect(Math.min(...minutes)).toBeLessThanOrEqual(Math.max(0, minute - 6 * 60 + 2));
  expect(minutes.length).toBeGreaterThan(Math.min(minute, 360) / 2 - 2); // every other minute goes on the wire
  return minutes;
}

describe('a replay after a seek', { timeout: STEP_TIMEOUT_MS }, () => {
  for (const size of [{ width: 960, height: 600 }, { width: 1280, height: 720 }]) {
    const tag = `${size.width}x${size.height}`;
    it(`shows the run up to the playhead, forwards and back, on the console at ${tag}`, async () => {
      const { host, page } = await consoleWithReplay(size);
      await shoot(page, `replay-history-open-${tag}`);
      // The seek track takes the width the bar has beside its buttons.
      const bar = (await page.locator('#replay-bar').boundingBox())!;
      const track = (await page.locator('#replay-track').boundingBox())!;
      expect(track.width / bar.width, `track ${track.width}px of a ${bar.width}px bar`).toBeGreaterThan(0.45);

      const ahead = await clickTrack(host, page, 0.75);
      await sparklinesUpTo(page, ahead);
      await until(page, () => (document.querySelectorAll('#pager-feed li').length > 0), 'the pager');
      expect(await pagerLines(page)).toEqual(pagerAt(ahead));
      await page.click('.dock-tab[data-tab="pager"]');
      await shoot(page, `replay-history-ahead-${tag}`);

      const back = await clickTrack(host, page, 0.25);
      await sparklinesUpTo(page, back);
      await page.waitForFunction((n) => document.querySelectorAll('#pager-feed li').length === n, pagerAt(back).length, { timeout: ACTION_TIMEOUT_MS });
      expect(await pagerLines(page)).toEqual(pagerAt(back));
      expect(pagerAt(back)).not.toEqual(pagerAt(ahead));
      await shoot(page, `replay-history-back-${tag}`);
    });
  }
});
