// The replay viewer in the session: open a .skyreplay (bad files refused, game untouched),
// seek, play with checksums checked on the way, stop at a divergence, take over.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checksum, getScenario, historicalActions } from '../../src/sim/index';
import { Replayer, checkReplayBounds, recordScripted, verify, type Recording } from '../../src/replay/index';
import { decodeReplay, encodeReplay } from '../../src/replay/node';
import { ReplayPlayback } from '../../src/main/session/replay-playback';
import type { SimSession } from '../../src/main/session/sim-session';
import type { ReplayView } from '../../src/shared/drill-contract';
import { GOLDEN } from '../replay/helpers';
import { drillOf, drillsDir, session } from './helpers';

const golden = readFileSync(GOLDEN);
const goldenRec = decodeReplay(golden, 'golden');
const open = (s: SimSession, bytes: Uint8Array, fileName = 'golden.skyreplay') => s.replayAct({ act: 'open', fileName, dataBase64: Buffer.from(bytes).toString('base64') });
const replayView = (s: SimSession): ReplayView => s.fullFrame().mode!.replay!;

describe('replay mode', () => {
  it('opens a replay, seeks and plays it, and closes back to the game underneath', () => {
    const s = session({ seed: 3 });
    s.step(10);
    const game = s.checksum();
    expect(open(s, golden)).toEqual({ ok: true });
    expect(s.mode).toBe('replay');
    const first = s.nextFrame()!;
    expect(first.full).toBe(true);
    expect(first.mode!.replay).toMatchObject({ fileName: 'golden.skyreplay', tick: 0, endTick: goldenRec.endTick, playing: false, speed: 60, error: null });
    expect(first.mode!.replay!.timeline).toHaveLength(goldenRec.commands.length);
    expect(first.mode!.replay!.timeline![0]).toEqual({ tick: goldenRec.commands[0].tick, source: 'script', text: expect.any(String) });
    expect(first.status).toMatchObject({ scenarioId: 'dec-2010', paused: true });
    // The timeline is sent once: later frames carry the playhead only; a screen that joins gets it whole.
    s.replayAct({ act: 'seek', tick: 100 });
    const later = s.nextFrame()!;
    expect(later.mode!.replay).toMatchObject({ tick: 100, timelineId: first.mode!.replay!.timelineId });
    expect(later.mode!.replay!.timeline).toBeUndefined();
    expect(later.mode!.replay!.marks).toBeUndefined();
    expect(s.fullFrame().mode!.replay!.timeline).toHaveLength(goldenRec.commands.length);

    const ref = new Replayer(goldenRec);
    // Past what the background pass has built, a seek waits for it: the playhead stays put, every
    // screen is told where it is going, and it lands once the pass gets there (here: the next
    // clock interval, as this test's clock lets the pass run to the end at once).
    expect(s.replayAct({ act: 'seek', tick: 2000 })).toEqual({ ok: true });
    expect(replayView(s)).toMatchObject({ tick: 100, seekingTo: 2000, builtTo: 0 });
    s.nextFrame();
    s.advance(33);
    expect(s.nextFrame()!.view.tick, 'the frame after it lands shows where it landed').toBe(2000);
    expect(replayView(s)).toMatchObject({ tick: 2000, seekingTo: null, builtTo: 1800 }); // the pass stopped at the seek's hour: it goes on in later intervals
    expect(s.state.tick).toBe(2000);
    expect(s.checksum()).toBe(ref.checksumAt(2000));
    expect(s.replayAct({ act: 'seek', tick: goldenRec.endTick + 1 })).toMatchObject({ ok: false, error: { code: 'out-of-range', field: 'act.tick' } });
    expect(s.applyCommand({ type: 'setGroupVideo', enabled: false }, 'instructor')).toMatchObject({ ok: false, error: { code: 'not-allowed-now' } });

    expect(s.replayAct({ act: 'speed', speed: 3600 })).toEqual({ ok: true });
    expect(s.replayAct({ act: 'play' })).toEqual({ ok: true });
    s.advance(1000); // 360 ticks at 3600x, capped at 60 per advance
    expect(s.state.tick).toBe(2060);
    expect(s.checksum()).toBe(ref.checksumAt(2060));
    expect(s.status.paused).toBe(false);
    expect(s.control({ action: 'pause' }, 'trainee')).toEqual({ ok: true }); // the clock controls drive the playhead
    expect(replayView(s).playing).toBe(false);

    expect(s.replayAct({ act: 'close' })).toEqual({ ok: true });
    expect(s.mode).toBe('free');
    expect(s.checksum()).toBe(game);
    expect(s.replayAct({ act: 'play' })).toMatchObject({ ok: false, error: { code: 'not-allowed-now' } });
  });

  it('refuses truncated, corrupt, tampered and newer files by name and leaves the game as it was', () => {
    const s = session({ seed: 4 });
    s.step(5);
    const before = s.checksum();
    const newer = encodeReplay({ ...goldenRec, formatVersion: 99 } as Recording);
    const otherScenario = encodeReplay({ ...goldenRec, scenarioHash: '0123456789abcdef' });
    const cases: [Uint8Array, RegExp][] = [
      [golden.subarray(0, golden.length >> 1), /broken\.skyreplay.*truncated/],
      [Buffer.from('not a replay at all, just text'), /not a \.skyreplay/],
      [newer, /newer Supernode Storm/],
      [otherScenario, /scenarioHash/],
    ];
    for (const [bytes, why] of cases) {
      const r = open(s, bytes, 'broken.skyreplay');
      expect(r).toMatchObject({ ok: false, error: { code: 'wrong-type', field: 'act.dataBase64' } });
      if (!r.ok) expect(r.error.message).toMatch(why);
    }
    expect(s.mode).toBe('free');
    expect(s.checksum()).toBe(before);
  });

  it('stops at the first tick whose checksum disagrees, and names it', () => {
    const bad = structuredClone(goldenRec);
    const k = 4;
    bad.checksums[k].checksum = '0123456789abcdef';
    const tick = bad.checksums[k].tick;
    const s = session();
    expect(open(s, encodeReplay(bad), 'edited.skyreplay')).toEqual({ ok: true });
    s.replayAct({ act: 'seek', tick: tick - 30 });
    s.replayAct({ act: 'speed', speed: 7200 });
    s.replayAct({ act: 'play' });
    for (let i = 0; i < 10; i++) s.advance(1000);
    const v = replayView(s);
    expect(v.playing).toBe(false);
    expect(v.tick).toBe(tick);
    expect(v.error).toMatch(new RegExp(`^checksum diverged at tick ${tick} `));
    expect(s.replayAct({ act: 'play' })).toMatchObject({ ok: false, error: { code: 'not-allowed-now' } });
    expect(s.replayAct({ act: 'takeOver', tick: tick + 10 })).toMatchObject({ ok: false, error: { message: expect.stringContaining(`diverged at tick ${tick}`) } });

    // Seeking past it stops there too; seeking back before it clears the error.
    expect(s.replayAct({ act: 'seek', tick: tick + 500 })).toEqual({ ok: true });
    expect(replayView(s)).toMatchObject({ tick, error: expect.stringContaining(`tick ${tick}`) });
    s.replayAct({ act: 'seek', tick: tick - 1 });
    expect(replayView(s).error).toBeNull();
  });

  it('takes over at any tick: a new free game from that exact state, recorded as a branch', () => {
    const s = session();
    open(s, golden);
    const ref = new Replayer(goldenRec);
    expect(s.replayAct({ act: 'takeOver', tick: 1500 })).toEqual({ ok: true });
    expect(s.mode).toBe('free');
    expect(s.state.tick).toBe(1500);
    expect(s.checksum()).toBe(ref.checksumAt(1500));
    const rec = s.recording();
    expect(rec.branchedFrom).toMatchObject({ tick: 1500 });
    expect(rec.commands).toEqual(goldenRec.commands.filter((c) => c.tick <= 1500));
    expect(s.applyCommand({ type: 'throttleLogins', perSecond: 3000 }, 'trainee')).toEqual({ ok: true });
    s.step(60);
    const branch = s.recording();
    expect(branch.endTick).toBe(1860);
    expect(verify(branch)).toEqual({ ok: true, finalChecksum: s.checksum() });
  });

  it('takes over a drill replay as that drill, picking up its injects and score', () => {
    const drills = drillsDir();
    const a = session({ drillsDir: drills });
    a.instructor({ act: 'startDrill', drillId: 'small', checkMode: false });
    a.step(20);
    a.applyCommand({ type: 'deployMegaSupernodes', count: 5, region: 'europe', source: 'cloud' }, 'trainee');
    a.step(40);
    const s = session({ drillsDir: drills });
    expect(open(s, encodeReplay(a.recording()), 'drill.skyreplay')).toEqual({ ok: true });
    expect(s.replayAct({ act: 'takeOver', tick: 240 })).toEqual({ ok: true }); // minute 40
    expect(s.mode).toBe('drill');
    expect(s.recording()).toMatchObject({ drillId: 'small', branchedFrom: { tick: 240 } });
    const d = drillOf(s.nextFrame());
    expect(d).toMatchObject({ drillId: 'small', ended: false, simMinutesLeft: 80 });
    s.step(20);
    const fired = s.recording().commands.filter((c) => c.injectId === 'crash-at-30');
    expect(fired).toHaveLength(1); // fired before the take-over, not again after it
  });

  // How fast a seek is belongs to the benchmark (npm run bench:replay); here: it lands, and
  // where it lands does not depend on where it came from.
  it('seeks anywhere in a 48-hour replay, to the same state from any direction', () => {
    const rec = recordScripted({ scenario: getScenario('dec-2010'), seed: 1, actions: historicalActions(), endTick: 48 * 360, createdAt: '2025-01-01T00:00:00Z' });
    const p = new ReplayPlayback('48h.skyreplay', rec);
    p.buildAll();
    const seen = new Map<number, string>();
    const order = Array.from({ length: 25 }, (_, i) => i);
    for (const i of [...order, ...order.reverse()]) {
      const tick = Math.floor(((i * 7919) % 25) / 25 * rec.endTick) + i;
      expect(p.seek(tick)).toEqual({ ok: true });
      expect(p.tick).toBe(tick);
      const sum = checksum(p.shown);
      expect(seen.get(tick) ?? sum).toBe(sum);
      seen.set(tick, sum);
    }
    p.seek(rec.endTick);
    expect(checksum(p.shown)).toBe(rec.finalChecksum);
  }, 300_000); // two full 48-hour re-simulations: minutes on a busy machine

  it('refuses a replay past the host\'s bounds before simulating anything (issue 11, item 4)', () => {
    const s = session({ seed: 3 });
    const before = s.checksum();
    const many = { ...goldenRec, commands: Array.from({ length: 10_001 }, () => ({ ...goldenRec.commands[0] })) };
    const long = { ...goldenRec, endTick: 97 * 360 };
    for (const [rec, field] of [[many, 'commands'], [long, 'endTick']] as const) {
      expect(() => checkReplayBounds(rec, 'big.skyreplay')).toThrow(new RegExp(`big.skyreplay: ${field} `));
      expect(s.replayAct({ act: 'open', fileName: 'big.skyreplay', dataBase64: Buffer.from(encodeReplay(rec)).toString('base64') })).toMatchObject({ ok: false });
    }
    expect(s.mode).toBe('free');
    expect(s.checksum()).toBe(before);
  });
});
