// The pager past midnight: a line from the game's second day names its day ("Thu" over 00:40),
// or the next morning's times would read as earlier than the first afternoon's below them.
import type {} from '../../src/renderer/test-hooks-types'; // types window.__storm
import { describe, expect, it } from 'vitest';
import { ACTION_TIMEOUT_MS, drawnMinute, shoot, startShift, useStage, STEP_TIMEOUT_MS } from './harness';

const stage = useStage();

describe('the pager across midnight', { timeout: STEP_TIMEOUT_MS }, () => {
  it('names the day on lines from the second day, and only on those', async () => {
    const host = await stage.host();
    const page = await stage.screen(host.url, { width: 1280, height: 720 }, { tourDone: true });
    await startShift(page); // dec-2010 begins at 16:00 GMT on Wednesday 22 December
    expect(host.session.pause().ok).toBe(true);
    expect(host.session.control({ action: 'step', minutes: 12 * 60 }).ok).toBe(true); // to 04:00 GMT Thursday, the storm paging all along
    await drawnMinute(page, host.session.minute(), ACTION_TIMEOUT_MS);
    await page.click('.dock-tab[data-tab="pager"]');
    const lines = await page.$$eval('#pager-feed li .t', (ts) => ts.map((t) => ({ date: (t as HTMLElement).title, day: t.querySelector('.d')?.textContent ?? '', text: t.textContent ?? '' })));
    expect(lines.some((l) => l.date.startsWith('Thu 23 Dec 2010'))).toBe(true);
    expect(lines.some((l) => l.date.startsWith('Wed 22 Dec 2010'))).toBe(true);
    for (const l of lines) expect(l.day, l.date).toBe(l.date.startsWith('Wed') ? '' : 'Thu '); // read aloud "Thu 00:40", not "Thu00:40"
    for (const l of lines) expect(l.text).toMatch(l.date.startsWith('Wed') ? /^\d\d:\d\d$/ : /^Thu \d\d:\d\d$/);
    await shoot(page, 'pager-days');
    await page.close();
  });
});
