// The sim keeps indexes and scratch beside the state for speed (layout.ts, cell range tables,
// per-tick scratch objects). Two worlds run side by side, as a live game and its debrief do,
// must not see each other's: each ends exactly where it ends when run alone.
import { describe, expect, it } from 'vitest';
import { applyCommand, checksum, createSim, getScenario, step } from '../../src/sim/index';
import type { SimState } from '../../src/sim/state';

const TICKS = 6 * 60 * 3; // 3 sim-hours: the crash wave starts, a hotfix (built in 30 min) adds cohorts

/** World b gets a hotfix early (new cohorts mid-run) and a login flood; world a nothing. */
function advance(state: SimState, tick: number, withOrders: boolean): void {
  if (withOrders && tick === 30) applyCommand(state, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 100 });
  if (withOrders && tick === 120) applyCommand(state, { type: 'loginFlood', perSecond: 20_000, durationMin: 20 });
  step(state);
}

describe('caches beside the state', () => {
  it('two worlds stepped in turn end where each ends alone', () => {
    const sc = getScenario('dec-2010');
    const aloneA = createSim(sc, 1);
    const aloneB = createSim(sc, 2);
    for (let t = 0; t < TICKS; t++) advance(aloneA, t, false);
    for (let t = 0; t < TICKS; t++) advance(aloneB, t, true);
    const a = createSim(sc, 1);
    const b = createSim(sc, 2);
    for (let t = 0; t < TICKS; t++) {
      advance(b, t, true);
      advance(a, t, false);
    }
    expect(b.cohorts.length).toBeGreaterThan(a.cohorts.length); // the hotfix made new cohorts in b only
    expect(checksum(a)).toBe(checksum(aloneA));
    expect(checksum(b)).toBe(checksum(aloneB));
  });

  it('a world whose cohorts array is replaced (a restore in place) is indexed anew', () => {
    const sc = getScenario('dec-2010');
    const whole = createSim(sc, 4);
    for (let t = 0; t < TICKS; t++) advance(whole, t, true);
    const s = createSim(sc, 4);
    for (let t = 0; t < TICKS / 2; t++) advance(s, t, true);
    const copy = JSON.parse(JSON.stringify(s)) as SimState;
    Object.assign(s, copy); // same state object, new cohorts and cells arrays
    for (let t = TICKS / 2; t < TICKS; t++) advance(s, t, true);
    expect(checksum(s)).toBe(checksum(whole));
  });
});
