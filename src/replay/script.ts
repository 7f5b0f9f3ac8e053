// Recording a headless run of timed commands (action files, the historical response):
// golden replays, tests, benchmarks and `npm run replay -- record` all make replays here.
import { createSim, type Scenario, type TimedCommand } from '../sim/index';
import { Playhead, stampAll } from './playhead';
import { Recorder } from './recorder';
import type { Recording } from './recording';

/** A scripted action the sim refused: a script that cannot be followed is not silently trimmed. */
export class ScriptRefusedError extends Error {}

export interface ScriptedRun {
  scenario: Scenario;
  seed: number;
  actions: TimedCommand[];
  endTick: number;
  createdAt: string;
  checksumEveryTicks?: number;
}

/** Why a scripted action was refused, in the words both CLIs print. */
export function refusal(index: number, a: { atMinute: number; command: { type: string } }, error: { field: string; message: string }): string {
  return `action ${index} at minute ${a.atMinute} (${a.command.type}) was refused: ${error.field}: ${error.message}`;
}

export function recordScripted(run: ScriptedRun): Recording {
  const script = stampAll(run.actions, 'script');
  const state = createSim(run.scenario, run.seed);
  const rec = new Recorder({ scenario: run.scenario, seed: run.seed, createdAt: run.createdAt, checksumEveryTicks: run.checksumEveryTicks });
  rec.onTick(state);
  new Playhead(state, script, 0, {
    stepped: (s) => rec.onTick(s),
    land: (s, c) => rec.apply(s, c.source, c.command),
    landed: (c, res) => {
      if (!res.ok) throw new ScriptRefusedError(refusal(c.order, c, res.error));
    },
  }).runTo(run.endTick);
  return rec.finish(state);
}
