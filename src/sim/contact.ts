// Clients reaching for the network: offline-IM requests (and the crashes slow replies
// cause), logins, and attaching to a supernode or mega-supernode.
import { REGIONS } from './regions';
import { TICK_SECONDS } from './time';
import { attached, crashesOnSlowIm, policyOf, running } from './population';
import { BACKOFF_LEVELS, fire, retryDelayS, schedule, type RetryPolicy, type Wheel } from './wheel';
import { runLogin, runOfflineIm } from './services';
import { knockDown, servingOf } from './supernodes';
import { orphanPeers } from './overload';
import { megaAcceptRoom } from './megas';
import type { Cohort, SimState } from './state';

const due: number[][] = []; // scratch: attempts per cohort per level (not state: rebuilt each tick)
const dueAttach: number[][] = [];

export function contact(state: SimState): void {
  offlineIm(state);
  logins(state);
  attaches(state);
}

function offlineIm(state: SimState): void {
  const s = state.scenario;
  const perClientPerS = s.services.offlineIm.requestsPerClientPerHour / 3600;
  const im = s.services.offlineIm;
  let demand = (state.last.loginsOk * im.fetchPerLogin) / TICK_SECONDS; // logins fetch waiting offline messages
  for (const c of state.cohorts) demand += attached(c) * perClientPerS;
  const res = runOfflineIm(state, demand);
  state.last.imDemandPerS = demand;
  state.last.imLatencyS = res.latencyS;
  if (res.pDelayed <= 0) return;
  // Each buggy client asking this tick crashes if its reply is late (seed 000).
  const pCrash = perClientPerS * TICK_SECONDS * res.pDelayed * im.crashPerLateReply;
  for (let r = 0; r < REGIONS.length; r++) {
    let desktop = 0;
    let crashedDesktop = 0;
    for (const c of state.cohorts) {
      if (c.region !== r) continue;
      const desk = s.versions[c.version].desktop;
      if (desk) desktop += running(c);
      if (!crashesOnSlowIm(s, c)) continue;
      const cp = c.attachedPeer * pCrash;
      const cm = c.attachedMega * pCrash;
      c.attachedPeer -= cp;
      c.attachedMega -= cm;
      c.crashed += cp + cm;
      state.totals.crashedClients += cp + cm;
      if (desk) crashedDesktop += cp + cm;
    }
    // Supernode hosts crash like any client of theirs; their clients are orphaned.
    if (desktop > 0 && crashedDesktop > 0) {
      const f = Math.min(1, (s.supernodes.imExposure * crashedDesktop) / (desktop + crashedDesktop));
      const lost = knockDown(state.pools[r], f);
      state.totals.supernodesCrashed += lost;
      orphanPeers(state, r, lost);
    }
  }
}

/** Attempts due now from one wheel, into `out` (per backoff level + tight pulse). */
function dueFrom(w: Wheel, tick: number, out: number[][], i: number): number {
  if (!out[i]) out[i] = new Array(BACKOFF_LEVELS + 1).fill(0);
  return fire(w, tick, out[i]);
}

/** Reschedules failed attempts by the cohort's retry policy; some users give up. */
function retryFailed(state: SimState, c: Cohort, w: Wheel, levels: number[], failShare: number, pol: RetryPolicy): void {
  const giveUpPerS = state.scenario.population.giveUpPerHour / 3600;
  for (let l = 0; l <= BACKOFF_LEVELS; l++) {
    const n = levels[l] * failShare;
    if (n <= 0) continue;
    const level = l === BACKOFF_LEVELS ? 0 : l;
    const wait = retryDelayS(pol, level);
    const quit = n * Math.min(0.5, giveUpPerS * wait);
    c.gaveUp += quit;
    schedule(w, state.tick, n - quit, pol, level);
  }
}

