// Frames on the wire (shared/frame-wire.ts): a screen rebuilds exactly the host's view and
// status from the packed frames, and a replay's frames after the first stay under 2 KB.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Frame, SessionStatus, WireFrame } from '../../src/shared/contract';
import { HeldStatus, METRIC_FIELDS, REGION_FIELDS, SERVICE_FIELDS, fromWire, toWire } from '../../src/shared/frame-wire';
import { SimSession } from '../../src/main/session/sim-session';
import { FrameStore } from '../../src/renderer/bridge/frame-store';
import { GOLDEN } from '../replay/helpers';

const WIRE_LIMIT = 2 * 1024;
const bytes = (w: unknown) => Buffer.byteLength(JSON.stringify(w));

/** One screen at the end of the wire: the host's side packs, the screen's side unpacks into the renderer's FrameStore. */
function screen() {
  const held = new HeldStatus();
  const store = new FrameStore();
  let status: SessionStatus | null = null;
  const sent: WireFrame[] = [];
  return {
    store,
    sent,
    receive(f: Frame) {
      const w = structuredClone(toWire(f, held.needs(f)));
      sent.push(w);
      const whole = fromWire(w, status);
      status = whole.status;
      store.apply(whole);
    },
  };
}

describe('frames on the wire', () => {
  it('rebuild exactly the view and status the host has, and leave out a status that did not change', () => {
    const s = new SimSession({ seed: 4, paused: true });
    const sc = screen();
    sc.receive(s.nextFrame()!);
    expect(sc.sent[0].status).toEqual(s.status);
    for (let i = 0; i < 12; i++) {
      if (i === 2) {
        // Orders on their way (a mega batch and a config push) and a hotfix building: every list that goes as rows.
        expect(s.applyCommand({ type: 'deployMegaSupernodes', count: 50, region: 'europe', source: 'dedicated' })).toEqual({ ok: true });
        expect(s.applyCommand({ type: 'throttleLogins', perSecond: 5000, region: 'europe' })).toEqual({ ok: true });
        expect(s.applyCommand({ type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 10 })).toEqual({ ok: true });
      }
      s.step(5);
      if (i === 6) s.setSpeed(3600);
      sc.receive(s.nextFrame()!);
      expect(sc.store.view).toEqual(s.view());
      expect(sc.store.status).toEqual(s.status);
      // Only frames after the status changed carry it again (orders given, a new speed).
      expect('status' in sc.sent.at(-1)!, `frame ${i}`).toBe(i === 2 || i === 6);
    }
    expect(sc.sent.some((w) => (w.view.orders?.length ?? 0) > 0)).toBe(true);
    expect(sc.sent.some((w) => (w.view.hotfixes?.length ?? 0) > 0)).toBe(true);
    // A screen that joins now starts from a full frame, status and all.
    const late = screen();
    late.receive(s.fullFrame());
    expect(late.sent[0].status).toEqual(s.status);
    expect(late.store.view).toEqual(s.view());
  });

  it('names every field of the sim\'s regions and metrics (a field left out would never reach a screen)', () => {
    const v = new SimSession({ seed: 4, paused: true }).view();
    expect([...REGION_FIELDS].sort()).toEqual(Object.keys(v.regions[0]).sort());
    expect([...METRIC_FIELDS].sort()).toEqual(Object.keys(v.metrics).sort());
    for (const sv of v.services) expect(SERVICE_FIELDS).toEqual(expect.arrayContaining(Object.keys(sv)));
  });

  it('keeps a replay\'s frames after the first under 2 KB, playing and after every seek, its past sent once in pieces', () => {
    const s = new SimSession({ paused: true, now: () => 0, warn: () => {} });
    expect(s.replayAct({ act: 'open', fileName: 'golden.skyreplay', dataBase64: readFileSync(GOLDEN).toString('base64') })).toEqual({ ok: true });
    const end = s.replay!.endTick;
    const sc = screen();
    sc.receive(s.nextFrame()!); // the first carries the timeline
    s.replayAct({ act: 'seek', tick: 6 * 360 }); // into the cascade, where most moves
    sc.receive(s.nextFrame()!);
    s.replayAct({ act: 'play' });
    for (let i = 0; i < 120; i++) {
      s.advance(33);
      const f = s.nextFrame();
      if (f) sc.receive(f);
    }
    for (let i = 1; i <= 24; i++) {
      s.replayAct({ act: 'seek', tick: Math.floor((i / 24) * end) });
      sc.receive(s.nextFrame()!);
      expect(sc.store.view).toEqual(s.view()); // every region moved, and the screen has them all
    }
    const later = sc.sent.slice(1);
    expect(later.length).toBeGreaterThan(40);
    // The run's past goes once, in pieces (shared/replay-past.ts); a seek sends the playhead only.
    for (const w of later) expect(bytes(w), `frame ${w.seq}`).toBeLessThan(WIRE_LIMIT);
    for (const w of later.slice(-24)) expect(w.history ?? w.past, `seek frame ${w.seq}`).toBeUndefined();
    expect(later.some((w) => w.past)).toBe(true);
    expect(sc.store.replayPast.minutes).toBe(end / 6 + 1);
  });

  it('refuses a frame it cannot read whole, rather than show made-up figures', () => {
    const s = new SimSession({ seed: 4, paused: true });
    const w = toWire(s.nextFrame()!, true);
    const { status: _status, ...noStatus } = w;
    expect(() => fromWire(noStatus, null)).toThrow(/without the game status/);
    const region = w.view.regions![0];
    expect(() => fromWire({ ...w, view: { ...w.view, regions: [[region[0], region[1], ...region.slice(3)]] } }, null)).toThrow(/values for/);
    expect(() => fromWire({ ...w, view: { ...w.view, metrics: [2 ** 40] } }, null)).toThrow(/metrics row has no field mask/);
  });
});
