// The whole world as plain data: numbers, arrays and plain objects only, so it
// checksums, snapshots, crosses IPC and goes into replays unchanged.
import type { Scenario } from './scenario';
import type { Command, MegaSource, ServiceId } from './commands';
import type { RngState } from './rng';
import type { Wheel } from './wheel';
import type { SimEvent } from './view-types';

export const FIX_IM = 1; // hotfix bit: offline-IM crash fixed
export const FIX_BACKOFF = 2; // hotfix bit: jittered exponential backoff

/** Clients of one region, one client version and one set of applied hotfixes. */
export interface Cohort {
  region: number;
  version: number; // index into scenario.versions
  fixes: number; // FIX_* bits
  attachedPeer: number;
  attachedMega: number;
  crashed: number; // crashed, waiting for the user to restart Skype
  gaveUp: number; // closed Skype after failing; will try again later
  login: Wheel; // running, waiting to log in
  attach: Wheel; // logged in, looking for a supernode
}

/** Peer supernodes of one region, by self-protection threshold class. */
export interface SupernodePool {
  serving: number[];
  floor: number[]; // lowest threshold still serving in the class (fibre-bundle cut)
  warmNew: number[]; // newly promoted, not yet serving
  warmBack: number[]; // came back after a shutdown or crash, not yet serving
  down: number[]; // shut down or crashed
}

export interface MegaBatch {
  region: number;
  source: MegaSource;
  count: number;
  readyTick: number;
}

export interface Outage {
  service: ServiceId;
  fraction: number;
  untilTick: number; // -1: until repaired by the scenario's end
}

export interface Flood {
  region: number; // -1: spread over all regions
  perSecond: number;
  untilTick: number;
}

export interface RebootWave {
  region: number; // -1: everywhere
  perTick: number; // fraction of running Windows clients restarted each tick
  untilTick: number;
}

export interface Hotfix {
  fix: 'imCrashFix' | 'jitteredBackoff';
  readyTick: number;
  rolloutPctPerHour: number;
  doneNotified: boolean;
}

/** A command's effect that lands later (config pushes take minutes). */
export interface Pending {
  atTick: number;
  command: Command;
}

export interface Alarms {
  imOverloaded: boolean;
  loginOverloaded: boolean;
  snLossStep: number; // highest 25%-step of supernode loss announced
  collapsed: boolean;
  recovered: boolean;
  trafficStep: number; // highest power of ten of traffic announced
  lastCrashes: number; // crash count at the last crash-wave page
}

export interface SimState {
  version: 1;
  scenario: Scenario;
  seed: number;
  tick: number;
  rng: RngState;
  regionBase: number[]; // users each region would have online at its local peak
  cohorts: Cohort[];
  pools: SupernodePool[];
  megaUp: Record<MegaSource, number[]>; // per region
  megaPending: MegaBatch[];
  services: {
    loginQueue: number;
    imQueue: number;
    imEnabled: boolean;
    imCapacityPct: number;
    updateBacklog: number;
    groupVideo: boolean;
    throttleGlobal: number | null;
    throttleRegion: (number | null)[];
  };
  outages: Outage[];
  floods: Flood[];
  reboots: RebootWave[];
  hotfixes: Hotfix[];
  pending: Pending[];
  timelineNext: number; // index of the scenario's next timeline entry
  alarms: Alarms;
  totals: {
    crashedClients: number;
    supernodesCrashed: number; // serving supernodes lost with their host's crash
    supernodesShutDown: number; // serving supernodes that shut themselves down under load
    megaCostUsd: number;
    userHoursLost: number;
    groupVideoDownMin: number;
    peakTrafficX: number;
    minSupernodes: number;
    recoveredAtMinute: number; // -1 until users online is back to 90% of normal after a collapse
  };
  last: LastTick; // figures of the most recent tick, for views and the CSV
  events: SimEvent[]; // emitted since the host last drained them
}

export interface LastTick {
  loginAttempts: number;
  loginsOk: number;
  attachAttempts: number;
  probes: number;
  imDemandPerS: number;
  imLatencyS: number;
  wantOnline: number[]; // per region
  load: number[]; // per region
  regionLoginAttempts: number[]; // per region, per second
  regionPeerProbes: number[]; // per region, join/search probes to peer supernodes this tick
  regionAttempts: number[]; // per region, attach attempts this tick
  trafficX: number;
  loginWaitS: number;
}
