// Rebuilding a game from its replay. Keyframes (snapshots every K ticks, built on the
// first pass) make any tick reachable in at most K steps: seeking a 48-hour replay is a
// snapshot copy plus <= 360 steps, not 17,280.
import { applyCommand, checksum, createSim, snapshot, step, type SimState } from '../sim/index';
import { branchOrigin } from './recorder';
import { ReplayError, type Recording } from './recording';

export type VerifyResult =
  | { ok: true; finalChecksum: string }
  | { ok: false; tick: number; expected: string; actual: string; reason: 'checksum' | 'refused' };

/** A point in a replay: `next` is the index of the first command not yet applied. */
interface Position {
  state: SimState;
  next: number;
}

export interface ReplayerOptions {
  keyframeEvery?: number; // ticks between keyframes; 360 = one sim-hour
}

export const DEFAULT_KEYFRAME_EVERY = 360;

/** Compares a re-simulation with what the recording says happened; keeps the first divergence. */
class Witness {
  divergence: Extract<VerifyResult, { ok: false }> | null = null;
  private i = 0;
  constructor(private readonly rec: Recording) {}

  /** `state` is pre-command at its tick (just stepped there). */
  sawTick(state: SimState): void {
    const marks = this.rec.checksums;
    while (this.i < marks.length && marks[this.i].tick < state.tick) this.i++;
    if (this.i < marks.length && marks[this.i].tick === state.tick) {
      const actual = checksum(state);
      if (actual !== marks[this.i].checksum) this.diverge(state.tick, marks[this.i].checksum, actual, 'checksum');
      this.i++;
    }
  }

  diverge(tick: number, expected: string, actual: string, reason: 'checksum' | 'refused'): void {
    this.divergence ??= { ok: false, tick, expected, actual, reason };
  }

  sawEnd(state: SimState): VerifyResult {
    if (this.divergence) return this.divergence;
    const actual = checksum(state);
    if (actual !== this.rec.finalChecksum) this.diverge(state.tick, this.rec.finalChecksum, actual, 'checksum');
    return this.divergence ?? { ok: true, finalChecksum: actual };
  }
}

/** Tick hooks: `afterStep` sees a tick before its commands (checksums, keyframes), `settled` after them. */
export interface TickHooks {
  afterStep?: (state: SimState) => void;
  settled?: (state: SimState) => void;
}

/** Brings `pos` to `target`, settled: every command stamped <= target applied. */
function runTo(rec: Recording, pos: Position, target: number, afterStep?: (p: Position) => void, witness?: Witness, settled?: (s: SimState) => void): void {
  const cmds = rec.commands;
  for (;;) {
    while (pos.next < cmds.length && cmds[pos.next].tick <= pos.state.tick) {
      const c = cmds[pos.next++];
      const res = applyCommand(pos.state, c.command);
      if (!res.ok) witness?.diverge(pos.state.tick, `command ${pos.next - 1} (${c.command.type}) accepted`, `refused: ${res.error.field}: ${res.error.message}`, 'refused');
    }
    settled?.(pos.state);
    if (pos.state.tick >= target) return;
    step(pos.state);
    afterStep?.(pos);
  }
}

export class Replayer {
  readonly recording: Recording;
  readonly keyframeEvery: number;
  private readonly keyframes: Position[] = []; // keyframes[k].state.tick === k * keyframeEvery
  private readonly frontier: Position; // furthest point simulated in order from tick 0
  private readonly witness: Witness;
  private result: VerifyResult | null = null;
  private cursor: Position | null = null; // last seek, so playing forward does not restart from a keyframe

  constructor(recording: Recording, opts: ReplayerOptions = {}) {
    this.recording = recording;
    this.keyframeEvery = opts.keyframeEvery ?? DEFAULT_KEYFRAME_EVERY;
    if (!(Number.isInteger(this.keyframeEvery) && this.keyframeEvery >= 1)) throw new RangeError(`keyframeEvery must be a whole number >= 1, got ${opts.keyframeEvery}`);
    this.witness = new Witness(recording);
    const start: Position = { state: createSim(recording.scenario, recording.seed), next: 0 };
    this.witness.sawTick(start.state);
    this.keyframes.push({ state: snapshot(start.state), next: 0 });
    this.frontier = start;
  }

  get endTick(): number {
    return this.recording.endTick;
  }

  /** The first place the re-simulation disagreed with the recording, once it has been simulated. */
  get divergence(): Extract<VerifyResult, { ok: false }> | null {
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
    const fromCursor = c !== null && c.state.tick <= tick && c.state.tick >= kf.state.tick;
    const pos: Position = fromCursor ? c : { state: snapshot(kf.state), next: kf.next };
    runTo(this.recording, pos, tick);
    this.cursor = pos;
    return snapshot(pos.state);
  }

  checksumAt(tick: number): string {
    return checksum(this.stateAt(tick));
  }

  private extendTo(tick: number): void {
    const every = this.keyframeEvery;
    runTo(this.recording, this.frontier, tick, (p) => {
      this.witness.sawTick(p.state);
      if (p.state.tick % every === 0) this.keyframes.push({ state: snapshot(p.state), next: p.next });
    }, this.witness);
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

/** Runs a whole replay once, verifying it and calling the hooks at every tick. For debriefs. */
export function runRecording(recording: Recording, hooks: TickHooks = {}, onProgress?: (fraction: number) => void): { state: SimState; result: VerifyResult } {
  const witness = new Witness(recording);
  const pos: Position = { state: createSim(recording.scenario, recording.seed), next: 0 };
  witness.sawTick(pos.state);
  hooks.afterStep?.(pos.state);
  const end = recording.endTick;
  const every = Math.max(1, Math.floor(end / 20));
  const after = (p: Position) => {
    witness.sawTick(p.state);
    hooks.afterStep?.(p.state);
    if (onProgress && p.state.tick % every === 0) onProgress(p.state.tick / end);
  };
  runTo(recording, pos, end, after, witness, hooks.settled);
  return { state: pos.state, result: witness.sawEnd(pos.state) };
}
