// The whole world as plain data: numbers, arrays and plain objects only, so it
// checksums, snapshots, crosses IPC and goes into replays unchanged.
import type { Scenario } from './scenario';
import type { Command, MegaSource, ServiceId } from './commands';
import type { RngState } from './rng';
import type { Wheel } from './wheel';
import type { SimEvent } from './view-types';

export const FIX_IM = 1; // hotfix bit: offline-IM crash fixed
export const FIX_BACKOFF = 2; // hotfix bit: jittered exponential backoff
export const FIX_HEAL = 4; // hotfix bit: the self-healing (host cache / supernode mode) fix of Aug 2007

/** Clients of one region, one client version and one set of applied hotfixes. */
export interface Cohort {
  region: number;
  version: number; // index into scenario.versions
  fixes: number; // FIX_* bits
  attachedPeer: number;
  attachedMega: number;
  crashed: number; // crashed, waiting for the user to restart Skype
  gaveUp: number; // closed Skype after failing; will try again later
  offline: number; // left for the day (computer off): back later with the client they left with
  login: Wheel; // running, waiting to log in
  attach: Wheel; // logged in, looking for a supernode
  handover: Wheel; // logged in, lost their supernode: re-registering with another from the cache
}

/**
 * A host-cache neighbourhood: the peer supernodes a group of clients know, and those clients.
 * Cascades spread and heal cell by cell (seed 001: clusters of several hundred peers per supernode).
 */
export interface Cell {
  region: number;
  home: number; // share of its region's clients whose host cache points here (seeded)
  scale: number; // this cell's hosts' limits, relative to the scenario's thresholds (seeded)
  pool: SupernodePool;
  peers: number; // clients attached to this cell's peer supernodes
  waiting: number; // the region's clients off the network whose cache points here
  cached: number; // supernode addresses in those caches (dead ones included)
  staleCached: number; // the same for clients with the 2007 self-healing flaw (slow to refresh)
  probes: number; // join/search probes that reached live supernodes last tick
  load: number; // offered load per serving supernode, in units of its normal capacity
  willing: number; // share of its serving supernodes still taking clients (each under its own bar)
}

/** Peer supernodes of one cell, by self-protection threshold class. */
export interface SupernodePool {
  serving: number[];
  floor: number[]; // lowest threshold still serving in the class (fibre-bundle cut)
  warmNew: number[]; // newly promoted, not yet serving
  warmBack: number[]; // came back after a shutdown or crash, not yet serving
  down: number[]; // shut down or crashed
  clientShare: number[]; // share of the cell's attached clients on the class's serving nodes (sums to 1)
}

export interface MegaBatch {
  region: number;
  source: MegaSource;
  count: number; // still to be provisioned
  readyTick: number; // the source's lead time is over: provisioning starts
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
  fix: 'imCrashFix' | 'jitteredBackoff' | 'selfHealingFix';
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
  // After a collapse, until recovered: is the share of normal online climbing, and from where.
  climbing: boolean; // clearly up from lowShare; false while it slides or lies flat
  lowShare: number; // lowest share since the collapse or the last fall
  bestShare: number; // highest share since the climb began
  relapsing: boolean; // fell back from a climb past RECOVERING_FROM before recovering
}

export interface SimState {
  version: 2;
  scenario: Scenario;
  seed: number;
  tick: number;
  rng: RngState;
  regionBase: number[]; // users each region would have online at its local peak
  cohorts: Cohort[];
  cells: Cell[]; // grouped by region, in region order
  megaUp: Record<MegaSource, number[]>; // per region
  megaPending: MegaBatch[];
  megaCredit: Record<MegaSource, number>; // provisioning throughput not yet used (fractions of a server)
  megaDrain: number[]; // per region: clients of withdrawn mega-supernodes still to be handed back
  megaKnown: number[]; // per region: share of reconnecting clients that are handed a mega-supernode's address
  services: {
    loginQueue: number;
    imQueue: number;
    imEnabled: boolean;
    imCapacityPct: number;
    imBacklog: number; // offline-message fetches refused while the service was off, due when it returns
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
    imDeferred: number; // offline-message fetches refused (service off) or dropped (overloaded)
    costUsd: number; // every priced harm and resource: megas, Group Video downtime, deferred messages
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
  imPDelayed: number; // chance an offline-IM reply is late enough to crash 5.0.0152
  wantOnline: number[]; // per region
  load: number[]; // per region: serving-weighted mean of its cells' loads
  regionLoginAttempts: number[]; // per region, per second
  regionPeerProbes: number[]; // per region, join/search probes to peer supernodes this tick
  regionAttempts: number[]; // per region, attach attempts this tick
  trafficX: number;
  loginWaitS: number;
  loginRejected: number; // refused by the login servers' admission control this tick
  maxCellLoad: number[]; // per region: the worst cell
  cellsDown: number[]; // per region: cells with under 10% of their normal supernodes serving
}
