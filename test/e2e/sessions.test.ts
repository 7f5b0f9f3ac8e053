// One game, many screens, nothing lost (issue 8): a screen that reloads or a second tab joins
// the game the host runs, with its pager and sparkline history; starting another shift while
// one runs asks first; every new shift starts at normal speed; after a host restart the screens
// are told and offered the recovery. Each test has a host of its own (harness.ts `useStage`).
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WebHost } from '../../src/main/host/web';
import { shoot, startShift, until, useStage, STEP_TIMEOUT_MS } from './harness';

const stage = useStage();

/** The shift stepped to minute `m` and held there, once `page` shows it. */
async function heldAt(host: WebHost, page: Page, m: number): Promise<void> {
  host.session.control({ action: 'step', minutes: m });
  host.session.control({ action: 'pause' });
  await atMinute(page, m);
}

const pagerTexts = (page: Page) => page.$$eval('#pager-feed li', (lis) => lis.map((li) => li.textContent ?? ''));
const historyMinutes = (page: Page) => page.evaluate(() => window.__storm!.historyMinutes());
const atMinute = (page: Page, m: number) => page.waitForFunction((min) => (window.__storm!.view()?.minute ?? -1) >= min && window.__storm!.status()?.paused === true, m, { timeout: 60_000 });

describe('one game, many screens', { timeout: STEP_TIMEOUT_MS }, () => {
  it('opens on the start screen with nothing running, and journals nothing', async () => {
    const dataDir = stage.folder();
    const host = await stage.host({ dataDir });
    const page = await stage.screen(host.url);
    await until(page, () => window.__storm!.status() !== null, 'the first frame');
    expect(await page.locator('#start-screen').isVisible()).toBe(true);
    expect(await page.locator('#start-continue').isVisible()).toBe(false);
    const st = (await page.evaluate(() => window.__storm!.status()))!;
    expect(st).toMatchObject({ started: false, paused: true });
    expect(host.session.live.journalPath).toBeNull();
  });

  it('reloading mid-game (F5) continues the same game, with its pager and history', async () => {
    const host = await stage.host();
    const page = await stage.screen(host.url);
    await startShift(page, { seed: 4242 });
    await heldAt(host, page, 180);
    const pagerBefore = await pagerTexts(page);
    const minutesBefore = await historyMinutes(page);
    expect(pagerBefore.length).toBeGreaterThan(0);

    await page.reload();
    await page.waitForFunction(() => window.__storm?.isReady === true, null, { timeout: 60_000 });
    await atMinute(page, 180);
    expect(await page.locator('#start-screen').isVisible()).toBe(false);
    expect((await page.evaluate(() => window.__storm!.status()))!.seed).toBe(4242);
    expect(await pagerTexts(page)).toEqual(pagerBefore);
    const minutesAfter = await historyMinutes(page);
    expect(minutesAfter[0]).toBe(0); // from the game's start, not from the reload
    expect(minutesAfter).toEqual(minutesBefore);
    await shoot(page, '30-reload-continues');
  });

  it('a second tab joins the same game with the same pager and sparkline history', async () => {
    const host = await stage.host();
    const first = await stage.screen(host.url);
    await startShift(first, { seed: 77 });
    await heldAt(host, first, 240);

    const second = await stage.screen(host.url);
    await atMinute(second, 240);
    expect(await second.locator('#start-screen').isVisible()).toBe(false);
    expect((await second.evaluate(() => window.__storm!.status()))!.seed).toBe(77);
    expect(await pagerTexts(second)).toEqual(await pagerTexts(first));
    expect(await historyMinutes(second)).toEqual(await historyMinutes(first));
    expect((await historyMinutes(second)).length).toBeGreaterThan(200);
    await shoot(second, '31-second-tab-joins');
  });

  it('"Start shift" while another screen watches asks first, and only replaces when told', async () => {
    const host = await stage.host();
    const a = await stage.screen(host.url);
    const b = await stage.screen(host.url); // both on the start screen
    await startShift(a, { seed: 11 });
    host.session.control({ action: 'pause' }); // held still: two pages drawing a running shift slow every click
    await until(b, () => !document.getElementById('start-continue')!.hidden, 'the way back to the running shift');

    await b.fill('#seed-input', '12');
    await b.click('#start-button');
    await until(b, () => !document.getElementById('start-replace')!.hidden, 'the question');
    const asked = (await b.locator('#start-replace-text').textContent())!;
    expect(asked).toMatch(/shift is under way: 22 December 2010.*T\+\d\d:\d\d, 0 orders given/);
    expect(asked).toContain('1 other screen is watching it');
    await shoot(b, '32-start-shift-asks-first');

    await b.click('#start-replace-cancel');
    expect(await b.locator('#start-replace').isVisible()).toBe(false);
    expect(host.session.status.seed).toBe(11); // nothing replaced

    await b.click('#start-button');
    await b.click('#start-replace-confirm');
    await until(b, () => document.getElementById('start-screen')!.hidden, 'the new shift on the screen that asked');
    await until(a, () => window.__storm!.status()?.seed === 12, 'the other screen to follow the new shift');
  });

  it('every new shift starts at normal speed', async () => {
    const host = await stage.host();
    const a = await stage.screen(host.url);
    const b = await stage.screen(host.url);
    await startShift(a, { seed: 21 });
    // Paused first: a full-size shift drawn at 900x and more keeps both pages too busy to click.
    host.session.control({ action: 'pause' });
    await until(a, () => window.__storm!.status()?.paused === true, 'the pause');
    for (let i = 0; i < 4; i++) {
      const before = (await a.evaluate(() => window.__storm!.status()!.speed));
      await a.click('#speed-up');
      await a.waitForFunction((s) => window.__storm!.status()!.speed > s, before, { timeout: 60_000 });
    }
    await until(a, () => (window.__storm!.status()?.speed ?? 0) >= 900, 'the faster speed');

    await b.check('#scenario-aug-2007');
    await b.click('#start-button');
    await b.click('#start-replace-confirm');
    await until(b, () => window.__storm!.status()?.scenarioId === 'aug-2007', 'the aug-2007 shift');
    expect((await b.evaluate(() => window.__storm!.status()))!.speed).toBe(60);
    await until(a, () => window.__storm!.status()?.scenarioId === 'aug-2007', 'the first screen to follow');
    expect((await a.evaluate(() => window.__storm!.status()))!.speed).toBe(60);
  });

  it('after a host restart mid-drill the screen is told and offered the recovery', async () => {
    const dataDir = stage.folder();
    const first = await stage.host({ dataDir });
    const page = await stage.screen(first.url);
    const s = first.session;
    expect(s.instructor({ act: 'startDrill', drillId: 'aug-2007-reboot-storm', checkMode: false }).ok).toBe(true);
    expect(s.control({ action: 'step', minutes: 30 }).ok).toBe(true);
    expect(s.applyCommand({ type: 'throttleLogins', perSecond: 800 }, 'trainee').ok).toBe(true);
    expect(s.control({ action: 'step', minutes: 5 }).ok).toBe(true);
    await until(page, () => window.__storm!.mode()?.mode === 'drill' && (window.__storm!.view()?.minute ?? 0) >= 35, 'the drill on screen');

    const port = first.port;
    stage.forgive(/WebSocket|ERR_CONNECTION_REFUSED/); // the page's link to the stopped host, refused
    await first.close(); // the host stops mid-drill
    const second = await stage.host({ dataDir, port });
    await until(page, () => !document.getElementById('start-notice')!.hidden, 'the screen to be told of the restart', 90_000);
    expect(await page.locator('#start-notice').textContent()).toMatch(/host was restarted/);
    await until(page, () => !document.getElementById('start-recovery')!.hidden, 'the recovery offer');
    expect(await page.locator('#drill-panel').isVisible()).toBe(false);
    await shoot(page, '33-host-restart-recovery');

    await page.locator('#start-recovery li button.go').click();
    await until(page, () => window.__storm!.mode()?.mode === 'drill', 'the drill to resume');
    expect((await page.evaluate(() => window.__storm!.view()))!.minute).toBe(35);
    expect(second.session.live.log.commands.map((c) => c.command.type)).toContain('throttleLogins');
  });
});
