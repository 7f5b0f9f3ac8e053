// A replay as the screens see it: the playback's playhead, its clock (play, speed), no orders,
// and its past (game-history.ts), sent to the screens once, in pieces, for them to cut at the
// playhead after every seek (shared/replay-past.ts).
import type { Recording } from '../../replay/index';
import type { HistorySample, Reply, ReplayPastPiece } from '../../shared/contract';
import type { ModeFrame } from '../../shared/drill-contract';
import type { ReplayPlayback } from './replay-playback';
import type { Showing, StepBudget, Stepped } from './showing';

const refuse = (field: string, message: string): Reply => ({ ok: false, error: { code: 'not-allowed-now', field, message } });

export class ReplayMode implements Showing {
  private pastSent = { samples: 0, events: 0 }; // how much of the past every screen has

  constructor(readonly playback: ReplayPlayback) {}

  get state() {
    return this.playback.shown;
  }

  get paused(): boolean {
    return !this.playback.playing;
  }

  get speed(): number {
    return this.playback.speed;
  }

  get ended(): boolean {
    return this.playback.tick >= this.playback.endTick;
  }

  pause(): Reply {
    return this.playback.pause();
  }

  resume(): Reply {
    return this.playback.play();
  }

  setSpeed(speed: number): Reply {
    return this.playback.setSpeed(speed);
  }

  step(): Reply {
    return refuse('control.action', 'a replay is showing: seek in it instead of stepping');
  }

  advance(realMs: number, b: StepBudget): Stepped {
    const before = this.playback.shown;
    this.playback.buildSome(b.now); // keyframes, and the past the screens draw, in one pass (a waiting seek may land)
    const played = this.playback.advance(realMs, b.maxTicks);
    return { ...played, dropped: 0, moved: this.playback.shown !== before };
  }

  command(): Reply {
    return refuse('command', 'a replay is showing: take over or close it to give orders');
  }

  recording(): Recording {
    return this.playback.recording;
  }

  /** The timeline and marks ride only when the screen has not got this replay's yet. */
  modeFrame(full: boolean, timelineSent: number): Pick<ModeFrame, 'mode' | 'drill' | 'replay'> {
    const { marks, timeline, ...head } = this.playback.view();
    const once = full || head.timelineId !== timelineSent ? { marks, timeline } : {};
    return { mode: 'replay', drill: null, replay: { ...head, ...once } };
  }

  /** A replay's minutes reach the screens as pieces of its past (pastPiece), not as samples. */
  newSamples(): HistorySample[] {
    return [];
  }

  /** Each screen cuts the replay's past at the playhead itself (shared/replay-past.ts). */
  history(): undefined {
    return undefined;
  }

  /** Is some of the past built but not yet sent to the screens? */
  pastPending(): boolean {
    const built = this.playback.past.built;
    return built.samples > this.pastSent.samples || built.events > this.pastSent.events;
  }

  /** The next piece of the run's past for every screen, about `maxBytes` at most; null when they have all that is built. */
  pastPiece(maxBytes: number): ReplayPastPiece | null {
    if (!this.pastPending()) return null;
    const p = this.playback.past.piece(this.playback.timelineId, this.pastSent.samples, this.pastSent.events, maxBytes);
    this.pastSent = { samples: p.from + p.samples.length, events: p.eventsFrom + p.events.length };
    return p;
  }

  /** All of the past built so far: for a screen that joins, or a full frame (then later pieces go on from there). */
  pastWhole(broadcast: boolean): ReplayPastPiece {
    const p = this.playback.past.piece(this.playback.timelineId, 0, 0, Infinity);
    if (broadcast) this.pastSent = { samples: p.samples.length, events: p.events.length };
    return p;
  }

  instructorView(): null {
    return null;
  }

  get instructorKey(): string {
    return 'r';
  }
}
