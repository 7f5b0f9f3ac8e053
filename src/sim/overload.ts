// Each region's peer supernodes, tick by tick: load from attached clients and from the
// join/search probes of clients looking for a home; self-protective shutdowns; the
// life cycle of promotion, warm-up and return (seed 000).
import { REGIONS } from './regions';
import { perTick, TICK_SECONDS } from './time';
import { reattach, running } from './population';
import { cycle, demote, promote, servingOf, shedOverload, warmingOf, downOf, type ThresholdRange } from './supernodes';
import type { Scenario } from './scenario';
import type { SimState } from './state';

const PROMOTE_MIN = 30; // how fast eligible hosts are promoted toward the target count (stated assumption)
const DEMOTE_MIN = 15; // how fast surplus hosts leave as their users go to bed (stated assumption)
export const NO_SUPERNODE_LOAD = 99; // reported load when nobody is left to carry it

export function thresholdsOf(s: Scenario): ThresholdRange {
  return { min: s.supernodes.thresholdMin, max: s.supernodes.thresholdMax, classes: s.supernodes.classes };
}

/** Offered load per serving peer supernode, in units of its normal capacity. */
export function offeredLoad(state: SimState, region: number): number {
  const sn = state.scenario.supernodes;
  const n = servingOf(state.pools[region]);
  let clients = 0;
  for (const c of state.cohorts) if (c.region === region) clients += c.attachedPeer;
  if (n < 1) return clients + state.last.regionPeerProbes[region] > 0 ? NO_SUPERNODE_LOAD : 0;
  const probesPerS = state.last.regionPeerProbes[region] / TICK_SECONDS;
  return Math.min(NO_SUPERNODE_LOAD, clients / (n * sn.clientCapacity) + probesPerS / (n * sn.probeCapacityPerS));
}

/** Serving supernodes were lost: their clients look for another (seed 001). */
export function orphanPeers(state: SimState, region: number, lost: number): void {
  if (lost <= 0) return;
  const left = servingOf(state.pools[region]);
  reattach(state, region, Math.min(1, lost / (left + lost)), 'peer');
}

export function superviseSupernodes(state: SimState): void {
  const s = state.scenario;
  const sn = s.supernodes;
  const t = thresholdsOf(s);
  const shutRate = perTick(sn.overloadShutdownMin * 60);
  const back = perTick(sn.cooldownMin * 60);
  const ready = perTick(sn.warmupMin * 60);
  for (let r = 0; r < REGIONS.length; r++) {
    const pool = state.pools[r];
    const load = offeredLoad(state, r);
    state.last.load[r] = load;
    const shut = shedOverload(pool, t, load, shutRate);
    state.totals.supernodesShutDown += shut;
    orphanPeers(state, r, shut);
    cycle(pool, t, back, ready);
    // Only running desktops with a public address can be promoted (seed 001).
    let desktop = 0;
    for (const c of state.cohorts) if (c.region === r && s.versions[c.version].desktop) desktop += running(c);
    const target = desktop * sn.perRunningDesktop;
    const have = servingOf(pool) + warmingOf(pool) + downOf(pool);
    if (have < target) promote(pool, (target - have) * perTick(PROMOTE_MIN * 60));
    else if (have > 0) orphanPeers(state, r, demote(pool, ((have - target) / have) * perTick(DEMOTE_MIN * 60)));
  }
}
