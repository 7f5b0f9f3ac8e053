// What a host agrees to open on a screen (the CLIs verify longer ones): a replay is played
// tick by tick and seeks re-simulate, so its span, commands and marks are bounded before
// anything is simulated or described. A real 48-hour game has a few hundred commands.
import { TICKS_PER_HOUR } from './playhead';
import { ReplayError, type Recording } from './recording';

export const REPLAY_BOUNDS = {
  hours: 96, // twice the longest shipped scenario: the longest seek stays a few seconds at worst
  commands: 10_000,
  marks: 2_000,
} as const;

/** Throws ReplayError naming the first bound `rec` is past. */
export function checkReplayBounds(rec: Recording, file: string): void {
  const b = REPLAY_BOUNDS;
  if (rec.endTick > b.hours * TICKS_PER_HOUR)
    throw new ReplayError(file, 'endTick', `spans ${(rec.endTick / TICKS_PER_HOUR).toFixed(1)} sim-hours; a host plays replays of up to ${b.hours} hours (check longer ones with npm run replay -- verify)`);
  if (rec.commands.length > b.commands) throw new ReplayError(file, 'commands', `holds ${rec.commands.length} commands; a host plays replays of up to ${b.commands}`);
  if (rec.marks.length > b.marks) throw new ReplayError(file, 'marks', `holds ${rec.marks.length} marks; a host plays replays of up to ${b.marks}`);
}
