// A replay's past on the wire (issue 10: sent once, later frames carry the playhead only).
// The host's one background pass samples the run a minute at a time; frames carry it in
// small pieces, in order, and each screen keeps the whole of it and cuts it at the playhead
// after every seek, so a seek costs the wire nothing but the playhead. The piece's shape is in
// contract.ts, with the frame that carries it.
import type { GameHistory, HistorySample, PastEvent, PastRow, ReplayPastPiece } from './contract';
import { HISTORY_KEEP_MINUTES as KEEP_MINUTES, PAGER_KEEP_EVENTS as KEEP_EVENTS, TICKS_PER_MINUTE } from './facts';

export const rowOf = (s: HistorySample): PastRow => [s.online, s.want, s.supernodes, s.megas, s.load, s.attempts, s.ok];
const sampleAt = (minute: number, r: PastRow): HistorySample => ({ minute, online: r[0], want: r[1], supernodes: r[2], megas: r[3], load: r[4], attempts: r[5], ok: r[6] });


/** A screen's copy of one replay's past, as far as the host has sent it. */
export class ReplayPastStore {
  timelineId = 0;
  private readonly samples: HistorySample[] = [];
  private readonly events: PastEvent[] = [];

  get minutes(): number {
    return this.samples.length;
  }

  /**
   * Takes a piece; true if it added anything. Pieces come in order on one connection; a piece of
   * another replay starts afresh, one that leaves a gap is dropped (the next full frame mends it).
   */
  add(p: ReplayPastPiece): boolean {
    if (p.timelineId !== this.timelineId) {
      this.timelineId = p.timelineId;
      this.samples.length = 0;
      this.events.length = 0;
    }
    const before = this.samples.length + this.events.length;
    if (p.from <= this.samples.length) {
      for (let i = this.samples.length - p.from; i < p.samples.length; i++) this.samples.push(sampleAt(p.from + i, p.samples[i]));
    }
    if (p.eventsFrom <= this.events.length) this.events.push(...p.events.slice(this.events.length - p.eventsFrom));
    return this.samples.length + this.events.length > before;
  }

  /** What a screen standing at `tick` shows: the kept minutes up to it and the pager's latest events, none after it. */
  upTo(tick: number): GameHistory {
    const minute = Math.floor(tick / TICKS_PER_MINUTE);
    const samples = this.samples.slice(Math.max(0, minute + 1 - KEEP_MINUTES), minute + 1);
    let end = this.events.length;
    while (end > 0 && this.events[end - 1].tick > tick) end--;
    return { samples, events: this.events.slice(Math.max(0, end - KEEP_EVENTS), end).map((e) => e.event) };
  }

  /** The minutes after `afterMinute` up to the one `tick` stands in (playing forward). */
  between(afterMinute: number, tick: number): HistorySample[] {
    return this.samples.slice(Math.max(0, afterMinute + 1), Math.floor(tick / TICKS_PER_MINUTE) + 1);
  }
}
