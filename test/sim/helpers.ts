// Shared test helpers: run a scenario and read figures at sim times.
import { getScenario, type Command, type Scenario, type TimedCommand } from '../../src/sim/index';
import { historicalFor } from '../../src/sim/historical';
import { varyScenario } from '../../src/sim/vary';
import { runScenario, type Row } from '../../src/cli/run';
import { SummaryWatch, type RunSummary } from '../../src/cli/summary';
import type { SimState } from '../../src/sim/state';

export interface Run {
  rows: Row[]; // every 10 sim-minutes
  state: SimState;
  summary: RunSummary;
  at(hours: number): Row;
  share(hours: number): number; // users online / users who want to be
}

export interface RunOptions {
  hours?: number;
  seed?: number;
  vary?: number;
  /** Ends the run as soon as its summary so far answers the question (checked every sim-minute). */
  until?: (sofar: RunSummary) => boolean;
}

export function run(id: string | Scenario, actions: TimedCommand[] | 'historical' = [], opts: RunOptions = {}): Run {
  const seed = opts.seed ?? 1;
  const base = typeof id === 'string' ? getScenario(id) : id;
  const sc = opts.vary ? varyScenario(base, opts.vary, seed) : base;
  const rows: Row[] = [];
  const acts = actions === 'historical' ? (historicalFor(sc) ?? []) : actions;
  const watch = new SummaryWatch();
  let answered = false;
  const state = runScenario(sc, seed, acts, opts.hours ?? sc.durationHours, 1, (r, s) => {
    watch.observe(r);
    if (Math.round(r.minute) % 10 === 0) rows.push(r);
    if (opts.until?.(watch.result(s))) answered = true;
  }, () => answered);
  const at = (h: number) => {
    const r = rows.find((x) => Math.round(x.minute) === Math.round(h * 60));
    if (!r) throw new Error(`no row at ${h} h`);
    return r;
  };
  return { rows, state, summary: watch.result(state), at, share: (h) => at(h).m.onlineUsers / at(h).m.wantOnline };
}

/** One timed command. */
export const at = (minute: number, command: TimedCommand['command']): TimedCommand => ({ atMinute: minute, command });

/** A copy of a shipped scenario with `edit` applied (the shipped one stays as it is). */
export function edited(id: string, edit: (s: Scenario) => void = () => {}): Scenario {
  const s = structuredClone(getScenario(id)) as Scenario;
  edit(s);
  return s;
}

/**
 * aug-2007's lesson in a relapse (the FOOLISH row of docs/strategies.md): Group Video off, 800
 * megas (400 dedicated, 400 Group Video) over europe, na-east and asia-pac, all withdrawn at
 * +12 h with no fix, while the network is only half healed.
 */
export function megasWithdrawnHalfHealed(): TimedCommand[] {
  const spread = ['europe', 'na-east', 'asia-pac'] as const;
  return [
    at(5, { type: 'setGroupVideo', enabled: false }),
    ...spread.flatMap((region, i) => [
      at(10, { type: 'deployMegaSupernodes', count: i ? 133 : 134, region, source: 'dedicated' }),
      at(10, { type: 'deployMegaSupernodes', count: i ? 133 : 134, region, source: 'groupVideo' }),
      at(12 * 60, { type: 'withdrawMegaSupernodes', count: 800, region }),
    ]),
  ];
}

/**
 * The play-tester's dec-2010 shift, ordered at T+15 min: offline IM off, the crash fix at 10%/h,
 * logins throttled to 8,000/s, 2,200 megas (Group Video switched off for its 1,500).
 */
export const TESTERS_ORDERS: Command[] = [
  { type: 'setOfflineImService', enabled: false },
  { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 10 },
  { type: 'throttleLogins', perSecond: 8000 },
  { type: 'deployMegaSupernodes', count: 400, region: 'europe', source: 'dedicated' },
  { type: 'deployMegaSupernodes', count: 300, region: 'na-east', source: 'cloud' },
  { type: 'setGroupVideo', enabled: false },
  { type: 'deployMegaSupernodes', count: 1500, region: 'asia-pac', source: 'groupVideo' },
];
