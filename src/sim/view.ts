// The read-only summary a screen gets of the world (see view-types.ts).
import { REGIONS } from './regions';
import { TICK_SECONDS, TICKS_PER_MINUTE } from './time';
import { attached, running, utcMsAt } from './population';
import { classBounds, classCount } from './supernodes';
import { cellRange, cellSpan, thresholdRange, regionDown, regionServing, regionWarming } from './cells';
import { megaTotals, megaUpIn } from './megas';
import { servicesView } from './service-view';
import { fixIsFor, fixProgress, rolloutDemands, rolloutShare, type RolloutDemand } from './hotfix';
import { megaLeft, ordersOf } from './cancel';
import { CASCADE_ONLINE, CASCADE_SUPERNODES, DEGRADED_ONLINE, health, phaseOf, type Health } from './alarms';
import type { Hotfix, SimState } from './state';
import type { HotfixView, Metrics, PhaseReason, PhaseWhy, RegionView, SimView } from './view-types';


/**
 * The fix for the bug that started the scenario's outage: 5.0.0152's offline-IM crash where a
 * build has it (dec-2010), else the 2007 self-healing flaw; what `hotfixedPct` counts.
 */
function buggyBuildFix(state: SimState): 'imCrashFix' | 'selfHealingFix' {
  const sc = state.scenario;
  return sc.versions.some((_, i) => fixIsFor(sc, i, 'imCrashFix')) || !sc.versions.some((_, i) => fixIsFor(sc, i, 'selfHealingFix')) ? 'imCrashFix' : 'selfHealingFix';
}

export function metricsOf(state: SimState): Metrics {
  const h = health(state);
  let seeking = 0;
  let warming = 0;
  let load = 0;
  for (const c of state.cohorts) seeking += running(c) - attached(c);
  for (let r = 0; r < REGIONS.length; r++) {
    warming += regionWarming(state, r);
    load += state.last.load[r] * regionServing(state, r);
  }
  const mega = megaTotals(state);
  const buggy = fixProgress(state, buggyBuildFix(state));
  const tight = fixProgress(state, 'jitteredBackoff');
  let cellsDown = 0;
  for (const n of state.last.cellsDown) cellsDown += n;
  return {
    onlineUsers: h.online,
    wantOnline: h.want,
    seekingClients: seeking,
    supernodesUp: h.supernodesUp,
    supernodesWarming: warming,
    megaSupernodesUp: mega.up,
    megaSupernodesPending: mega.pending,
    supernodeLoad: h.supernodesUp >= 1 ? load / h.supernodesUp : Math.max(...state.last.load),
    supernodeTrafficX: state.last.trafficX,
    loginAttemptsPerS: state.last.loginAttempts / TICK_SECONDS,
    loginsOkPerS: state.last.loginsOk / TICK_SECONDS,
    crashedClients: state.totals.crashedClients,
    offlineImLatencyS: state.last.imLatencyS,
    hotfixedPct: buggy.total > 0 ? (100 * buggy.fixed) / buggy.total : 0,
    megaCostUsd: state.totals.megaCostUsd,
    userHoursLost: state.totals.userHoursLost,
    throttleGlobalPerS: state.services.throttleGlobal,
    backoffPct: tight.total > 0 ? (100 * tight.fixed) / tight.total : 0,
    cellsDown,
    cellsTotal: state.cells.length,
    imBacklog: state.services.imBacklog,
    costUsd: state.totals.costUsd,
  };
}

function regionView(state: SimState, r: number): RegionView {
  let online = 0;
  let seeking = 0;
  for (const c of state.cohorts) {
    if (c.region !== r) continue;
    online += attached(c);
    seeking += running(c) - attached(c);
  }
  let megaPending = 0;
  for (const b of state.megaPending) if (b.region === r) megaPending += b.count;
  return {
    id: REGIONS[r].id,
    online: Math.round(online),
    wantOnline: Math.round(state.last.wantOnline[r]),
    seeking: Math.round(seeking),
    supernodesUp: Math.round(regionServing(state, r)),
    supernodesWarming: Math.round(regionWarming(state, r)),
    supernodesDown: Math.round(regionDown(state, r)),
    megaUp: megaUpIn(state, r),
    megaPending,
    load: round3(state.last.load[r]),
    loginAttemptsPerS: Math.round(state.last.regionLoginAttempts[r]),
    throttlePerS: state.services.throttleRegion[r],
    ...classesOf(state, r),
    cellsDown: state.last.cellsDown[r],
    maxCellLoad: round3(state.last.maxCellLoad[r]),
  };
}

