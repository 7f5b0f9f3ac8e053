// What the pager says: edges of trouble and recovery, and the running totals a debrief needs.
import { REGIONS } from './regions';
import { TICK_SECONDS, TICKS_PER_MINUTE } from './time';
import { attached } from './population';
import { regionServing } from './cells';
import type { SimState } from './state';
import type { SimEvent, SimView } from './view-types';

export interface Health {
  online: number;
  want: number;
  supernodesUp: number;
  supernodesNormal: number; // what this hour would have on a normal day
}

export function health(state: SimState): Health {
  const s = state.scenario;
  let online = 0;
  for (const c of state.cohorts) online += attached(c);
  let want = 0;
  for (let r = 0; r < REGIONS.length; r++) want += state.last.wantOnline[r];
  let up = 0;
  for (let r = 0; r < REGIONS.length; r++) up += regionServing(state, r);
  let desktopShare = 0;
  for (const v of s.versions) if (v.desktop) desktopShare += v.share;
  return { online, want, supernodesUp: up, supernodesNormal: want * desktopShare * s.supernodes.perConnectedDesktop };
}

/** `h`: this tick's health, if the caller has it already (nothing changes between the two). */
export function recordTotals(state: SimState, h: Health = health(state)): void {
  const s = state.scenario;
  state.totals.userHoursLost += (Math.max(0, h.want - h.online) * TICK_SECONDS) / 3600;
  // Normal join/search traffic: each session's login attaches once, with its probes.
  const normalProbes = ((h.want * TICK_SECONDS) / (s.population.sessionMin * 60)) * (1 + s.supernodes.joinCostProbes);
  state.last.trafficX = normalProbes > 0 ? state.last.probes / normalProbes : 0;
  state.totals.peakTrafficX = Math.max(state.totals.peakTrafficX, state.last.trafficX);
  state.totals.minSupernodes = state.tick === 0 ? h.supernodesUp : Math.min(state.totals.minSupernodes, h.supernodesUp);
}

/** After a collapse, the share of normal online above which the network counts as recovering. */
const RECOVERING_FROM = 0.35;

/** Below this share of this hour's normal supernodes serving, the network is in a cascade. */
export const CASCADE_SUPERNODES = 0.75;
/** Below this share of normal online, a cascade. */
export const CASCADE_ONLINE = 0.6;
/** Below this share of normal online (or with the login or offline-IM servers overloaded), degraded. */
export const DEGRADED_ONLINE = 0.9;

export function phaseOf(state: SimState, h: Health = health(state)): SimView['phase'] {
  const onlineRatio = h.want > 0 ? h.online / h.want : 1;
  const snRatio = h.supernodesNormal > 0 ? h.supernodesUp / h.supernodesNormal : 1;
  if (state.alarms.collapsed && !state.alarms.recovered) {
    if (onlineRatio <= RECOVERING_FROM) return 'collapse';
    if (state.alarms.climbing) return 'recovering';
    return state.alarms.relapsing ? 'relapse' : 'collapse';
  }
  if (snRatio < CASCADE_SUPERNODES || onlineRatio < CASCADE_ONLINE) return 'cascade';
  if (onlineRatio < DEGRADED_ONLINE || state.alarms.imOverloaded || state.alarms.loginOverloaded) return 'degraded';
  return 'calm';
}

