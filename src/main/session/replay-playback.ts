// The replay viewer's side in the session: a decoded .skyreplay, its Replayer (keyframes
// built in the background so any seek is a keyframe copy plus a few hundred steps), and a
// playhead that steps forward tick by tick (so screens get the sim's events) checking every
// recorded checksum it passes. A checksum that disagrees stops playback at that tick.
import { TICK_SECONDS, type SimEvent, type SimState } from '../../sim/index';
import { Replayer, Witness, checkReplayBounds, describeCommand, replayHead, type Playhead, type RecordedCommand, type Recording, type VerifyResult } from '../../replay/index';
import { decodeReplay } from '../../replay/codec'; // not ../replay/node: Electron's bundle must not pull in playwright (pdf.ts)
import { SPEEDS, type Reply } from '../../shared/contract';
import type { ReplayView } from '../../shared/drill-contract';
import { tPlus } from '../../shared/duration';
import { ReplayHistory } from './game-history';

const TICK_MS = TICK_SECONDS * 1000;
/** Background keyframe building per clock interval: keeps the 30/s frames flowing. */
const BUILD_BUDGET_MS = 8;
const BUILD_CHUNK_TICKS = 60;
/** While a seek waits for the pass: most of each clock interval, frames still going out. */
const SEEK_BUILD_BUDGET_MS = 22;

const refuse = (code: 'out-of-range' | 'not-allowed-now', field: string, message: string): Reply => ({ ok: false, error: { code, field, message } });

let timelines = 0;

export class ReplayPlayback {
  readonly replayer: Replayer;
  /** The run's sparkline samples and pager events, taken by the keyframe pass as it goes. */
  readonly past: ReplayHistory;
  readonly timelineId = ++timelines;
  playing = false;
  speed = 60;
  error: string | null = null;
  private divergedAt: number | null = null;
  private head: Playhead<RecordedCommand>; // what is shown: the recording's playhead, witnessed
  private witness: Witness;
  private simMsOwed = 0;
  private seeks = 0;
  private seekingTo: number | null = null;
  private builder: Generator<number, VerifyResult> | null;
  private timeline: ReplayView['timeline'];
  private marks: ReplayView['marks'];

  /** Decodes and checks the file (bounds too); throws ReplayError naming the problem. Nothing is simulated yet. */
  static open(fileName: string, bytes: Uint8Array): ReplayPlayback {
    const rec = decodeReplay(bytes, fileName);
    checkReplayBounds(rec, fileName);
    return new ReplayPlayback(fileName, rec);
  }

  constructor(
    readonly fileName: string,
    readonly recording: Recording,
  ) {
    this.past = new ReplayHistory();
    this.replayer = new Replayer(recording, { onTick: this.past.saw });
    this.witness = new Witness(recording);
    this.head = this.headAt(0);
    this.builder = this.replayer.keyframeBuilder(BUILD_CHUNK_TICKS);
    this.timeline = recording.commands.map((c) => ({ tick: c.tick, source: c.source, text: describeCommand(c.command, recording.scenario) }));
    this.marks = recording.marks.map((m) => ({ tick: m.tick, kind: m.kind, text: m.text }));
  }

  get tick(): number {
    return this.head.tick;
  }

  get endTick(): number {
    return this.recording.endTick;
  }

  /** The displayed state (after its tick's commands); hosts must not mutate it. */
  get shown(): SimState {
    return this.head.state;
  }

  /** Builds keyframes for up to `budgetMs` (more while a seek waits); true once every keyframe exists. */
  buildSome(now: () => number, budgetMs = BUILD_BUDGET_MS): boolean {
    const budget = this.seekingTo !== null ? SEEK_BUILD_BUDGET_MS : budgetMs;
    const start = now();
    while (this.builder && now() - start < budget) {
      if (this.builder.next().done) this.builder = null;
      if (this.seekingTo !== null && this.replayer.builtTo >= this.seekingTo) break;
    }
    if (this.seekingTo !== null && (!this.builder || this.replayer.builtTo >= this.seekingTo)) this.land(this.seekingTo);
    return !this.builder;
  }

  /** Builds every keyframe now (tests, benchmarks); a waiting seek lands. */
  buildAll(): void {
    while (this.builder && !this.builder.next().done);
    this.builder = null;
    if (this.seekingTo !== null) this.land(this.seekingTo);
  }

  play(): Reply {
    if (this.error) return refuse('not-allowed-now', 'act', `${this.error}; seek to an earlier moment or take over before it`);
    if (this.tick >= this.endTick) return refuse('not-allowed-now', 'act', 'the replay is at its end; seek back to play it again');
    this.playing = true;
    return { ok: true };
  }

