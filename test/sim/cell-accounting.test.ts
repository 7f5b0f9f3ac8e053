// A cell's books must balance through a whole collapse: every attached client sits on exactly
// one class of its nodes, and every seeker is tried once a tick. Both once drifted: the shares
// of a cell that shed nearly all its clients were scaled up by the rounding left in them (a
// class came to carry 22 times the cell's clients), and seekers who failed in one cell were
// tried again in the next cell in the same tick.
import { describe, expect, it } from 'vitest';
import { createSim, getScenario, step, type Scenario } from '../../src/sim/index';

const dec2010 = (edit: (s: Scenario) => void = () => {}): Scenario => {
  const s = structuredClone(getScenario('dec-2010')) as Scenario;
  edit(s);
  return s;
};

/** The furthest any cell holding clients is from having them all on its nodes once (shares summing to 1). */
function worstShareError(state: ReturnType<typeof createSim>): number {
  let worst = 0;
  for (const cell of state.cells) {
    if (cell.peers < 1e-6) continue;
    let sum = 0;
    for (const x of cell.pool.clientShare) sum += x;
    worst = Math.max(worst, Math.abs(sum - 1));
  }
  return worst;
}

describe("a cell's clients through the collapse", () => {
  it('sit on its nodes exactly once, hour after hour, with nothing done for a day', () => {
    const state = createSim(dec2010(), 1);
    let worst = 0;
    for (let h = 0; h < 24; h++) {
      for (let t = 0; t < 360; t++) step(state);
      worst = Math.max(worst, worstShareError(state));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('sit on its nodes exactly once when overloaded nodes shut down at once', () => {
    const state = createSim(dec2010((s) => (s.supernodes.overloadShutdownMin = 0)), 3);
    let worst = 0;
    for (let h = 0; h < 8; h++) {
      for (let t = 0; t < 360; t++) step(state);
      worst = Math.max(worst, worstShareError(state));
    }
    expect(worst).toBeLessThan(1e-9);
  });
});

describe('seekers who fail in one cell', () => {
  it('try a neighbouring cell on their next try, not again in the same tick', () => {
    // Mid-collapse, some cells have nobody left to take their seekers and others still do.
    const state = createSim(dec2010(), 1);
    for (let t = 0; t < 90 * 6; t++) step(state);
    const traffic = (overflowShare: number) => {
      const copy = structuredClone(state);
      copy.scenario.supernodes.overflowShare = overflowShare;
      step(copy);
      return { probes: copy.last.probes, byRegion: [...copy.last.regionPeerProbes] };
    };
    const none = traffic(0);
    const half = traffic(0.5);
    expect(none.probes).toBeGreaterThan(0);
    // Overflow only moves who waits where: this tick's traffic to supernodes is the same.
    expect(half.probes).toBe(none.probes);
    expect(half.byRegion).toEqual(none.byRegion);
    // ...and the tick after, the neighbours feel it.
    const next = (overflowShare: number) => {
      const copy = structuredClone(state);
      copy.scenario.supernodes.overflowShare = overflowShare;
      step(copy);
      step(copy);
      return copy.last.probes;
    };
    expect(next(0.5)).not.toBe(next(0));
  });
});
