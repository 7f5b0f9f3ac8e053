// A replay is scenario + seed + timed command log (+ periodic checksums): the sim is
// deterministic, so that is enough to rebuild every tick of a game (ARCHITECTURE.md).
// The format itself (constants, REPLAY_SPEC, the types) lives in replay-spec.ts.
import type { Scenario } from '../sim/index';
import { hashOf } from './hash';
import type { Recording, RecordedCommand } from './replay-spec';

export { REPLAY_FORMAT, FORMAT_VERSION, COMMAND_SOURCES, MARK_KINDS, type CommandSource, type MarkKind } from './replay-spec';
export type { Recording, RecordingFile, RecordedCommand, Mark, ChecksumMark } from './replay-spec';
/**
 * Version of the simulation rules. Same sim version + same inputs => same checksums.
 * Bump whenever a change to src/sim moves any checksum (the golden replay test fails then).
 */
export { SIM_VERSION } from '../sim/version';
import { SIM_VERSION } from '../sim/version';
/** One sim-hour of 10-second ticks: a checksum per sim-hour costs ~1.5 ms and finds a divergence to the hour. */
export const DEFAULT_CHECKSUM_EVERY = 360;

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
