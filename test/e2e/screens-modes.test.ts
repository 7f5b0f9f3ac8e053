// The screens around a shift (issue 8): the instructor's console and a trainee in a drill, the
// score screen, a replay, and a free shift's end screen with its debrief, each laid out at
// 960x600, 1280x720 and 1920x1080 (screenshots in test-results/screens/) and axe-clean. Each
// step builds its own host and state through the session's hooks; sizes change on one page.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WebHost } from '../../src/main/host/web';
import { SimSession } from '../../src/main/session/sim-session';
import { encodeReplay } from '../../src/replay/node';
import { axeClean, drawnMinute, mapDrawn, mapFramed, shoot, startShift, until, useStage, STEP_TIMEOUT_MS } from './harness';

const DRILL = 'aug-2007-reboot-storm';
const SIZES = [{ width: 960, height: 600 }, { width: 1280, height: 720 }, { width: 1920, height: 1080 }] as const;
const stage = useStage();

const ok = (r: { ok: boolean }) => expect(r.ok).toBe(true);

/** A trainee's screen with the tour already done (it would cover what we look at). */
const trainee = (host: WebHost) => stage.screen(host.url, undefined, { tourDone: true });

/** Each page at each size: a screenshot `<name>-<size>` and axe (once: the markup is the same at every size). */
async function lookAt(shots: [Page, string][]): Promise<void> {
  for (const size of SIZES) {
    for (const [page] of shots) await page.setViewportSize(size);
    for (const [page] of shots) await mapFramed(page, size); // the map re-frames itself a little after a resize
    for (const [page, name] of shots) await shoot(page, `${name}-${size.width}x${size.height}`);
  }
  for (const [page, name] of shots) await axeClean(page, name);
}

/** A drill started by the instructor (check mode off), its briefing read, paused `minutes` in. */
async function drillUnderWay(host: WebHost, tr: Page, minutes: number): Promise<void> {
  const s = host.session;
  ok(s.instructor({ act: 'startDrill', drillId: DRILL, checkMode: false }));
  await until(tr, () => !document.getElementById('briefing-screen')!.hidden, 'the briefing card');
  await tr.click('#briefing-go');
  ok(s.instructor({ act: 'fireInject', injectId: 'late-patchers-asia' }));
  ok(s.applyCommand({ type: 'throttleLogins', perSecond: 500 }, 'trainee'));
  ok(s.instructor({ act: 'message', text: 'Logins are flooding in from restarted PCs: throttle them.' }));
  ok(s.control({ action: 'step', minutes }));
  ok(s.applyCommand({ type: 'deployMegaSupernodes', count: 300, region: 'europe', source: 'dedicated' }, 'trainee'));
  ok(s.control({ action: 'pause' }));
  await drawnMinute(tr, minutes);
}

