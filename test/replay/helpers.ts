// Shared helpers for replay tests: small recordings made in-process, and a seeded PRNG.
import { getScenario, historicalActions, type TimedCommand } from '../../src/sim/index';
import { recordScripted, type Recording } from '../../src/replay/index';

export const CREATED = '2025-01-01T00:00:00Z';
export const GOLDEN = 'test/fixtures/dec-2010-historical-12h.skyreplay';
/** The golden replay's final checksum; changes only when the sim's rules change (bump SIM_VERSION then). */
export const GOLDEN_CHECKSUM = '1d2a2678e974ee24';

export function record(id: string, hours: number, actions: TimedCommand[] | 'historical' = [], opts: { seed?: number; checksumEveryTicks?: number } = {}): Recording {
  return recordScripted({
    scenario: getScenario(id),
    seed: opts.seed ?? 1,
    actions: actions === 'historical' ? historicalActions() : actions,
    endTick: Math.round(hours * 360),
    createdAt: CREATED,
    checksumEveryTicks: opts.checksumEveryTicks,
  });
}

/** mulberry32: a tiny seeded PRNG so "random" test cases are the same every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
