// Peer supernodes and their self-protection (seed 000: "Supernodes have a built in
// mechanism to protect themselves ... more supernodes started to shut down").
//
// Each cell's supernodes share load equally and each shuts down when the load passes
// its own threshold; thresholds vary between hosts, uniform on [thresholdMin, thresholdMax]
// (scaled by the cell's own factor).
// That is the democratic fibre bundle model (Pradhan, Hansen & Chakrabarti, Rev. Mod.
// Phys. 82, 499 (2010)). Thresholds are kept in classes; within a class the serving
// nodes are uniform on [floor, hi], so shedding is exact, not binned.
import { doubles } from './doubles';
import type { SupernodePool } from './state';

export interface ThresholdRange {
  min: number;
  max: number;
  classes: number;
}

export function classBounds(t: ThresholdRange, k: number): [number, number] {
  const w = (t.max - t.min) / t.classes;
  return [t.min + k * w, t.min + (k + 1) * w];
}

const classHi = (t: ThresholdRange, k: number) => t.min + ((k + 1) * (t.max - t.min)) / t.classes;
const classLo = (t: ThresholdRange, k: number) => t.min + (k * (t.max - t.min)) / t.classes;

/** A range with each class's bounds worked out once: the hot loops read them every tick. */
export interface ClassedRange extends ThresholdRange {
  lo: number[];
  hi: number[];
}

export function withClasses(t: ThresholdRange): ClassedRange {
  const lo: number[] = [];
  const hi: number[] = [];
  for (let k = 0; k < t.classes; k++) {
    lo.push(classLo(t, k));
    hi.push(classHi(t, k));
  }
  return { min: t.min, max: t.max, classes: t.classes, lo, hi };
}

export function newPool(t: ThresholdRange, serving: number): SupernodePool {
  const floor = doubles(t.classes);
  for (let k = 0; k < t.classes; k++) floor[k] = classBounds(t, k)[0];
  return {
    serving: doubles(t.classes, serving / t.classes),
    floor,
    warmNew: doubles(t.classes),
    warmBack: doubles(t.classes),
    down: doubles(t.classes),
  };
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
  for (let k = 0; k < t.classes; k++) {
    const s = p.serving[k];
    const f = p.floor[k];
    const hi = t.hi[k];
    if (s <= 0 || load <= f) continue;
    const atRisk = hi - f > 1e-12 ? (s * (Math.min(load, hi) - f)) / (hi - f) : s;
    const n = atRisk * rate;
    const left = s - n;
    p.serving[k] = left;
    // Survivors stay uniform on [floor', hi]: exact when rate = 1 (floor' = load).
    p.floor[k] = left > 0 ? hi - ((hi - f) * left) / s : hi;
    p.down[k] += n;
    shut += n;
  }
  return shut;
}

/**
 * Share of serving nodes still taking new clients at `load`: each admits while its load is
 * under `admitShare` of its own threshold, so admission fades host by host, not as one cliff.
 */
export function willingShare(p: SupernodePool, t: ClassedRange, load: number, admitShare: number): number {
  const bar = load / admitShare; // a node admits if its threshold is above this
  let total = 0;
  let willing = 0;
  for (let k = 0; k < t.classes; k++) {
    const s = p.serving[k];
    if (s <= 0) continue;
    total += s;
    const f = p.floor[k];
    const hi = t.hi[k];
    if (bar <= f) willing += s;
    else if (bar < hi) willing += (s * (hi - bar)) / (hi - f);
  }
  return total > 0 ? willing / total : 0;
}

/**
 * How many joins a cell's `serving` nodes take this tick, carrying `peers` clients and
 * `probeWork` answered probes out of a probe `capacity`. A join is work for the supernode too
 * (registering the client, its presence, its contacts' search), so nodes take joins only while
 * they stay under their bar (`admitShare` of the cell's mean threshold): admission, not suicide.
 */
export function joinRoom(sn: { clientCapacity: number; admitShare: number; joinCostProbes: number }, t: ThresholdRange, serving: number, peers: number, capacity: number, probeWork: number): number {
  const bar = sn.admitShare * ((t.min + t.max) / 2);
  const room = Math.max(0, serving * sn.clientCapacity * bar - peers);
  const workRoom = Math.max(0, (bar - peers / (serving * sn.clientCapacity)) * capacity - probeWork);
  return Math.min(room, sn.joinCostProbes > 0 ? workRoom / sn.joinCostProbes : room);
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
export function cycle(p: SupernodePool, t: ClassedRange, rates: LifeRates, out?: PoolCounts): void {
  const { back, ready, readyNew } = rates;
  let serving = 0;
  let warmNew = 0;
  let warmBack = 0;
  for (let k = 0; k < t.classes; k++) {
    const lo = t.lo[k];
    const hi = t.hi[k];
    const fromNew = p.warmNew[k] * readyNew;
    const fromBack = p.warmBack[k] * ready;
    p.warmNew[k] -= fromNew;
    p.warmBack[k] -= fromBack;
    // Warming nodes join the serving set of their class, keeping the class's mean threshold:
    // fresh ones first (limits spread over the class), then those back from a shutdown, with
    // the same (low) limit they had. Written out here, not called: a call per class that V8
    // does not inline boxes every number it is given.
    for (let joiner = 0; joiner < 2; joiner++) {
      const n = joiner === 0 ? fromNew : fromBack;
      if (!(n > 1e-9)) continue; // (not <=: a NaN is skipped, as before)
      const joinerMean = joiner === 0 ? (lo + hi) / 2 : (lo + p.floor[k]) / 2;
      const s = p.serving[k];
      const mean = (s * (p.floor[k] + hi) * 0.5 + n * joinerMean) / (s + n);
      p.floor[k] = Math.min(hi, Math.max(lo, 2 * mean - hi));
      p.serving[k] = s + n;
    }
    const returning = p.down[k] * back;
    p.down[k] -= returning;
    p.warmBack[k] += returning;
    if (out) {
      serving += p.serving[k];
      warmNew += p.warmNew[k];
      warmBack += p.warmBack[k];
    }
  }
  if (out) {
    const whole = p.serving.length === t.classes && p.warmNew.length === t.classes && p.warmBack.length === t.classes;
    if (!whole) countPool(p, out); // a pool not shaped like its range: count it as it is
    else {
      out.serving = serving;
      out.warming = warmNew + warmBack;
    }
  }
}

/** Promote `n` fresh supernodes, spread evenly over the threshold classes. */
export function promote(p: SupernodePool, n: number): void {
  const each = n / p.warmNew.length;
  for (let k = 0; k < p.warmNew.length; k++) p.warmNew[k] += each;
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
