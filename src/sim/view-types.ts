// What a screen may know of the world: a plain, read-only summary of the sim state,
// built by view.ts each frame. The renderer and the instructor console read only this.
import type { RegionId } from './regions';
import type { Command, MegaSource } from './commands';

/** Network-wide figures; the CLI's CSV columns come from here too. */
export interface Metrics {
  onlineUsers: number; // clients attached to a supernode or mega-supernode
  wantOnline: number; // users who would be online now on a normal day
  seekingClients: number; // running clients not attached (logging in or re-attaching)
  supernodesUp: number; // peer supernodes serving
  supernodesWarming: number; // promoted or restarted, not yet serving
  megaSupernodesUp: number;
  megaSupernodesPending: number; // ordered, still provisioning
  supernodeLoad: number; // mean offered load per serving peer supernode / its normal capacity (1.0 = full)
  supernodeTrafficX: number; // join/search traffic to supernodes, multiple of normal for this hour
  loginAttemptsPerS: number;
  loginsOkPerS: number;
  crashedClients: number; // cumulative client crashes since the scenario began
  offlineImLatencyS: number; // how long an offline-IM reply takes now
  hotfixedPct: number; // share of the buggy build's users already on its fix: the offline-IM crash fix, or in a scenario without that crash (aug-2007) the self-healing fix
  megaCostUsd: number; // cumulative cost of mega-supernodes so far
  userHoursLost: number; // cumulative (wantOnline - online) user-hours
  throttleGlobalPerS: number | null; // worldwide login throttle in force, logins/s
  backoffPct: number; // share of tight-retry clients already on jittered backoff
  cellsDown: number; // host-cache cells with under 10% of their supernodes serving
  cellsTotal: number;
  imBacklog: number; // users whose offline messages are held while the service is off
  costUsd: number; // cumulative: megas, Group Video downtime, withheld offline messages
}

export interface RegionView {
  id: RegionId;
  online: number;
  wantOnline: number;
  seeking: number;
  supernodesUp: number;
  supernodesWarming: number;
  supernodesDown: number; // shut down or crashed, waiting to come back
  megaUp: number;
  megaPending: number;
  load: number; // offered load per serving peer supernode, 1.0 = normal capacity
  loginAttemptsPerS: number;
  throttlePerS: number | null;
  /**
   * Serving peer supernodes by self-protection threshold class (low to high).
   * Stress of class k is load / threshold(k): near 1 means about to shut down.
   */
  serving: number[];
  thresholds: number[]; // each class's current lowest surviving threshold, in capacity units
  cellsDown: number; // of the region's host-cache cells, those with under 10% of their supernodes
  maxCellLoad: number; // the worst serving cell's load
}

/** What every central service's place on the map shows: its ring is `utilisation`. */
interface ServiceBase {
  name: string;
  utilisation: number; // how busy, 1.0 = full (Infinity-safe: capped at 99); each kind says of what
  enabled: boolean;
  degradedPct: number; // capacity lost to an outage, percent
}

/** Login servers: attempts arrive at a throttle, which turns the excess away before the servers. */
export interface LoginServiceView extends ServiceBase {
  id: 'login';
  capacityPerS: number; // logins per second the servers can answer now
  demandPerS: number; // login attempts per second, before any throttle
  admittedPerS: number; // what gets past the throttles to the servers; utilisation = this / capacity
  throttlePerS: number | null; // worldwide throttle in force
  regionsThrottled: number; // regions with a throttle of their own
  latencyS: number;
}

export interface OfflineImServiceView extends ServiceBase {
  id: 'offlineIm';
  capacityPerS: number; // fetches per second it can answer now
  demandPerS: number; // fetches per second arriving (held ones coming back included)
  latencyS: number;
}

/**
 * Update servers: hotfix rollouts download through them, and rollouts at once share them
 * (hotfix.ts), so utilisation is every rollout's ask together against capacity: over 1 means
 * the rollouts are held back, as the pager says ("deliver only ~8.4%/h").
 */
export interface UpdateServiceView extends ServiceBase {
  id: 'update';
  capacityPerS: number; // client downloads per second they can serve now
  demandPerS: number; // downloads per second the rollouts ask for this minute, all rollouts together
  rollouts: number; // hotfixes rolling out now
}

/** The mega-supernode pool: servers, not requests; utilisation = in use (serving or on order) / all there are. */
export interface MegaPoolView extends ServiceBase {
  id: 'megaPool';
  serving: number;
  onOrder: number; // ordered, not serving yet
  left: Record<MegaSource, number>; // free to order, by source
  size: number; // servers of every source that can be had at all
}

export type ServiceView = LoginServiceView | OfflineImServiceView | UpdateServiceView | MegaPoolView;

export interface HotfixView {
  fix: string;
  stage: 'building' | 'rolling-out' | 'done';
  readyAtMinute: number;
  pctDone: number; // of the target population
  rolloutPctPerHour: number;
  /** While it rolls out slower than ordered because the update servers cannot keep up (their share for it, in the same %/h); null when they keep up. */
  deliveringPctPerHour: number | null;
}

export interface SimEvent {
  minute: number;
  severity: 'info' | 'warning' | 'critical' | 'recovery';
  code: string; // stable key for sound and tests, e.g. 'collapse', 'recovered', 'im-overload'
  text: string;
}

/** An order not landed yet: a mega batch still provisioning, or a config push on its way. */
export type OrderView =
  | { kind: 'mega'; region: RegionId; source: MegaSource; count: number; landsAtMinute: number; doneAtMinute: number }
  | { kind: 'config'; command: Command; landsAtMinute: number; doneAtMinute: number };

/** A line phaseOf (alarms.ts) found crossed: few supernodes or users, a service's alarm. */
export type PhaseReason = 'supernodes' | 'online' | 'offlineIm' | 'login';

/** Why the phase is what it is, as phaseOf weighed it, so the banner names what it measured. */
export interface PhaseWhy {
  supernodeShare: number; // serving peer supernodes / a normal day's at this hour
  reasons: PhaseReason[]; // the lines that put the network in this phase, none when calm
}

export interface SimView {
  tick: number;
  minute: number; // sim-minutes since the scenario began
  utcMs: number; // wall-clock time in the story (UTC)
  scenarioId: string;
  metrics: Metrics;
  regions: RegionView[];
  services: ServiceView[];
  hotfixes: HotfixView[];
  groupVideoEnabled: boolean;
  orders: OrderView[]; // what has been ordered and not landed, oldest first
  megaLeft: Record<MegaSource, number>; // servers of each source still free to order
  phase: 'calm' | 'degraded' | 'cascade' | 'collapse' | 'recovering' | 'relapse';
  phaseWhy: PhaseWhy;
}
