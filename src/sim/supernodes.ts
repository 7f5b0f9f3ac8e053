// Peer supernodes and their self-protection (seed 000: "Supernodes have a built in
// mechanism to protect themselves ... more supernodes started to shut down").
//
// Each cell's supernodes share load equally and each shuts down when the load passes
// its own threshold; thresholds vary between hosts, uniform on [thresholdMin, thresholdMax]
// (scaled by the cell's own factor), plus a small tail of strong hosts (servers on fast links,
// seeds 001 and 003) uniform on [thresholdMax, tailMax].
// That is the democratic fibre bundle model (Pradhan, Hansen & Chakrabarti, Rev. Mod.
// Phys. 82, 499 (2010)). Thresholds are kept in classes; within a class the serving
// nodes are uniform on [floor, hi], so shedding is exact, not binned.
import { doubles } from './doubles';
import type { SupernodePool } from './state';

export interface ThresholdRange {
  min: number;
  max: number;
  classes: number; // classes of the main body, uniform on [min, max]
  tailShare?: number; // share of hosts in one more class, uniform on [max, tailMax]
  tailMax?: number;
}

/** Classes in a range's pools: the main body's, and one more for a tail of strong hosts. */
export const classCount = (t: ThresholdRange) => t.classes + (hasTail(t) ? 1 : 0);
const hasTail = (t: ThresholdRange) => (t.tailShare ?? 0) > 0 && (t.tailMax ?? 0) > t.max;

export function classBounds(t: ThresholdRange, k: number): [number, number] {
  if (k >= t.classes) return [t.max, t.tailMax ?? t.max];
  const w = (t.max - t.min) / t.classes;
  return [t.min + k * w, t.min + (k + 1) * w];
}

/** Share of a pool's hosts in class k: the main body's classes alike, the tail its own share. */
export function classWeight(t: ThresholdRange, k: number): number {
  const tail = hasTail(t) ? (t.tailShare ?? 0) : 0;
  return k >= t.classes ? tail : (1 - tail) / t.classes;
}

/** A range with each class's bounds and share worked out once: the hot loops read them every tick. */
export interface ClassedRange extends ThresholdRange {
  n: number; // classes in a pool, the tail's included
  lo: number[];
  hi: number[];
  weight: number[];
}

export function withClasses(t: ThresholdRange): ClassedRange {
  const lo: number[] = [];
  const hi: number[] = [];
  const weight: number[] = [];
  const n = classCount(t);
  for (let k = 0; k < n; k++) {
    const [a, b] = classBounds(t, k);
    lo.push(a);
    hi.push(b);
    weight.push(classWeight(t, k));
  }
  return { min: t.min, max: t.max, classes: t.classes, tailShare: t.tailShare ?? 0, tailMax: t.tailMax ?? t.max, n, lo, hi, weight };
}

export function newPool(t: ThresholdRange, serving: number): SupernodePool {
  const n = classCount(t);
  const floor = doubles(n);
  const each = doubles(n);
  const clients = doubles(n);
  for (let k = 0; k < n; k++) {
    floor[k] = classBounds(t, k)[0];
    each[k] = serving * classWeight(t, k);
    clients[k] = classWeight(t, k); // clients spread as the hosts are
  }
  return { serving: each, floor, warmNew: doubles(n), warmBack: doubles(n), down: doubles(n), clientShare: clients };
}

const sum = (a: number[]) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};

export const servingOf = (p: SupernodePool) => sum(p.serving);

/** A pool's serving and warming hosts (the same sums as servingOf and warmingOf). */
export interface PoolCounts {
  serving: number;
  warming: number;
}

/**
 * Counts a pool into `out`: a per-cell step calls this, not servingOf and warmingOf, because
 * V8 boxes every number a call it does not inline returns, and per cell that garbage adds up.
 */
