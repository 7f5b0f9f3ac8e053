// Orders that change nothing, as a player meets them: Lift with no login throttle in force is
// refused beside the form before anything is sent, and Group Video off (in force at once) is
// not listed as "on its way".
import type {} from '../../src/renderer/test-hooks-types';
import { describe, expect, it } from 'vitest';
import { shoot, until, useStage, STEP_TIMEOUT_MS } from './harness';

const stage = useStage();

const shift = () => stage.pausedShift();

describe('orders that change nothing', { timeout: STEP_TIMEOUT_MS }, () => {
  it('Lift with no throttle in force is refused in the form, and nothing is sent', async () => {
    const { host, page } = await shift();
    await page.keyboard.press('t');
    await page.click('#throttle-off-button');
    await until(page, () => /No login throttle is in force worldwide, nor on its way: Lift would change nothing/.test(document.getElementById('throttle-error')!.textContent ?? ''), 'the refusal beside the form');
    await shoot(page, 'noop-lift');
    expect(await page.textContent('#action-status')).not.toMatch(/✓/);
    expect(host.session.journal()).toEqual([]);
  });

  it('Group Video off is in force at once and not listed on its way', async () => {
    const { page } = await shift();
    await page.keyboard.press('g');
    await page.click('#group-video-button');
    await until(page, () => window.__storm!.view()!.groupVideoEnabled === false, 'Group Video off on screen');
    expect(await page.locator('#order-queue').isHidden()).toBe(true);
  });
});
