// "On their way" with more orders than its corner holds, at 1024x640: the newest order on top and
// in sight, whole rows only (none cut mid-line), and a cue saying how many more are below.
import type {} from '../../src/renderer/test-hooks-types';
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../src/sim/regions';
import { drawnMinute, mapDrawn, shoot, startShift, until, useStage, STEP_TIMEOUT_MS, ACTION_TIMEOUT_MS } from './harness';

const stage = useStage();

describe('the orders on their way', { timeout: STEP_TIMEOUT_MS }, () => {
  it('with eight orders at 1024x640 shows the newest, whole rows only, and how many more there are', async () => {
    const host = await stage.host();
    const page = await stage.screen(host.url, { width: 1024, height: 640 }, { tourDone: true });
    await startShift(page);
    expect(host.session.pause().ok).toBe(true);
    // Seven batches (one per region and the first again), then the newest: 77 dedicated for Asia-Pacific.
    for (const r of [...REGIONS, REGIONS[0]]) expect(host.session.applyCommand({ type: 'deployMegaSupernodes', count: 50, region: r.id, source: 'cloud' }).ok).toBe(true);
    expect(host.session.applyCommand({ type: 'deployMegaSupernodes', count: 77, region: 'asia-pac', source: 'dedicated' }).ok).toBe(true);
    expect(host.session.step(1).ok).toBe(true);
    await drawnMinute(page, host.session.minute(), ACTION_TIMEOUT_MS);
    await until(page, () => document.querySelectorAll('#order-queue li').length === 8, 'every order listed');
    await mapDrawn(page);
    await shoot(page, 'order-queue-1024');
    const seen = await page.evaluate(() => {
      const list = document.getElementById('order-queue-list')!.getBoundingClientRect();
      const rows = [...document.querySelectorAll('#order-queue li')].map((li) => {
        const r = li.getBoundingClientRect();
        return { text: li.textContent ?? '', inside: r.top >= list.top - 0.5 && r.bottom <= list.bottom + 0.5, outside: r.top >= list.bottom - 0.5 };
      });
      const more = document.getElementById('order-queue-more');
      return { rows, more: more?.checkVisibility() ? more.textContent : null };
    });
    expect(seen.rows[0].text).toMatch(/^77 dedicated.*Asia-Pacific/i);
    expect(seen.rows[0].inside).toBe(true);
    expect(seen.rows.filter((r) => !r.inside && !r.outside)).toEqual([]); // none cut mid-line
    const below = seen.rows.filter((r) => r.outside).length;
    expect(below).toBeGreaterThan(0);
    expect(seen.more).toBe(`+${below} more below: scroll the list ▾`);
  });
});
