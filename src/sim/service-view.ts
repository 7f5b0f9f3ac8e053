// The central services as a screen sees them, each in its own units, read from the sim's state
// without changing it (view.ts).
import { REGIONS } from './regions';
import { TICK_SECONDS } from './time';
import { loginCapacityPerS, capacityFactor } from './services';
import { STAGE_TICKS, type RolloutDemand } from './hotfix';
import { megaTotals, megaInUse } from './megas';
import { megaLeft } from './cancel';
import { MEGA_SOURCES, type ServiceId } from './commands';
import { SERVICE_NAMES } from './names';
import type { SimState } from './state';
import type { LoginServiceView, MegaPoolView, OfflineImServiceView, ServiceView, UpdateServiceView } from './view-types';

const cap99 = (x: number) => (Number.isFinite(x) ? Math.min(99, x) : 99);
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const lostPct = (state: SimState, svc: ServiceId) => Math.round(100 * (1 - capacityFactor(state, svc)));

/** Last tick's attempts as the throttles let them through (contact.ts): what the servers themselves faced. */
function loginView(state: SimState): LoginServiceView {
  const sv = state.services;
  let admitted = 0;
  let regionsThrottled = 0;
  for (let r = 0; r < REGIONS.length; r++) {
    const lim = sv.throttleRegion[r];
    if (lim !== null) regionsThrottled++;
    admitted += lim === null ? state.last.regionLoginAttempts[r] : Math.min(state.last.regionLoginAttempts[r], lim);
  }
  if (sv.throttleGlobal !== null) admitted = Math.min(admitted, sv.throttleGlobal);
  const cap = loginCapacityPerS(state);
  return {
    id: 'login', name: SERVICE_NAMES.login, capacityPerS: Math.round(cap), demandPerS: Math.round(state.last.loginAttempts / TICK_SECONDS),
    admittedPerS: Math.round(admitted), throttlePerS: sv.throttleGlobal, regionsThrottled, utilisation: round3(cap99(admitted / cap)),
    latencyS: round3(state.last.loginWaitS), enabled: true, degradedPct: lostPct(state, 'login'),
  };
}

function offlineImView(state: SimState): OfflineImServiceView {
  const sv = state.services;
  const cap = (state.scenario.services.offlineIm.capacityPerS * sv.imCapacityPct * capacityFactor(state, 'offlineIm')) / 100;
  return {
    id: 'offlineIm', name: SERVICE_NAMES.offlineIm, capacityPerS: Math.round(cap), demandPerS: Math.round(state.last.imDemandPerS),
    utilisation: round3(sv.imEnabled ? cap99(state.last.imDemandPerS / cap) : 0), latencyS: round3(state.last.imLatencyS), enabled: sv.imEnabled, degradedPct: lostPct(state, 'offlineIm'),
  };
}

function updateView(state: SimState, demands: RolloutDemand[]): UpdateServiceView {
  const cap = state.scenario.services.update.downloadsPerS * capacityFactor(state, 'update');
  const asks = demands.map((d) => d.clients / (STAGE_TICKS * TICK_SECONDS)); // downloads a second, at each rollout's next stage
  const demand = asks.reduce((a, b) => a + b, 0); // rollouts at once share the servers (hotfix.ts)
  return {
    id: 'update', name: SERVICE_NAMES.update, capacityPerS: Math.round(cap), demandPerS: Math.round(demand),
    rollouts: asks.length, utilisation: round3(cap99(demand / cap)), enabled: true, degradedPct: lostPct(state, 'update'),
  };
}

function megaPoolView(state: SimState): MegaPoolView {
  const mega = megaTotals(state);
  let size = 0;
  let inUse = 0;
  for (const src of MEGA_SOURCES) {
    size += state.scenario.services.mega[src].available;
    inUse += megaInUse(state, src);
  }
  return {
    id: 'megaPool', name: SERVICE_NAMES.megaPool, serving: mega.up, onOrder: mega.pending, left: megaLeft(state), size,
    utilisation: round3(size > 0 ? cap99(inUse / size) : 0), enabled: true, degradedPct: lostPct(state, 'megaPool'),
  };
}

/** `demands`: what each rollout under way asks the update servers (hotfix.ts rolloutDemands). */
export function servicesView(state: SimState, demands: RolloutDemand[]): ServiceView[] {
  return [loginView(state), offlineImView(state), updateView(state, demands), megaPoolView(state)];
}
