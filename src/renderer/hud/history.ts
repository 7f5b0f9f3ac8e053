// A rolling record of network figures, one sample per sim-minute, for the sparklines and
// the end screen. Kept in the renderer: it is a picture of what the player saw, and forgets
// (HISTORY_KEEP_MINUTES), so the end screen takes figures about the whole game from the debrief.
import type { HistorySample } from '../../shared/contract';
import type { SimView } from '../../sim/view-types';
import { HISTORY_KEEP_MINUTES as KEEP_MINUTES } from '../../shared/facts';

export type Sample = HistorySample;


const shareOf = (s: Sample) => (s.want > 0 ? s.online / s.want : 1);

export class History {
  readonly samples: Sample[] = [];
  /** The game's lowest share so far: kept apart from the samples, which forget the early minutes. */
  private low: number | null = null;
  /** The last minute seen, and whether every minute since minute 0 was (a late join or a big step skips some). */
  private seen: number | null = null;
  private whole = true;

  clear(): void {
    this.samples.length = 0;
    this.low = null;
    this.seen = null;
    this.whole = true;
  }

  /** The game's past as the host kept it (a screen that joins late starts from it; older minutes thinned). */
  seed(samples: readonly Sample[]): void {
    this.clear();
    for (const s of samples) this.lower(s);
    this.samples.push(...samples.slice(-KEEP_MINUTES));
  }

  /** Minutes the host sampled since the last frame (at high speed, several per frame). */
  add(samples: readonly Sample[]): void {
    for (const s of samples) this.put(s);
  }

  record(view: SimView): void {
    const m = view.metrics;
    const minute = Math.floor(view.minute);
    this.put({ minute, online: m.onlineUsers, want: m.wantOnline, supernodes: m.supernodesUp, megas: m.megaSupernodesUp, load: m.supernodeLoad, attempts: m.loginAttemptsPerS, ok: m.loginsOkPerS });
  }

  private put(s: Sample): void {
    const minute = s.minute;
    const last = this.samples[this.samples.length - 1];
    if (last && last.minute === minute) this.samples[this.samples.length - 1] = s;
    else if (last && minute < last.minute) {
      this.clear(); // a new game started from minute 0
      this.samples.push(s);
    } else this.samples.push(s);
    this.lower(s);
    if (this.samples.length > KEEP_MINUTES) this.samples.splice(0, this.samples.length - KEEP_MINUTES);
  }

  /** Samples from the last `hours` of sim time. */
  window(hours: number): Sample[] {
    const last = this.samples[this.samples.length - 1];
    if (!last) return [];
    const from = last.minute - hours * 60;
    let i = this.samples.length - 1;
    while (i > 0 && this.samples[i - 1].minute >= from) i--;
    return this.samples.slice(i);
  }

  private lower(s: Sample): void {
    if (s.minute > (this.seen ?? -1) + 1) this.whole = false;
    this.seen = Math.max(this.seen ?? 0, s.minute);
    const share = shareOf(s);
    if (this.low === null || share < this.low) this.low = share;
  }

  /**
   * The lowest share of a normal day's users online (online / wanted) over the whole game, as the
   * debrief reckons it; null before any sample, or if this screen missed minutes (it cannot know the low then).
   */
  lowestShare(): number | null {
    return this.whole ? this.low : null;
  }
}
