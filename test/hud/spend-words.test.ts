// The top bar says what the shift has cost so far, from the sim's own total (costUsd): megas,
// Group Video down at $5,000/h and offline messages held were priced, but shown only at the end.
import { describe, expect, it } from 'vitest';
import { applyCommand, createSim, getScenario, step, viewOf } from '../../src/sim/index';
import { spendFigure, spendTitle } from '../../src/renderer/hud/spend-words';
import { usd } from '../../src/renderer/hud/format';

describe('the running spend', () => {
  it('is the sim\'s total of every priced harm and resource, megas apart in the tooltip', () => {
    const s = createSim(getScenario('dec-2010'), 1);
    expect(spendFigure(viewOf(s).metrics)).toBe('$0');
    for (const c of [
      { type: 'setGroupVideo', enabled: false },
      { type: 'setOfflineImService', enabled: false },
      { type: 'deployMegaSupernodes', count: 300, region: 'na-east', source: 'cloud' },
    ]) expect(applyCommand(s, c).ok).toBe(true);
    while (s.tick < 2 * 360) step(s);
    const m = viewOf(s).metrics;
    // Two hours of Group Video down alone is over $5,000 (less the minutes its order took to land).
    expect(m.costUsd).toBeGreaterThan(5000);
    expect(m.megaCostUsd).toBeGreaterThan(0);
    expect(spendFigure(m)).toBe(`$${(m.costUsd / 1000).toFixed(1)}k`);
    const title = spendTitle(m);
    expect(title).toContain(`Mega-supernodes ${usd(m.megaCostUsd)}; Group Video off, offline messages held and extra offline-IM servers ${usd(m.costUsd - m.megaCostUsd)}.`);
    expect(title).toMatch(/^Spent so far: \$[\d.]+k\. /);
  });
});
