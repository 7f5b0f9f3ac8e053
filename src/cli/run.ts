// Running a scenario headless: shared by the sim CLI, the benchmark and the calibration plot.
import { createSim, viewOf, TICK_SECONDS, type Scenario, type SimState, type TimedCommand, type Metrics } from '../sim/index';
import { Playhead, refusal, stampAll } from '../replay/index';

export interface Row {
  minute: number;
  utc: string;
  m: Metrics;
  phase: string;
}

/**
 * Runs `hours` of a scenario with timed commands; calls `onRow` every `every` sim-minutes
 * (after that tick's commands). A command lands at the first tick at or after its minute.
 */
export function runScenario(
  scenario: Scenario,
  seed: number,
  actions: TimedCommand[],
  hours: number,
  every: number,
  onRow?: (row: Row, state: SimState) => void,
  stop?: () => boolean, // ends the run early (a test that has its answer)
): SimState {
  const state = createSim(scenario, seed);
  const ticks = Math.round((hours * 3600) / TICK_SECONDS);
  const everyTicks = Math.max(1, Math.round((every * 60) / TICK_SECONDS));
  new Playhead(state, stampAll(actions, 'script'), 0, {
    landed: (c, res) => {
      if (!res.ok) throw new ActionError(refusal(c.order, c, res.error));
    },
    settled: (s) => {
      if (!onRow || s.tick % everyTicks !== 0) return;
      const v = viewOf(s);
      onRow({ minute: v.minute, utc: new Date(v.utcMs).toISOString().slice(0, 16) + 'Z', m: v.metrics, phase: v.phase }, s);
    },
  }).runTo(ticks, stop);
  return state;
}

export class ActionError extends Error {}