export function raiseAlarms(state: SimState, h: Health = health(state)): void {
  const s = state.scenario;
  const a = state.alarms;
  const minute = state.tick / TICKS_PER_MINUTE;
  const say = (severity: SimEvent['severity'], code: string, text: string) => state.events.push({ minute, severity, code, text });
  const onlineRatio = h.want > 0 ? h.online / h.want : 1;
  const lostShare = h.supernodesNormal > 0 ? 1 - h.supernodesUp / h.supernodesNormal : 0;

  const imSlow = state.last.imLatencyS > 0.5 * s.services.offlineIm.crashDelayS;
  if (imSlow && !a.imOverloaded) say('warning', 'im-overload', `Offline-IM cluster overloaded: replies take ${state.last.imLatencyS.toFixed(0)} s`);
  if (!imSlow && a.imOverloaded && state.last.imLatencyS < 1) say('info', 'im-ok', 'Offline-IM replies are fast again');
  a.imOverloaded = imSlow || (a.imOverloaded && state.last.imLatencyS >= 1);

  const crashes = state.totals.crashedClients;
  // A page per quarter more crashes (at least 250,000): a long wave pages a few dozen times, not every minute.
  if (crashes - a.lastCrashes > Math.max(250_000, 0.25 * a.lastCrashes)) {
    say('critical', 'crash-wave', `${fmt(crashes)} crashes so far, repeats included (${fmt(crashes - a.lastCrashes)} new)`);
    a.lastCrashes = crashes;
  }

  const loginBad = state.last.loginWaitS > s.services.login.timeoutS;
  if (loginBad && !a.loginOverloaded) say('critical', 'login-overload', `Login queue ${state.last.loginWaitS.toFixed(0)} s: logins are timing out`);
  if (!loginBad && a.loginOverloaded) say('info', 'login-ok', 'Login servers keeping up again');
  a.loginOverloaded = loginBad;

  // Each of these pages once per step up and re-arms only well below its first line, so a
  // figure hovering at a line pages once, not every time it crosses (a flooded pager hides
  // the collapse).
  const step = Math.min(3, Math.floor(lostShare / 0.25));
  if (step > a.snLossStep) say('critical', 'supernode-loss', `${Math.round(lostShare * 100)}% of supernodes lost (${fmt(h.supernodesUp)} serving)`);
  a.snLossStep = lostShare < 0.15 ? 0 : Math.max(a.snLossStep, step); // re-arms once supernodes are back

  const tstep = state.last.trafficX >= 100 ? 2 : state.last.trafficX >= 10 ? 1 : 0;
  if (tstep > a.trafficStep) say('warning', 'traffic', `Supernode traffic at ${Math.round(state.last.trafficX)}x normal for this hour`);
  a.trafficStep = state.last.trafficX < 5 ? 0 : Math.max(a.trafficStep, tstep);

  if (!a.collapsed && (lostShare > 0.85 || onlineRatio < 0.25)) {
    a.collapsed = true;
    a.recovered = false;
    a.climbing = false;
    a.lowShare = onlineRatio;
    a.relapsing = false;
    say('critical', 'collapse', `The P2P network has collapsed: ${fmt(h.online)} users online of ${fmt(h.want)}`);
  } else if (a.collapsed && !a.recovered && onlineRatio >= 0.9) {
    a.recovered = true;
    a.collapsed = false;
    a.relapsing = false;
    state.totals.recoveredAtMinute = minute;
    say('recovery', 'recovered', `Recovered: ${fmt(h.online)} users online, ${Math.round(onlineRatio * 100)}% of normal`);
  }
  watchClimb(state, h, onlineRatio, say);
}

/**
 * After a collapse the share of normal online slides, climbs, and can fall again before the
 * network is whole (megas withdrawn, evening demand, flawed supernodes dropping out). The banner
 * says "recovering" only while it climbs: RECOVER_CLIMB above its low starts a climb (a climb, not
 * noise), RELAPSE_DROP below the climb's best ends it, and a fall from a climb that had passed
 * RECOVERING_FROM pages once as a relapse.
 */
const RECOVER_CLIMB = 0.05;
const RELAPSE_DROP = 0.05;

function watchClimb(state: SimState, h: Health, onlineRatio: number, say: (s: SimEvent['severity'], code: string, text: string) => void): void {
  const a = state.alarms;
  if (!a.collapsed || a.recovered) return;
  if (!a.climbing) {
    a.lowShare = Math.min(a.lowShare, onlineRatio);
    if (onlineRatio <= RECOVERING_FROM) a.relapsing = false; // fallen all the way: a collapse again, not a flicker round the line
    if (onlineRatio < a.lowShare + RECOVER_CLIMB) return;
    a.climbing = true;
    a.relapsing = false;
    a.bestShare = onlineRatio;
    return;
  }
  a.bestShare = Math.max(a.bestShare, onlineRatio);
  if (onlineRatio > a.bestShare - RELAPSE_DROP) return;
  a.climbing = false;
  a.lowShare = onlineRatio;
  if (a.bestShare <= RECOVERING_FROM) return; // a climb that never showed as recovering
  a.relapsing = true;
  say('critical', 'relapse', `Falling again before recovering: ${fmt(h.online)} users online, ${Math.round(onlineRatio * 100)}% of normal (it was back to ${Math.round(a.bestShare * 100)}%)`);
}

export function fmt(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${Math.round(n / 1e3)}k`;
  return `${Math.round(n)}`;
}
