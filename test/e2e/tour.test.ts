// The first-shift tour as a trainee takes it, clicking and typing: its tries are practice (the
// shift it is judged on has no order, bill or journal line from it, and runs on after "Start the
// shift"); Esc leaves it; Space does not run the clock under it; its card keeps clear of the
// figures it asks for, and its ring follows what S picks.
import type {} from '../../src/renderer/test-hooks-types';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WebHost } from '../../src/main/host/web';
import { orderThrottle, shoot, startShift, until, useStage, STEP_TIMEOUT_MS } from './harness';

const stage = useStage();

/** A fresh screen that has not taken the tour, on a dec-2010 shift started by Start shift; the tour's card on its first step. */
async function onTour(size = { width: 1280, height: 720 }, opts: { paused?: boolean } = {}): Promise<{ host: WebHost; page: Page }> {
  const host = await stage.host();
  const page = await stage.screen(host.url, size);
  await startShift(page);
  if (opts.paused) expect(host.session.pause().ok).toBe(true);
  await page.locator('#tutorial[data-step="offer"]').waitFor();
  await page.click('#tutorial-start');
  await page.locator('#tutorial[data-step="counter"]').waitFor();
  return { host, page };
}

const at = (page: Page, id: string) => page.locator(`#tutorial[data-step="${id}"]`).waitFor();
const next = async (page: Page) => {
  await until(page, () => document.getElementById('tutorial')!.dataset.tried === 'true', 'the step\'s try');
  await page.click('#tutorial-next');
};
const box = (page: Page, sel: string) => page.locator(sel).boundingBox().then((b) => b!);
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the first-shift tour', { timeout: STEP_TIMEOUT_MS }, () => {
  it('is practice: every try done, "Start the shift" finds no order, bill or journal line from it, and the clock running', async () => {
    const { host, page } = await onTour();
    await until(page, () => window.__storm!.status()?.paused === true, 'the game paused for the tour');
    await page.click('#tutorial-next');
    await at(page, 'clouds');
    await page.keyboard.press('4');
    await next(page);
    await at(page, 'services');
    await page.keyboard.press('s');
    await next(page);
    await at(page, 'deploy');
    await page.fill('#deploy-count', '10');
    await page.selectOption('#deploy-source', 'cloud');
    await page.click('#deploy-button');
    await until(page, () => /Not sent \(tour practice\)/.test(document.getElementById('action-status')!.textContent ?? ''), 'the practice said');
    await shoot(page, 'tour-deploy-practice');
    await next(page);
    await at(page, 'withdraw');
    await page.click('#withdraw-button');
    await next(page);
    for (const [id, button] of [['throttle', '#throttle-button'], ['hotfix', '#hotfix-button'], ['offline-im', '#offline-im-button'], ['group-video', '#group-video-button']]) {
      await at(page, id);
      await page.click(button);
      await next(page);
    }
    await at(page, 'done');
    expect(await page.locator('#order-queue').isHidden()).toBe(true);
    await page.click('#tutorial-next');
    expect(await page.locator('#tutorial').isHidden()).toBe(true);
    await until(page, () => window.__storm!.status()?.paused === false, 'the clock running again');
    expect(host.session.journal()).toEqual([]);
    const v = host.session.view();
    expect(v.orders ?? []).toEqual([]);
    expect(v.hotfixes).toEqual([]);
    expect(v.groupVideoEnabled).toBe(true);
    expect(v.services.find((s) => s.id === 'offlineIm')!.enabled).toBe(true);
    expect(v.metrics.throttleGlobalPerS).toBeNull();
    expect(await page.textContent('#action-status')).not.toMatch(/practice/i);
    await shoot(page, 'tour-after');
  });

  it('Esc leaves it, Space keeps the clock stopped under it, and an order after it is sent', async () => {
    const { host, page } = await onTour(undefined, { paused: true });
    await page.keyboard.press(' ');
    await page.locator('#tutorial .tutorial-clock').waitFor();
    await shoot(page, 'tour-space');
    await page.keyboard.press('Escape');
    await until(page, () => document.getElementById('tutorial')!.hidden, 'the tour closed by Esc');
    // Sent on the same link after any resume Space sent: once it is queued, the host has both.
    await orderThrottle(page, 20_000);
    expect(host.session.status.paused).toBe(true);
    expect(host.session.journal().map((c) => c.command.type)).toEqual(['throttleLogins']);
  });

  it('keeps its card off the figures it asks the trainee to open, and rings the service S picks', async () => {
    const { page } = await onTour({ width: 1024, height: 640 }, { paused: true });
    await page.click('#tutorial-next');
    await at(page, 'clouds');
    await page.keyboard.press('4');
    await page.locator('#info-panel').waitFor();
    await shoot(page, 'tour-clouds-picked-1024');
    expect(overlap(await box(page, '#tutorial'), await box(page, '#info-panel'))).toBe(false);
    await next(page);
    await at(page, 'services');
    await page.keyboard.press('s');
    await until(page, () => /login/i.test(document.getElementById('info-panel')!.textContent ?? ''), 'the login servers\' figures');
    await shoot(page, 'tour-services-s-1024');
    expect(overlap(await box(page, '#tutorial'), await box(page, '#info-panel'))).toBe(false);
    const ring = await box(page, '#tutorial-ring');
    const centre = { x: ring.x + ring.width / 2, y: ring.y + ring.height / 2 };
    const labels = await page.evaluate(() => window.__storm!.mapText().filter((t) => t.kind === 'service'));
    const dist = (id: string) => { const t = labels.find((l) => l.id === id)!; return Math.hypot(t.x - centre.x, t.y + t.h / 2 - centre.y); };
    expect(dist('login')).toBeLessThan(dist('offlineIm'));
  });
});
