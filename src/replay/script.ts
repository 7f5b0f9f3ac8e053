// Recording a headless run of timed commands (action files, the historical response):
// golden replays, tests, benchmarks and `npm run replay -- record` all make replays here.
import { createSim, step, TICK_SECONDS, type Scenario, type TimedCommand } from '../sim/index';
import { Recorder } from './recorder';
import type { Recording } from './recording';

const TICKS_PER_MINUTE = 60 / TICK_SECONDS;

/** A scripted action the sim refused: a script that cannot be followed is not silently trimmed. */
export class ScriptRefusedError extends Error {}

/** The tick an action at `atMinute` is applied in (the first tick at or after it, as in npm run sim). */
export const tickOfMinute = (atMinute: number): number => Math.ceil(atMinute * TICKS_PER_MINUTE - 1e-9);

export interface ScriptedRun {
  scenario: Scenario;
  seed: number;
  actions: TimedCommand[];
  endTick: number;
  createdAt: string;
  checksumEveryTicks?: number;
}

export function recordScripted(run: ScriptedRun): Recording {
  const actions = run.actions.map((e, i) => ({ e, i })).sort((a, b) => a.e.atMinute - b.e.atMinute || a.i - b.i).map((x) => x.e);
  const state = createSim(run.scenario, run.seed);
  const rec = new Recorder({ scenario: run.scenario, seed: run.seed, createdAt: run.createdAt, checksumEveryTicks: run.checksumEveryTicks });
  let next = 0;
  for (let t = 0; t <= run.endTick; t++) {
    rec.onTick(state);
    while (next < actions.length && tickOfMinute(actions[next].atMinute) <= state.tick) {
      const a = actions[next++];
      const res = rec.apply(state, 'script', a.command);
      if (!res.ok) throw new ScriptRefusedError(`action ${next - 1} at minute ${a.atMinute} (${a.command.type}) was refused: ${res.error.field}: ${res.error.message}`);
    }
    if (t < run.endTick) step(state);
  }
  return rec.finish(state);
}
