// Running a scenario headless: shared by the sim CLI, the benchmark and the calibration plot.
import { applyCommand, createSim, step, viewOf, TICK_SECONDS, type Scenario, type SimState, type TimedCommand, type Metrics } from '../sim/index';

export interface Row {
  minute: number;
  utc: string;
  m: Metrics;
  phase: string;
}

/** Runs `hours` of a scenario with timed commands; calls `onRow` every `every` sim-minutes. */
export function runScenario(
  scenario: Scenario,
  seed: number,
  actions: TimedCommand[],
  hours: number,
  every: number,
  onRow?: (row: Row, state: SimState) => void,
): SimState {
  const state = createSim(scenario, seed);
  const sorted = [...actions].sort((a, b) => a.atMinute - b.atMinute);
  const ticks = Math.round((hours * 3600) / TICK_SECONDS);
  const everyTicks = Math.max(1, Math.round((every * 60) / TICK_SECONDS));
  let next = 0;
  for (let t = 0; t <= ticks; t++) {
    while (next < sorted.length && sorted[next].atMinute * 60 <= state.tick * TICK_SECONDS) {
      const res = applyCommand(state, sorted[next].command);
      if (!res.ok) throw new ActionError(`action ${next} at minute ${sorted[next].atMinute} (${sorted[next].command.type}) was refused: ${res.error.field}: ${res.error.message}`);
      next++;
    }
    if (onRow && t % everyTicks === 0) {
      const v = viewOf(state);
      onRow({ minute: v.minute, utc: new Date(v.utcMs).toISOString().slice(0, 16) + 'Z', m: v.metrics, phase: v.phase }, state);
    }
    if (t < ticks) step(state);
  }
  return state;
}

export class ActionError extends Error {}
