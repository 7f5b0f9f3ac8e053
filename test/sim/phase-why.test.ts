// The view says why the phase is what it is (phaseWhy), by the lines alarms.ts's phaseOf draws
// (its exported constants, so the test follows them if they move):
// every phase but calm has a reason, and each reason it gives is true of the state.
import { describe, expect, it } from 'vitest';
import { applyCommand, createSim, getScenario, historicalFor, step, viewOf, type SimView, type TimedCommand } from '../../src/sim/index';
import { CASCADE_ONLINE, CASCADE_SUPERNODES, DEGRADED_ONLINE } from '../../src/sim/alarms';
import type { SimState } from '../../src/sim/state';

/** Runs `hours`, applying `acts` at their minute, and checks the view every 5 sim-minutes. */
function check(s: SimState, hours: number, acts: TimedCommand[] = []): Set<SimView['phase']> {
  const seen = new Set<SimView['phase']>();
  const due = [...acts].sort((x, y) => x.atMinute - y.atMinute);
  while (s.tick < hours * 360) {
    for (let i = 0; i < 30; i++) {
      while (due.length && due[0].atMinute * 6 <= s.tick) expect(applyCommand(s, due.shift()!.command).ok).toBe(true);
      step(s);
    }
    const v = viewOf(s);
    const why = v.phaseWhy;
    seen.add(v.phase);
    const online = v.metrics.onlineUsers / v.metrics.wantOnline;
    if (v.phase === 'calm') expect(why.reasons).toEqual([]);
    else expect(why.reasons.length, `${v.phase} at minute ${v.minute}`).toBeGreaterThan(0);
    for (const r of why.reasons) {
      if (r === 'supernodes') expect(why.supernodeShare).toBeLessThan(CASCADE_SUPERNODES);
      if (r === 'online' && (v.phase === 'cascade' || v.phase === 'degraded')) expect(online).toBeLessThan(v.phase === 'cascade' ? CASCADE_ONLINE : DEGRADED_ONLINE);
      if (r === 'login') expect(s.alarms.loginOverloaded).toBe(true);
      if (r === 'offlineIm') expect(s.alarms.imOverloaded).toBe(true);
    }
  }
  return seen;
}

describe('why the phase is what it is', () => {
  it('names a measured reason for every phase of a collapse left alone (dec-2010, 30 h)', () => {
    const seen = check(createSim(getScenario('dec-2010'), 1), 30);
    expect([...seen]).toEqual(expect.arrayContaining(['degraded', 'cascade', 'collapse']));
  });

  it('and of Skype\'s own response, which recovers (dec-2010, 40 h)', () => {
    const s = createSim(getScenario('dec-2010'), 1);
    const seen = check(s, 40, historicalFor(s.scenario) ?? []);
    expect([...seen]).toEqual(expect.arrayContaining(['cascade', 'collapse', 'recovering', 'calm']));
  });

  it('and of aug-2007 with a login flood on top', () => {
    const s = createSim(getScenario('aug-2007'), 1);
    expect(applyCommand(s, { type: 'loginFlood', perSecond: 500_000, durationMin: 120 }).ok).toBe(true);
    const seen = check(s, 12);
    expect(seen.has('degraded') || seen.has('cascade')).toBe(true);
  });
});
