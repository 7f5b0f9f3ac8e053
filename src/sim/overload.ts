// Each cell's peer supernodes, tick by tick: load from attached clients and from the
// join/search probes that reach them; self-protective shutdowns (per cell, fibre bundle);
// the life cycle of promotion, warm-up and return (seed 000); host caches catching up.
import { REGIONS } from './regions';
import { perTick, TICK_SECONDS } from './time';
import { attached, hasHealingFlaw, present, running } from './population';
import { cycle, demote, promote, servingOf, shedOverload, warmingOf } from './supernodes';
import { cellRange, firstCell, orphanCohorts, orphanInCell, syncCells } from './cells';
import { cohortsIn } from './layout';
import type { Cell, SimState } from './state';
import type { Scenario } from './scenario';

export const NO_SUPERNODE_LOAD = 99; // reported load when nobody is left to carry it

/** Offered load per serving supernode of a cell, in units of its normal capacity. */
export function cellLoad(s: Scenario, cell: Cell, n = servingOf(cell.pool)): number {
  const sn = s.supernodes;
  if (n < 0.5) return cell.peers + cell.probes > 0 ? NO_SUPERNODE_LOAD : 0;
  return Math.min(NO_SUPERNODE_LOAD, cell.peers / (n * sn.clientCapacity) + cell.probes / TICK_SECONDS / (n * sn.probeCapacityPerS));
}

export function superviseSupernodes(state: SimState): void {
  const s = state.scenario;
  const sn = s.supernodes;
  const shutRate = perTick(sn.overloadShutdownMin * 60);
  const back = perTick(sn.cooldownMin * 60);
  const ready = perTick(sn.warmupMin * 60);
  const readyNew = perTick(sn.promoteWarmupMin * 60);
  const up = perTick(sn.promoteMin * 60);
  const downRate = perTick(sn.demoteMin * 60);
  const learn = perTick(sn.cacheRefreshMin * 60);
  const learnStale = perTick(sn.flawCacheRefreshMin * 60);
  const flawDrop = flawDropShare(state);
  let desktopShare = 0;
  for (const v of s.versions) if (v.desktop) desktopShare += v.share;
  for (let r = 0; r < REGIONS.length; r++) {
    const { peers } = syncCells(state, r);
    let orphaned = 0;
    // Supernode hosts are always-on desktops with a public address (seed 001), so the target is
    // the region's daily-peak count, not the hour's; but a client must be on the network to be
    // found eligible, so it scales with the share of desktops connected: a collapsed network
    // promotes no one until mega-supernodes bring clients back (seed 000: megas "accelerate
    // the recovery of the peer-to-peer cloud").
    // Self-healing: a desktop that finds no supernode promotes itself (up to selfPromoteShare of
    // the hosts), unless it has the 2007 flaw that "prevented self-healing" (seeds 002, 004).
    let desktop = 0;
    let desktopWant = 0;
    let flawedDesktop = 0;
    let flawedWant = 0;
    for (const c of cohortsIn(state, r)) {
      if (!s.versions[c.version].desktop) continue;
      desktop += attached(c);
      desktopWant += present(c);
      if (hasHealingFlaw(s, c)) {
        flawedDesktop += attached(c);
        flawedWant += running(c);
      }
    }
    const connected = desktopWant > 0 ? Math.min(1, desktop / desktopWant) : 1;
    const selfHeal = sn.selfPromoteShare * (desktopWant > 0 ? 1 - Math.min(1, flawedWant / desktopWant) : 1);
    const target = state.regionBase[r] * desktopShare * sn.perConnectedDesktop * (selfHeal + (1 - selfHeal) * connected);
    const dropF = desktop > 0 ? (flawDrop * flawedDesktop) / desktop : 0;
    const a = firstCell(state, r);
    const b = a + sn.cellsPerRegion;
    let loadSum = 0;
    let servingSum = 0;
    let maxLoad = 0;
    let cellsDown = 0;
    for (let i = a; i < b; i++) {
      const cell = state.cells[i];
      const pool = cell.pool;
      const t = cellRange(s, cell);
      const before = servingOf(pool);
      const load = cellLoad(s, cell, before);
      cell.load = load;
      let lost = shedOverload(pool, t, load, shutRate);
      state.totals.supernodesShutDown += lost;
      // Seed 004: flawed supernodes that cannot reach the login servers drop supernode mode.
      if (dropF > 0) lost += dropFlawed(pool, dropF);
      if (before > 0) orphaned += orphanInCell(cell, lost / before);
      cycle(pool, t, back, ready, readyNew);
      // Hosts that shut themselves down do not count: fresh hosts are promoted in their place
      // (the shut-down ones come back later, with the same limits, and the surplus is demoted).
      const cellTarget = target * cell.home;
      // Promotion only adds warming hosts, so the serving count is summed again only after a demotion.
      let serving = servingOf(pool);
      const have = serving + warmingOf(pool);
      if (have < cellTarget) promote(pool, (cellTarget - have) * up);
      else if (have > 0) {
        const gone = demote(pool, ((have - cellTarget) / have) * downRate);
        if (serving > 0) orphaned += orphanInCell(cell, gone / serving);
        serving = servingOf(pool);
      }
      // Caches forget dead supernodes and learn new ones, the flawed ones slowly.
      cell.cached += (serving - cell.cached) * learn;
      cell.staleCached += (serving - cell.staleCached) * learnStale;
      loadSum += load * serving;
      servingSum += serving;
      if (serving > 0.5) maxLoad = Math.max(maxLoad, load);
      if (serving < 0.1 * cellTarget) cellsDown++;
    }
    orphanCohorts(state, r, orphaned, peers);
    state.last.load[r] = servingSum > 0.5 ? loadSum / servingSum : cellsDown > 0 ? NO_SUPERNODE_LOAD : 0;
    state.last.maxCellLoad[r] = maxLoad;
    state.last.cellsDown[r] = cellsDown;
  }
}

/** Share of flawed supernode hosts dropping out this tick: those whose logins are refused. */
function flawDropShare(state: SimState): number {
  const rate = state.scenario.supernodes.flawDropPerMin;
  const tried = state.last.loginAttempts;
  if (rate <= 0 || tried <= 0) return 0;
  const refused = Math.min(1, (tried - state.last.loginsOk) / tried);
  return refused * (1 - Math.exp(-(rate * TICK_SECONDS) / 60));
}

/** Fraction f of serving hosts stop serving (they are still clients, so they go down, then return). */
function dropFlawed(pool: Cell['pool'], f: number): number {
  let lost = 0;
  for (let k = 0; k < pool.serving.length; k++) {
    const n = pool.serving[k] * f;
    pool.serving[k] -= n;
    pool.down[k] += n;
    lost += n;
  }
  return lost;
}
