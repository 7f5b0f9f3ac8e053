// Who wants to be online when, and the cohorts that hold them.
import { REGIONS } from './regions';
import { TICK_SECONDS } from './time';
import { newWheel, schedule, type RetryPolicy } from './wheel';
import { cohortsIn } from './layout';
import { FIX_BACKOFF, FIX_HEAL, FIX_IM, type Cohort, type SimState } from './state';
import type { Scenario } from './scenario';

/**
 * Share of a region's peak online at a local hour: the small-hours floor
 * (scenario.population.nightFraction) rising to a peak at 17:00 local. A stated assumption,
 * shaped so the global peak lands near 1800 GMT as in seed 000.
 */
export function diurnal(localHour: number, nightFraction: number): number {
  const x = (1 - Math.cos((2 * Math.PI * (localHour - 5)) / 24)) / 2; // 0 at 05:00, 1 at 17:00
  return nightFraction + (1 - nightFraction) * x;
}

export function localHour(utcMs: number, offsetH: number): number {
  const h = (utcMs / 3_600_000 + offsetH) % 24;
  return h < 0 ? h + 24 : h;
}

// The last start parsed: every tick asks for the same one, and parsing a date is not free.
let parsedStart = { text: '', ms: NaN };

export function startMs(s: Scenario): number {
  if (s.startUtc !== parsedStart.text) parsedStart = { text: s.startUtc, ms: Date.parse(s.startUtc) };
  return parsedStart.ms;
}

export function utcMsAt(state: SimState, tick = state.tick): number {
  return startMs(state.scenario) + tick * TICK_SECONDS * 1000;
}

/** Each region's users online at its own local peak, scaled so the world peaks at peakConcurrent. */
export function regionBases(s: Scenario): number[] {
  const p = s.population;
  const peakMs = Date.UTC(2000, 0, 1, 0, 0, 0) + p.peakUtcHour * 3_600_000;
  let atPeak = 0;
  for (const r of REGIONS) atPeak += p.regionShares[r.id] * diurnal(localHour(peakMs, r.utcOffsetH), p.nightFraction);
  return REGIONS.map((r) => (p.regionShares[r.id] * p.peakConcurrent) / atPeak);
}

export function wantOnline(state: SimState, region: number, utcMs: number): number {
  const r = REGIONS[region];
  return state.regionBase[region] * diurnal(localHour(utcMs, r.utcOffsetH), state.scenario.population.nightFraction);
}

export function policyOf(s: Scenario, c: Cohort): RetryPolicy {
  const v = s.versions[c.version];
  // The 2007 self-healing fix also stopped clients hammering a cache that fails: it backs off.
  if (c.fixes & FIX_BACKOFF || (v.selfHealingFlaw && c.fixes & FIX_HEAL)) return fixedBackoff(s);
  return v.retry;
}

// The backoff a fix brings, made once for the scenario's figures (read, never written): it is
// asked for per cohort several times a tick, and a new one each time was garbage.
let lastBackoff: RetryPolicy & { kind: 'backoff' } = { kind: 'backoff', baseS: NaN, capS: NaN };

function fixedBackoff(s: Scenario): RetryPolicy {
  const b = s.hotfixes.jitteredBackoff;
  if (lastBackoff.baseS !== b.baseS || lastBackoff.capS !== b.capS) lastBackoff = { kind: 'backoff', baseS: b.baseS, capS: b.capS };
  return lastBackoff;
}

export function crashesOnSlowIm(s: Scenario, c: Cohort): boolean {
  return s.versions[c.version].crashesOnSlowIm && !(c.fixes & FIX_IM);
}

/** Clients with the Aug 2007 self-healing flaw, not yet updated (seeds 002, 004). */
export function hasHealingFlaw(s: Scenario, c: Cohort): boolean {
  return s.versions[c.version].selfHealingFlaw && !(c.fixes & FIX_HEAL);
}

export function newCohort(region: number, version: number, fixes: number): Cohort {
  return { region, version, fixes, attachedPeer: 0, attachedMega: 0, crashed: 0, gaveUp: 0, offline: 0, login: newWheel(), attach: newWheel(), handover: newWheel() };
}

/** The cohort for (region, version, fixes), created on first use in a fixed order. */
export function cohortFor(state: SimState, region: number, version: number, fixes: number): Cohort {
  for (const c of state.cohorts) if (c.region === region && c.version === version && c.fixes === fixes) return c;
  const c = newCohort(region, version, fixes);
  state.cohorts.push(c);
  return c;
}

export const attached = (c: Cohort) => c.attachedPeer + c.attachedMega;
export const running = (c: Cohort) => c.attachedPeer + c.attachedMega + c.login.count + c.attach.count + c.handover.count;
export const present = (c: Cohort) => running(c) + c.crashed + c.gaveUp;

/**
 * Fraction `f` of a region's clients attached to peers (or to mega-supernodes) lost their
 * host. They are still logged in, so they do not go back to the login servers (and fetch no
 * offline messages): each notices the silence within its keep-alive (`handoverDetectS`, spread
 * over [0.5, 1.5] of it) and re-registers with another supernode from its cache (seed 001:
 * clients "re-attach elsewhere"), which costs that node less than a fresh client's join.
 */
export function reattach(state: SimState, region: number, f: number, to: 'peer' | 'mega'): void {
  if (f <= 0) return;
  const detect = detectPolicy(state.scenario);
  for (const c of cohortsIn(state, region)) {
    const n = (to === 'peer' ? c.attachedPeer : c.attachedMega) * f;
    if (n <= 0) continue;
    if (to === 'peer') c.attachedPeer -= n;
    else c.attachedMega -= n;
    // The 2007 flaw was in the supernode-finding logic (seeds 002, 004): a flawed client does
    // not trust its cache and goes back to the login servers for a fresh one (an assumption).
    if (hasHealingFlaw(state.scenario, c)) schedule(c.login, state.tick, n, policyOf(state.scenario, c), -1);
    else schedule(c.handover, state.tick, n, detect, 0);
  }
}

// The keep-alive spread as a one-step backoff (made once per figure: asked per orphaning).
let lastDetect: RetryPolicy & { kind: 'backoff' } = { kind: 'backoff', baseS: NaN, capS: NaN };

function detectPolicy(s: Scenario): RetryPolicy {
  const d = s.supernodes.handoverDetectS;
  if (lastDetect.baseS !== d) lastDetect = { kind: 'backoff', baseS: d, capS: d };
  return lastDetect;
}
