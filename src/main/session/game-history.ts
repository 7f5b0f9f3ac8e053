// The game's past as the screens show it: one sample of the headline figures per sim-minute
// and the latest pager events. Kept by the host, so a screen that loads, reloads or joins from
// another tab starts from what happened, not from the frames it happened to see; for a replay,
// what happened up to the playhead, wherever it was sought.
import { metricsOf, type SimEvent, type SimState } from '../../sim/index';
import type { GameHistory, HistorySample, ReplayPastPiece } from '../../shared/contract';
import { HISTORY_KEEP_MINUTES as KEEP_MINUTES, PAGER_KEEP_EVENTS as KEEP_EVENTS, TICKS_PER_MINUTE } from '../../shared/facts';
import { rowOf } from '../../shared/replay-past';

/** A full frame carries at most this many samples: older minutes are thinned (the sparklines are 200 px wide). */
const WIRE_SAMPLES = 360;

export class HistoryKeeper {
  private readonly samples: HistorySample[] = [];
  private readonly events: SimEvent[] = [];
  /** Samples taken or updated since `taken()` was last asked (a frame carries them). */
  private fresh: HistorySample[] = [];

  /** After every tick of the live game. */
  ticked(state: SimState, events: readonly SimEvent[]): void {
    if (events.length) {
      this.events.push(...events);
      if (this.events.length > KEEP_EVENTS) this.events.splice(0, this.events.length - KEEP_EVENTS);
    }
    if (state.tick % TICKS_PER_MINUTE === 0) this.sample(state);
  }

  /** The figures now (a new or rebuilt game starts from its current minute). */
  sample(state: SimState): void {
    const s = sampleOf(state);
    const minute = s.minute;
    const last = this.samples[this.samples.length - 1];
    if (last && last.minute === minute) this.samples[this.samples.length - 1] = s;
    else this.samples.push(s);
    const f = this.fresh[this.fresh.length - 1];
    if (f && f.minute === minute) this.fresh[this.fresh.length - 1] = s;
    else this.fresh.push(s);
    if (this.fresh.length > KEEP_MINUTES) this.fresh.splice(0, this.fresh.length - KEEP_MINUTES);
    if (this.samples.length > KEEP_MINUTES) this.samples.splice(0, this.samples.length - KEEP_MINUTES);
  }

  /** The minutes sampled since the last call, for the next frame (then forgotten). */
  taken(): HistorySample[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }

  /** For a full frame: every recent minute, older ones thinned so the frame stays small. */
  forWire(): GameHistory {
    return { samples: thinned(this.samples), events: [...this.events] };
  }
}

/** The headline figures of one sim-minute, as the sparklines draw them. */
function sampleOf(state: SimState): HistorySample {
  const m = metricsOf(state);
  const minute = Math.floor(state.tick / TICKS_PER_MINUTE);
  return { minute, online: Math.round(m.onlineUsers), want: Math.round(m.wantOnline), supernodes: Math.round(m.supernodesUp), megas: Math.round(m.megaSupernodesUp), load: Math.round(m.supernodeLoad * 1000) / 1000, attempts: Math.round(m.loginAttemptsPerS), ok: Math.round(m.loginsOkPerS) };
}

/** At most `most`, older minutes thinned; the newest always kept. */
function thinned(samples: readonly HistorySample[], most = WIRE_SAMPLES): HistorySample[] {
  const n = samples.length;
  const every = Math.ceil(n / most);
  return every <= 1 ? [...samples] : samples.filter((_, i) => i % every === 0 || i === n - 1);
}

/** About what one row of seven figures weighs as JSON. */
const ROW_BYTES = 56;
/** Events kept from a whole replay (the pager shows KEEP_EVENTS of them; a hostile recording cannot make this grow without end). */
const MAX_REPLAY_EVENTS = 20_000;

/**
 * A replay's past: a sample per sim-minute and its pager events, taken as the playback's
 * Replayer simulates the run in order for its keyframes (one background pass, not two). It goes
 * to the screens once, in pieces (shared/replay-past.ts), and each screen cuts it at the playhead
 * after any seek (the keyframes are hourly, too coarse for the sparklines). A playhead ahead of
 * the pass asks the Replayer to build up to it (`buildTo`), and the past follows.
 */
export class ReplayHistory {
  private readonly samples: HistorySample[] = []; // samples[m].minute === m
  private readonly events: SimEvent[] = [];
  private readonly eventTicks: number[] = []; // the tick whose step gave each event (a playhead standing there has shown it)
  private seenTick = -1;

  /** The Replayer's onTick: each tick of the pass, settled. A tick seen again (a pass resuming) is skipped. */
  readonly saw = (state: SimState, events: readonly SimEvent[]): void => {
    if (state.tick <= this.seenTick) return;
    this.seenTick = state.tick;
    for (const e of events.slice(0, MAX_REPLAY_EVENTS - this.events.length)) {
      this.events.push(e);
      this.eventTicks.push(state.tick);
    }
    if (state.tick % TICKS_PER_MINUTE === 0) this.samples.push(sampleOf(state));
  };

  /** Minutes sampled and events seen so far. */
  get built(): { samples: number; events: number } {
    return { samples: this.samples.length, events: this.events.length };
  }

  /**
   * The run's past from sample `from` and event `eventsFrom` on, as a wire piece of about
   * `maxBytes` at most (events first, in order: the pager needs them most), or everything when
   * `maxBytes` is Infinity.
   */
  piece(timelineId: number, from: number, eventsFrom: number, maxBytes: number): ReplayPastPiece {
    const out: ReplayPastPiece = { timelineId, from, samples: [], eventsFrom, events: [] };
    let bytes = 0;
    for (let i = eventsFrom; i < this.events.length; i++) {
      const e = { tick: this.eventTicks[i], event: this.events[i] };
      bytes += JSON.stringify(e).length + 1;
      if (bytes > maxBytes) return out;
      out.events.push(e);
    }
    for (let m = from; m < this.samples.length && (bytes += ROW_BYTES) <= maxBytes; m++) out.samples.push(rowOf(this.samples[m]));
    return out;
  }
}