/** The region's serving supernodes by threshold class over all its cells, and each class's weakest limit (serving-weighted). */
function classesOf(state: SimState, r: number): { serving: number[]; thresholds: number[] } {
  const k = classCount(thresholdRange(state.scenario));
  const serving = new Array(k).fill(0);
  const weighted = new Array(k).fill(0);
  const [a, b] = cellSpan(state, r);
  for (let i = a; i < b; i++) {
    const cell = state.cells[i];
    const t = cellRange(state.scenario, cell);
    for (let j = 0; j < k; j++) {
      const n = cell.pool.serving[j];
      serving[j] += n;
      weighted[j] += n * Math.max(cell.pool.floor[j], classBounds(t, j)[0]);
    }
  }
  const mid = (j: number) => {
    const [lo, hi] = classBounds(thresholdRange(state.scenario), j);
    return (lo + hi) / 2;
  };
  return { serving: serving.map((x) => Math.round(x)), thresholds: weighted.map((w, j) => round3(serving[j] > 0 ? w / serving[j] : mid(j))) };
}

function hotfixesView(state: SimState, demands: RolloutDemand[]): HotfixView[] {
  return state.hotfixes.map((h) => {
    const p = fixProgress(state, h.fix);
    const pctDone = p.total > 0 ? (100 * p.fixed) / p.total : 0;
    return {
      fix: h.fix,
      stage: state.tick < h.readyTick ? 'building' : h.doneNotified ? 'done' : 'rolling-out',
      readyAtMinute: h.readyTick / TICKS_PER_MINUTE,
      pctDone: round3(pctDone),
      rolloutPctPerHour: h.rolloutPctPerHour,
      deliveringPctPerHour: delivering(state, h, demands, p.total),
    };
  });
}

/** The pace the update servers hold a rollout to when it asks more than its share of them; null when they keep up. */
function delivering(state: SimState, h: Hotfix, demands: RolloutDemand[], total: number): number | null {
  if (total <= 0 || !demands.some((d) => d.h === h)) return null;
  const { askPerS, sharePerS } = rolloutShare(state, h, demands);
  return sharePerS >= askPerS ? null : round3(Math.min(h.rolloutPctPerHour, (100 * sharePerS * 3600) / total));
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The lines crossed that make `phase` (phaseOf's own, alarms.ts), worst first; after a collapse the share online is what counts. */
function phaseWhyOf(state: SimState, h: Health, phase: SimView['phase']): PhaseWhy {
  const online = h.want > 0 ? h.online / h.want : 1;
  const sn = h.supernodesNormal > 0 ? h.supernodesUp / h.supernodesNormal : 1;
  const reasons: PhaseReason[] = [];
  if (phase === 'cascade') {
    if (sn < CASCADE_SUPERNODES) reasons.push('supernodes');
    if (online < CASCADE_ONLINE) reasons.push('online');
  } else if (phase === 'degraded') {
    if (state.alarms.loginOverloaded) reasons.push('login');
    if (state.alarms.imOverloaded) reasons.push('offlineIm');
    if (online < DEGRADED_ONLINE) reasons.push('online');
  } else if (phase !== 'calm') reasons.push('online');
  return { supernodeShare: round3(sn), reasons };
}

export function viewOf(state: SimState): SimView {
  const h = health(state);
  const phase = phaseOf(state, h);
  const demands = rolloutDemands(state); // the update servers' rollouts, for their panel and the hotfixes
  return {
    tick: state.tick,
    minute: state.tick / TICKS_PER_MINUTE,
    utcMs: utcMsAt(state),
    scenarioId: state.scenario.id,
    metrics: metricsOf(state),
    regions: REGIONS.map((_, r) => regionView(state, r)),
    services: servicesView(state, demands),
    hotfixes: hotfixesView(state, demands),
    groupVideoEnabled: state.services.groupVideo,
    orders: ordersOf(state),
    megaLeft: megaLeft(state),
    phase,
    phaseWhy: phaseWhyOf(state, h, phase),
  };
}
