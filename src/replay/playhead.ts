// The one thing that advances a game: state, a cursor into its timed commands, and the
// hooks that watch it. The CLI, the recorder, the replayer, a live game, a drill and
// replay playback all move through a Playhead, so a command lands by ONE rule:
//
//   a tick is: step the world -> `stepped` hooks (checksums, judges) -> every command
//   stamped at or before the tick lands, in order -> `settled` hooks.
//
// A live order lands at the tick the game stands on (after that tick's step), which is
// where its recording stamps it, so a replay lands it at the same point.
import { applyCommand, step, TICK_SECONDS, type Command, type SimEvent, type SimState, type TimedCommand } from '../sim/index';

/** The sim's verdict on one command (derived here: src/sim/index.ts does not export it). */
export type ApplyResult = ReturnType<typeof applyCommand>;

export { TICKS_PER_MINUTE, TICKS_PER_HOUR } from '../shared/facts';

/** A command stamped with the tick it lands in. */
export interface StampedCommand {
  tick: number;
  command: Command;
}

/**
 * The tick a command timed at `atMinute` lands in: the first tick at or after its minute,
 * i.e. the first with atMinute*60 <= tick*TICK_SECONDS (the rule `npm run sim` has always used).
 */
export function tickOfMinute(atMinute: number): number {
  let t = Math.max(0, Math.ceil((atMinute * 60) / TICK_SECONDS));
  // Past 2^53 (a minute from a file, up to 1e308) t - 1 === t: nothing to mend, and the loops would never end.
  if (!Number.isSafeInteger(t)) return t;
  while (t > 0 && atMinute * 60 <= (t - 1) * TICK_SECONDS) t--;
  while (atMinute * 60 > t * TICK_SECONDS) t++;
  return t;
}

/** Timed commands (action files, the historical response) as stamped ones, in order; ties keep file order. */
export function stampAll<S extends string>(actions: readonly TimedCommand[], source: S): ScriptedCommand<S>[] {
  return actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.atMinute - y.a.atMinute || x.i - y.i)
    .map(({ a }, order) => ({ tick: tickOfMinute(a.atMinute), source, command: a.command, atMinute: a.atMinute, order }));
}

/** A timed command on its tick; `order` is its place in the sorted script (error messages count by it). */
export type ScriptedCommand<S extends string> = StampedCommand & { source: S; atMinute: number; order: number };

export interface PlayheadHooks<E extends StampedCommand> {
  /** After each step, before that tick's commands: checksums, keyframes, drill judges. */
  stepped?: (state: SimState, events: SimEvent[]) => void;
  /** How a due command lands (default: straight into the sim). */
  land?: (state: SimState, entry: E) => ApplyResult;
  /** After each command lands (refusals included): a script may throw, a replay may diverge. */
  landed?: (entry: E, result: ApplyResult, state: SimState) => void;
  /** After the tick's commands: samples and rows that must see the orders of their tick. */
  settled?: (state: SimState) => void;
}

export class Playhead<E extends StampedCommand = StampedCommand> {
  /**
   * `state` stands at its tick with the script's commands before `next` landed (a keyframe
   * stands after its step, before its tick's commands).
   */
  constructor(
    readonly state: SimState,
    private script: readonly E[] = [],
    private cursor = 0,
    private readonly hooks: PlayheadHooks<E> = {},
  ) {}

  get tick(): number {
    return this.state.tick;
  }

  /** Index of the first scripted command not yet landed. */
  get next(): number {
    return this.cursor;
  }

  /** Follows a new script from here on; commands stamped before the current tick are skipped. */
  follow(script: readonly E[]): void {
    this.script = script;
    const i = script.findIndex((e) => e.tick >= this.state.tick);
    this.cursor = i < 0 ? script.length : i;
  }

  /** Lands every scripted command due at the current tick, then runs the `settled` hook. */
  settle(): void {
    const { script, hooks, state } = this;
    while (this.cursor < script.length && script[this.cursor].tick <= state.tick) {
      const entry = script[this.cursor++];
      const result = hooks.land ? hooks.land(state, entry) : applyCommand(state, entry.command);
      hooks.landed?.(entry, result, state);
    }
    hooks.settled?.(state);
  }

  /** One tick: step, `stepped`, the tick's commands, `settled`. Returns the sim's events. */
  advance(): SimEvent[] {
    const events = step(this.state);
    this.hooks.stepped?.(this.state, events);
    this.settle();
    return events;
  }

  /** Settles where it stands, then advances to `target` (settled there); `stop` ends it early. */
  runTo(target: number, stop?: () => boolean): void {
    this.settle();
    while (this.state.tick < target && !stop?.()) this.advance();
  }
}
