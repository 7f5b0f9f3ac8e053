// Seeking, taking over and catching divergence. The reference is always a straight run. The
// replayer does not care how big the world is: the tiny scenario (test/fixtures/tiny-scenario.json)
// with a few orders of each kind, 6 sim-hours, is the game these tests replay.
import { describe, expect, it } from 'vitest';
import { applyCommand, checksum, createSim, getScenario, step } from '../../src/sim/index';
import { Recorder, Replayer, branchAt, recordScripted, verify, recordingHash, type Recording } from '../../src/replay/index';
import { tinyScenario } from '../fixtures/tiny';
import { CREATED, prng } from './helpers';

/** Checksums of a plain replay loop at the given ticks (after that tick's commands). */
function straight(rec: Recording, ticks: number[]): Map<number, string> {
  const want = new Set(ticks);
  const out = new Map<number, string>();
  const s = createSim(rec.scenario, rec.seed);
  let i = 0;
  for (let t = 0; t <= Math.max(...ticks); t++) {
    while (i < rec.commands.length && rec.commands[i].tick === t) expect(applyCommand(s, rec.commands[i++].command).ok).toBe(true);
    if (want.has(t)) out.set(t, checksum(s));
    step(s);
  }
  return out;
}

describe('Replayer', () => {
  const rec = recordScripted({ scenario: tinyScenario(), seed: 1, createdAt: CREATED, endTick: 6 * 360, checksumEveryTicks: 120, actions: [
    { atMinute: 30, command: { type: 'throttleLogins', perSecond: 50 } },
    { atMinute: 60, command: { type: 'deployMegaSupernodes', count: 5, region: 'europe', source: 'dedicated' } },
    { atMinute: 90, command: { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 20 } },
    { atMinute: 120, command: { type: 'setOfflineImService', enabled: false } },
    { atMinute: 180, command: { type: 'throttleLogins', perSecond: null } },
    { atMinute: 240, command: { type: 'deployMegaSupernodes', count: 5, region: 'europe', source: 'cloud' } },
  ] });

  it('stateAt(t) equals a straight run to t, for random t, in any order', () => {
    const rand = prng(42);
    const ticks = [0, 1, 359, 360, 361, 719, 720, rec.endTick, ...Array.from({ length: 12 }, () => Math.floor(rand() * (rec.endTick + 1)))];
    const ref = straight(rec, ticks);
    const r = new Replayer(rec, { keyframeEvery: 97 });
    expect(r.buildKeyframes().ok).toBe(true);
    for (const t of ticks) expect(r.checksumAt(t), `tick ${t}`).toBe(ref.get(t));
    // A fresh replayer seeking forward lazily (keyframes built on the way) gives the same.
    const lazy = new Replayer(rec);
    for (const t of [...ticks].sort((a, b) => b - a)) expect(lazy.checksumAt(t), `lazy tick ${t}`).toBe(ref.get(t));
  });

  it('hands out copies: changing a returned state does not change the replay', () => {
    const r = new Replayer(rec);
    const s = r.stateAt(500);
    const before = checksum(s);
    step(s);
    s.totals.userHoursLost = -1;
    expect(r.checksumAt(500)).toBe(before);
  });

  it('builds keyframes in slices a host can spread over idle time', () => {
    const r = new Replayer(rec);
    const g = r.keyframeBuilder(500);
    const seen: number[] = [];
    let res = g.next();
    while (!res.done) {
      seen.push(res.value);
      res = g.next();
    }
    expect(res.value).toEqual({ ok: true, finalChecksum: rec.finalChecksum });
    expect(seen[0]).toBe(500);
    expect(seen.at(-1)).toBe(rec.endTick);
    expect(r.builtTo).toBe(rec.endTick);
  });

  it('a take-over branch replays to exactly the state it was cut at, and can be continued', () => {
    const r = new Replayer(rec);
    const cut = 1000;
    const branch = branchAt(rec, cut, r);
    expect(branch.endTick).toBe(cut);
    expect(branch.branchedFrom).toEqual({ replayHash: recordingHash(rec), tick: cut });
    expect(branch.commands.every((c) => c.tick <= cut)).toBe(true);
    expect(verify(branch)).toEqual({ ok: true, finalChecksum: r.checksumAt(cut) });

    // The trainee takes over: continue from the branch's state with a different order.
    const state = new Replayer(branch).stateAt(cut);
    const rc = Recorder.continueFrom(branch, '2025-02-02T00:00:00Z');
    expect(rc.apply(state, 'trainee', { type: 'deployMegaSupernodes', count: 300, region: 'europe', source: 'cloud' }).ok).toBe(true);
    for (let i = 0; i < 400; i++) {
      step(state);
      rc.onTick(state);
    }
    const taken = rc.finish(state);
    expect(taken.branchedFrom).toEqual(branch.branchedFrom);
    expect(taken.commands.at(-1)).toMatchObject({ tick: cut, source: 'trainee' });
    expect(verify(taken)).toEqual({ ok: true, finalChecksum: checksum(state) });
    expect(taken.finalChecksum).not.toBe(new Replayer(rec).checksumAt(cut + 400));
  });

  it('names the first checksum tick where a re-simulation diverges', () => {
    const bad = structuredClone(rec);
    bad.checksums[5].checksum = '0123456789abcdef';
    expect(verify(bad)).toMatchObject({ ok: false, tick: bad.checksums[5].tick, expected: '0123456789abcdef', reason: 'checksum' });

    // A changed order (still a valid command) shows up at the next checksum after it.
    const edited = structuredClone(rec);
    const i = edited.commands.findIndex((c) => c.command.type === 'deployMegaSupernodes');
    (edited.commands[i].command as { count: number }).count += 1;
    const res = verify(edited);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.tick).toBe(edited.checksums.find((c) => c.tick > edited.commands[i].tick)!.tick);
      expect(res.expected).toBe(rec.checksums.find((c) => c.tick === res.tick)!.checksum);
    }
  });

  it('reports a recorded command the sim now refuses', () => {
    const bad = structuredClone(rec);
    // Early, so verify stops there rather than after the whole replay.
    const tick = 5;
    bad.commands.unshift({ tick, source: 'trainee', command: { type: 'deployMegaSupernodes', count: 20000, region: 'europe', source: 'dedicated' } });
    const res = verify(bad);
    expect(res).toMatchObject({ ok: false, tick, reason: 'refused' });
    if (!res.ok) expect(res.actual).toMatch(/refused: count: only/);
  });

  it('rejects seeks outside the replay', () => {
    const r = new Replayer(rec);
    expect(() => r.stateAt(-1)).toThrow(RangeError);
    expect(() => r.stateAt(rec.endTick + 1)).toThrow(/0 to 2160/);
    expect(() => r.stateAt(1.5)).toThrow(RangeError);
  });
});

