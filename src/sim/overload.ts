// Each cell's peer supernodes, tick by tick: load from attached clients and from the
// join/search probes that reach them; self-protective shutdowns (per cell, fibre bundle);
// the life cycle of promotion, warm-up and return (seed 000); host caches catching up.
import { REGIONS } from './regions';
import { perTick, TICK_SECONDS } from './time';
import { attached, hasHealingFlaw, present, running } from './population';
import { countPool, cycle, demote, promote, servingOf, shedByClass, type ClassedRange, type LifeRates, type PerClassLoad, type PoolCounts } from './supernodes';
import { firstCell, orphanCohorts, orphanInCell, rangeAt, rangeTable, syncCells } from './cells';
import { cohortsIn } from './layout';
import type { Cell, SimState } from './state';
import type { Scenario } from './scenario';

export const NO_SUPERNODE_LOAD = 99; // reported load when nobody is left to carry it

/** Offered load per serving supernode of a cell, in units of its normal capacity. */
export function cellLoad(s: Scenario, cell: Cell, n = servingOf(cell.pool)): number {
  const sn = s.supernodes;
  if (n < 0.5) return cell.peers + cell.probes > 0 ? NO_SUPERNODE_LOAD : 0;
  return Math.min(NO_SUPERNODE_LOAD, cell.peers / (n * sn.clientCapacity) + probeLoadOf(s, cell, n));
}

/** The probe part of cellLoad: last tick's probe work per serving node, in units of its capacity. */
const probeLoadOf = (s: Scenario, cell: Cell, n: number) => cell.probes / TICK_SECONDS / (n * s.supernodes.probeCapacityPerS);

/**
 * One tick's rates and one region's running sums, shared by its cells. Kept as fields of one
 * scratch object (never state: rewritten each tick) so the per-cell step takes no numbers as
 * arguments: V8 boxes every number passed to a call it does not inline, and that garbage was
 * a sixth of the run time. Sums still add cell by cell, in order.
 */
interface CellTick extends LifeRates {
  shutRate: number;
  up: number;
  downRate: number;
  learn: number;
  learnStale: number;
  contactShare: number;
  target: number; // the region's supernode target (a cell gets its home share)
  promoteTarget: number; // the same counting only desktops without the 2007 flaw: up to here it promotes
  dropF: number;
  orphaned: number;
  loadSum: number;
  servingSum: number;
  maxLoad: number;
  cellsDown: number;
}

const counts: PoolCounts = { serving: 0, warming: 0 }; // scratch of superviseCell
const perClass: PerClassLoad = { probeLoad: 0, peers: 0, clientCapacity: 1, admitShare: 1, orphaned: 0, willing: 0, rate: 0, shut: 0 }; // scratch of superviseCell

const cellTick: CellTick = { shutRate: 0, back: 0, ready: 0, readyNew: 0, up: 0, downRate: 0, learn: 0, learnStale: 0, contactShare: 0, target: 0, promoteTarget: 0, dropF: 0, orphaned: 0, loadSum: 0, servingSum: 0, maxLoad: 0, cellsDown: 0 };

