// The order forms in a 16 Aug 2007 shift: the Megas count offers what the source has left (400
// dedicated servers, fewer once some are ordered) and the hint prices what is typed; an offline-IM
// capacity left empty is asked for, not called "already on".
import type {} from '../../src/renderer/test-hooks-types';
import { describe, expect, it } from 'vitest';
import { drawnMinute, shoot, until, useStage, STEP_TIMEOUT_MS, ACTION_TIMEOUT_MS } from './harness';

const stage = useStage();

const augShift = () => stage.pausedShift({ scenario: 'aug-2007' });

describe('the order forms in aug-2007', { timeout: STEP_TIMEOUT_MS }, () => {
  it('the Megas count offers what is left, and the hint prices what is typed', async () => {
    const { host, page } = await augShift();
    await page.keyboard.press('m');
    expect(await page.inputValue('#deploy-count')).toBe('400');
    expect(await page.textContent('#deploy-hint')).toMatch(/\$200\/h once all run · 400 of 400 left · /);
    expect(host.session.applyCommand({ type: 'deployMegaSupernodes', count: 100, region: 'europe', source: 'dedicated' }).ok).toBe(true);
    expect(host.session.step(1).ok).toBe(true);
    await drawnMinute(page, host.session.minute(), ACTION_TIMEOUT_MS);
    await until(page, () => (document.getElementById('deploy-count') as HTMLInputElement).value === '300', 'the count following what is left');
    await page.fill('#deploy-count', '500');
    await until(page, () => /\$250\/h once all run · 300 of 400 left \(500 is more than that: the order would be refused\)/.test(document.getElementById('deploy-hint')!.textContent ?? ''), 'the hint pricing 500');
    await shoot(page, 'aug-forms-megas');
  });

  it('an empty offline-IM capacity with On is asked for', async () => {
    const { page } = await augShift();
    await page.keyboard.press('o');
    await page.selectOption('#offline-im-enabled', 'true');
    await page.fill('#offline-im-capacity', '');
    await page.click('#offline-im-button');
    await until(page, () => (document.getElementById('offline-im-capacity-error')!.textContent ?? '') !== '', 'the refusal beside Capacity %');
    expect(await page.textContent('#offline-im-capacity-error')).toBe('Enter a Capacity % (a number from 0 to 400), or choose Off.');
  });
});
