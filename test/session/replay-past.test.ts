// A replay's past as its screens draw it (issues 8 and 10): the host's one background pass
// samples the run (keyframes and history together), sends it once in small pieces, and each
// screen cuts it at the playhead after a seek, so a seek's frame carries the playhead only.
// The reference is a straight run of the recording; the screen is the renderer's FrameStore.
import { describe, expect, it } from 'vitest';
import { createSim, metricsOf, type SimEvent } from '../../src/sim/index';
import { recordScripted, replayHead } from '../../src/replay/index';
import { encodeReplay } from '../../src/replay/node';
import { FrameStore, type FrameChange } from '../../src/renderer/bridge/frame-store';
import { HeldStatus, toWire } from '../../src/shared/frame-wire';
import { TICKS_PER_MINUTE } from '../../src/shared/facts';
import type { Frame } from '../../src/shared/contract';
import type { SimSession } from '../../src/main/session/sim-session';
import { tinyScenario } from '../fixtures/tiny';
import { CREATED } from '../replay/helpers';
import { session } from './helpers';

const rec = recordScripted({ scenario: tinyScenario(), seed: 2, createdAt: CREATED, endTick: 6 * 360, checksumEveryTicks: 120, actions: [
  { atMinute: 20, command: { type: 'setOfflineImService', enabled: false } },
  { atMinute: 60, command: { type: 'deployMegaSupernodes', count: 5, region: 'europe', source: 'dedicated' } },
  { atMinute: 150, command: { type: 'throttleLogins', perSecond: 50 } },
] });
const lastMinute = rec.endTick / TICKS_PER_MINUTE;

/** Online users per minute and every event with the tick that gave it, from a plain run. */
function straight(): { online: number[]; events: { tick: number; e: SimEvent }[] } {
  const online: number[] = [];
  const events: { tick: number; e: SimEvent }[] = [];
  const head = replayHead(rec, { state: createSim(rec.scenario, rec.seed), next: 0 });
  head.settle();
  online.push(Math.round(metricsOf(head.state).onlineUsers));
  while (head.tick < rec.endTick) {
    for (const e of head.advance()) events.push({ tick: head.tick, e });
    if (head.tick % TICKS_PER_MINUTE === 0) online.push(Math.round(metricsOf(head.state).onlineUsers));
  }
  return { online, events };
}
const ref = straight();

/** A screen on the wire: every frame packed and sized as it travels, then merged by the renderer's store. */
class Screen {
  readonly store = new FrameStore();
  private readonly held = new HeldStatus();
  readonly sizes: number[] = [];
  take(f: Frame | null): FrameChange | null {
    if (!f) return null;
    this.sizes.push(Buffer.byteLength(JSON.stringify(toWire(f, this.held.needs(f)))));
    return this.store.apply(f);
  }
}

function opened(): { s: SimSession; screen: Screen } {
  const s = session();
  expect(s.replayAct({ act: 'open', fileName: 'tiny.skyreplay', dataBase64: Buffer.from(encodeReplay(rec)).toString('base64') })).toEqual({ ok: true });
  const screen = new Screen();
  screen.take(s.nextFrame());
  return { s, screen };
}

/** Clock intervals until the screen holds the whole run's past (the test's clock builds the pass at once). */
function pump(s: SimSession, screen: Screen): void {
  for (let i = 0; i < 500 && screen.store.replayPast.minutes <= lastMinute; i++) {
    s.advance(33);
    screen.take(s.nextFrame());
  }
  expect(screen.store.replayPast.minutes).toBe(lastMinute + 1);
}

function expectMoment(change: FrameChange | null, tick: number): void {
  const h = change!.history!;
  expect(h.samples[h.samples.length - 1].minute).toBe(Math.floor(tick / TICKS_PER_MINUTE));
  for (const x of h.samples) expect(x.online, `minute ${x.minute}`).toBe(ref.online[x.minute]);
  const shown = ref.events.filter((x) => x.tick <= tick);
  expect(h.events).toEqual(shown.slice(-60).map((x) => x.e)); // the pager's latest, none after the playhead
}

describe('a replay screen', () => {
  it('gets the run\'s past once, in frames under 2 KB, and cuts it at the playhead after every seek', () => {
    const { s, screen } = opened();
    pump(s, screen);
    const sent = screen.sizes.length;
    for (const tick of [1501, 400, rec.endTick, 7]) {
      s.replayAct({ act: 'seek', tick });
      const f = s.nextFrame()!;
      expect(f.past, 'a seek sends no past').toBeUndefined();
      expectMoment(screen.take(f), tick);
    }
    expect(ref.events.filter((x) => x.tick <= 1501).length).toBeGreaterThan(0);
    expect(ref.events.some((x) => x.tick > 400)).toBe(true); // there was a future to leave out
    expect(Math.max(...screen.sizes.slice(1))).toBeLessThan(2048);
    expect(screen.sizes.length - sent).toBe(4); // one frame per seek, nothing re-sent
  });

  it('plays forward from a seek with every minute in the sparklines, none from the future', () => {
    const { s, screen } = opened();
    pump(s, screen);
    s.replayAct({ act: 'seek', tick: 600 });
    screen.take(s.nextFrame());
    s.replayAct({ act: 'speed', speed: 3600 });
    s.replayAct({ act: 'play' });
    const minutes: number[] = [];
    for (let i = 0; i < 5; i++) {
      s.advance(200);
      const c = screen.take(s.nextFrame());
      for (const x of c?.samples ?? []) {
        expect(x.online).toBe(ref.online[x.minute]);
        minutes.push(x.minute);
      }
    }
    expect(minutes[0]).toBe(101);
    expect(minutes).toEqual(Array.from({ length: minutes.length }, (_, i) => 101 + i));
    expect(minutes[minutes.length - 1]).toBe(Math.floor(s.state.tick / TICKS_PER_MINUTE));
  });

  it('that joins late starts from the same past, cut at where the replay stands', () => {
    const { s, screen } = opened();
    pump(s, screen);
    s.replayAct({ act: 'seek', tick: 1000 });
    screen.take(s.nextFrame());
    const late = new Screen();
    expectMoment(late.take(s.fullFrame()), 1000);
  });
});