export function superviseSupernodes(state: SimState): void {
  const s = state.scenario;
  const sn = s.supernodes;
  const k = cellTick;
  k.shutRate = perTick(sn.overloadShutdownMin * 60);
  k.back = perTick(sn.cooldownMin * 60);
  k.ready = perTick(sn.warmupMin * 60);
  k.readyNew = perTick(sn.promoteWarmupMin * 60);
  k.up = perTick(sn.promoteMin * 60);
  k.downRate = perTick(sn.demoteMin * 60);
  k.learn = perTick(sn.cacheRefreshMin * 60);
  k.learnStale = perTick(sn.flawCacheRefreshMin * 60);
  k.contactShare = sn.cacheContactShare ?? 0;
  const flawDrop = flawDropShare(state);
  let desktopShare = 0;
  for (const v of s.versions) if (v.desktop) desktopShare += v.share;
  for (let r = 0; r < REGIONS.length; r++) {
    const { peers } = syncCells(state, r);
    // Supernode hosts are always-on desktops with a public address (seed 001), so the target is
    // the region's daily-peak count, not the hour's; but a client must be on the network to be
    // found eligible, so it scales with the share of desktops connected: a collapsed network
    // promotes no one until mega-supernodes bring clients back (seed 000: megas "accelerate
    // the recovery of the peer-to-peer cloud").
    // Self-healing: a desktop that finds no supernode promotes itself (up to selfPromoteShare of
    // the hosts), unless it has the 2007 flaw that "prevented self-healing" (seeds 002, 004).
    let desktop = 0;
    let desktopWant = 0;
    let desktopRunning = 0;
    let flawedDesktop = 0;
    let flawedRunning = 0;
    const members = cohortsIn(state, r);
    for (let m = 0; m < members.length; m++) {
      const c = members[m];
      if (!s.versions[c.version].desktop) continue;
      desktop += attached(c);
      desktopWant += present(c);
      desktopRunning += running(c);
      if (hasHealingFlaw(s, c)) {
        flawedDesktop += attached(c);
        flawedRunning += running(c);
      }
    }
    const connected = desktopWant > 0 ? Math.min(1, desktop / desktopWant) : 1;
    const healthy = desktopRunning > 0 ? 1 - Math.min(1, flawedRunning / desktopRunning) : 1; // clients without the flaw, of those running
    const selfHeal = sn.selfPromoteShare * healthy;
    const full = state.regionBase[r] * desktopShare * sn.perConnectedDesktop;
    k.target = full * (selfHeal + (1 - selfHeal) * connected);
    // The 2007 flaw was in the 'network resource allocation algorithm' (seeds 002, 004): a flawed
    // desktop is never made a supernode, though the supernodes it already is stay (kept, not
    // demoted). So clients brought back by mega-supernodes do not regrow a flawed network.
    const healthyConnected = desktopWant > 0 ? Math.min(1, (desktop - flawedDesktop) / desktopWant) : 1;
    k.promoteTarget = flawedDesktop > 0 ? full * (selfHeal + (1 - selfHeal) * healthyConnected) : k.target;
    k.dropF = desktop > 0 ? (flawDrop * flawedDesktop) / desktop : 0;
    k.orphaned = 0;
    k.loadSum = 0;
    k.servingSum = 0;
    k.maxLoad = 0;
    k.cellsDown = 0;
    const a = firstCell(state, r);
    const b = a + sn.cellsPerRegion;
    const table = rangeTable(state);
    for (let i = a; i < b; i++) superviseCell(state, state.cells[i], rangeAt(table, s, state.cells[i], i), k);
    orphanCohorts(state, r, k.orphaned, peers);
    state.last.load[r] = k.servingSum > 0.5 ? k.loadSum / k.servingSum : k.cellsDown > 0 ? NO_SUPERNODE_LOAD : 0;
    state.last.maxCellLoad[r] = k.maxLoad;
    state.last.cellsDown[r] = k.cellsDown;
  }
}

/** One cell's tick: load, shutdowns, the life cycle, promotion or demotion, caches catching up. */
function superviseCell(state: SimState, cell: Cell, t: ClassedRange, k: CellTick): void {
  const s = state.scenario;
  const pool = cell.pool;
  const n = counts;
  const before = servingOf(pool); // (the warming count is not read before cycle counts again)
  const load = cellLoad(s, cell, before);
  cell.load = load;
  // Probe work is shared alike; clients load the nodes they joined (a class's own).
  perClass.probeLoad = before >= 0.5 ? Math.min(NO_SUPERNODE_LOAD, probeLoadOf(s, cell, before)) : NO_SUPERNODE_LOAD;
  perClass.peers = cell.peers;
  perClass.clientCapacity = s.supernodes.clientCapacity;
  perClass.admitShare = s.supernodes.admitShare;
  perClass.rate = k.shutRate;
  shedByClass(pool, t, perClass);
  const shut = perClass.shut;
  state.totals.supernodesShutDown += shut;
  const shedOrphans = Math.min(perClass.orphaned, cell.peers);
  cell.peers -= shedOrphans;
  cell.waiting += shedOrphans;
  k.orphaned += shedOrphans;
  // Seed 004: flawed supernodes that cannot reach the login servers drop supernode mode.
  const left = before - shut;
  if (k.dropF > 0 && left > 0) k.orphaned += orphanInCell(cell, dropFlawed(pool, k.dropF) / left);
  perClass.peers = cell.peers;
  cycle(pool, t, k, n, perClass);
  cell.willing = n.serving > 1e-9 ? perClass.willing / n.serving : 0;
  // Hosts that shut themselves down do not count: fresh hosts are promoted in their place
  // (the shut-down ones come back later, with the same limits, and the surplus is demoted).
  const cellTarget = k.target * cell.home;
  const promoteTo = k.promoteTarget * cell.home;
  // Promotion only adds warming hosts, so the serving count is summed again only after a demotion.
  let serving = n.serving;
  const have = serving + n.warming;
  if (have < promoteTo) promote(pool, t, (promoteTo - have) * k.up);
  else if (have > cellTarget) {
    const gone = demote(pool, ((have - cellTarget) / have) * k.downRate);
    if (serving > 0) k.orphaned += orphanInCell(cell, gone / serving);
    countPool(pool, n);
    serving = n.serving;
  }
  // Caches forget dead supernodes and learn new ones (the flawed ones slowly), from the
  // supernodes their clients reach: a cell cut off keeps its stale entries.
  const all = cell.peers + cell.waiting;
  const contact = 1 - k.contactShare + k.contactShare * (all > 0 ? cell.peers / all : 1);
  cell.cached += (serving - cell.cached) * k.learn * contact;
  cell.staleCached += (serving - cell.staleCached) * k.learnStale;
  k.loadSum += load * serving;
  k.servingSum += serving;
  if (serving > 0.5) k.maxLoad = Math.max(k.maxLoad, load);
  if (serving < 0.1 * cellTarget) k.cellsDown++;
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
