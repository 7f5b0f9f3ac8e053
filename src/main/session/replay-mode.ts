// A replay as the screens see it: the playback's playhead, its clock (play, speed), no orders,
// and its past up to the playhead (game-history.ts), sent whole after every seek.
import type { Recording } from '../../replay/index';
import type { GameHistory, HistorySample, Reply } from '../../shared/contract';
import { TICKS_PER_MINUTE } from '../../shared/facts';
import type { SimState } from '../../sim/index';
import type { ModeFrame } from '../../shared/drill-contract';
import type { ReplayPlayback } from './replay-playback';
import type { Showing, StepBudget, Stepped } from './showing';

const refuse = (field: string, message: string): Reply => ({ ok: false, error: { code: 'not-allowed-now', field, message } });

export class ReplayMode implements Showing {
  /** The playhead's state as last sent: playing moves it in place, a seek puts a new one there. */
  private seen: SimState;
  private sentMinute: number; // the newest sample minute the screens have

  constructor(readonly playback: ReplayPlayback) {
    this.seen = playback.shown;
    this.sentMinute = this.minute;
  }

  private get minute(): number {
    return Math.floor(this.playback.tick / TICKS_PER_MINUTE);
  }

  private get sought(): boolean {
    return this.playback.shown !== this.seen;
  }

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
    this.playback.buildSome(b.now); // keyframes, and the past the screens draw, in one pass
    return { ...this.playback.advance(realMs, b.maxTicks), dropped: 0 };
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

  /** The minutes played since the last frame (none right after a seek: the history goes instead). */
  newSamples(): HistorySample[] {
    if (this.sought) return [];
    const out = this.minute > this.sentMinute ? this.playback.past.samplesBetween(this.sentMinute, this.playback.tick) : [];
    this.sentMinute = Math.max(this.sentMinute, this.minute);
    return out;
  }

  /** The run up to the playhead: a screen joining, or every screen after a seek. */
  history(): GameHistory {
    return this.playback.past.upTo(this.playback.tick);
  }

  /** Once after a seek: the next frame carries history() whole, for every screen. */
  rewound(): boolean {
    if (!this.sought) return false;
    this.seen = this.playback.shown;
    this.sentMinute = this.minute;
    return true;
  }

  instructorView(): null {
    return null;
  }

  get instructorKey(): string {
    return 'r';
  }
}
