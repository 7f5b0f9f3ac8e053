// What a player reads for each code name, and how numbers read: the one place. Pager events
// (here in the sim), the HUD, the end screen and the HTML report all take their words from it.
// Commands, files, CSV columns and CLI flags keep the code names: those are an API.
import type { HotfixId, MegaSource, ServiceId } from './commands';
import { REGIONS } from './regions';

export const HOTFIX_NAMES: Readonly<Record<HotfixId, string>> = {
  imCrashFix: 'offline-IM crash fix',
  jitteredBackoff: 'jittered-backoff update',
  selfHealingFix: 'self-healing fix',
};

export const MEGA_SOURCE_NAMES: Readonly<Record<MegaSource, string>> = { dedicated: 'dedicated', groupVideo: 'Group Video', cloud: 'cloud' };

export const SERVICE_NAMES: Readonly<Record<ServiceId, string>> = {
  login: 'Login servers',
  offlineIm: 'Offline-IM cluster',
  update: 'Update servers',
  megaPool: 'Mega-supernode pool',
};

const nameIn = (table: Readonly<Record<string, string>>, id: string) => (Object.hasOwn(table, id) ? table[id] : id);

/** "offline-IM crash fix" for "imCrashFix"; an unknown id is shown as it is. */
export const hotfixName = (id: string): string => nameIn(HOTFIX_NAMES, id);
export const megaSourceName = (id: string): string => nameIn(MEGA_SOURCE_NAMES, id);
export const serviceName = (id: string): string => nameIn(SERVICE_NAMES, id);

/** "North America East" for "na-east"; no region is `none` ("worldwide" unless told). */
export function regionName(id: string | undefined | null, none = 'worldwide'): string {
  return id ? REGIONS.find((r) => r.id === id)?.name ?? id : none;
}

export const upperFirst = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Digits in threes with commas, at most `decimals` after the point (trailing zeros dropped): 20000 -> "20,000". */
export function grouped(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) return String(n);
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(n) * f) / f;
  const [whole, frac] = (decimals > 0 ? String(Number(r.toFixed(decimals))) : String(r)).split('.');
  return (n < 0 && r !== 0 ? '-' : '') + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? '.' + frac : '');
}

/** A rate a player set (a login throttle), wherever it is shown: grouped, one decimal at most: "1.5/s", "20,000/s". */
export const perSecond = (n: number): string => `${grouped(n, 1)}/s`;

/** Where a login throttle applies, said one way in every order and pager line. */
const throttleWhere = (region?: string | null): string => (region ? `in ${regionName(region)}` : 'worldwide');

/** A throttle order as given (orders on their way, timelines): "Throttle logins to 5,000/s worldwide". */
export function throttleOrderWords(rate: number | null, region?: string | null): string {
  return rate === null ? `Lift the login throttle ${throttleWhere(region)}` : `Throttle logins to ${perSecond(rate)} ${throttleWhere(region)}`;
}

/** The same order done (pager, status line), lower case: "logins throttled to 5,000/s in Europe". */
export function throttleDoneWords(rate: number | null, region?: string | null): string {
  return rate === null ? `login throttle lifted ${throttleWhere(region)}` : `logins throttled to ${perSecond(rate)} ${throttleWhere(region)}`;
}

/**
 * The Group Video switch as an order (timelines) and done (pager). 2010's words name the feature;
 * where the scenario's note says the servers are something else (aug-2007: Skype's own fleet,
 * the feature did not exist), the words say what happens to the servers.
 */
export function groupVideoWords(enabled: boolean, note: string | undefined, when: 'order' | 'done'): string {
  if (note && when === 'order') return enabled ? 'Group Video servers back to their usual work' : 'Group Video servers taken off their usual work';
  if (note) return enabled ? 'Group Video servers back on their usual work' : 'Group Video servers freed for mega-supernodes';
  if (when === 'order') return enabled ? 'Group Video Calling back on' : 'Group Video Calling off';
  return enabled ? 'Group Video Calling restored' : 'Group Video Calling switched off';
}

/** Why Group Video servers cannot be borrowed now: the feature (2010) or Skype's own work (2007) still runs on them, or they are promised back. */
export function groupVideoBusyWords(note: string | undefined, why: 'running' | 'comingBack'): string {
  if (why === 'comingBack') return `${note ? 'Those servers are going back to their usual work' : 'Group Video is coming back on those servers'}: cancel that order first`;
  return `${note ? "Skype's own work" : 'Group Video Calling'} still runs on those servers: turn Group Video off first`;
}
