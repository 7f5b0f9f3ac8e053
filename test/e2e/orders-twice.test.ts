// An order sent twice by a slip of the hand: a double-click on Deploy, and Enter pressed after
// the click. The form sends once, waits for the host's answer with its button off, and asks
// before sending the very same order again; a second press then sends it.
import type {} from '../../src/renderer/test-hooks-types';
import { describe, expect, it } from 'vitest';
import { orderThrottle, shoot, slowLink, until, useStage, STEP_TIMEOUT_MS } from './harness';

const stage = useStage();

describe('an order sent twice by accident', { timeout: STEP_TIMEOUT_MS }, () => {
  it('a double-click on Deploy and Enter after it send one order; pressing Deploy again after the question sends the second', async () => {
    const link = slowLink('reply'); // the host's answers held back while holding; frames still pass
    const { host, page } = await stage.pausedShift({ screen: { link: link.route } });
    await page.keyboard.press('m');
    await page.fill('#deploy-count', '10');
    await page.selectOption('#deploy-source', 'cloud');
    link.holding = true;
    await page.dblclick('#deploy-button');
    expect(await page.isDisabled('#deploy-button')).toBe(true); // until the host answers
    link.holding = false;
    link.release();
    await until(page, () => document.getElementById('action-status')!.textContent!.startsWith('✓'), 'the host\'s answer');
    await page.locator('#deploy-count').press('Enter');
    await until(page, () => /just sent this same order/.test(document.getElementById('deploy-error')!.textContent ?? ''), 'the form asking first');
    await shoot(page, 'orders-twice-asked');
    // A later order on the same link: once it is queued, the host has had everything sent before it.
    await page.keyboard.press('Escape'); // out of the Count field, so T is a key again
    await orderThrottle(page, 20_000);
    expect(host.session.journal().map((c) => c.command.type)).toEqual(['deployMegaSupernodes', 'throttleLogins']);
    await page.keyboard.press('m');
    await page.click('#deploy-button'); // asked already: this one is meant
    await until(page, () => /ordered 10 cloud/.test(document.getElementById('action-status')!.textContent ?? ''), 'the second order sent');
    await page.keyboard.press('Escape');
    await orderThrottle(page, 19_000);
    await until(page, () => document.querySelectorAll('#order-queue li[data-order^="config"]').length === 2, 'the second throttle queued');
    expect(host.session.journal().map((c) => c.command.type)).toEqual(['deployMegaSupernodes', 'throttleLogins', 'deployMegaSupernodes', 'throttleLogins']);
  });
});
