// Why a collapsed network is never quite empty (seed 000: unavailable to "many", not all): a
// client learns supernode addresses from the supernodes it reaches, so the caches of a cell cut
// off keep their dead entries; those absorb probes that would otherwise all reach the few live
// nodes, and strong hosts ride the flood out. Without it (caches that learn the live set by
// themselves) every probe finds the survivors, they fall too, and the trough touches zero.
import { describe, expect, it } from 'vitest';
import { type Scenario } from '../../src/sim/index';
import { servingOf } from '../../src/sim/supernodes';
import { edited, run } from './helpers';

const withCaches = (contact: number, tailShare?: number): Scenario =>
  edited('dec-2010', (s) => {
    s.supernodes.cacheContactShare = contact;
    if (tailShare !== undefined) s.supernodes.tailShare = tailShare;
  });

/** Cached addresses per serving supernode over all cells: 1 = caches know exactly who serves. */
const staleness = (r: ReturnType<typeof run>) => {
  let cached = 0;
  let serving = 0;
  for (const c of r.state.cells) {
    cached += c.cached;
    serving += servingOf(c.pool);
  }
  return cached / serving;
};

describe('host caches learn through contact', () => {
  it('three hours into the storm, cut-off caches still hold several dead entries per live supernode', () => {
    const r = run(withCaches(0.85), 'historical', { hours: 3 });
    expect(staleness(r)).toBeGreaterThan(2);
    const learnAlone = run(withCaches(0), 'historical', { hours: 3 });
    expect(staleness(learnAlone)).toBeLessThan(1.5);
  });

  it('with stale caches and a few strong hosts the trough stays above 1%; without either it does not', () => {
    const low = (s: Scenario) => run(s, 'historical', { hours: 4 }).summary.lowestOnlineShare;
    expect(low(withCaches(0.85))).toBeGreaterThan(0.01);
    expect(low(withCaches(0))).toBeLessThan(0.01); // every probe finds the survivors
    expect(low(withCaches(0.85, 0))).toBeLessThan(0.01); // no host strong enough to ride the flood out
  });
});
