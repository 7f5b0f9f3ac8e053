// The start screen's keys and seed, as a player meets them: Space (the game's pause key) on the
// focused Start button does not start a graded shift, Enter does; the seed says what is wrong.
import type {} from '../../src/renderer/test-hooks-types';
import { describe, expect, it } from 'vitest';
import { onStartScreen, shoot, until, useStage, STEP_TIMEOUT_MS } from './harness';

const stage = useStage();

/** A fresh host, and a screen past the tour on its start screen. */
async function startScreen() {
  const host = await stage.host();
  const page = await stage.screen(host.url, undefined, { tourDone: true });
  await onStartScreen(page);
  return { host, page };
}

describe('the start screen', { timeout: STEP_TIMEOUT_MS }, () => {
  it('Space on the focused Start button says how to begin instead of starting; Enter starts', async () => {
    const { host, page } = await startScreen();
    await page.focus('#start-button');
    await page.keyboard.press(' ');
    await until(page, () => /Space pauses a running shift/.test(document.getElementById('start-error')!.textContent ?? ''), 'the start screen saying how to begin');
    await shoot(page, 'start-space');
    expect(await page.locator('#start-screen').isVisible()).toBe(true);
    expect(host.session.status.started).toBe(false);
    await page.keyboard.press('Enter');
    await until(page, () => document.getElementById('start-screen')!.hidden, 'Enter to start the shift');
    expect(host.session.status.started).toBe(true);
  });
});

describe('the start screen\'s seed', { timeout: STEP_TIMEOUT_MS }, () => {
  it('an empty seed is refused in words that fit any scenario, not played as seed 0', async () => {
    const { host, page } = await startScreen();
    await page.check('#scenario-aug-2007');
    await page.fill('#seed-input', '');
    await page.click('#start-button');
    await until(page, () => /Enter a seed/.test(document.getElementById('start-error')!.textContent ?? ''), 'the seed refused');
    expect(await page.textContent('#start-error')).toBe('Enter a seed: 0 or more. Any number works; the same seed plays the same shift again.');
    expect(await page.locator('#start-screen').isVisible()).toBe(true);
    expect(host.session.status.started).toBe(false);
  });
});
