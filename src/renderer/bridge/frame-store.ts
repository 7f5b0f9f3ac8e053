// Our own copy of the sim's view, rebuilt from frames: the first is full, later ones carry
// only the top-level parts and the regions that changed (metrics, regions and services as
// the fields that moved). Tells the scene what changed so it
// touches sprites only for those regions. Drill and replay state (Frame.mode) is kept whole:
// a frame without it keeps the last one, a full frame without it means free play.
import type { Frame, GameHistory, HistorySample, SessionStatus } from '../../shared/contract';
import type { ModeFrame } from '../../shared/drill-contract';
import { ReplayPastStore } from '../../shared/replay-past';
import { TICKS_PER_MINUTE } from '../../shared/facts';
import type { RegionId } from '../../sim/regions';
import type { RegionView, ServiceView, SimEvent, SimView } from '../../sim/view-types';

export interface FrameChange {
  full: boolean; // everything must be redrawn (first frame, new game, resubscribe)
  newGame: boolean; // scenario or seed changed
  regions: Set<RegionId>;
  parts: Set<keyof SimView>;
  events: SimEvent[];
  mode: boolean; // the drill / replay part changed
  history?: GameHistory; // the live game's past (full frames): the screen starts from it
  samples: HistorySample[]; // minutes the host sampled since the previous frame
  hostRestarted: boolean; // the host was restarted since the last frame (a new hostSince)
}

export class FrameStore {
  view: SimView | null = null;
  status: SessionStatus | null = null;
  mode: ModeFrame | null = null;
  lastSeq = -1;
  /** A replay's past as the host sent it, once; cut at the playhead here after every seek. */
  readonly replayPast = new ReplayPastStore();
  private shown: { timelineId: number; seeks: number; tick: number } | null = null; // the replay moment last handed on

  apply(frame: Frame): FrameChange {
    const prev = this.status;
    const newGame = !prev || prev.scenarioId !== frame.status.scenarioId || prev.seed !== frame.status.seed ||
      (frame.full && this.view !== null && (frame.view.minute ?? 0) < this.view.minute);
    this.status = frame.status;
    this.lastSeq = frame.seq;
    const modeBefore = this.mode;
    if (frame.mode) this.mode = withTimeline(frame.mode, modeBefore);
    else if (frame.full) this.mode = null;
    const hostRestarted = !!prev && prev.hostSince !== frame.status.hostSince;
    const change: FrameChange = { full: frame.full || !this.view, newGame, regions: new Set(), parts: new Set(), events: frame.events, mode: this.mode !== modeBefore, history: frame.history, samples: frame.samples ?? [], hostRestarted };
    this.replayMoment(frame, change);

    if (frame.full || !this.view) {
      this.view = structuredClone(frame.view) as SimView;
      for (const r of this.view.regions ?? []) change.regions.add(r.id);
      for (const k of Object.keys(frame.view) as (keyof SimView)[]) change.parts.add(k);
      return change;
    }
    const view = this.view as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(frame.view)) {
      if (key === 'regions') continue;
      // Metrics and services come as the fields that moved (services by id), like regions.
      if (key === 'metrics') view.metrics = { ...(view.metrics as object), ...(value as object) };
      else if (key === 'services') for (const sv of value as ServiceView[]) mergeById(this.view.services, sv);
      else view[key] = value;
      change.parts.add(key as keyof SimView);
    }
    for (const region of frame.view.regions ?? []) {
      mergeById(this.view.regions, region);
      change.regions.add(region.id);
    }
    if (change.regions.size) change.parts.add('regions');
    return change;
  }

  /**
   * In a replay the HUD's past comes from the replay's past, cut at the playhead: whole after a
   * seek, a full frame, or a piece that fills in what the playhead has passed; else the minutes
   * played since the last frame. The host sends no history of its own for a replay.
   */
  private replayMoment(frame: Frame, change: FrameChange): void {
    const filled = frame.past ? this.replayPast.add(frame.past) : false;
    const r = this.mode?.mode === 'replay' ? this.mode.replay : null;
    if (!r) {
      this.shown = null;
      return;
    }
    const was = this.shown;
    const passed = filled && (frame.past!.from <= Math.floor(r.tick / TICKS_PER_MINUTE) || frame.past!.events.some((e) => e.tick <= r.tick));
    if (!was || frame.full || was.timelineId !== r.timelineId || was.seeks !== r.seeks || r.tick < was.tick || passed) change.history = this.replayPast.upTo(r.tick);
    else change.samples = this.replayPast.between(Math.floor(was.tick / TICKS_PER_MINUTE), r.tick);
    this.shown = { timelineId: r.timelineId, seeks: r.seeks, tick: r.tick };
  }
}

/** A delta entry carries its id and only the fields that moved. */
function mergeById<T extends { id: string }>(list: T[], entry: T): void {
  const i = list.findIndex((x) => x.id === entry.id);
  if (i >= 0) list[i] = { ...list[i], ...entry };
  else list.push(entry);
}

/** A replay's timeline and marks come once (first frame, full frames); later frames reuse them by timelineId. */
function withTimeline(mode: ModeFrame, before: ModeFrame | null): ModeFrame {
  const r = mode.replay;
  if (!r || (r.timeline && r.marks)) return mode;
  const old = before?.replay;
  const same = old && old.timelineId === r.timelineId;
  return { ...mode, replay: { ...r, timeline: r.timeline ?? (same ? old.timeline : undefined) ?? [], marks: r.marks ?? (same ? old.marks : undefined) ?? [] } };
}
