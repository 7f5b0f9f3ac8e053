// The free-play debrief on the end screen (issue 8): a whole December 2010 shift played with
// a few orders (the session's own controls skip ahead), then the end screen shows the player's
// curve against no action and Skype's response, the orders, the deciding figures, the moves the
// model says would have helped, and a report to export. Numbers come from the model, which
// changes: the test asserts relations, never figures. Screenshot: 16-end-debrief.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EndDebrief } from '../../src/shared/end-debrief';
import { shoot, startShift, until, useStage, STEP_TIMEOUT_MS } from './harness';

const stage = useStage();

describe('the end screen of a free shift', { timeout: STEP_TIMEOUT_MS }, () => {
  it('compares the shift with no action and Skype\'s response, lists the orders and what would have helped, and exports the report', async () => {
    const host = await stage.host({ paused: true });
    const page = await stage.screen(host.url);
    await startShift(page);
    await until(page, () => { const s = window.__storm!.status(); return s && s.scenarioId === 'dec-2010' && s.seed === 2010 && !s.paused; }, 'the dec-2010 game to run');
    // Held still first: on a busy machine the running game moves on between the start and the step.
    expect(host.session.control({ action: 'pause' }).ok).toBe(true);
    expect(host.session.control({ action: 'step', minutes: 40 }).ok).toBe(true);
    const orderedAt = Math.floor(host.session.minute());
    const stamp = `T\\+${String(Math.floor(orderedAt / 60)).padStart(2, '0')}:${String(orderedAt % 60).padStart(2, '0')}`;
    // A late, small response: the model should find something that would have helped more.
    expect(host.session.applyCommand({ type: 'deployMegaSupernodes', count: 200, region: 'europe', source: 'dedicated' }, 'trainee').ok).toBe(true);
    expect(host.session.applyCommand({ type: 'deployMegaSupernodes', count: 999_999, region: 'europe', source: 'cloud' }, 'trainee').ok).toBe(false);
    // What a player waiting on the end screen sees of the host's progress, noted as it comes.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { progressSeen: string[] }).progressSeen = []);
      const note = () => {
        const bar = document.querySelector<HTMLProgressElement>('#end-debrief .end-debrief-progress');
        if (bar && !bar.hidden) seen.push(`${bar.value} ${document.querySelector('#end-debrief .end-debrief-pct')!.textContent} ${document.querySelector('#end-debrief .end-debrief-status')!.textContent}`);
      };
      new MutationObserver(note).observe(document.getElementById('end-debrief')!, { subtree: true, attributes: true, characterData: true, childList: true });
    });
    const left = host.session.status.endMinute - host.session.minute();
    expect(host.session.control({ action: 'step', minutes: left }).ok).toBe(true);
    await until(page, () => !document.getElementById('end-screen')!.hidden, 'the end screen', 60_000);
    // The host works it out in its debrief worker: frames keep coming meanwhile.
    expect(await page.locator('#end-debrief').getAttribute('data-state')).toMatch(/loading|ready/);
    await until(page, () => document.getElementById('end-debrief')!.dataset.state !== 'loading' || !document.querySelector<HTMLElement>('#end-debrief .end-debrief-progress')!.hidden, 'the debrief to show its progress', 360_000);
    if ((await page.locator('#end-debrief').getAttribute('data-state')) === 'loading') await shoot(page, '16-end-debrief-working');
    await until(page, () => document.getElementById('end-debrief')!.dataset.state !== 'loading', 'the debrief to be worked out', 360_000);
    expect(await page.locator('#end-debrief').getAttribute('data-state')).toBe('ready');
    // While it was worked out the screen said how far it had got, in per cent, climbing; gone once ready.
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.length).toBeGreaterThan(1);
    const pcts = seen.map((l) => Number(l.split(' ')[0]));
    expect(pcts).toEqual([...pcts].sort((a, b) => a - b));
    expect(pcts.at(-1)!).toBeGreaterThan(pcts[0]);
    expect(seen.at(-1)).toMatch(/^(\d+) \1% Working out .*…$/); // the per cent beside the bar; the status line (a live region) says its sentence once
    expect(await page.locator('#end-debrief .end-debrief-progress').isHidden()).toBe(true);

    const d = (await page.evaluate(() => fetch('/debrief/end.json').then((r) => r.json()))) as EndDebrief;
    const [you, none, skype] = d.runs;
    expect(d.runs.map((r) => r.kind)).toEqual(['run', 'baseline', 'historical']);
    expect(skype.userHoursLost).toBeLessThan(none.userHoursLost); // Skype's response beat doing nothing
    expect(you.userHoursLost).toBeLessThanOrEqual(none.userHoursLost * 1.001); // 200 megas do not make it worse
    // Three curves, and your orders on the time axis: the accepted one and the refused one.
    expect(await page.locator('#end-debrief .end-chart polyline').count()).toBe(3);
    expect(await page.locator('#end-debrief .end-chart rect.order').count()).toBe(2);
    expect(await page.locator('#end-debrief .end-chart rect.order.refused').count()).toBe(1);
    const orders = await page.locator('#end-orders li').allTextContents();
    expect(orderedAt).toBeGreaterThanOrEqual(40);
    expect(orders[0]).toMatch(new RegExp(`${stamp}.*Deploy 200 dedicated mega-supernodes in Europe`));
    expect(orders[1]).toMatch(new RegExp(`${stamp} Refused: Deploy mega-supernodes\\. Count must be between 1 and 20,000 \\(you entered 999,999\\)\\.`));
    // The figures that decided it, one column per run.
    const head = await page.locator('#end-figures thead th').allTextContents();
    expect(head.slice(1)).toEqual(['You', 'No action', "Skype's response, Dec 2010"]);
    const rows = await page.locator('#end-figures tbody th').allTextContents();
    expect(rows).toEqual(['User-hours lost', 'Lowest share online', 'Cost', 'Collapsed at', 'Fell back before recovering', 'Back to 90% online', 'Time to recover']);
    // Time to recover: the end screen's figure is the debrief's (the whole game, re-simulated), not this screen's history.
    const recovery = await page.locator('#end-figures tbody tr').nth(6).locator('td').allTextContents();
    expect(await page.locator('#end-recovery').textContent()).toBe(recovery[0]);
    expect(await page.locator('#end-summary').textContent()).toContain(recovery[2]); // Skype's, by the same measure
    // Moves that helped: each one saves user-hours against this shift, best first.
    expect(d.moves.length).toBeGreaterThan(0);
    for (const m of d.moves) expect(m.userHoursSaved).toBeGreaterThan(0);
    expect(d.moves.map((m) => m.userHoursSaved)).toEqual([...d.moves.map((m) => m.userHoursSaved)].sort((a, b) => b - a));
    expect(await page.locator('#end-moves li').count()).toBe(d.moves.length);
    await shoot(page, '16-end-debrief');
    // The card holds at the window's minimum and on a big screen: the export stays reachable.
    for (const [w, hgt] of [[960, 600], [1920, 1080]] as const) {
      await page.setViewportSize({ width: w, height: hgt });
      await page.locator('#end-export').scrollIntoViewIfNeeded();
      expect(await page.locator('#end-export').isVisible()).toBe(true);
      await shoot(page, `16-end-debrief-${w}x${hgt}`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#end-export')]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^supernode-storm-dec-2010-.*-debrief\.html$/);
    expect(html).toContain('Debrief: ');
    expect(html).toContain('1 refused</span>');
    expect(html).toContain(`<tr><th>Time to recover</th><td>${recovery[0]}</td><td>${recovery[1]}</td><td>${recovery[2]}</td></tr>`);
  });
});
