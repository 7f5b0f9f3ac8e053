// The live game's past as the screens show it: one sample of the headline figures per
// sim-minute and the latest pager events. Kept by the host, so a screen that loads, reloads or
// joins from another tab starts from what happened, not from the frames it happened to see.
import { metricsOf, type SimEvent, type SimState } from '../../sim/index';
import type { GameHistory, HistorySample } from '../../shared/contract';
import { TICKS_PER_MINUTE } from '../../shared/facts';

/** As many minutes as the renderer keeps (hud/history.ts). */
const KEEP_MINUTES = 36 * 60;
/** The pager shows this many (hud/pager-feed.ts). */
const KEEP_EVENTS = 60;
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
    const m = metricsOf(state);
    const minute = Math.floor(state.tick / TICKS_PER_MINUTE);
    const s: HistorySample = { minute, online: Math.round(m.onlineUsers), want: Math.round(m.wantOnline), supernodes: Math.round(m.supernodesUp), megas: Math.round(m.megaSupernodesUp), load: Math.round(m.supernodeLoad * 1000) / 1000, attempts: Math.round(m.loginAttemptsPerS), ok: Math.round(m.loginsOkPerS) };
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
    const n = this.samples.length;
    const every = Math.ceil(n / WIRE_SAMPLES);
    const samples = every <= 1 ? [...this.samples] : this.samples.filter((_, i) => i % every === 0 || i === n - 1);
    return { samples, events: [...this.events] };
  }
}
