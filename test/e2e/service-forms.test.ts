// The offline-IM and Group Video forms, clicked as a player does: each offers the useful order
// from the game's state (Off while the service is on, On while it is off), Capacity % is disabled
// and ignored with Off, an order that would change nothing is refused beside its field before it
// is sent, the status line follows the game (a cancelled order's ✓ goes), and a new game starts
// with fresh forms. Each step starts its own host and shift.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ACTION_TIMEOUT_MS, shoot, until, useStage, STEP_TIMEOUT_MS } from './harness';

const stage = useStage();

const shift = () => stage.pausedShift({ size: { width: 1280, height: 720 } });

const statusIs = (page: Page, text: string) =>
  page.waitForFunction((t) => document.getElementById('action-status')!.textContent === t, text, { timeout: ACTION_TIMEOUT_MS, polling: 250 });

describe('the service switches\' forms', { timeout: STEP_TIMEOUT_MS }, () => {
  it('offline-IM: offers Off while on, then On; Capacity % only with On; a repeat is refused before it is sent', async () => {
    const { page } = await shift();
    await page.keyboard.press('o');
    expect(await page.inputValue('#offline-im-enabled')).toBe('false');
    expect(await page.isDisabled('#offline-im-capacity')).toBe(true);
    expect(await page.textContent('#offline-im-hint')).toMatch(/^Apply: Offline-IM service off\./);
    await shoot(page, 'service-forms-oim-on');
    await page.click('#offline-im-button');
    await statusIs(page, '✓ Offline-IM service off');
    await page.locator('#order-queue li[data-order^="config"]', { hasText: 'Offline-IM service off' }).waitFor({ timeout: ACTION_TIMEOUT_MS });
    // With the Off on its way the form offers On again, at the cluster's size.
    await until(page, () => (document.getElementById('offline-im-enabled') as HTMLSelectElement).value === 'true', 'the form to offer On');
    expect(await page.isDisabled('#offline-im-capacity')).toBe(false);
    expect(await page.inputValue('#offline-im-capacity')).toBe('100');
    expect(await page.textContent('#offline-im-hint')).toMatch(/^Apply: Offline-IM on again at 100% capacity\./);
    // Off again changes nothing: refused beside the switch, nothing sent; a useless Capacity % is ignored.
    await page.fill('#offline-im-capacity', '99999');
    await page.selectOption('#offline-im-enabled', 'false');
    expect(await page.isDisabled('#offline-im-capacity')).toBe(true);
    const orders = await page.evaluate(() => window.__storm!.view()!.orders.length);
    await page.click('#offline-im-button');
    await until(page, () => document.getElementById('offline-im-enabled-error')!.textContent !== '', 'the refusal beside the switch');
    expect(await page.textContent('#offline-im-error')).toMatch(/^The offline-IM service is already being switched off: nothing to change/);
    expect(await page.textContent('#action-status')).toMatch(/^✗ Not done: The offline-IM service is already being switched off/);
    await shoot(page, 'service-forms-oim-refused');
    expect(await page.evaluate(() => window.__storm!.view()!.orders.length)).toBe(orders);
    await page.close();
  });

  it('Group Video: Off at once, then On "on again"; the ✓ goes when that order is cancelled', async () => {
    const { page } = await shift();
    await page.keyboard.press('g');
    expect(await page.inputValue('#group-video-enabled')).toBe('false');
    await page.click('#group-video-button');
    await statusIs(page, '✓ Group Video off');
    await until(page, () => (document.getElementById('group-video-enabled') as HTMLSelectElement).value === 'true', 'the form to offer On');
    await page.click('#group-video-button');
    await statusIs(page, '✓ Group Video on again');
    const row = page.locator('#order-queue li[data-order^="config"]', { hasText: 'Group Video on again' });
    await row.waitFor({ timeout: ACTION_TIMEOUT_MS });
    await shoot(page, 'service-forms-gv-queued');
    await row.getByRole('button', { name: /^Cancel: Group Video on again/ }).click();
    await row.waitFor({ state: 'detached', timeout: ACTION_TIMEOUT_MS });
    await statusIs(page, '');
    expect(await page.inputValue('#group-video-enabled')).toBe('true');
    await page.close();
  });

  it('a new game starts with fresh forms: nothing typed or refused in the last one carries over', async () => {
    const { host, page } = await shift();
    await page.keyboard.press('o');
    await page.selectOption('#offline-im-enabled', 'true');
    await page.fill('#offline-im-capacity', '99999');
    await page.click('#offline-im-button');
    await until(page, () => document.getElementById('offline-im-capacity-error')!.textContent !== '', 'the range refusal');
    expect(host.session.control({ action: 'newGame', scenarioId: 'dec-2010', seed: 7, replace: true }).ok).toBe(true);
    await until(page, () => window.__storm!.status()?.seed === 7, 'the new game to be drawn');
    expect(await page.inputValue('#offline-im-capacity')).toBe('100');
    expect(await page.inputValue('#offline-im-enabled')).toBe('false');
    expect(await page.textContent('#offline-im-error')).toBe('');
    expect(await page.textContent('#action-status')).toBe('');
    await page.close();
  });
});
