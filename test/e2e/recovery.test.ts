// A drill whose host stopped mid-game (a crash, a closed laptop) is offered on the next
// start: the trainee's start screen lists it, and Resume carries the drill on from where its
// journal stopped. The first host is driven headless to keep this quick.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { describe, expect, it } from 'vitest';
import { shoot, until, useStage, STEP_TIMEOUT_MS } from './harness';

const stage = useStage();

describe('recovering an unfinished drill', { timeout: STEP_TIMEOUT_MS }, () => {
  it('offers the stopped drill on the start screen and resumes it', async () => {
    const dataDir = stage.folder();
    const first = await stage.host({ paused: true, idle: false, dataDir });
    const s = first.session;
    expect(s.instructor({ act: 'startDrill', drillId: 'aug-2007-reboot-storm', checkMode: false }).ok).toBe(true);
    expect(s.control({ action: 'step', minutes: 30 }).ok).toBe(true);
    expect(s.applyCommand({ type: 'throttleLogins', perSecond: 800 }, 'trainee').ok).toBe(true);
    expect(s.control({ action: 'step', minutes: 15 }).ok).toBe(true);
    await first.close(); // mid-drill: the journal stays unfinished

    const host = await stage.host({ paused: true, dataDir });
    const page = await stage.screen(host.url);
    await until(page, () => !document.getElementById('start-recovery')!.hidden, 'the recovery offer');
    const row = page.locator('#start-recovery li');
    expect(await row.count()).toBe(1);
    await until(page, () => /August 2007/.test(document.querySelector('#start-recovery li')!.textContent ?? ''), 'the drill\'s name in the offer');
    expect(await row.textContent()).toMatch(/Drill: August 2007.*stopped at T\+00:45.*1 order/);
    await shoot(page, '15-recovery');

    await row.locator('button.go').click();
    await until(page, () => window.__storm!.mode()?.mode === 'drill', 'the drill to resume');
    expect((await page.evaluate(() => window.__storm!.view()))!.minute).toBe(45);
    expect(await page.locator('#start-screen').isVisible()).toBe(false);
    expect(await page.locator('#drill-panel').isVisible()).toBe(true);
    expect(host.session.live.log.commands.map((c) => c.command.type)).toContain('throttleLogins');
  });
});
