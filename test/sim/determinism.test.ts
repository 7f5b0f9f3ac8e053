import { describe, expect, it } from 'vitest';
import { applyCommand, checksum, createSim, getScenario, snapshot, step, historicalActions } from '../../src/sim/index';
import type { SimState } from '../../src/sim/state';

function runTicks(state: SimState, from: number, to: number) {
  const acts = historicalActions();
  for (let t = from; t < to; t++) {
    for (const a of acts) if (Math.round(a.atMinute * 6) === t) applyCommand(state, a.command);
    step(state);
  }
}

describe('determinism', () => {
  const sc = getScenario('dec-2010');
  const TICKS = 6 * 60 * 16; // 16 sim-hours: crash wave, collapse, the first mega-supernodes

  it('the same scenario, seed and commands give the same checksum', () => {
    const a = createSim(sc, 7);
    const b = createSim(sc, 7);
    runTicks(a, 0, TICKS);
    runTicks(b, 0, TICKS);
    expect(checksum(a)).toBe(checksum(b));
  });

  it('a run restored from a mid-run snapshot ends where an unbroken run ends', () => {
    const whole = createSim(sc, 3);
    runTicks(whole, 0, TICKS);
    const first = createSim(sc, 3);
    runTicks(first, 0, TICKS / 2);
    const saved = JSON.parse(JSON.stringify(snapshot(first))) as SimState; // as it would be on disk
    runTicks(saved, TICKS / 2, TICKS);
    expect(checksum(saved)).toBe(checksum(whole));
  });

  it('a different seed gives a different world', () => {
    const a = createSim(sc, 1);
    const b = createSim(sc, 2);
    runTicks(a, 0, 600);
    runTicks(b, 0, 600);
    expect(checksum(a)).not.toBe(checksum(b));
  });

  it('state stays plain data after every kind of command', () => {
    const s = createSim(sc, 1);
    runTicks(s, 0, 900);
    applyCommand(s, { type: 'loginFlood', perSecond: 5000, durationMin: 30 });
    applyCommand(s, { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 50 });
    runTicks(s, 900, 1200);
    const copy = JSON.parse(JSON.stringify(s));
    expect(copy).toEqual(s);
  });
});
