// One game being played: the sim state, its Recorder (every command and mark, a checksum
// every sim-hour), the log that journals it to disk as it happens, and, in a drill, the
// DrillPlay that runs the drill over it. Free games are recorded too, so they export.
import { createSim, type Command, type Scenario, type SimEvent, type SimState } from '../../sim/index';
import { Playhead, Recorder, type ApplyResult, type StampedCommand, type CommandSource, type MarkKind, type Recording } from '../../replay/index';
import { DrillRunner, drillWorld, type Drill } from '../../drill/index';
import { DrillPlay } from './drill-play';
import { GameLog } from './game-log';
import type { JournalStore } from './journal-store';

/** What a new game needs from its host: the wall clock for createdAt, and where to journal. */
export interface GameContext {
  createdAt: () => string;
  journals: JournalStore | null;
  warn: (line: string) => void;
}

export class LiveGame {
  private done: Recording | null = null;
  /** A free game's playhead (a drill moves through its runner's). Live orders land between ticks. */
  private readonly head: Playhead | null;

  private constructor(
    readonly state: SimState,
    readonly recorder: Recorder,
    readonly log: GameLog,
    readonly drill: DrillPlay | null,
    readonly journalPath: string | null,
  ) {
    this.head = drill ? null : new Playhead<StampedCommand>(state, [], 0, { stepped: (s) => recorder.onTick(s) });
  }

  /** A free game from the scenario's start. */
  static free(scenario: Scenario, seed: number, ctx: GameContext): LiveGame {
    const recorder = new Recorder({ scenario, seed, createdAt: ctx.createdAt() });
    const log = logFor(recorder, ctx);
    const path = startJournal(recorder, log, ctx, false, 0);
    const state = createSim(scenario, seed);
    recorder.onTick(state); // tick 0's checksum, as recordScripted does
    return new LiveGame(state, recorder, log, null, path);
  }

  /** A drill from its start (DrillRunner.start, with the journal in place before the first tick). */
  static drill(drill: Drill, checkMode: boolean, ctx: GameContext, seed: number = drill.seed): LiveGame {
    const scenario = drillWorld(drill, seed);
    const recorder = new Recorder({ scenario, seed, createdAt: ctx.createdAt(), drillId: drill.id, checkMode });
    const log = logFor(recorder, ctx);
    const path = startJournal(recorder, log, ctx, checkMode, 0);
    const runner = new DrillRunner(drill, createSim(scenario, seed), recorder);
    return new LiveGame(runner.state, recorder, log, new DrillPlay(runner, checkMode, log), path);
  }

  /** Wraps a game rebuilt from a recording (resume.ts). */
  static rebuilt(state: SimState, recorder: Recorder, log: GameLog, drill: DrillPlay | null, path: string | null): LiveGame {
    return new LiveGame(state, recorder, log, drill, path);
  }

  get finished(): boolean {
    return this.done !== null;
  }

  /** The drill is over (time, objectives or the instructor). Free games end with the scenario. */
  get drillEnded(): boolean {
    return this.drill?.runner.ended ?? false;
  }

  /** One 10-second tick: the runner's in a drill (it fires injects and hints), else the playhead's. */
  tick(): SimEvent[] {
    return this.head ? this.head.advance() : this.drill!.runner.tick().events;
  }

  /** A trainee's order (kept to the drill's verbs in a drill) or an instructor's. */
  command(command: Command, source: CommandSource): ApplyResult {
    if (this.done) return { ok: false, error: { code: 'not-allowed-now', field: 'command', message: 'this game is over; start a new one to give orders' } };
    if (this.drill) return this.drill.runner.command(command, source);
    return this.recorder.apply(this.state, source, command);
  }

  mark(kind: MarkKind, text: string, author: string): void {
    this.recorder.mark(this.state.tick, kind, text, author);
  }

  /** The replay so far (the whole replay once finished). */
  recording(): Recording {
    return this.done ?? this.recorder.snapshotAt(this.state);
  }

  /** The host is closing mid-game: keep the journal unfinished, so the game is offered next time. */
  closeJournal(): void {
    this.log.closeJournal();
  }

  /** Seals the replay: the journal gets its end line and will not be offered for recovery. */
  finish(): Recording {
    this.done ??= this.recorder.finish(this.state);
    return this.done;
  }
}

/** A log that keeps what `recorder` records (its history too, for a continued recording). */
export function logFor(recorder: Recorder, ctx: GameContext): GameLog {
  const log = new GameLog(ctx.warn);
  recorder.attach(log);
  return log;
}

/**
 * Starts journaling `log` (everything so far, then as it happens) to a new file when the host
 * has a journal folder; `tick` is where the game stands. Returns the file's path.
 */
export function startJournal(recorder: Recorder, log: GameLog, ctx: GameContext, checkMode: boolean, tick: number): string | null {
  if (!ctx.journals) return null;
  try {
    const journal = ctx.journals.create(recorder.header, { checkMode });
    log.journalTo(journal);
    journal.progress(tick);
    journal.flush();
    return journal.path;
  } catch (e) {
    ctx.warn(`Supernode Storm: cannot journal this game in ${ctx.journals.dir} (${(e as Error).message}); it is still recorded in memory and can be exported.`);
    return null;
  }
}
