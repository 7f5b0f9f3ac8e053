// Central services: login/auth servers and the offline-IM cluster, both queues that
// can tip into congestion collapse; capacity lost to outages.
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
  served: number; // requests the servers worked on this tick
  ok: number; // of those, logins whose client was still waiting
  waitS: number; // queue wait for a request arriving now
}

/**
 * The login queue. Requests beyond capacity wait; a client gives up on a request after
 * timeoutS, but the server still works on it in turn, so once the wait passes the timeout
 * the servers spend everything on requests nobody is waiting for: goodput falls to zero
 * (the 'flood of log-in requests' of seed 002).
 */
export function runLogin(state: SimState, admitted: number): LoginResult {
  const cfg = state.scenario.services.login;
  const cap = loginCapacityPerS(state) * TICK_SECONDS;
  const q0 = state.services.loginQueue;
  const served = Math.min(q0 + admitted, cap);
  const headWaitS = cap > 0 ? (q0 / cap) * TICK_SECONDS : Infinity;
  const fresh = Math.min(1, Math.max(0, (cfg.timeoutS - headWaitS) / TICK_SECONDS));
  const maxQueue = cap * (cfg.maxQueueS / TICK_SECONDS);
  state.services.loginQueue = Math.min(maxQueue, q0 + admitted - served);
  const waitS = cap > 0 ? (state.services.loginQueue / cap) * TICK_SECONDS : Infinity;
  return { served, ok: served * fresh, waitS };
}

export interface ImResult {
  latencyS: number;
  pDelayed: number; // chance a reply comes later than the buggy client can bear
  capacityPerS: number;
}

/**
 * The offline-IM cluster (seed 000): overload makes replies slow; a slow reply crashes
 * 5.0.0152. When the service is disabled, clients get an immediate refusal: no crash.
 */
export function runOfflineIm(state: SimState, demandPerS: number): ImResult {
  const cfg = state.scenario.services.offlineIm;
  const capPerS = (cfg.capacityPerS * state.services.imCapacityPct * capacityFactor(state, 'offlineIm')) / 100;
  if (!state.services.imEnabled) {
    state.services.imQueue = 0;
    return { latencyS: 0, pDelayed: 0, capacityPerS: capPerS };
  }
  const cap = capPerS * TICK_SECONDS;
  const q = Math.max(0, state.services.imQueue + demandPerS * TICK_SECONDS - cap);
  state.services.imQueue = Math.min(q, capPerS * cfg.maxQueueS);
  const latencyS = 0.05 + (capPerS > 0 ? state.services.imQueue / capPerS : cfg.maxQueueS);
  // Reply times spread around the mean; none are late at half the client's limit, all at 1.5x.
  const pDelayed = Math.min(1, Math.max(0, (latencyS - 0.5 * cfg.crashDelayS) / cfg.crashDelayS));
  return { latencyS, pDelayed, capacityPerS: capPerS };
}
