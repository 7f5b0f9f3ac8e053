// Host-cache neighbourhoods ("cells"): each region's supernodes and clients are split into
// cells whose clients know that cell's supernodes (seed 001: a client keeps a cache of
// supernodes and re-attaches from it; clusters of several hundred peers per supernode,
// seed 000). Cells differ a little (seeded), so a cascade starts where hosts are weakest,
// spreads to neighbours as seekers overflow, and heals cell by cell.
import { REGIONS } from './regions';
import { noise } from './rng';
import { knockDown, newPool, servingOf, warmingOf, downOf, withClasses, type ClassedRange, type ThresholdRange } from './supernodes';
import { reattach } from './population';
import { cohortsIn } from './layout';
import type { Cell, SimState } from './state';
import type { Scenario } from './scenario';

// Derived from a cell and its scenario, never stored in the state: a cache, not data.
const ranges = new WeakMap<Cell, ClassedRange>();

/** The scenario's host limits scaled by `scale` (a cell's own factor; 1 for the scenario's). */
export function thresholdRange(s: Scenario, scale = 1): ThresholdRange {
  const sn = s.supernodes;
  return { min: sn.thresholdMin * scale, max: sn.thresholdMax * scale, classes: sn.classes, tailShare: sn.tailShare ?? 0, tailMax: (sn.tailMax ?? 0) * scale };
}

// The same comparison as against thresholdRange(s, cell.scale), field by field: this runs for
// every cell twice a tick, and making that range each time was most of a tick's garbage.
const fits = (t: ClassedRange | undefined, s: Scenario, cell: Cell): t is ClassedRange => {
  if (t === undefined) return false;
  const sn = s.supernodes;
  const scale = cell.scale;
  return t.min === sn.thresholdMin * scale && t.max === sn.thresholdMax * scale && t.classes === sn.classes && t.tailShare === (sn.tailShare ?? 0) && t.tailMax === (sn.tailMax ?? 0) * scale;
};

export function cellRange(s: Scenario, cell: Cell): ClassedRange {
  let t = ranges.get(cell);
  if (!fits(t, s, cell)) {
    t = withClasses(thresholdRange(s, cell.scale));
    ranges.set(cell, t);
  }
  return t;
}

/** Every cell's range by its index in state.cells, with the cell and scale it was made for. */
interface RangeTable {
  cells: Cell[];
  ranges: ClassedRange[];
  scales: number[];
  scenario: Scenario; // whose limits the ranges were made from, as they were then (below)
  limits: Limits;
}

/** The scenario's own figures a cell's range is made from (before the cell's scale). */
interface Limits {
  min: number;
  max: number;
  classes: number;
  tailShare: number;
  tailMax: number;
}

const limitsOf = (s: Scenario): Limits => {
  const sn = s.supernodes;
  return { min: sn.thresholdMin, max: sn.thresholdMax, classes: sn.classes, tailShare: sn.tailShare ?? 0, tailMax: sn.tailMax ?? 0 };
};

const sameLimits = (a: Limits, s: Scenario): boolean => {
  const sn = s.supernodes;
  return a.min === sn.thresholdMin && a.max === sn.thresholdMax && a.classes === sn.classes && a.tailShare === (sn.tailShare ?? 0) && a.tailMax === (sn.tailMax ?? 0);
};

const tables = new WeakMap<Cell[], RangeTable>();

/**
 * The range table of a world's cells: one lookup per tick, not one per cell and step. The
 * scenario's limits are checked here, once; a table made for other limits starts afresh.
 */
export function rangeTable(state: SimState): RangeTable {
  let table = tables.get(state.cells);
  if (table === undefined || table.scenario !== state.scenario || !sameLimits(table.limits, state.scenario)) {
    table = { cells: [], ranges: [], scales: [], scenario: state.scenario, limits: limitsOf(state.scenario) };
    tables.set(state.cells, table);
  }
  return table;
}

/**
 * Cell i's range from the table. Same limits and same scale make the same range, so for the
 * table's own scenario the cell and its scale are all that is checked (as cellRange would).
 */
export function rangeAt(table: RangeTable, s: Scenario, cell: Cell, i: number): ClassedRange {
  const t = table.ranges[i];
  if (table.cells[i] === cell && table.scales[i] === cell.scale && (s === table.scenario || fits(t, s, cell))) return t;
  const fresh = cellRange(s, cell);
  table.cells[i] = cell;
  table.ranges[i] = fresh;
  table.scales[i] = cell.scale;
  return fresh;
}

/** Index range [from, to) of region r's cells in state.cells. */
export function cellSpan(state: SimState, r: number): [number, number] {
  const n = state.scenario.supernodes.cellsPerRegion;
  return [r * n, (r + 1) * n];
}

/** Index of region r's first cell (hot loops: no array; they end cellsPerRegion later). */
export function firstCell(state: SimState, r: number): number {
  return r * state.scenario.supernodes.cellsPerRegion;
}

