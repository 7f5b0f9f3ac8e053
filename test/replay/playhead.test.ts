// The one playhead: when a command lands, and that every way of moving a game (the sim
// CLI, a recorded script, a replay) lands it at the same point. On the tiny scenario.
import { describe, expect, it } from 'vitest';
import { checksum, createSim, viewOf, TICK_SECONDS, type Command } from '../../src/sim/index';
import { runScenario } from '../../src/cli/run';
import { Playhead, Replayer, recordScripted, stampAll, tickOfMinute, verify } from '../../src/replay/index';
import { tinyScenario } from '../fixtures/tiny';

const tiny = tinyScenario();
const throttle = (perSecond: number): Command => ({ type: 'throttleLogins', perSecond });

describe('Playhead', () => {
  it('lands a command at the first tick at or after its minute', () => {
    expect(tickOfMinute(0)).toBe(0);
    expect(tickOfMinute(1)).toBe(60 / TICK_SECONDS);
    expect(tickOfMinute(1.01)).toBe(60 / TICK_SECONDS + 1);
    expect(tickOfMinute(0.1)).toBe(1); // 6 s: the first 10-s tick after it
    for (const m of [0.05, 0.1, 0.5, 7 / 3, 600.0000001]) {
      const t = tickOfMinute(m);
      expect(m * 60 <= t * TICK_SECONDS && m * 60 > (t - 1) * TICK_SECONDS).toBe(true);
    }
  });

  it('stamps a minute too far for any game (1e300, Infinity-sized) on a tick past every end, at once', () => {
    // Past 2^53 ticks t - 1 === t: the rounding mend looped for ever (a replay's embedded
    // scenario may carry such a historical response; its debrief hung, as did npm run sim --actions).
    for (const m of [1e17, 1e300, Number.MAX_VALUE]) expect(tickOfMinute(m)).toBeGreaterThan(14 * 24 * 60 * 6);
    expect(stampAll([{ atMinute: 1e300, command: throttle(50) }], 'script')[0].tick).toBeGreaterThan(14 * 24 * 60 * 6);
    const head = new Playhead(createSim(tiny, 1), stampAll([{ atMinute: 1e300, command: throttle(50) }], 'script'), 0, {});
    head.runTo(6); // never due: the run goes on without it
    expect(head.state.tick).toBe(6);
  });

  it('steps, tells `stepped` before the tick\'s commands and `settled` after them', () => {
    const seen: string[] = [];
    const head = new Playhead(createSim(tiny, 1), [{ tick: 2, command: throttle(50) }], 0, {
      stepped: (s) => seen.push(`stepped ${s.tick}`),
      landed: (c, res, s) => seen.push(`landed ${c.command.type} ${res.ok} at ${s.tick}`),
      settled: (s) => seen.push(`settled ${s.tick}`),
    });
    head.runTo(3);
    expect(seen).toEqual(['settled 0', 'stepped 1', 'settled 1', 'stepped 2', 'landed throttleLogins true at 2', 'settled 2', 'stepped 3', 'settled 3']);
    expect(head.next).toBe(1);
  });

  it('follows a new script from where it stands, skipping what is already past', () => {
    const head = new Playhead(createSim(tiny, 1));
    head.runTo(5);
    head.follow([{ tick: 4, command: throttle(10) }, { tick: 6, command: throttle(20) }]);
    expect(head.next).toBe(1);
    head.runTo(6);
    expect(head.next).toBe(2);
  });

  it('gives the same game to npm run sim, a recorded script and its replay', () => {
    const actions = [{ atMinute: 40, command: throttle(30) }, { atMinute: 40.05, command: throttle(null as unknown as number) }];
    const rows: number[] = [];
    const cli = runScenario(tiny, 7, actions, 2, 30, (r) => rows.push(r.minute));
    expect(rows).toEqual([0, 30, 60, 90, 120]);
    const rec = recordScripted({ scenario: tiny, seed: 7, actions, endTick: 2 * 360, createdAt: '2025-01-01T00:00:00Z' });
    expect(rec.commands.map((c) => c.tick)).toEqual([240, 241]);
    expect(rec.finalChecksum).toBe(checksum(cli));
    expect(verify(rec)).toEqual({ ok: true, finalChecksum: rec.finalChecksum });
    expect(new Replayer(rec).checksumAt(240)).not.toBe(new Replayer({ ...rec, commands: [] }).checksumAt(240));
    expect(viewOf(cli).metrics.wantOnline).toBeLessThan(10_000);
  });

  it('stamps timed commands in minute order, ties in file order', () => {
    const s = stampAll([{ atMinute: 5, command: throttle(1) }, { atMinute: 1, command: throttle(2) }, { atMinute: 5, command: throttle(3) }], 'script');
    expect(s.map((c) => [c.tick, (c.command as { perSecond: number }).perSecond, c.order])).toEqual([[6, 2, 0], [30, 1, 1], [30, 3, 2]]);
  });
});
