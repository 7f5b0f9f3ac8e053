// Rebuilding a game from its replay. Keyframes (snapshots every K ticks, built on the
// first pass) make any tick reachable in at most K steps: seeking a 48-hour replay is a
// snapshot copy plus <= 360 steps, not 17,280.
import { checksum, createSim, snapshot, type SimEvent, type SimState } from '../sim/index';
import { Playhead } from './playhead';
import { branchOrigin } from './recorder';
import { ReplayError, type RecordedCommand, type Recording } from './recording';
import { Witness, type Divergence, type VerifyResult } from './witness';

export type { VerifyResult } from './witness';

/** A point in a replay: `next` is the index of the first command not yet landed. */
interface Position {
  state: SimState;
  next: number;
}

export interface ReplayerOptions {
  keyframeEvery?: number; // ticks between keyframes; 360 = one sim-hour
  /**
   * Sees the first pass's ticks settled, with their step's events (tick 0 too), so a viewer's
   * history rides the keyframe pass instead of a second one. A tick can be seen again when a
   * pass resumes where it stood: keep the first.
   */
  onTick?: (state: SimState, events: readonly SimEvent[]) => void;
}

export const DEFAULT_KEYFRAME_EVERY = 360;

/** Tick hooks: `afterStep` sees a tick before its commands (checksums, keyframes, judges), `settled` after them. */
export interface TickHooks {
  afterStep?: (state: SimState, events: readonly SimEvent[]) => void;
  settled?: (state: SimState) => void;
}

/** A playhead over a recording's commands; a refused recorded command is a divergence. */
export function replayHead(rec: Recording, pos: Position, witness?: Witness, hooks: TickHooks = {}): Playhead<RecordedCommand> {
  return new Playhead(pos.state, rec.commands, pos.next, {
    stepped: (s, events) => {
      witness?.sawTick(s);
      hooks.afterStep?.(s, events);
    },
    landed: (c, res, s) => {
      if (!res.ok) witness?.refused(s.tick, rec.commands.indexOf(c), c.command.type, `${res.error.field}: ${res.error.message}`);
    },
    settled: hooks.settled,
  });
}

export class Replayer {
  readonly recording: Recording;
  readonly keyframeEvery: number;
  private readonly keyframes: Position[] = []; // keyframes[k].state.tick === k * keyframeEvery
  private readonly frontier: Playhead<RecordedCommand>; // furthest point simulated in order from tick 0
  private readonly witness: Witness;
  private result: VerifyResult | null = null;
  private cursor: Playhead<RecordedCommand> | null = null; // last seek, so playing forward does not restart from a keyframe

  constructor(recording: Recording, opts: ReplayerOptions = {}) {
    this.recording = recording;
    this.keyframeEvery = opts.keyframeEvery ?? DEFAULT_KEYFRAME_EVERY;
    if (!(Number.isInteger(this.keyframeEvery) && this.keyframeEvery >= 1)) throw new RangeError(`keyframeEvery must be a whole number >= 1, got ${opts.keyframeEvery}`);
    this.witness = new Witness(recording);
    // Every seek steps a snapshot: the pass that builds keyframes steps one too, so the tick
    // code is compiled once for the objects snapshots are made of (the recording's scenario,
    // parsed or cloned, is not laid out as a snapshot's), and a first seek does not recompile it.
    const start = snapshot(createSim(recording.scenario, recording.seed));
    this.witness.sawTick(start);
    this.keyframes.push({ state: snapshot(start), next: 0 });
    const every = this.keyframeEvery;
    const onTick = opts.onTick;
    let stepEvents: readonly SimEvent[] = [];
    this.frontier = replayHead(recording, { state: start, next: 0 }, this.witness, {
      afterStep: (s, events) => {
        if (s.tick % every === 0) this.keyframes.push({ state: snapshot(s), next: this.frontier.next });
        stepEvents = events;
      },
      settled: onTick ? (s) => onTick(s, stepEvents) : undefined,
    });
    if (onTick) this.frontier.settle(); // tick 0 as a viewer standing there sees it (its commands landed)
  }

  get endTick(): number {
    return this.recording.endTick;
  }

  /** The first place the re-simulation disagreed with the recording, once it has been simulated. */
  get divergence(): Divergence | null {
    return this.witness.divergence;
  }

  /** Ticks simulated in order so far; seeks up to here cost at most one keyframe interval. */
  get builtTo(): number {
    return this.frontier.state.tick;
  }