export function countPool(p: SupernodePool, out: PoolCounts): void {
  let serving = 0;
  for (let k = 0; k < p.serving.length; k++) serving += p.serving[k];
  let warmNew = 0;
  for (let k = 0; k < p.warmNew.length; k++) warmNew += p.warmNew[k];
  let warmBack = 0;
  for (let k = 0; k < p.warmBack.length; k++) warmBack += p.warmBack[k];
  out.serving = serving;
  out.warming = warmNew + warmBack;
}
export const warmingOf = (p: SupernodePool) => sum(p.warmNew) + sum(p.warmBack);
export const downOf = (p: SupernodePool) => sum(p.down);

/** Every host in the pool: serving, warming or down (one pass). */
export function hostsOf(p: SupernodePool): number {
  let n = 0;
  for (let k = 0; k < p.serving.length; k++) n += p.serving[k] + p.warmNew[k] + p.warmBack[k] + p.down[k];
  return n;
}

/**
 * Nodes whose threshold is below `load` shut down; `rate` is the fraction of them that
 * do so this tick (1 = at once, as in the fibre bundle model). Returns how many shut.
 */
export function shedOverload(p: SupernodePool, t: ClassedRange, load: number, rate: number): number {
  let shut = 0;
  for (let k = 0; k < t.n; k++) {
    const s = p.serving[k];
    if (s <= 0 || load <= p.floor[k]) continue;
    shut += shedClass(p, t, k, load, rate);
  }
  return shut;
}

/**
 * shedOverload with each class at its own load: the probe work shared alike plus the clients
 * its nodes carry. Their clients are orphaned with them (a class's clients sit on its nodes
 * alike); `c.orphaned` says how many, and the rest stay as shares of who is left. The rate comes
 * in and the count of nodes shut goes out as fields of `c`, not as numbers: V8 boxes numbers
 * passed to or returned from a call it does not inline, and this one runs per cell and tick.
 */
export function shedByClass(p: SupernodePool, t: ClassedRange, c: PerClassLoad): void {
  const rate = c.rate;
  const perNode = c.peers / c.clientCapacity; // a class's client load is perNode * share / serving
  const share = p.clientShare;
  let shut = 0;
  // The shares as they are, not 1: rounding drifts them, and dividing by what is kept below
  // would magnify the drift each time a cell sheds nearly all its clients.
  let total = 0;
  for (let k = 0; k < t.n; k++) total += share[k];
  if (!(total > 1e-12) && c.peers > 0) {
    // Clients placed in a cell that had none (far joiners counted at home): on its serving
    // nodes alike, or, with none serving, off the network.
    const serving = servingOf(p);
    if (!(serving > 1e-9)) {
      c.orphaned = c.peers;
      c.shut = 0;
      return;
    }
    for (let k = 0; k < t.n; k++) share[k] = p.serving[k] / serving;
    total = 1;
  }
  let kept = total; // share of the cell's clients whose node still serves
  for (let k = 0; k < t.n; k++) {
    const s = p.serving[k];
    if (s <= 1e-9) {
      if (share[k] > 0) {
        kept -= share[k]; // a class with no node left serving has no clients either
        share[k] = 0;
      }
      if (s <= 0) continue;
    }
    const load = c.probeLoad + (perNode * share[k]) / s;
    const f = p.floor[k];
    if (load <= f) continue;
    const n = shedClass(p, t, k, load, rate);
    const lost = share[k] * (n / s);
    share[k] -= lost;
    kept -= lost;
    shut += n;
  }
  c.orphaned = 0;
  if (kept < total) {
    c.orphaned = c.peers * (1 - Math.max(0, kept) / total);
    const scale = kept > 1e-12 * total ? 1 / kept : 0;
    for (let k = 0; k < t.n; k++) share[k] *= scale;
  }
  c.shut = shut;
}

/** Class k's nodes with limits under `load` shut down at `rate`; returns how many. */
function shedClass(p: SupernodePool, t: ClassedRange, k: number, load: number, rate: number): number {
  const s = p.serving[k];
  const f = p.floor[k];
  const hi = t.hi[k];
  const atRisk = hi - f > 1e-12 ? (s * (Math.min(load, hi) - f)) / (hi - f) : s;
  const n = atRisk * rate;
  const left = s - n;
  p.serving[k] = left;
  // Survivors stay uniform on [floor', hi]: exact when rate = 1 (floor' = load).
  p.floor[k] = left > 0 ? hi - ((hi - f) * left) / s : hi;
  p.down[k] += n;
  return n;
}

