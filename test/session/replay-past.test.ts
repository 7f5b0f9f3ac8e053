// A replay's past as its screens draw it (issue 8): the sparkline samples and pager events up to
// the playhead, wherever it was sought, taken by the playback's one background pass (issue 10:
// keyframes and history in the same pass). The reference is a straight run of the recording.
import { describe, expect, it } from 'vitest';
import { createSim, metricsOf, type SimEvent } from '../../src/sim/index';
import { recordScripted, replayHead } from '../../src/replay/index';
import { ReplayPlayback } from '../../src/main/session/replay-playback';
import { ReplayMode } from '../../src/main/session/replay-mode';
import { TICKS_PER_MINUTE } from '../../src/shared/facts';
import { tinyScenario } from '../fixtures/tiny';
import { CREATED } from '../replay/helpers';

const rec = recordScripted({ scenario: tinyScenario(), seed: 2, createdAt: CREATED, endTick: 6 * 360, checksumEveryTicks: 120, actions: [
  { atMinute: 20, command: { type: 'setOfflineImService', enabled: false } },
  { atMinute: 60, command: { type: 'deployMegaSupernodes', count: 5, region: 'europe', source: 'dedicated' } },
  { atMinute: 150, command: { type: 'throttleLogins', perSecond: 50 } },
] });

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

describe('a replay screen after a seek', () => {
  const ref = straight();

  it('shows the run up to the playhead and nothing after it, from one pass that went no further than asked', () => {
    const playback = new ReplayPlayback('tiny.skyreplay', rec);
    const mode = new ReplayMode(playback);
    const tick = 1501; // not on a minute: the sample of the minute it stands in is the last
    playback.seek(tick);
    const h = mode.history();
    const minutes = h.samples.map((s) => s.minute);
    expect(minutes[minutes.length - 1]).toBe(Math.floor(tick / TICKS_PER_MINUTE));
    for (const s of h.samples) expect(s.online, `minute ${s.minute}`).toBe(ref.online[s.minute]);
    const shown = ref.events.filter((x) => x.tick <= tick).slice(-h.events.length);
    expect(h.events).toEqual(shown.map((x) => x.e));
    expect(h.events.length).toBeGreaterThan(0);
    // The seek ran the keyframe pass to the playhead; no second pass re-simulated the run.
    expect(playback.replayer.builtTo).toBe(tick);
  });

  it('after the whole run is built, a seek back shows that moment, not the run\'s end', () => {
    const playback = new ReplayPlayback('tiny.skyreplay', rec);
    const mode = new ReplayMode(playback);
    playback.buildAll();
    playback.seek(400);
    const h = mode.history();
    expect(h.samples[h.samples.length - 1].minute).toBe(66);
    for (const s of h.samples) expect(s.online).toBe(ref.online[s.minute]);
    expect(h.events).toEqual(ref.events.filter((x) => x.tick <= 400).map((x) => x.e).slice(-h.events.length));
    expect(ref.events.some((x) => x.tick > 400)).toBe(true); // there is a future to leave out
  });
});
