// SimSession's clock: pause, speed, the catch-up cap, the end of a scenario, commands.
import { describe, expect, it } from 'vitest';
import { SCENARIO_LIST } from '../../src/sim/index';
import type { Command } from '../../src/sim/commands';
import { SimSession, TICK_MS } from '../../src/main/session/sim-session';

/** A hand-wound clock: tests advance it, nothing reads the real time. */
function fakeClock(msPerRead = 0) {
  let t = 0;
  return { now: () => (t += msPerRead), set: (v: number) => (t = v) };
}

const tickOf = (s: SimSession) => s.view().tick;

describe('SimSession clock', () => {
  it('does not move while paused, and moves again on resume', () => {
    const s = new SimSession({ seed: 7, speed: 60, paused: true, now: fakeClock().now });
    const before = s.checksum();
    expect(s.advance(5_000)).toEqual({ ticks: 0, dropped: 0 });
    expect(s.checksum()).toBe(before);
    expect(s.resume()).toEqual({ ok: true });
    // 1 real second at speed 60 = 60 sim-seconds = 6 ticks of 10 s.
    expect(s.advance(1_000).ticks).toBe(6);
    expect(tickOf(s)).toBe(6);
    expect(s.checksum()).not.toBe(before);
  });

  it('turns real time x speed into whole ticks and carries the fraction', () => {
    const s = new SimSession({ seed: 7, speed: 1, now: fakeClock().now });
    expect(s.advance(6_000).ticks).toBe(0); // 6 sim-seconds: not a whole tick yet
    expect(s.advance(6_000).ticks).toBe(1); // 12 sim-seconds owed: one tick, 2 s carried
    expect(s.advance(8_000).ticks).toBe(1);
    expect(tickOf(s)).toBe(2);
  });

  it('runs faster at a higher speed', () => {
    const slow = new SimSession({ seed: 3, speed: 60, now: fakeClock().now });
    const fast = new SimSession({ seed: 3, speed: 300, now: fakeClock().now });
    slow.advance(1_000);
    fast.advance(1_000);
    expect(tickOf(slow)).toBe(6);
    expect(tickOf(fast)).toBe(30);
  });

  it('caps catch-up per call and drops the backlog instead of queueing it', () => {
    const s = new SimSession({ seed: 1, speed: 3600, maxTicksPerAdvance: 20, now: fakeClock().now });
    // A 2 s stall at 3600x owes 720 ticks; only 20 run.
    expect(s.advance(2_000)).toEqual({ ticks: 20, dropped: 700 });
    // 1 ms later at 3600x owes 3.6 sim-seconds: under a tick, so the 700 are really gone.
    expect(s.advance(1).ticks).toBe(0);
    expect(tickOf(s)).toBe(20);
  });

  it('stops catching up when the CPU budget is spent', () => {
    // Each read of the clock moves it 10 ms: the 25 ms budget is spent after 3 ticks.
    const s = new SimSession({ seed: 1, speed: 3600, budgetMs: 25, now: fakeClock(10).now });
    const r = s.advance(1_000);
    expect(r.ticks).toBe(3);
    expect(r.ticks + r.dropped).toBe(Math.floor((1_000 * 3600) / TICK_MS));
  });

  it('accepts only the listed speeds', () => {
    const s = new SimSession({ speed: 60, now: fakeClock().now });
    expect(s.setSpeed(7200)).toEqual({ ok: true });
    expect(s.status.speed).toBe(7200);
    const bad = s.setSpeed(42);
    expect(bad.ok).toBe(false);
    expect(s.status.speed).toBe(7200);
    expect(() => new SimSession({ speed: 5 })).toThrow(/speed/);
  });

  it('pauses and marks the game ended at the end of the scenario', () => {
    const shortest = SCENARIO_LIST.map((sc) => new SimSession({ scenarioId: sc.id, paused: true }))
      .sort((a, b) => a.status.endMinute - b.status.endMinute)[0];
    const s = new SimSession({ scenarioId: shortest.status.scenarioId, speed: 7200 });
    const end = s.status.endMinute;
    expect(s.step(end + 60)).toEqual({ ok: true });
    expect(s.minute()).toBeGreaterThanOrEqual(end);
    expect(s.minute()).toBeLessThan(end + 1); // stopped at the end, not an hour past it
    expect(s.status).toMatchObject({ ended: true, paused: true });
    const sum = s.checksum();
    expect(s.resume().ok).toBe(false);
    expect(s.advance(10_000).ticks).toBe(0);
    expect(s.applyCommand({ type: 'setGroupVideo', enabled: false }).ok).toBe(false);
    expect(s.checksum()).toBe(sum);
    expect(s.newGame(s.status.scenarioId, 2)).toEqual({ ok: true });
    expect(s.status.ended).toBe(false);
    expect(s.minute()).toBe(0);
  });
});

describe('SimSession commands', () => {
  it('refuses a bad command without touching the state, and journals a good one', () => {
    const s = new SimSession({ seed: 11, paused: true });
    s.step(5);
    const before = s.checksum();
    const bad = s.applyCommand({ type: 'deployMegaSupernodes', count: -3, region: 'europe', source: 'cloud' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'out-of-range', field: 'count' } });
    expect(s.applyCommand({ type: 'launchMissiles' } as unknown as Command).ok).toBe(false); // a host validates first; the session still refuses
    expect(s.checksum()).toBe(before);
    expect(s.journal()).toEqual([]);

    const cmd = { type: 'throttleLogins', perSecond: 5000, region: 'europe' } as const;
    expect(s.applyCommand(cmd)).toEqual({ ok: true });
    expect(s.checksum()).not.toBe(before);
    expect(s.journal()).toEqual([{ atMinute: 5, command: cmd }]);
  });

  it('replays: same scenario, seed and journal give the same checksum', () => {
    const play = () => {
      const s = new SimSession({ seed: 99, paused: true });
      s.step(10);
      s.applyCommand({ type: 'supernodeCrash', fraction: 0.3 });
      s.step(20);
      return s.checksum();
    };
    expect(play()).toBe(play());
  });

  it('refuses an unknown scenario by name and keeps the current game', () => {
    const s = new SimSession({ scenarioId: 'dec-2010', seed: 5, paused: true });
    s.step(3);
    const before = s.checksum();
    const r = s.newGame('dec-2099', 1);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/dec-2099/);
    expect(s.checksum()).toBe(before);
    expect(s.status.scenarioId).toBe('dec-2010');
  });
});