  pause(): Reply {
    this.playing = false;
    this.simMsOwed = 0;
    return { ok: true };
  }

  setSpeed(speed: number): Reply {
    if (!(SPEEDS as readonly number[]).includes(speed)) return refuse('out-of-range', 'act.speed', `speed must be one of ${SPEEDS.join(', ')}, got ${speed}`);
    this.speed = speed;
    return { ok: true };
  }

  /**
   * Jumps to `tick` (a keyframe copy plus at most one keyframe interval of steps). A tick the
   * background pass has not reached yet waits for it (`seekingTo`): the pass runs harder until it
   * gets there, frames keep flowing to every screen, and the playhead stays put until it lands.
   */
  seek(tick: number): Reply {
    if (tick > this.endTick) return refuse('out-of-range', 'act.tick', `the replay ends at tick ${this.endTick}, not ${tick}`);
    if (this.builder && tick > this.replayer.builtTo + this.replayer.keyframeEvery) {
      this.seekingTo = tick;
      this.simMsOwed = 0;
      return { ok: true };
    }
    this.land(tick);
    return { ok: true };
  }

  /** The tick a seek waits to reach (the pass is still building up to it), or null. */
  get pendingSeek(): number | null {
    return this.seekingTo;
  }

  private land(tick: number): void {
    this.seekingTo = null;
    const d = this.replayer.divergence;
    if (d && d.tick <= tick) {
      this.head = this.headAt(d.tick); // stop where it first went wrong
      this.diverged(d.tick, d.expected, d.actual, d.reason);
    } else {
      this.head = this.headAt(tick);
      if (this.error && (this.divergedAt ?? Infinity) > tick) this.error = null; // back before the divergence
    }
    this.simMsOwed = 0;
    this.seeks++;
  }

  /** Plays `realMs` of wall time at the replay's speed; returns the sim events on the way. */
  advance(realMs: number, maxTicks: number): { ticks: number; events: SimEvent[] } {
    const events: SimEvent[] = [];
    if (!this.playing || this.seekingTo !== null || !(realMs > 0)) return { ticks: 0, events };
    this.simMsOwed += realMs * this.speed;
    const due = Math.floor(this.simMsOwed / TICK_MS);
    this.simMsOwed -= due * TICK_MS;
    let ticks = 0;
    while (ticks < Math.min(due, maxTicks) && this.playing) {
      events.push(...this.stepOnce());
      ticks++;
    }
    this.replayer.buildTo(this.tick); // a fast playhead ahead of the pass: its past too (onTick)
    return { ticks, events };
  }

  view(): ReplayView {
    return {
      fileName: this.fileName,
      tick: this.tick,
      endTick: this.endTick,
      playing: this.playing,
      speed: this.speed,
      error: this.error,
      timelineId: this.timelineId,
      seeks: this.seeks,
      seekingTo: this.seekingTo,
      builtTo: this.builder ? Math.floor(this.replayer.builtTo / this.replayer.keyframeEvery) * this.replayer.keyframeEvery : this.endTick,
      marks: this.marks,
      timeline: this.timeline,
    };
  }

  /** A witnessed playhead standing at `tick`, after that tick's commands. */
  private headAt(tick: number): Playhead<RecordedCommand> {
    const state = this.replayer.stateAt(tick);
    const c = this.recording.commands.findIndex((x) => x.tick > tick);
    this.witness = new Witness(this.recording);
    return replayHead(this.recording, { state, next: c < 0 ? this.recording.commands.length : c }, this.witness);
  }

  /** One tick forward through the playhead; the witness checks the recorded checksum there. */
  private stepOnce(): SimEvent[] {
    const events = this.head.advance();
    const t = this.head.tick;
    if (t >= this.endTick && !this.witness.divergence) {
      this.playing = false;
      this.witness.sawEnd(this.head.state);
    }
    const d = this.witness.divergence;
    if (d) this.diverged(d.tick, d.expected, d.actual, d.reason);
    return events;
  }

  private diverged(tick: number, expected: string, actual: string, reason: 'checksum' | 'refused'): void {
    this.playing = false;
    this.divergedAt = tick;
    this.error =
      reason === 'checksum'
        ? `checksum diverged at tick ${tick} (${tPlus((tick * TICK_SECONDS) / 60)}): the recording says ${expected}, this version computes ${actual}`
        : `diverged at tick ${tick} (${tPlus((tick * TICK_SECONDS) / 60)}): a recorded command was ${actual}`;
  }
}
