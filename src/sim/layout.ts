// Which cohorts live in which region: derived from the state's plain data and kept beside
// it (never in it, never checksummed), so a tick walks a region's own cohorts instead of
// every cohort once per region. Cohorts are only ever appended (a hotfix makes new ones), so
// the index is rebuilt when the array grows or is replaced (a restored snapshot).
import { REGIONS } from './regions';
import type { Cohort, SimState } from './state';

interface RegionIndex {
  cohorts: Cohort[];
  length: number;
  members: Cohort[][]; // per region, in state.cohorts order (so sums keep their order)
  positions: number[][]; // per region, each member's index in state.cohorts
}

const indexes = new WeakMap<SimState, RegionIndex>();

function indexOf(state: SimState): RegionIndex {
  const known = indexes.get(state);
  if (known && known.cohorts === state.cohorts && known.length === state.cohorts.length) return known;
  // Built by push, never by map(): the arrays come out of the same kind in every world.
  const members: Cohort[][] = [];
  const positions: number[][] = [];
  for (let r = 0; r < REGIONS.length; r++) {
    members.push([]);
    positions.push([]);
  }
  for (let i = 0; i < state.cohorts.length; i++) {
    const c = state.cohorts[i];
    if (!Number.isInteger(c.region) || c.region < 0 || c.region >= REGIONS.length) continue; // in no region's loop
    members[c.region].push(c);
    positions[c.region].push(i);
  }
  const fresh = { cohorts: state.cohorts, length: state.cohorts.length, members, positions };
  indexes.set(state, fresh);
  return fresh;
}

/** Region r's cohorts, in the order of state.cohorts. Read-only: the state owns them. */
export function cohortsIn(state: SimState, r: number): readonly Cohort[] {
  return indexOf(state).members[r];
}

/** Where region r's cohorts sit in state.cohorts (for per-cohort scratch arrays). */
export function cohortPositionsIn(state: SimState, r: number): readonly number[] {
  return indexOf(state).positions[r];
}