/**
 * A cell's load split for its classes: probe work is shared by every serving node alike, but
 * clients sit where they joined, so a strong host that took many carries more than a weak one.
 */
export interface PerClassLoad {
  probeLoad: number; // probe work per serving node, in units of its normal capacity
  peers: number; // the cell's attached clients
  clientCapacity: number;
  admitShare: number;
  orphaned: number; // clients shedByClass orphaned
  rate: number; // share of the nodes over their limit that shut this tick (read by shedByClass)
  shut: number; // nodes shedByClass shut down
  willing: number; // serving nodes still taking clients, as the life cycle leaves them (set by cycle)
}

/**
 * How many joins a cell's nodes take this tick, class by class: a willing node (its own load
 * under `admitShare` of its own limit) takes joins while they leave it under that bar, in
 * client room and in work (`probeWork` answered probes, shared alike, out of `capPerNode`
 * each). A join is work (registering the client, its presence, its contacts' search): admission,
 * not suicide. Fills `room` with each class's share; returns the total.
 */
export function joinRoom(sn: { clientCapacity: number; admitShare: number; joinCostProbes: number }, t: ClassedRange, p: SupernodePool, peers: number, capPerNode: number, probeWork: number, room: number[], serving = servingOf(p)): number {
  const probeLoad = serving > 0 ? probeWork / serving / capPerNode : 0; // in units of a node's capacity
  const cc = sn.clientCapacity;
  const a = sn.admitShare;
  const perJoin = sn.joinCostProbes > 0 ? capPerNode / sn.joinCostProbes : 0; // joins per unit of spare load
  let total = 0;
  for (let k = 0; k < t.n; k++) {
    room[k] = 0;
    const s = p.serving[k];
    if (s <= 1e-9) continue;
    const f = p.floor[k];
    const hi = t.hi[k];
    const clientLoad = (peers * p.clientShare[k]) / (s * cc);
    const lo = Math.max(f, (clientLoad + probeLoad) / a); // willing nodes' limits are above the cut
    if (lo >= hi) continue;
    const willing = hi - f > 1e-12 ? (s * (hi - lo)) / (hi - f) : s;
    const bar = a * 0.5 * (lo + hi); // the willing nodes' mean bar
    const clientRoom = willing * cc * (bar - clientLoad);
    const workRoom = sn.joinCostProbes > 0 ? willing * (bar - clientLoad - probeLoad) * perJoin : clientRoom;
    const r = Math.max(0, Math.min(clientRoom, workRoom));
    room[k] = r;
    total += r;
  }
  return total;
}

/** Per-tick fractions of the life cycle (an object, not arguments: no boxing per call). */
export interface LifeRates {
  back: number; // down -> warming
  ready: number; // warming -> serving, hosts back from a failure
  readyNew: number; // warming -> serving, fresh promotions
}

/**
 * One tick of the life cycle: down -> warming, warming -> serving, at `rates`. Counts the
 * pool after it into `out` if given (summed as countPool does, class by class, without
 * walking the pool again).
 */
