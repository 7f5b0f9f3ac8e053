// Orders on their way, cancelled by clicking: a login throttle called back before it lands
// (free: nothing has changed), a hotfix stopped in build and test (its build time lost), and a
// screen that lags behind the host clicking Cancel on an order that has just landed (refused in
// plain words). Each step starts its own host and shift.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { describe, expect, it } from 'vitest';
import { ACTION_TIMEOUT_MS, orderThrottle, shoot, slowLink, stepOn, until, useStage, STEP_TIMEOUT_MS } from './harness';

const stage = useStage();

/** A fresh host and screen on a link that can hold frames back, a dec-2010 shift started by clicking, paused, `minutes` in. */
async function shift(minutes = 0) {
  const link = slowLink('frame'); // frames held back while holding (a lagging screen); replies still pass
  const { host, page } = await stage.pausedShift({ screen: { link: link.route } });
  if (minutes) await stepOn(host, page, minutes);
  return { host, page, link };
}

describe('cancelling orders on their way', { timeout: STEP_TIMEOUT_MS }, () => {
  it('calls back a login throttle before it lands: it never comes into force', async () => {
    const { host, page } = await shift(30);
    const row = await orderThrottle(page, 5000);
    expect(await row.textContent()).toMatch(/Throttle logins to 5,000\/s worldwide.*lands \d\d:\d\d GMT \(in 2 min\) · free to cancel until then/);
    await shoot(page, 'orders-cancel-config');
    await row.getByRole('button', { name: /^Cancel: Throttle logins to 5,000\/s/ }).click();
    await row.waitFor({ state: 'detached', timeout: ACTION_TIMEOUT_MS });
    // Past when it would have landed, logins are not throttled (the pager hears of it with the next tick).
    await stepOn(host, page, 10);
    await until(page, () => /Config push cancelled before it landed, nothing changed: Logins throttled to 5,000\/s worldwide/.test(document.getElementById('pager-feed')!.textContent ?? ''), 'the pager to say the push was cancelled');
    expect(await page.evaluate(() => window.__storm!.view()!.metrics.throttleGlobalPerS)).toBeNull();
    expect(await page.locator('#pager-feed li[data-code="action-landed"]').count()).toBe(0);
    expect(await page.locator('#order-queue').isHidden()).toBe(true);
  });

  it('stops a hotfix in build and test, saying the build time is lost', async () => {
    const { host, page } = await shift();
    await page.keyboard.press('h');
    await page.selectOption('#hotfix-fix', 'jitteredBackoff');
    await page.click('#hotfix-button');
    const row = page.locator('#order-queue li[data-order="hotfix:jitteredBackoff"]');
    await row.waitFor({ timeout: ACTION_TIMEOUT_MS });
    await stepOn(host, page, 60);
    expect(await row.textContent()).toMatch(/Hotfix: jittered-backoff update in build and test.*rollout starts \d\d:\d\d GMT \(in 7 h( 00 min)?\).*cancel loses the build time/);
    await row.getByRole('button', { name: /^Cancel: Hotfix/ }).click();
    await row.waitFor({ state: 'detached', timeout: ACTION_TIMEOUT_MS });
    await stepOn(host, page, 1);
    await until(page, () => /Jittered-backoff update cancelled in build and test: 60 min of build work lost; pushing it again starts over \(~480 min\)/.test(document.getElementById('pager-feed')!.textContent ?? ''), 'the pager to say what the cancel cost');
    expect(await page.evaluate(() => window.__storm!.view()!.hotfixes)).toEqual([]);
  });

  it('refuses in plain words a cancel clicked on a lagging screen after the order landed', async () => {
    const { host, page, link } = await shift(30);
    const row = await orderThrottle(page, 5000);
    link.holding = true; // the screen still shows the order on its way
    expect(host.session.control({ action: 'step', minutes: 5 }).ok).toBe(true);
    await row.getByRole('button', { name: /^Cancel:/ }).click();
    await until(page, () => document.getElementById('order-queue-error')!.textContent !== '', 'the refusal under the queue');
    expect(await page.textContent('#order-queue-error')).toBe('That order has already landed and is in force: send a new order to change it.');
    link.holding = false;
    link.release();
    await row.waitFor({ state: 'detached', timeout: ACTION_TIMEOUT_MS });
    // The words stay readable after the order has left the list, and the pager keeps them.
    expect(await page.locator('#order-queue-error').isVisible()).toBe(true);
    await until(page, () => /Cancel refused: That order has already landed/.test(document.getElementById('pager-feed')!.textContent ?? ''), 'the pager to say it too');
    await shoot(page, 'orders-cancel-refused');
    expect(await page.evaluate(() => window.__storm!.view()!.metrics.throttleGlobalPerS)).toBe(5000);
  });
});
