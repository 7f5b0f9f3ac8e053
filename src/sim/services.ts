// Central services: login/auth servers with admission control, and the offline-IM cluster
// whose slow replies crash 5.0.0152; capacity lost to outages.
import { TICK_SECONDS } from './time';
import type { ServiceId } from './commands';
import type { SimState } from './state';

/** Fraction of a service's capacity still there after every outage in force. */
export function capacityFactor(state: SimState, service: ServiceId): number {
  let f = 1;
  for (const o of state.outages) if (o.service === service) f *= 1 - o.fraction;
  return f;
}

export function loginCapacityPerS(state: SimState): number {
  return state.scenario.services.login.capacityPerS * capacityFactor(state, 'login');
}

export interface LoginResult {
  ok: number; // logins done this tick
  rejected: number; // turned away by admission control, to retry later
  waitS: number; // how long a login takes now (shown; capped at the client's timeout)
}

/**
 * The login servers shed load: past capacity they refuse the excess at once instead of
 * queueing it (so goodput stays near capacity, not zero), but each refusal still costs a
 * little work (`rejectCost` of a login), so a big enough flood drags goodput down. A
 * throttle at the front door turns requests away before they cost anything.
 */
export function runLogin(state: SimState, admitted: number): LoginResult {
  const cfg = state.scenario.services.login;
  const cap = loginCapacityPerS(state) * TICK_SECONDS;
  if (admitted <= cap) return { ok: admitted, rejected: 0, waitS: cap > 0 ? Math.min(cfg.timeoutS, (admitted / cap) * 0.5) : cfg.timeoutS };
  const ok = Math.max(0, (cap - cfg.rejectCost * admitted) / (1 - cfg.rejectCost));
  return { ok, rejected: admitted - ok, waitS: cfg.timeoutS };
}

export interface ImResult {
  demandPerS: number; // including fetches deferred while the service was off
  latencyS: number;
  pDelayed: number; // chance a reply comes later than the buggy client can bear
  capacityPerS: number;
}

/**
 * The offline-IM cluster (seed 000): overload makes replies slow; a slow reply crashes
 * 5.0.0152. Switched off, clients get an immediate refusal (no crash), but their messages
 * wait: the fetches come back as a backlog when it is switched on again.
 */
export function runOfflineIm(state: SimState, demandPerS: number): ImResult {
  const cfg = state.scenario.services.offlineIm;
  const sv = state.services;
  const capPerS = (cfg.capacityPerS * sv.imCapacityPct * capacityFactor(state, 'offlineIm')) / 100;
  // Servers added past the cluster's own are billed while they run, on or off.
  if (sv.imCapacityPct > 100) state.totals.costUsd += (((sv.imCapacityPct - 100) / 100) * state.scenario.prices.imExtraCapacityPerHourUsd * TICK_SECONDS) / 3600;
  if (!sv.imEnabled) {
    sv.imQueue = 0;
    const refused = demandPerS * TICK_SECONDS;
    state.totals.imDeferred += refused;
    // One waiting fetch per user at most: the backlog is the users whose messages are held.
    let users = 0;
    for (const w of state.last.wantOnline) users += w;
    sv.imBacklog = Math.min(users, sv.imBacklog + refused);
    state.totals.costUsd += (sv.imBacklog * state.scenario.prices.imWithheldPerUserHourUsd * TICK_SECONDS) / 3600;
    return { demandPerS, latencyS: 0, pDelayed: 0, capacityPerS: capPerS };
  }
  // Deferred fetches return over backlogMin once the service is back.
  const fromBacklog = sv.imBacklog * Math.min(1, TICK_SECONDS / (cfg.backlogMin * 60));
  sv.imBacklog -= fromBacklog;
  const demand = demandPerS + fromBacklog / TICK_SECONDS;
  const cap = capPerS * TICK_SECONDS;
  const q = Math.max(0, sv.imQueue + demand * TICK_SECONDS - cap);
  const maxQ = capPerS * cfg.maxQueueS;
  if (q > maxQ) state.totals.imDeferred += q - maxQ; // dropped unanswered: fetched again later
  sv.imQueue = Math.min(q, maxQ);
  const latencyS = 0.05 + (capPerS > 0 ? sv.imQueue / capPerS : cfg.maxQueueS);
  // Reply times spread around the mean; none are late at half the client's limit, all at 1.5x.
  const pDelayed = Math.min(1, Math.max(0, (latencyS - 0.5 * cfg.crashDelayS) / cfg.crashDelayS));
  return { demandPerS: demand, latencyS, pDelayed, capacityPerS: capPerS };
}