  /**
   * Builds all keyframes, verifying as it goes; a host can run it in slices (one
   * `next()` per idle callback). Yields the tick reached; returns the verdict.
   */
  *keyframeBuilder(chunkTicks = this.keyframeEvery): Generator<number, VerifyResult> {
    const end = this.endTick;
    while (this.frontier.state.tick < end && !this.witness.divergence) {
      this.extendTo(Math.min(end, this.frontier.state.tick + chunkTicks));
      yield this.frontier.state.tick;
    }
    if (this.result) return this.result;
    if (this.witness.divergence) return (this.result = this.witness.divergence);
    this.extendTo(end);
    return this.result ?? this.witness.divergence!;
  }

  /** Builds every keyframe at once; `onProgress` gets the fraction done (0..1). */
  buildKeyframes(onProgress?: (fraction: number) => void): VerifyResult {
    const g = this.keyframeBuilder();
    for (let r = g.next(); ; r = g.next()) {
      if (r.done) return r.value;
      onProgress?.(this.endTick > 0 ? r.value / this.endTick : 1);
    }
  }

  /** A fresh copy of the state at `tick`, after that tick's commands. */
  stateAt(tick: number): SimState {
    if (!(Number.isInteger(tick) && tick >= 0 && tick <= this.endTick)) throw new RangeError(`tick must be a whole number from 0 to ${this.endTick}, got ${tick}`);
    if (tick >= this.frontier.state.tick) {
      this.extendTo(tick);
      return snapshot(this.frontier.state);
    }
    const k = Math.floor(tick / this.keyframeEvery);
    const kf = this.keyframes[k];
    const c = this.cursor;
    const fromCursor = c !== null && c.tick <= tick && c.tick >= kf.state.tick;
    const head = fromCursor ? c : replayHead(this.recording, { state: snapshot(kf.state), next: kf.next });
    head.runTo(tick);
    this.cursor = head;
    return snapshot(head.state);
  }

  checksumAt(tick: number): string {
    return checksum(this.stateAt(tick));
  }

  /** Simulates in order up to `tick` now (a seek or a viewer ahead of the background pass). */
  buildTo(tick: number): void {
    if (tick > this.frontier.state.tick) this.extendTo(Math.min(tick, this.endTick));
  }

  private extendTo(tick: number): void {
    this.frontier.runTo(tick);
    if (tick === this.endTick && !this.result) this.result = this.witness.sawEnd(this.frontier.state);
  }
}

/**
 * Re-simulates a replay and compares every recorded checksum. Never throws for a bad
 * replay: a sim failure on strange input becomes a ReplayError naming the file.
 */
export function verify(recording: Recording, opts: { onProgress?: (fraction: number) => void; fileName?: string; replayer?: Replayer } = {}): VerifyResult {
  try {
    return (opts.replayer ?? new Replayer(recording)).buildKeyframes(opts.onProgress);
  } catch (e) {
    if (e instanceof ReplayError) throw e;
    throw new ReplayError(opts.fileName ?? 'replay', '', `could not be re-simulated: ${(e as Error).message}`);
  }
}

/**
 * "Take over": the replay cut at `tick`, ready for a trainee to continue live.
 * Replaying the branch to its end gives exactly the state at `tick` of the original.
 */
export function branchAt(recording: Recording, tick: number, replayer = new Replayer(recording)): Recording {
  const finalChecksum = replayer.checksumAt(tick); // range-checks tick
  return {
    ...structuredClone(recording),
    commands: recording.commands.filter((c) => c.tick <= tick).map((c) => structuredClone(c)),
    marks: recording.marks.filter((m) => m.tick <= tick).map((m) => ({ ...m })),
    checksums: recording.checksums.filter((c) => c.tick <= tick).map((c) => ({ ...c })),
    endTick: tick,
    finalChecksum,
    branchedFrom: branchOrigin(recording, tick),
  };
}

/** Runs a whole replay once, verifying it and calling the hooks at every tick. For debriefs and resumes. */
export function runRecording(recording: Recording, hooks: TickHooks = {}, onProgress?: (fraction: number) => void): { state: SimState; result: VerifyResult } {
  const witness = new Witness(recording);
  const state = createSim(recording.scenario, recording.seed);
  witness.sawTick(state);
  hooks.afterStep?.(state, []);
  const end = recording.endTick;
  const every = Math.max(1, Math.floor(end / 20));
  const head = replayHead(recording, { state, next: 0 }, witness, {
    afterStep: (s, events) => {
      hooks.afterStep?.(s, events);
      if (onProgress && s.tick % every === 0) onProgress(s.tick / end);
    },
    settled: hooks.settled,
  });
  head.runTo(end);
  return { state, result: witness.sawEnd(state) };
}
