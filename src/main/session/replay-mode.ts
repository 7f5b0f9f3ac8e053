// A replay as the screens see it: the playback's playhead, its clock (play, speed), no orders.
import type { Recording } from '../../replay/index';
import type { Reply } from '../../shared/contract';
import type { ModeFrame } from '../../shared/drill-contract';
import type { ReplayPlayback } from './replay-playback';
import type { Showing, StepBudget, Stepped } from './showing';

const refuse = (field: string, message: string): Reply => ({ ok: false, error: { code: 'not-allowed-now', field, message } });

export class ReplayMode implements Showing {
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
    this.playback.buildSome(b.now);
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

  newSamples(): [] {
    return [];
  }

  history(): undefined {
    return undefined;
  }

  instructorView(): null {
    return null;
  }

  get instructorKey(): string {
    return 'r';
  }
}
