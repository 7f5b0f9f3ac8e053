// A replay sought by clicking its track: the sparklines show the run up to the playhead and
// the pager holds only what had happened by then, forwards and backwards, on the instructor's
// console at 960x600 (the window's minimum) and 1280x720, where the track uses the width it
// has. Each step starts its own host and opens the committed 12-hour golden replay.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shoot, until, untilWith, useStage, ACTION_TIMEOUT_MS, STEP_TIMEOUT_MS } from './harness';
import type { WebHost } from '../../src/main/host/web';
import { createSim, getScenario, historicalActions } from '../../src/sim/index';
import { recordScripted, replayHead } from '../../src/replay/index';
import { decodeReplay, encodeReplay } from '../../src/replay/node';
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

/** The sparklines' minutes reach the playhead's and none lies past it; every minute of the six hours the charts draw (or back to T+0) is there. */
async function sparklinesUpTo(page: Page, tick: number): Promise<number[]> {
  const minute = Math.floor(tick / 6);
  await page.waitForFunction((m) => Math.max(...window.__storm!.historyMinutes()) === m && document.getElementById('spark-online-value')!.dataset.minute === String(m), minute, { timeout: ACTION_TIMEOUT_MS });
  const minutes = await page.evaluate(() => window.__storm!.historyMinutes());
  expect(minutes.every((m) => m <= minute)).toBe(true);
  expect(Math.min(...minutes)).toBeLessThanOrEqual(Math.max(0, minute - 6 * 60 + 2));
  const have = new Set(minutes);
  for (let m = Math.max(0, minute - 6 * 60); m <= minute; m++) expect(have.has(m), `minute ${m} in the sparklines`).toBe(true); // none skipped
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

  it('a far click right after opening a long replay waits for the host to simulate that far, says so, and lands there', async () => {
    const host = await stage.host();
    const page = await stage.screen(host.instructorUrl, { width: 1280, height: 720 });
    const long = recordScripted({ scenario: getScenario('dec-2010'), seed: 1, actions: historicalActions(), endTick: 48 * 360, createdAt: '2025-01-01T00:00:00Z' });
    expect(host.session.replayAct({ act: 'open', fileName: 'dec-2010-48h.skyreplay', dataBase64: Buffer.from(encodeReplay(long)).toString('base64') }).ok).toBe(true);
    await until(page, () => window.__storm!.mode()?.mode === 'replay' && !document.getElementById('replay-bar')!.hidden, 'the replay bar');
    // Everything the status line says while the host works, as the player would read it.
    await page.evaluate(() => {
      const said: string[] = ((window as unknown as { said: string[] }).said = []);
      const el = document.getElementById('replay-status')!;
      new MutationObserver(() => el.textContent && said.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
    });
    const box = (await page.locator('#replay-track').boundingBox())!;
    const aimed = Math.round(0.9 * long.endTick);
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    await shoot(page, 'replay-far-seek-waiting-1280x720'); // most likely still waiting: to look at, not asserted
    const slack = Math.ceil(long.endTick / box.width) + 1;
    await page.waitForFunction(([a, s]) => Math.abs((window.__storm!.view()?.tick ?? -1e9) - a) <= s, [aimed, slack], { timeout: ACTION_TIMEOUT_MS });
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said.length, 'the status while the host simulated').toBeGreaterThan(0);
    expect(said[0]).toMatch(/^Simulating up to T\+43:1\d · \d+%$/);
    await until(page, () => document.getElementById('replay-status')!.textContent === '', 'the status to clear once landed');
    await sparklinesUpTo(page, host.session.replay!.tick);
    await shoot(page, 'replay-far-seek-1280x720');
  });

  it('a click on the track while the replay plays lands there and plays on from it', async () => {
    const { host, page } = await consoleWithReplay({ width: 1280, height: 720 });
    await page.click('#replay-play');
    await until(page, () => window.__storm!.mode()!.replay!.playing && window.__storm!.view()!.tick > 0, 'playback');
    const end = host.session.replay!.endTick;
    const box = (await page.locator('#replay-track').boundingBox())!;
    const aimed = Math.round(0.6 * end);
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
    // At 1 sim-minute per second the playhead moves 6 ticks a second: wherever it is when the
    // screen draws the seek, it is just past the click, never back where it was playing.
    const slack = Math.ceil(end / box.width) + 1;
    await page.waitForFunction(([a, s]) => { const t = window.__storm!.view()?.tick ?? -1; return t >= a - s && t < a + 120; }, [aimed, slack], { timeout: ACTION_TIMEOUT_MS });
    const landed = await page.evaluate(() => window.__storm!.view()!.tick);
    expect(await page.evaluate(() => window.__storm!.mode()!.replay!.playing)).toBe(true);
    await untilWith(page, (t) => window.__storm!.view()!.tick > t, landed, 'playing on from the click');
    const on = await page.evaluate(() => window.__storm!.view()!.tick);
    expect(on).toBeGreaterThan(aimed - slack);
    expect(on).toBeLessThan(aimed + 360); // from the click, not from where it played before
    await page.click('#replay-play');
    await until(page, () => !window.__storm!.mode()!.replay!.playing, 'the pause');
    const held = host.session.replay!.tick;
    await page.waitForFunction((t) => window.__storm!.view()?.tick === t, held, { timeout: ACTION_TIMEOUT_MS });
    await sparklinesUpTo(page, held);
  });
});
