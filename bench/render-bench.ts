// Render bench: the real renderer in headless Chromium at 1280x720, fed by the browser host
// around the worst minute of the December 2010 cascade (the minute the most supernodes shut
// down, found by a dry run of the same seed). A tick is 10 sim-seconds and the host sends a
// frame per tick at most, so one minute is only six frames: we play the ten minutes centred
// on it, one frame per tick. Prints the JS time spent applying each frame
// to the scene and HUD (median, p95) and the frame sizes on the wire, which must stay < 64 KB.
// Run: npx tsx bench/render-bench.ts [--seed N] [--scenario dec-2010]
import type {} from '../src/renderer/test-hooks-types'; // types window.__storm
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { SimSession } from '../src/main/session/sim-session';
import { startWebHost } from '../src/main/host/web';

const { values } = parseArgs({ options: { seed: { type: 'string' }, scenario: { type: 'string' } } });
const SEED = Number(values.seed ?? 2010);
const SCENARIO = values.scenario ?? 'dec-2010';
const FRAME_LIMIT_BYTES = 64 * 1024;
const MIN_OBJECTS = 5000;
const BENCH_SPEED = 60; // one tick (10 sim-s) per ~1/6 real second: every tick becomes a frame
const HALF_WINDOW_MIN = 5;

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (x: number, d = 2) => x.toFixed(d);

/** The minute in which the most supernodes stopped serving (first 24 sim-hours). */
function worstMinute(): { minute: number; drop: number } {
  const s = new SimSession({ scenarioId: SCENARIO, seed: SEED, paused: true });
  let prev = s.view().metrics.supernodesUp;
  let best = { minute: 0, drop: -Infinity };
  for (let m = 1; m <= 24 * 60 && !s.status.ended; m++) {
    s.step(1);
    const up = s.view().metrics.supernodesUp;
    if (prev - up > best.drop) best = { minute: m - 1, drop: prev - up };
    prev = up;
  }
  return best;
}

async function main(): Promise<void> {
  const worst = worstMinute();
  console.log(`worst minute of ${SCENARIO} seed ${SEED}: minute ${worst.minute} (${Math.round(worst.drop)} supernodes stopped serving)`);

  // Idle, as the game starts: the start screen first, then the shift begins as a player starts it.
  const host = await startWebHost({ port: 0, idle: true, log: () => {} });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => localStorage.setItem('supernodeStorm.tutorial.done', 'true')); // no guided tour over the map
    const page = await context.newPage();
    const frameBytes: number[] = [];
    let recording = false;
    page.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        const bytes = typeof f.payload === 'string' ? Buffer.byteLength(f.payload) : f.payload.length;
        if (recording && (typeof f.payload !== 'string' || f.payload.startsWith('{"kind":"frame"'))) frameBytes.push(bytes);
      }),
    );
    await page.goto(host.url);
    // As a player would: the start screen up, with the host's first frame drawn behind it.
    await page.waitForFunction(
      () => window.__storm?.isReady === true && !document.getElementById('start-screen')!.hidden && window.__storm.applied > 0,
      null,
      { timeout: 60_000 },
    );
    await page.fill('#seed-input', String(SEED));
    await page.check(`#scenario-${SCENARIO}`);
    await page.click('#start-button');
    await page.waitForFunction(() => document.getElementById('start-screen')!.hidden);

    // Jump to just before the worst minute, then let it play at bench speed.
    const s = host.session;
    s.control({ action: 'pause' });
    const start = Math.max(1, worst.minute - HALF_WINDOW_MIN);
    if (start > s.minute()) s.control({ action: 'step', minutes: start - s.minute() });
    s.control({ action: 'setSpeed', speed: BENCH_SPEED });
    await page.waitForTimeout(1500); // the page catches up with the jump
    const from = await page.evaluate(() => window.__storm!.applyMs.length);
    recording = true;
    s.control({ action: 'resume' });
    // Screen refreshes during the window (string form: tsx would wrap a named function in a helper the page lacks).
    await page.evaluate(`window.__benchRaf = 0; (function f() { window.__benchRaf++; requestAnimationFrame(f); })()`);
    const t0 = Date.now();
    const objects: number[] = [];
    while (s.minute() < worst.minute + HALF_WINDOW_MIN && !s.status.ended) {
      await page.waitForTimeout(500);
      const st = await page.evaluate(() => window.__storm!.stats());
      objects.push(st.dots + st.megaHexes + st.megaPendingHexes + st.sparks + st.flashes);
    }
    recording = false;
    const fps = (await page.evaluate('window.__benchRaf')) as number / ((Date.now() - t0) / 1000);
    s.control({ action: 'pause' });
    const applyMs = await page.evaluate((i) => window.__storm!.applyMs.slice(i), from);
    const full = JSON.stringify({ kind: 'frame', frame: s.fullFrame() }).length;
    await page.screenshot({ path: 'test-results/screens/bench-worst-minute.png' }).catch(() => undefined);

    console.log(`sim minutes ${start}..${Math.floor(s.minute())} at ${BENCH_SPEED} sim-s/s, viewport 1280x720`);
    console.log(`objects on screen: min ${Math.min(...objects)}, median ${pct(objects, 50)} (need >= ${MIN_OBJECTS})`);
    console.log(`apply frame -> scene+HUD (JS ms, ${applyMs.length} applied frames): median ${fmt(pct(applyMs, 50))}, p95 ${fmt(pct(applyMs, 95))}, max ${fmt(Math.max(...applyMs))}`);
    console.log(`screen refreshes: ${fmt(fps, 1)} per second (SwiftShader here; a GPU does far better)`);
    console.log(`frame size on the wire (bytes, ${frameBytes.length} frames): median ${pct(frameBytes, 50)}, p95 ${pct(frameBytes, 95)}, max ${Math.max(...frameBytes)}; full frame ${full}`);
    const problems: string[] = [];
    if (Math.max(...frameBytes, full) >= FRAME_LIMIT_BYTES) problems.push(`a frame reached ${Math.max(...frameBytes, full)} bytes (limit ${FRAME_LIMIT_BYTES})`);
    if (Math.min(...objects) < MIN_OBJECTS) problems.push(`only ${Math.min(...objects)} objects on screen (need ${MIN_OBJECTS})`);
    if (!applyMs.length) problems.push('no frames were applied');
    if (problems.length) {
      console.error('FAIL: ' + problems.join('; '));
      process.exitCode = 1;
    } else console.log('OK');
  } finally {
    await browser.close();
    await host.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