describe('screens around a shift, at three sizes', { timeout: STEP_TIMEOUT_MS }, () => {
  it('the instructor console and the trainee in a drill', async () => {
    const host = await stage.host();
    const [ins, tr] = await Promise.all([stage.screen(host.instructorUrl), trainee(host)]);
    await drillUnderWay(host, tr, 70);
    await until(ins, () => document.querySelectorAll('#console-timeline li[data-source="trainee"]').length >= 2, 'the trainee\'s orders on the console');
    await until(tr, () => document.querySelectorAll('#drill-messages li').length > 0, 'the instructor\'s message in the drill panel');
    await lookAt([[ins, 'screens-console'], [tr, 'screens-drill']]);
  });

  it('the score screen at the end of a drill', async () => {
    const host = await stage.host();
    const [ins, tr] = await Promise.all([stage.screen(host.instructorUrl), trainee(host)]);
    await drillUnderWay(host, tr, 40);
    ok(host.session.instructor({ act: 'endDrill' }));
    await until(tr, () => !document.getElementById('score-screen')!.hidden, 'the score screen');
    await until(ins, () => window.__storm!.mode()?.drill?.ended === true, 'the console to see the end');
    await lookAt([[tr, 'screens-score'], [ins, 'screens-console-ended']]);
  });

  it('a replay, as the instructor and a trainee watch it', async () => {
    const made = new SimSession({ paused: true });
    ok(made.newGame('dec-2010', 2010));
    ok(made.control({ action: 'step', minutes: 30 }));
    ok(made.applyCommand({ type: 'deployMegaSupernodes', count: 300, region: 'europe', source: 'cloud' }, 'trainee'));
    ok(made.control({ action: 'step', minutes: 60 }));
    ok(made.applyCommand({ type: 'throttleLogins', perSecond: 2000 }, 'trainee'));
    ok(made.control({ action: 'step', minutes: 60 }));
    const data = encodeReplay(made.recording());
    made.close();
    const host = await stage.host();
    const [ins, tr] = await Promise.all([stage.screen(host.instructorUrl), trainee(host)]);
    ok(host.session.replayAct({ act: 'open', fileName: 'made.skyreplay', dataBase64: Buffer.from(data).toString('base64') }));
    ok(host.session.replayAct({ act: 'seek', tick: Math.floor(host.session.replay!.endTick * 0.6) }));
    await until(tr, () => window.__storm!.mode()?.mode === 'replay' && !document.getElementById('replay-bar')!.hidden, 'the trainee\'s replay bar');
    await until(ins, () => (window.__storm!.mode()?.replay?.tick ?? 0) > 0, 'the seek on the console');
    await lookAt([[ins, 'screens-replay-console'], [tr, 'screens-replay']]);
  });

  it('a screen that joins mid-shift shows the same pager as one that watched from the start', async () => {
    const host = await stage.host();
    const first = await trainee(host);
    await startShift(first);
    ok(host.session.pause());
    // Orders and the cascade, watched by the first screen: more events than a pager holds.
    for (let i = 0; i < 40; i++) {
      ok(host.session.applyCommand({ type: 'setGroupVideo', enabled: i % 2 === 1 }, 'trainee'));
      ok(host.session.control({ action: 'step', minutes: 2 }));
    }
    await drawnMinute(first, host.session.minute());
    const newest = host.session.fullFrame().history!.events.at(-1)!.text;
    await first.waitForFunction((t) => document.querySelector('#pager-feed li')?.textContent?.endsWith(t), newest, { timeout: 60_000 });
    const pager = (p: Page) => p.evaluate(() => ({ items: [...document.querySelectorAll('#pager-feed li')].map((li) => li.textContent), count: document.getElementById('pager-count')!.textContent }));
    const watched = await pager(first);
    expect(watched.items.length).toBeGreaterThanOrEqual(50);
    const joined = await trainee(host);
    await until(joined, () => document.getElementById('start-screen')!.hidden, 'the second screen to join the shift');
    expect(await pager(joined)).toEqual(watched);
  });

  it('writing on the map keeps apart at every size and stays on screen at deep zoom', async () => {
    const host = await stage.host();
    const page = await trainee(host);
    await startShift(page);
    ok(host.session.control({ action: 'step', minutes: 30 })); // the storm's flows and every figure up
    ok(host.session.pause());
    await drawnMinute(page, host.session.minute());
    const apart = (t: { kind: string; id: string; x: number; y: number; w: number; h: number }[]) => {
      const clashes: string[] = [];
      for (const a of t) for (const b of t) {
        if (a.kind !== 'region' || (b.kind === 'region' && b.id <= a.id)) continue;
        if (a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1) clashes.push(`${a.id} over ${b.id}`);
      }
      return clashes;
    };
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await mapFramed(page, size);
      expect(apart(await page.evaluate(() => window.__storm!.mapText())), `at ${size.width}x${size.height}`).toEqual([]);
    }
    // Deep in (as far as the zoom goes, about the middle of the map): every region's label is still on the map's part of the screen.
    await page.setViewportSize({ width: 960, height: 600 });
    await mapFramed(page, { width: 960, height: 600 });
    const spread = (t: { id: string; y: number }[]) => Math.abs(t.find((x) => x.id === 'megaPool')!.y - t.find((x) => x.id === 'login')!.y);
    const home = spread(await page.evaluate(() => window.__storm!.mapText()));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // keys typed into a field do not zoom
    for (let i = 0; i < 14; i++) await page.keyboard.press(']');
    await mapDrawn(page); // the camera zoomed at each key; the labels are placed at the next tick
    const deep = await page.evaluate(() => ({ text: window.__storm!.mapText(), top: document.getElementById('top-bar')!.getBoundingClientRect().bottom, dock: document.getElementById('dock')!.getBoundingClientRect().top }));
    expect(spread(deep.text)).toBeGreaterThan(home * 8); // the zoom went deep (the services' names far apart)
    const labels = deep.text.filter((t) => t.kind === 'region');
    expect(labels).toHaveLength(6);
    for (const l of labels) expect(l.x >= 0 && l.x + l.w <= 960 && l.y >= deep.top && l.y + l.h <= deep.dock, `${l.id} on screen`).toBe(true);
    expect(apart(deep.text)).toEqual([]);
    await shoot(page, 'screens-zoom-960x600');
  });

  it('the end screen of a free shift, its debrief in plain words', async () => {
    const host = await stage.host();
    const page = await trainee(host);
    await startShift(page, { scenario: 'normal-day' }); // its debrief is worked out in half the time of dec-2010's (debrief.test.ts has that one)
    const s = host.session;
    ok(s.control({ action: 'step', minutes: 40 }));
    ok(s.applyCommand({ type: 'deployMegaSupernodes', count: 200, region: 'europe', source: 'dedicated' }, 'trainee'));
    expect(s.applyCommand({ type: 'deployMegaSupernodes', count: 6000, region: 'europe', source: 'cloud' }, 'trainee').ok).toBe(false);
    ok(s.control({ action: 'step', minutes: s.status.endMinute - s.minute() }));
    await until(page, () => !document.getElementById('end-screen')!.hidden, 'the end screen');
    await until(page, () => document.getElementById('end-debrief')!.dataset.state !== 'loading', 'the debrief', 200_000);
    expect(await page.locator('#end-debrief').getAttribute('data-state')).toBe('ready');
    // The lowest share online is one figure: the outcome's and the debrief's "You" column agree.
    const you = await page.locator('#end-figures tbody tr').nth(1).locator('td[data-run="run"]').textContent();
    expect(await page.textContent('#end-low')).toBe(you);
    // A refused order in the words the order form would have said, never a code.
    const refused = (await page.locator('#end-orders li.refused').textContent())!;
    expect(refused).toMatch(/Refused: .*Only 5,000 cloud servers are left/);
    expect(refused).not.toMatch(/deployMegaSupernodes|count:|only \d+ cloud/);
    await lookAt([[page, 'screens-end']]);
  });
});
