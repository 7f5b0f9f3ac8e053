// Users arriving and leaving with the time of day, ordinary session churn, crashed
// clients being restarted, people who gave up coming back, and Windows Update reboots.
import { REGIONS } from './regions';
import { noise } from './rng';
import { perTick, TICK_SECONDS } from './time';
import { policyOf, present, running, utcMsAt, wantOnline } from './population';
import { schedule, thinWheel } from './wheel';
import { knockDownHosts } from './cells';
import { cohortsIn } from './layout';
import type { Cohort, SimState } from './state';

export function moveClients(state: SimState): void {
  const s = state.scenario;
  const p = s.population;
  const now = utcMsAt(state);
  const churn = TICK_SECONDS / (p.sessionMin * 60);
  const restart = perTick(p.restartMin * 60);
  const comeBack = perTick(p.returnMin * 60);
  for (let r = 0; r < REGIONS.length; r++) {
    const want = wantOnline(state, r, now);
    state.last.wantOnline[r] = want;
    for (let v = 0; v < s.versions.length; v++) followDiurnal(state, r, v, want * s.versions[v].share);
  }
  for (const c of state.cohorts) {
    const pol = policyOf(s, c);
    // People who gave up come back with the day: hardly at night, most in the morning.
    const day = state.regionBase[c.region] > 0 ? state.last.wantOnline[c.region] / state.regionBase[c.region] : 1;
    // Ordinary churn: sessions end and others begin; each new session is a login.
    const leaveP = c.attachedPeer * churn;
    const leaveM = c.attachedMega * churn;
    c.attachedPeer -= leaveP;
    c.attachedMega -= leaveM;
    schedule(c.login, state.tick, leaveP + leaveM, pol, -1);
    const restarted = c.crashed * restart;
    c.crashed -= restarted;
    schedule(c.login, state.tick, restarted, pol, -1);
    const back = c.gaveUp * comeBack * day;
    c.gaveUp -= back;
    schedule(c.login, state.tick, back, pol, -1);
  }
  rebootWaves(state);
}

/** Brings a region's users of one client version toward how many want to be online now. */
function followDiurnal(state: SimState, region: number, version: number, want: number): void {
  const members = cohortsIn(state, region); // the family: members of this version
  let first: Cohort | undefined;
  let have = 0;
  for (let m = 0; m < members.length; m++) {
    const c = members[m];
    if (c.version !== version) continue;
    first ??= c;
    have += present(c);
  }
  if (first === undefined) return;
  const gap = want - have;
  if (gap > 0) {
    const arriving = gap * Math.max(0, 1 + state.scenario.population.arrivalNoise * noise(state.rng));
    // People who went offline come back first, each with the client they left with: an update
    // pushed while their computer was off has not reached them (they fetch it once back). The
    // rest have not been online since the scenario began: none of its fixes has reached them.
    let offline = 0;
    for (let m = 0; m < members.length; m++) if (members[m].version === version) offline += members[m].offline;
    const back = Math.min(arriving, offline);
    for (let m = 0; m < members.length; m++) {
      const c = members[m];
      if (c.version !== version) continue;
      const returning = offline > 0 ? (back * c.offline) / offline : 0;
      c.offline = Math.max(0, c.offline - returning); // all back: rounding must not leave a negative few
      const fresh = c === first ? arriving - back : 0;
      schedule(c.login, state.tick, returning + fresh, policyOf(state.scenario, c), -1);
    }
    return;
  }
  // Leaving for the night: people close Skype whether it works or not.
  if (have <= 0) return;
  const f = Math.min(1, -gap / have);
  for (let m = 0; m < members.length; m++) {
    const c = members[m];
    if (c.version !== version) continue;
    c.offline += present(c) * f;
    c.attachedPeer *= 1 - f;
    c.attachedMega *= 1 - f;
    c.crashed *= 1 - f;
    c.gaveUp *= 1 - f;
    thinWheel(c.login, f);
    thinWheel(c.attach, f);
    thinWheel(c.handover, f);
  }
}

/** Windows Update restarts (seed 002): running Windows clients drop and log in again. */
function rebootWaves(state: SimState): void {
  const s = state.scenario;
  const rebootSlots = Math.round((s.population.rebootMin * 60) / TICK_SECONDS);
  state.reboots = state.reboots.filter((w) => w.untilTick > state.tick);
  for (const w of state.reboots) {
    for (let r = 0; r < REGIONS.length; r++) {
      if (w.region >= 0 && w.region !== r) continue;
      let desktop = 0;
      let windowsDesktop = 0;
      for (const c of state.cohorts) {
        if (c.region !== r || !s.versions[c.version].desktop) continue;
        const run = running(c);
        desktop += run;
        if (s.versions[c.version].windows) {
          windowsDesktop += run;
          const goP = c.attachedPeer * w.perTick;
          const goM = c.attachedMega * w.perTick;
          c.attachedPeer -= goP;
          c.attachedMega -= goM;
          schedule(c.login, state.tick, goP + goM, policyOf(s, c), -1, rebootSlots);
        }
      }
      // Supernode hosts on Windows reboot too; their other clients are orphaned.
      if (desktop > 0) knockDownHosts(state, r, (w.perTick * windowsDesktop) / desktop);
    }
  }
}