function logins(state: SimState): void {
  const s = state.scenario;
  const R = REGIONS.length;
  const attempts = new Array(R).fill(0);
  state.cohorts.forEach((c, i) => (attempts[c.region] += dueFrom(c.login, state.tick, due, i)));
  // Botnet floods (an instructor inject) also hit the login servers; they never succeed.
  const flood = new Array(R).fill(0);
  state.floods = state.floods.filter((f) => f.untilTick > state.tick);
  for (const f of state.floods) {
    for (let r = 0; r < R; r++) if (f.region < 0 || f.region === r) flood[r] += (f.perSecond * TICK_SECONDS) / (f.region < 0 ? R : 1);
  }
  // Throttles reject the excess at the front door, fast, before it queues.
  const admitted = new Array(R).fill(0);
  let total = 0;
  for (let r = 0; r < R; r++) {
    const lim = state.services.throttleRegion[r];
    const want = attempts[r] + flood[r];
    admitted[r] = lim === null ? want : Math.min(want, lim * TICK_SECONDS);
    total += admitted[r];
    state.last.regionLoginAttempts[r] = want / TICK_SECONDS;
  }
  const g = state.services.throttleGlobal;
  const globalCut = g !== null && total > g * TICK_SECONDS ? (g * TICK_SECONDS) / total : 1;
  total *= globalCut;
  const res = runLogin(state, total);
  const okShare = total > 0 ? res.ok / total : 0;
  let ok = 0;
  let all = 0;
  state.cohorts.forEach((c, i) => {
    const r = c.region;
    const want = attempts[r] + flood[r];
    const admitShare = want > 0 ? (admitted[r] * globalCut) / want : 0;
    const win = admitShare * okShare;
    const lv = due[i];
    let n = 0;
    for (let l = 0; l <= BACKOFF_LEVELS; l++) n += lv[l];
    const pol = policyOf(s, c);
    schedule(c.attach, state.tick, n * win, pol, -1);
    retryFailed(state, c, c.login, lv, 1 - win, pol);
    ok += n * win;
    all += n;
  });
  for (let r = 0; r < R; r++) all += flood[r];
  state.last.loginAttempts = all;
  state.last.loginsOk = ok;
  state.last.loginWaitS = res.waitS;
}

function attaches(state: SimState): void {
  const s = state.scenario;
  const sn = s.supernodes;
  const R = REGIONS.length;
  const attempts = new Array(R).fill(0);
  state.cohorts.forEach((c, i) => (attempts[c.region] += dueFrom(c.attach, state.tick, dueAttach, i)));
  const winShare = new Array(R).fill(0);
  const megaShare = new Array(R).fill(0);
  let probes = 0;
  for (let r = 0; r < R; r++) {
    const a = attempts[r];
    probes += a * sn.probesPerAttempt;
    state.last.regionAttempts[r] = a;
    state.last.regionPeerProbes[r] = 0;
    if (a <= 0) continue;
    // Mega-supernodes are handed out by Skype's own servers, so clients try them first.
    const toMega = Math.min(a, megaAcceptRoom(state, r));
    // A client probes a few supernodes from its cache; entries of dead ones fail.
    const pool = state.pools[r];
    const serving = servingOf(pool);
    const known = Math.max(serving, state.last.wantOnline[r] * 0.85 * sn.perRunningDesktop, 1);
    const reach = 1 - (1 - Math.min(1, serving / known)) ** sn.probesPerAttempt;
    const load = state.last.load[r];
    const willing = Math.min(1, Math.max(0, (sn.refuseAtLoad - load) / (sn.refuseAtLoad - 1)));
    let room = 0;
    for (const c of state.cohorts) if (c.region === r) room -= c.attachedPeer;
    room += serving * sn.clientCapacity;
    const toPeer = Math.min((a - toMega) * reach * willing, Math.max(0, room));
    state.last.regionPeerProbes[r] = (a - toMega) * sn.probesPerAttempt;
    winShare[r] = (toMega + toPeer) / a;
    megaShare[r] = toMega + toPeer > 0 ? toMega / (toMega + toPeer) : 0;
  }
  state.cohorts.forEach((c, i) => {
    const r = c.region;
    const lv = dueAttach[i];
    let n = 0;
    for (let l = 0; l <= BACKOFF_LEVELS; l++) n += lv[l];
    const won = n * winShare[r];
    c.attachedMega += won * megaShare[r];
    c.attachedPeer += won * (1 - megaShare[r]);
    retryFailed(state, c, c.attach, lv, 1 - winShare[r], policyOf(s, c));
  });
  state.last.attachAttempts = attempts.reduce((x, y) => x + y, 0);
  state.last.probes = probes;
}