export function cycle(p: SupernodePool, t: ClassedRange, rates: LifeRates, out?: PoolCounts, perClass?: PerClassLoad): void {
  const { back, ready, readyNew } = rates;
  let willing = 0;
  const perNode = perClass ? perClass.peers / perClass.clientCapacity : 0; // a class's client load is perNode * share / serving
  const probeLoad = perClass ? perClass.probeLoad : 0;
  const toBar = perClass ? 1 / perClass.admitShare : 1;
  let serving = 0;
  let warmNew = 0;
  let warmBack = 0;
  for (let k = 0; k < t.n; k++) {
    const lo = t.lo[k];
    const hi = t.hi[k];
    // The class in locals, read and written once: the arrays are stored back at the end.
    let s = p.serving[k];
    let f = p.floor[k];
    const fromNew = p.warmNew[k] * readyNew;
    const fromBack = p.warmBack[k] * ready;
    const wn = p.warmNew[k] - fromNew;
    let wb = p.warmBack[k] - fromBack;
    // Warming nodes join the serving set of their class, keeping the class's mean threshold:
    // fresh ones first (limits spread over the class), then those back from a shutdown, with
    // the same (low) limit they had. Written out here, not called: a call per class that V8
    // does not inline boxes every number it is given.
    if (fromNew > 1e-9) {
      const mean = (s * (f + hi) * 0.5 + fromNew * ((lo + hi) / 2)) / (s + fromNew);
      f = Math.min(hi, Math.max(lo, 2 * mean - hi));
      s = s + fromNew;
    }
    if (fromBack > 1e-9) {
      const mean = (s * (f + hi) * 0.5 + fromBack * ((lo + f) / 2)) / (s + fromBack);
      f = Math.min(hi, Math.max(lo, 2 * mean - hi));
      s = s + fromBack;
    }
    const returning = p.down[k] * back;
    p.down[k] -= returning;
    wb += returning;
    p.serving[k] = s;
    p.floor[k] = f;
    p.warmNew[k] = wn;
    p.warmBack[k] = wb;
    // Who still takes clients: a node admits while its own load is under admitShare of its own
    // limit, so admission fades host by host, not as one cliff (counted here, in the class's pass).
    if (perClass && s > 1e-9) {
      const bar = (probeLoad + (perNode * p.clientShare[k]) / s) * toBar;
      if (bar <= f) willing += s;
      else if (bar < hi) willing += (s * (hi - bar)) / (hi - f);
    }
    if (out) {
      serving += s;
      warmNew += wn;
      warmBack += wb;
    }
  }
  if (perClass) perClass.willing = willing;
  if (out) {
    const whole = p.serving.length === t.n && p.warmNew.length === t.n && p.warmBack.length === t.n;
    if (!whole) countPool(p, out); // a pool not shaped like its range: count it as it is
    else {
      out.serving = serving;
      out.warming = warmNew + warmBack;
    }
  }
}

/** Promote `n` fresh supernodes, spread over the threshold classes by their shares. */
export function promote(p: SupernodePool, t: ClassedRange, n: number): void {
  for (let k = 0; k < t.n; k++) p.warmNew[k] += n * t.weight[k];
}

/**
 * Takes fraction `f` of every state out of the pool (hosts going offline for the night).
 * Returns how many serving nodes left.
 */
export function demote(p: SupernodePool, f: number): number {
  let left = 0;
  for (let k = 0; k < p.serving.length; k++) {
    left += p.serving[k] * f;
    p.serving[k] *= 1 - f;
    p.warmNew[k] *= 1 - f;
    p.warmBack[k] *= 1 - f;
    p.down[k] *= 1 - f;
  }
  return left;
}

/** Fraction `f` of serving and warming hosts crash or reboot: they go down. Returns serving lost. */
export function knockDown(p: SupernodePool, f: number): number {
  let lost = 0;
  for (let k = 0; k < p.serving.length; k++) {
    const s = p.serving[k] * f;
    const w1 = p.warmNew[k] * f;
    const w2 = p.warmBack[k] * f;
    p.serving[k] -= s;
    p.warmNew[k] -= w1;
    p.warmBack[k] -= w2;
    p.down[k] += s + w1 + w2;
    lost += s;
  }
  return lost;
}

/**
 * The fibre bundle in isolation: N nodes, thresholds uniform on [0, 1], total load s*N
 * shared equally among survivors, failing at once. Returns the surviving fraction.
 */
export function fibreBundleSurvivors(s: number, classes = 32, maxRounds = 100_000): number {
  const t = withClasses({ min: 0, max: 1, classes });
  const p = newPool(t, 1);
  for (let i = 0; i < maxRounds; i++) {
    const n = servingOf(p);
    if (n <= 1e-12) return 0;
    if (shedOverload(p, t, s / n, 1) < 1e-15) break;
  }
  return servingOf(p);
}
