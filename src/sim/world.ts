// Creating a world from a scenario, and one tick of its life.
import { REGIONS } from './regions';
import { seedRng } from './rng';
import { doubles } from './doubles';
import { TICKS_PER_MINUTE } from './time';
import { cohortFor, regionBases, startMs, wantOnline } from './population';
import { makeCells, rangeAt, rangeTable } from './cells';
import { cohortsIn } from './layout';
import { moveClients } from './demand';
import { contact } from './contact';
import { superviseSupernodes } from './overload';
import { runMegaPool } from './megas';
import { rollHotfixes } from './hotfix';
import { health, raiseAlarms, recordTotals } from './alarms';
import { applyCommand, landPending } from './apply';
import type { Scenario } from './scenario';
import type { SimState } from './state';
import type { SimEvent } from './view-types';

export type { SimState } from './state';

export function createSim(scenario: Scenario, seed: number): SimState {
  const t0 = startMs(scenario);
  const state: SimState = {
    version: 2,
    scenario,
    seed,
    tick: 0,
    rng: seedRng(seed),
    regionBase: regionBases(scenario),
    cohorts: [],
    cells: [],
    megaUp: { dedicated: REGIONS.map(() => 0), groupVideo: REGIONS.map(() => 0), cloud: REGIONS.map(() => 0) },
    megaPending: [],
    megaCredit: { dedicated: 0, groupVideo: 0, cloud: 0 },
    megaKnown: doubles(REGIONS.length),
    megaDrain: doubles(REGIONS.length),
    services: {
      loginQueue: 0,
      imQueue: 0,
      imEnabled: true,
      imCapacityPct: 100,
      imBacklog: 0,
      updateBacklog: 0,
      groupVideo: true,
      throttleGlobal: null,
      throttleRegion: REGIONS.map(() => null),
    },
    outages: [],
    floods: [],
    reboots: [],
    hotfixes: [],
    pending: [],
    timelineNext: 0,
    alarms: { imOverloaded: false, loginOverloaded: false, snLossStep: 0, collapsed: false, recovered: false, trafficStep: 0, lastCrashes: 0, climbing: false, lowShare: 1, bestShare: 1, relapsing: false },
    totals: {
      crashedClients: 0,
      supernodesCrashed: 0,
      supernodesShutDown: 0,
      megaCostUsd: 0,
      userHoursLost: 0,
      groupVideoDownMin: 0,
      imDeferred: 0,
      costUsd: 0,
      peakTrafficX: 0,
      minSupernodes: Infinity,
      recoveredAtMinute: -1,
    },
    last: {
      loginAttempts: 0,
      loginsOk: 0,
      attachAttempts: 0,
      probes: 0,
      imDemandPerS: 0,
      imLatencyS: 0,
      imPDelayed: 0,
      wantOnline: doubles(REGIONS.length),
      load: doubles(REGIONS.length),
      regionLoginAttempts: doubles(REGIONS.length),
      regionPeerProbes: doubles(REGIONS.length),
      regionAttempts: doubles(REGIONS.length),
      trafficX: 1,
      loginWaitS: 0,
      loginRejected: 0,
      maxCellLoad: doubles(REGIONS.length),
      cellsDown: REGIONS.map(() => 0),
    },
    events: [],
  };
  state.totals.minSupernodes = 0; // Infinity is not plain JSON; set properly on the first tick
  // The world at the start is a normal day: everyone who wants to be online is attached.
  const desktop: number[] = [];
  const peers: number[] = [];
  for (let r = 0; r < REGIONS.length; r++) {
    const want = wantOnline(state, r, t0);
    state.last.wantOnline[r] = want;
    let d = 0;
    scenario.versions.forEach((v, vi) => {
      const c = cohortFor(state, r, vi, 0);
      c.attachedPeer = want * v.share;
      if (v.desktop) d += c.attachedPeer;
    });
    desktop.push(want > 0 ? (d / want) * state.regionBase[r] : 0); // always-on hosts: the daily-peak count
    peers.push(want);
  }
  state.cells = makeCells(state, desktop, peers);
  primeIndexes(state);
  return state;
}

/**
 * Builds the indexes kept beside the state (cohorts by region, cell ranges) now, not in the
 * first tick: building them inside the optimised tick code of a second world would throw
 * that code away (V8 deoptimises on a path it has not seen) and run slowly until rebuilt.
 * A snapshot primes its copy the same way (checksum.ts).
 */
export function primeIndexes(state: SimState): void {
  cohortsIn(state, 0);
  const table = rangeTable(state);
  state.cells.forEach((cell, i) => rangeAt(table, state.scenario, cell, i));
}

export function minuteOf(state: SimState): number {
  return state.tick / TICKS_PER_MINUTE;
}

export function endMinuteOf(state: SimState): number {
  return state.scenario.durationHours * 60;
}

/** Advances the world by one tick; returns the events it raised. */
export function step(state: SimState): SimEvent[] {
  runTimeline(state);
  landPending(state);
  moveClients(state);
  rollHotfixes(state);
  contact(state);
  superviseSupernodes(state);
  runMegaPool(state);
  // Totals and alarms read the same health: nothing they do changes it.
  const h = health(state);
  recordTotals(state, h);
  raiseAlarms(state, h);
  state.tick++;
  const out = state.events;
  state.events = [];
  return out;
}

/** The scenario's own scripted happenings, applied like any instructor inject. */
function runTimeline(state: SimState): void {
  const tl = state.scenario.timeline;
  while (state.timelineNext < tl.length && tl[state.timelineNext].atMinute * TICKS_PER_MINUTE <= state.tick) {
    applyCommand(state, tl[state.timelineNext].command);
    state.timelineNext++;
  }
}
