// A replay is scenario + seed + timed command log (+ periodic checksums): the sim is
// deterministic, so that is enough to rebuild every tick of a game (ARCHITECTURE.md).
import type { Command, Scenario } from '../sim/index';
import { hashOf } from './hash';

export const REPLAY_FORMAT = 'skyreplay';
/** Layout of the file. Bump when a field changes meaning; readers refuse newer formats. */
export const FORMAT_VERSION = 1;
/**
 * Version of the simulation rules. Same sim version + same inputs => same checksums.
 * Bump whenever a change to src/sim moves any checksum (the golden replay test fails then).
 */
export { SIM_VERSION } from '../sim/version';
import { SIM_VERSION } from '../sim/version';
/** One sim-hour of 10-second ticks: a checksum per sim-hour costs ~1.5 ms and finds a divergence to the hour. */
export const DEFAULT_CHECKSUM_EVERY = 360;

export const COMMAND_SOURCES = ['trainee', 'instructor', 'scenario', 'script'] as const;
/** Who gave a command: the player, the instructor (or a drill inject), a host acting for the scenario, a headless script. */
export type CommandSource = (typeof COMMAND_SOURCES)[number];

/** `refused`: a trainee's order the game turned down (not a command: nothing happened), kept for the debrief. */
export const MARK_KINDS = ['bookmark', 'note', 'hint', 'refused'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** An accepted command, applied at `tick` after the step that reached `tick`. */
export interface RecordedCommand {
  tick: number;
  source: CommandSource;
  command: Command;
  injectId?: string; // a drill's scripted inject, so a resumed drill does not fire it twice
}

export interface Mark {
  tick: number;
  kind: MarkKind;
  text: string;
  author?: string;
}

/** checksum(state) right after the step that reached `tick`, before that tick's commands. */
export interface ChecksumMark {
  tick: number;
  checksum: string;
}

export interface Recording {
  format: typeof REPLAY_FORMAT;
  formatVersion: number;
  simVersion: string;
  scenarioId: string;
  scenarioHash: string; // hashOf(scenario): a seal on the scenario the run used
  scenario: Scenario; // carried whole, so a replay of a custom scenario is self-contained
  seed: number;
  drillId?: string;
  checkMode?: boolean; // a drill played as an assessment: the trainee saw no hints (not sealed, like marks)
  createdAt: string; // ISO time set by the host (the sim has no clock)
  checksumEveryTicks: number;
  commands: RecordedCommand[]; // in tick order; same-tick commands in the order given
  marks: Mark[];
  checksums: ChecksumMark[]; // strictly increasing ticks
  endTick: number;
  finalChecksum: string; // of the state at endTick, after that tick's commands
  branchedFrom?: { replayHash: string; tick: number };
}

/** A replay that cannot be used; the message names the file, the field and the problem. */
export class ReplayError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field ? `${field} ` : ''}${problem}`);
    this.name = 'ReplayError';
  }
}

export const scenarioHash = (s: Scenario): string => hashOf(s);

/** Identifies a whole recording (for branchedFrom). */
export const recordingHash = (r: Recording): string => hashOf(r);

/** Commands in force at `tick`: those stamped at or before it. */
export function commandsUpTo(r: Recording, tick: number): RecordedCommand[] {
  return r.commands.filter((c) => c.tick <= tick);
}