describe('Recorder', () => {
  it('records accepted commands only (a refused order as a mark), checksums every N ticks, and refuses going back in time', () => {
    const sc = getScenario('normal-day');
    const s = createSim(sc, 3);
    const rc = new Recorder({ scenario: sc, seed: 3, createdAt: CREATED, checksumEveryTicks: 10 });
    for (let t = 0; t < 25; t++) {
      rc.onTick(s);
      if (t === 4) {
        expect(rc.apply(s, 'trainee', { type: 'deployMegaSupernodes', count: 999999, region: 'europe', source: 'cloud' }).ok).toBe(false);
        expect(rc.apply(s, 'trainee', { type: 'throttleLogins', perSecond: 900 }).ok).toBe(true);
        rc.mark(t, 'bookmark', 'throttle on');
      }
      step(s);
    }
    const r = rc.finish(s);
    expect(r.commands).toEqual([{ tick: 4, source: 'trainee', command: { type: 'throttleLogins', perSecond: 900 } }]);
    expect(r.checksums.map((c) => c.tick)).toEqual([0, 10, 20]);
    // The refused order is no command (nothing happened) but the debrief still shows it, with the reason.
    expect(r.marks).toEqual([
      { tick: 4, kind: 'refused', text: expect.stringMatching(/^deployMegaSupernodes: "count" must be .*999999/) },
      { tick: 4, kind: 'bookmark', text: 'throttle on' },
    ]);
    expect(r.endTick).toBe(25);
    expect(verify(r).ok).toBe(true);
    expect(() => rc.record(3, 'trainee', { type: 'setGroupVideo', enabled: false })).toThrow(/before tick 25/);
  });
});
