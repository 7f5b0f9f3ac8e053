// Recording a game as it is played. A Playhead calls recorder.onTick(state) from its
// `stepped` hook (after each step), and that tick's commands land through recorder.apply().
import { applyCommand, checksum, validateCommand, type Command, type Scenario, type SimState } from '../sim/index';
import { describeCommand } from './describe';
import type { ApplyResult } from '../sim/apply';
import {
  DEFAULT_CHECKSUM_EVERY,
  FORMAT_VERSION,
  REPLAY_FORMAT,
  SIM_VERSION,
  recordingHash,
  scenarioHash,
  type ChecksumMark,
  type CommandSource,
  type Mark,
  type MarkKind,
  type RecordedCommand,
  type Recording,
} from './recording';

/** Where a recorder streams entries as they happen (the crash-safe Journal is one). */
export interface RecordingSink {
  command(entry: RecordedCommand): void;
  mark(mark: Mark): void;
  checksum(entry: ChecksumMark): void;
  progress?(tick: number): void;
  finish?(endTick: number, finalChecksum: string): void;
}

export interface RecorderInit {
  scenario: Scenario;
  seed: number;
  createdAt: string; // ISO time from the host's clock
  drillId?: string;
  checkMode?: boolean; // an assessment drill: hints the instructor gives are not shown
  checksumEveryTicks?: number;
  sink?: RecordingSink;
}

export class Recorder {
  private readonly commands: RecordedCommand[] = [];
  private readonly marks: Mark[] = [];
  private readonly checksums: ChecksumMark[] = [];
  private readonly head: Omit<Recording, 'commands' | 'marks' | 'checksums' | 'endTick' | 'finalChecksum'>;
  private lastTick = 0;
  private sink?: RecordingSink;

  constructor(init: RecorderInit, branchedFrom?: Recording['branchedFrom']) {
    this.head = {
      format: REPLAY_FORMAT,
      formatVersion: FORMAT_VERSION,
      simVersion: SIM_VERSION,
      scenarioId: init.scenario.id,
      scenarioHash: scenarioHash(init.scenario),
      scenario: init.scenario,
      seed: init.seed,
      ...(init.drillId !== undefined && { drillId: init.drillId }),
      ...(init.checkMode === true && { checkMode: true }),
      createdAt: init.createdAt,
      checksumEveryTicks: init.checksumEveryTicks ?? DEFAULT_CHECKSUM_EVERY,
      ...(branchedFrom && { branchedFrom }),
    };
    if (!(Number.isInteger(this.head.checksumEveryTicks) && this.head.checksumEveryTicks >= 1))
      throw new RangeError(`checksumEveryTicks must be a whole number >= 1, got ${init.checksumEveryTicks}`);
    if (init.sink) this.attach(init.sink);
  }

  /** Streams everything recorded so far, then every new entry, to `sink`. */
  attach(sink: RecordingSink): void {
    for (const c of this.commands) sink.command(c);
    for (const m of this.marks) sink.mark(m);
    for (const k of this.checksums) sink.checksum(k);
    this.sink = sink;
  }

  /** Carries on recording from a branch (see branchAt): the trainee takes over at its end. */
  static continueFrom(branch: Recording, createdAt: string, sink?: RecordingSink): Recorder {
    const r = new Recorder(
      { scenario: branch.scenario, seed: branch.seed, createdAt, drillId: branch.drillId, checkMode: branch.checkMode, checksumEveryTicks: branch.checksumEveryTicks },
      branch.branchedFrom,
    );
    for (const c of branch.commands) r.push(c);
    for (const m of branch.marks) r.addMark(m);
    for (const k of branch.checksums) r.addChecksum(k);
    r.lastTick = branch.endTick;
    if (sink) r.attach(sink);
    return r;
  }

  get header(): Readonly<typeof this.head> {
    return this.head;
  }

  /** Applies a command now and records it if the sim accepted it; a trainee's refused order is only a mark. */
  apply(state: SimState, source: CommandSource, command: unknown, injectId?: string): ApplyResult {
    const res = applyCommand(state, command);
    if (res.ok) this.record(state.tick, source, command as Command, injectId);
    else if (source === 'trainee') this.refused(state.tick, command, res.error.message);
    return res;
  }

  /** A trainee's order the game turned down, and why, for the debrief (the sim never saw it). */
  refused(tick: number, command: unknown, why: string): void {
    const v = validateCommand(command);
    const type = (command as { type?: unknown } | null)?.type;
    const what = v.ok ? describeCommand(v.value, this.head.scenario) : typeof type === 'string' ? type.slice(0, 60) : 'an order';
    this.mark(tick, 'refused', `${what}: ${why}`.slice(0, 2000));
  }

  /** Records a command the host already applied (and the sim accepted) at `tick`. */
  record(tick: number, source: CommandSource, command: Command, injectId?: string): void {
    if (!(Number.isInteger(tick) && tick >= this.lastTick))
      throw new RangeError(`command at tick ${tick} is before tick ${this.lastTick}: a replay only moves forward`);
    this.push({ tick, source, command: JSON.parse(JSON.stringify(command)) as Command, ...(injectId !== undefined && { injectId }) });
  }

  mark(tick: number, kind: MarkKind, text: string, author?: string): void {
    this.addMark({ tick, kind, text, ...(author !== undefined && { author }) });
  }

  /** Call after each step: keeps a checksum every N ticks so a replay can prove itself. */
  onTick(state: SimState): void {
    const t = state.tick;
    this.lastTick = Math.max(this.lastTick, t);
    this.sink?.progress?.(t);
    if (t % this.head.checksumEveryTicks !== 0) return;
    const prev = this.checksums[this.checksums.length - 1];
    if (prev && prev.tick >= t) return;
    this.addChecksum({ tick: t, checksum: checksum(state) });
  }

  /** The finished replay; `state` is the game's final state (after its last tick's commands). */
  finish(state: SimState): Recording {
    this.lastTick = Math.max(this.lastTick, state.tick);
    const rec = this.build(state.tick, checksum(state));
    this.sink?.finish?.(rec.endTick, rec.finalChecksum);
    return rec;
  }

  /** The replay so far, ending at `state` (for autosave or a take-over). */
  snapshotAt(state: SimState): Recording {
    return this.build(state.tick, checksum(state));
  }

  private build(endTick: number, finalChecksum: string): Recording {
    return {
      ...structuredClone(this.head),
      commands: structuredClone(this.commands),
      marks: structuredClone(this.marks),
      checksums: this.checksums.filter((c) => c.tick <= endTick).map((c) => ({ ...c })),
      endTick,
      finalChecksum,
    };
  }

  private push(c: RecordedCommand): void {
    this.commands.push(c);
    this.lastTick = Math.max(this.lastTick, c.tick);
    this.sink?.command(c);
  }

  private addMark(m: Mark): void {
    this.marks.push(m);
    this.sink?.mark(m);
  }

  private addChecksum(k: ChecksumMark): void {
    this.checksums.push(k);
    this.sink?.checksum(k);
  }
}

/** The hash a branch keeps of the replay it came from. */
export function branchOrigin(original: Recording, tick: number): NonNullable<Recording['branchedFrom']> {
  return { replayHash: recordingHash(original), tick };
}
