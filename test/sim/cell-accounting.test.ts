// A cell's books must balance through a whole collapse: every attached client sits on exactly
// one class of its nodes, and every seeker is tried once a tick. Both once drifted: the shares
// of a cell that shed nearly all its clients were scaled up by the rounding left in them (a
// class came to carry 22 times the cell's clients), and seekers who failed in one cell were
// tried again in the next cell in the same tick.
import { describe, expect, it } from 'vitest';
import { createSim, step, type Scenario } from '../../src/sim/index';
import { edited } from './helpers';
import { TICKS_PER_HOUR, TICKS_PER_MINUTE } from '../../src/sim/time';

const dec2010 = (edit?: (s: Scenario) => void): Scenario => edited('dec-2010', edit);

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

/** The worst share error seen at each hour's end over `hours` hours of a run. */
function worstOver(state: ReturnType<typeof createSim>, hours: number): number {
  let worst = 0;
  for (let h = 0; h < hours; h++) {
    for (let t = 0; t < TICKS_PER_HOUR; t++) step(state);
    worst = Math.max(worst, worstShareError(state));
  }
  return worst;
}

describe("a cell's clients through the collapse", () => {
  it('sit on its nodes exactly once, hour after hour, with nothing done for a day', () => {
    expect(worstOver(createSim(dec2010(), 1), 24)).toBeLessThan(1e-9);
  });

  it('sit on its nodes exactly once when overloaded nodes shut down at once', () => {
    const state = createSim(dec2010((s) => (s.supernodes.overloadShutdownMin = 0)), 3);
    expect(worstOver(state, 8)).toBeLessThan(1e-9);
  });
});

describe('seekers who fail in one cell', () => {
  it('try a neighbouring cell on their next try, not again in the same tick', () => {
    // Mid-collapse, some cells have nobody left to take their seekers and others still do.
    const state = createSim(dec2010(), 1);
    for (let t = 0; t < 90 * TICKS_PER_MINUTE; t++) step(state);
    /** The world `ticks` ticks on, with failed seekers overflowing at `overflowShare`. */
    const after = (overflowShare: number, ticks: number) => {
      const copy = structuredClone(state);
      copy.scenario.supernodes.overflowShare = overflowShare;
      for (let t = 0; t < ticks; t++) step(copy);
      return copy.last;
    };
    const none = after(0, 1);
    const half = after(0.5, 1);
    expect(none.probes).toBeGreaterThan(0);
    // Overflow only moves who waits where: this tick's traffic to supernodes is the same.
    expect(half.probes).toBe(none.probes);
    expect(half.regionPeerProbes).toEqual(none.regionPeerProbes);
    // ...and the tick after, the neighbours feel it.
    expect(after(0.5, 2).probes).not.toBe(after(0, 2).probes);
  });
});
