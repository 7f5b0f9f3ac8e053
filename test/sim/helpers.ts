// Shared test helpers: run a scenario and read figures at sim times.
import { getScenario, historicalActions, type TimedCommand } from '../../src/sim/index';
import { runScenario, type Row } from '../../src/cli/run';
import type { SimState } from '../../src/sim/state';

export interface Run {
  rows: Row[];
  state: SimState;
  at(hours: number): Row;
  share(hours: number): number; // users online / users who want to be
}

export function run(id: string, actions: TimedCommand[] | 'historical' = [], hours?: number, seed = 1): Run {
  const sc = getScenario(id);
  const rows: Row[] = [];
  const acts = actions === 'historical' ? historicalActions() : actions;
  const state = runScenario(sc, seed, acts, hours ?? sc.durationHours, 10, (r) => rows.push(r));
  const at = (h: number) => {
    const r = rows.find((x) => x.minute === Math.round(h * 60));
    if (!r) throw new Error(`no row at ${h} h`);
    return r;
  };
  return { rows, state, at, share: (h) => at(h).m.onlineUsers / at(h).m.wantOnline };
}
