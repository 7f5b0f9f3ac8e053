// The Hotfix and Megas forms follow the scenario being played: in aug-2007 the Hotfix list
// offers the self-healing fix Skype shipped (not December's crash fix or backoff update, which
// no 2007 client needs) and pushing it is taken; the Megas count starts at what 2007 has. A
// December shift offers December's two fixes. Each step starts its own host and shift.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ACTION_TIMEOUT_MS, drawnMinute, shoot, until, useStage, STEP_TIMEOUT_MS } from './harness';

const stage = useStage();

const shift = (scenario: 'dec-2010' | 'aug-2007') => stage.pausedShift({ scenario, size: { width: 1280, height: 720 } });

const fixOffered = (page: Page) => page.$$eval('#hotfix-fix option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));

describe('the Hotfix and Megas forms in each scenario', { timeout: STEP_TIMEOUT_MS }, () => {
  it('aug-2007 offers the self-healing fix, and pushing it is taken; megas start at the 400 there are', async () => {
    const { host, page } = await shift('aug-2007');
    expect(await page.inputValue('#deploy-count')).toBe('400');
    await page.keyboard.press('h');
    expect(await fixOffered(page)).toEqual([['selfHealingFix', 'Self-healing fix']]);
    await shoot(page, 'hotfix-form-aug-2007');
    await page.fill('#hotfix-rate', '50');
    await page.click('#hotfix-button');
    await page.waitForFunction(() => /^✓ /.test(document.getElementById('action-status')!.textContent ?? ''), undefined, { timeout: ACTION_TIMEOUT_MS, polling: 250 });
    await page.locator('#order-queue li[data-order="hotfix:selfHealingFix"]').waitFor({ timeout: ACTION_TIMEOUT_MS });
    expect(host.session.recording().commands.map((c) => c.command)).toContainEqual({ type: 'pushHotfix', fix: 'selfHealingFix', rolloutPctPerHour: 50 });
    await page.close();
  });

  it('dec-2010 offers the crash fix and the backoff update, the crash fix first', async () => {
    const { page } = await shift('dec-2010');
    expect(await page.inputValue('#deploy-count')).toBe('500');
    await page.keyboard.press('h');
    expect(await fixOffered(page)).toEqual([
      ['imCrashFix', 'Offline-IM crash fix'],
      ['jitteredBackoff', 'Jittered-backoff update'],
    ]);
    expect(await page.inputValue('#hotfix-fix')).toBe('imCrashFix');
    await page.close();
  });

  it('dec-2010: the crash fix pushed at 100%/h says the pace the update servers really deliver', async () => {
    const { host, page } = await shift('dec-2010');
    await page.keyboard.press('h');
    await page.fill('#hotfix-rate', '100');
    await page.click('#hotfix-button');
    await page.waitForFunction(() => /^✓ /.test(document.getElementById('action-status')!.textContent ?? ''), undefined, { timeout: ACTION_TIMEOUT_MS, polling: 250 });
    expect(host.session.control({ action: 'step', minutes: 45 }).ok).toBe(true); // past its 30 min build
    await drawnMinute(page, host.session.minute(), ACTION_TIMEOUT_MS);
    await until(page, () => /rolling out · \d+% done at 100%\/h, but the update servers deliver ~[\d.]+%\/h/.test(document.getElementById('hotfix-hint')!.textContent ?? ''), 'the pace delivered in the hint');
    await shoot(page, 'hotfix-held-back');
    await page.close();
  });
});