/** The cells of a world at peace: supernodes by client share, everyone attached. */
export function makeCells(state: SimState, desktopByRegion: number[], peersByRegion: number[]): Cell[] {
  const s = state.scenario;
  const sn = s.supernodes;
  const cells: Cell[] = [];
  for (let r = 0; r < REGIONS.length; r++) {
    const homes: number[] = [];
    for (let i = 0; i < sn.cellsPerRegion; i++) homes.push(clamp(1 + sn.cellHomeSpread * noise(state.rng), 0.2, 3));
    const sum = homes.reduce((a, b) => a + b, 0);
    for (let i = 0; i < sn.cellsPerRegion; i++) {
      const home = homes[i] / sum;
      const scale = clamp(1 + sn.cellSpread * noise(state.rng), 0.7, 1.4);
      const cell: Cell = { region: r, home, scale, pool: newPool({ min: 0, max: 1, classes: sn.classes }, 0), peers: peersByRegion[r] * home, waiting: 0, cached: 0, staleCached: 0, probes: 0, load: 0, willing: 1 };
      const serving = desktopByRegion[r] * sn.perConnectedDesktop * home;
      cell.pool = newPool(cellRange(s, cell), serving);
      cell.cached = serving;
      cell.staleCached = serving;
      cell.load = serving > 0 ? cell.peers / (serving * sn.clientCapacity) : 0;
      cells.push(cell);
    }
  }
  return cells;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function regionServing(state: SimState, r: number): number {
  const a = firstCell(state, r);
  const b = a + state.scenario.supernodes.cellsPerRegion;
  let n = 0;
  for (let i = a; i < b; i++) n += servingOf(state.cells[i].pool);
  return n;
}

export function regionWarming(state: SimState, r: number): number {
  const [a, b] = cellSpan(state, r);
  let n = 0;
  for (let i = a; i < b; i++) n += warmingOf(state.cells[i].pool);
  return n;
}

export function regionDown(state: SimState, r: number): number {
  const [a, b] = cellSpan(state, r);
  let n = 0;
  for (let i = a; i < b; i++) n += downOf(state.cells[i].pool);
  return n;
}

/**
 * Brings the cells' client counts in line with the cohorts'. Moves the cells track
 * themselves (joins, orphans) already match; the rest (crashes, churn, the evening
 * leaving, give-ups) fall evenly over the cells, and newcomers land by home share.
 */
export function syncCells(state: SimState, r: number): Readonly<RegionClients> {
  let peers = 0;
  let waiting = 0;
  for (const c of cohortsIn(state, r)) {
    peers += c.attachedPeer;
    waiting += c.login.count + c.attach.count + c.handover.count;
  }
  const a = firstCell(state, r);
  const b = a + state.scenario.supernodes.cellsPerRegion;
  let cp = 0;
  let cw = 0;
  for (let i = a; i < b; i++) {
    cp += state.cells[i].peers;
    cw += state.cells[i].waiting;
  }
  const fp = cp > 0 ? peers / cp : 0;
  const extraW = waiting - cw;
  const fw = cw > 0 && extraW < 0 ? waiting / cw : 1;
  for (let i = a; i < b; i++) {
    const cell = state.cells[i];
    if (!(cp > 0)) spreadClients(cell);
    cell.peers = cp > 0 ? cell.peers * fp : peers * cell.home;
    cell.waiting = extraW > 0 ? cell.waiting + extraW * cell.home : cell.waiting * fw;
  }
  synced.peers = peers;
  synced.waiting = waiting;
  return synced;
}

interface RegionClients {
  peers: number;
  waiting: number;
}

// syncCells' answer, one object reused (read it at once: the next call overwrites it), so
// a call per region and step makes no garbage.
const synced: RegionClients = { peers: 0, waiting: 0 };

/** Fraction f of a cell's attached clients lost their supernode: they are off the network now. Returns how many. */
export function orphanInCell(cell: Cell, f: number): number {
  if (f <= 0) return 0;
  const n = cell.peers * Math.min(1, f);
  cell.peers -= n;
  cell.waiting += n;
  return n;
}

/** A cell's clients placed afresh on its serving nodes, by how many serve in each class. */
function spreadClients(cell: Cell): void {
  const { serving, clientShare } = cell.pool;
  const n = servingOf(cell.pool);
  for (let k = 0; k < clientShare.length; k++) clientShare[k] = n > 0 ? serving[k] / n : 1 / clientShare.length;
}

/** The cohorts' side of orphaning: `n` of the region's `peers` attached clients log in again. */
export function orphanCohorts(state: SimState, r: number, n: number, peers: number): void {
  if (n > 0 && peers > 0) reattach(state, r, Math.min(1, n / peers), 'peer');
}

/** Fraction f of a region's (or every region's, r = -1) serving and warming hosts go down at once. */
export function knockDownHosts(state: SimState, r: number, f: number): number {
  let lost = 0;
  for (let reg = 0; reg < REGIONS.length; reg++) {
    if (r >= 0 && reg !== r) continue;
    const { peers } = syncCells(state, reg);
    const [a, b] = cellSpan(state, reg);
    let orphaned = 0;
    for (let i = a; i < b; i++) {
      const cell = state.cells[i];
      const before = servingOf(cell.pool);
      const n = knockDown(cell.pool, f);
      if (before > 0) orphaned += orphanInCell(cell, n / before);
      lost += n;
    }
    orphanCohorts(state, reg, orphaned, peers);
  }
  return lost;
}
