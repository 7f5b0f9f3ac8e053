// Turns successive SimViews into Frames: the first full, later ones only what moved (down
// to the fields of a region: a delta region carries its id and the fields that changed).
// One producer feeds every screen: a screen that (re)subscribes gets fullFrame(), which is
// exactly what everyone else already holds, so the shared deltas that follow apply to it too.
import type { SimEvent, SimView, RegionView } from '../../sim/view-types';
import type { Frame, SessionStatus } from '../../shared/contract';

/** Events a (re)subscribing screen gets so its incident log is not empty. */
export const EVENT_BACKLOG = 50;
/** Events per frame; the rest wait for the next frame (keeps frames well under 64 KB). */
export const MAX_EVENTS_PER_FRAME = 64;

type Parts = Map<string, string>; // top-level view key (or "region:<id>") -> its JSON

export class FrameProducer {
  private seq = 0;
  private sentView: SimView | null = null;
  private sentParts: Parts = new Map();
  private sentStatus = '';
  private sentVersion = -1;
  private sentKey = '';
  private backlog: SimEvent[] = [];

  /** Forget what was sent: the next frame is full (a new game). */
  reset(): void {
    this.sentView = null;
    this.sentParts = new Map();
    this.sentStatus = '';
    this.sentVersion = -1;
    this.sentKey = '';
    this.backlog = [];
  }

  /**
   * The next frame for every subscriber, or null if nothing changed.
   * `version` changes whenever the sim state did; `view` is only called then. `key` stands for
   * anything else the frame carries (the drill / replay parts): a new key means a new frame.
   */
  next(version: number, view: () => SimView, status: SessionStatus, pending: SimEvent[], key = ''): Frame | null {
    const statusJson = JSON.stringify(status);
    const events = pending.splice(0, MAX_EVENTS_PER_FRAME);
    if (version === this.sentVersion && statusJson === this.sentStatus && key === this.sentKey && events.length === 0 && this.sentView) return null;

    const v = version === this.sentVersion && this.sentView ? this.sentView : view();
    const parts = partsOf(v);
    const full = this.sentView === null || !sameRegionIds(this.sentView.regions, v.regions);
    const delta: Frame['view'] = {};
    if (full) Object.assign(delta, v);
    else {
      const out = delta as Record<string, unknown>;
      const regions: RegionView[] = [];
      for (const [key, json] of parts) {
        if (this.sentParts.get(key) === json) continue;
        if (key.startsWith('region:')) {
          const now = v.regions.find((r) => `region:${r.id}` === key)!;
          regions.push(changedFields(this.sentView!.regions.find((r) => r.id === now.id), now));
        }
        else if (key === 'metrics') out.metrics = changedFields(this.sentView!.metrics, v.metrics, null);
        else if (key === 'services') out.services = changedById(this.sentView!.services, v.services);
        else out[key] = (v as unknown as Record<string, unknown>)[key];
      }
      if (regions.length) delta.regions = regions;
    }

    this.sentView = v;
    this.sentParts = parts;
    this.sentStatus = statusJson;
    this.sentVersion = version;
    this.sentKey = key;
    this.backlog.push(...events);
    if (this.backlog.length > EVENT_BACKLOG) this.backlog.splice(0, this.backlog.length - EVENT_BACKLOG);
    return { seq: ++this.seq, full, status, view: delta, events };
  }

  /** What every subscriber holds now, as one full frame (or a first frame if none was sent). */
  fullFrame(view: () => SimView, status: SessionStatus): Frame {
    // Nothing shared yet (first frame, or just after a new game): the shared stream's next
    // frame is full anyway, so this one leaves the producer untouched.
    if (!this.sentView) return { seq: this.seq, full: true, status, view: { ...view() }, events: [] };
    return {
      seq: this.seq,
      full: true,
      status: JSON.parse(this.sentStatus) as SessionStatus,
      view: { ...this.sentView! },
      events: [...this.backlog],
    };
  }
}

function partsOf(v: SimView): Parts {
  const parts: Parts = new Map();
  for (const [key, value] of Object.entries(v)) {
    if (key === 'regions') continue;
    parts.set(key, JSON.stringify(value));
  }
  for (const r of v.regions) parts.set(`region:${r.id}`, JSON.stringify(r));
  return parts;
}

/** Only the fields that moved (a region keeps its id): a delta frame stays small while a replay plays. */
function changedFields<T extends object>(before: T | undefined, now: T, id: string | null = (now as { id?: string }).id ?? null): T {
  if (!before) return now;
  const out: Record<string, unknown> = id === null ? {} : { id };
  const was = before as unknown as Record<string, unknown>;
  for (const [k, val] of Object.entries(now)) if (JSON.stringify(was[k]) !== JSON.stringify(val)) out[k] = val;
  return out as T;
}

/** The entries of a list (by id) that moved, each as its id and the fields that changed. */
function changedById<T extends { id: string }>(before: T[], now: T[]): T[] {
  return now.flatMap((x) => {
    const d = changedFields(before.find((b) => b.id === x.id), x);
    return Object.keys(d).length > 1 ? [d] : [];
  });
}

function sameRegionIds(a: RegionView[], b: RegionView[]): boolean {
  return a.length === b.length && a.every((r, i) => r.id === b[i].id);
}
