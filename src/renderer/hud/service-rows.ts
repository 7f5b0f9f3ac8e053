// A central service's figures for the info panel, each in its own units: requests a second for
// the servers, servers for the mega-supernode pool. No DOM here, so the rows can be checked without a browser.
import { MEGA_SOURCES } from '../../sim/commands';
import { megaSourceName } from '../../sim/names';
import type { ServiceView } from '../../sim/view-types';
import { compact, grouped, percent } from './format';

/** A figure: its label, its value, how alarming, and (on hover) what it means. */
export type Row = [label: string, value: string, tone?: 'hot' | 'warm', why?: string];

const busy = (u: number): Row['2'] => (u > 1 ? 'hot' : u > 0.8 ? 'warm' : undefined);
const latency = (x: number): Row => ['Latency', x < 1 ? `${Math.round(x * 1000)} ms` : `${x.toFixed(1)} s`, x > 5 ? 'hot' : undefined];
const lost = (pct: number): Row => ['Capacity lost to outage', `${Math.round(pct)}%`, pct > 0 ? 'warm' : undefined];

/**
 * Utilisation as a trainee reads it, here and on the map: past ten times capacity the figure
 * says only that (the sim caps it at 99, and a rollout behind its pace asks for its whole
 * backlog at once: "9900%" meant nothing).
 */
export const utilisationText = (u: number): string => (Math.round(u * 100) > 999 ? '>999%' : percent(u));

/** A service's figures, each in its own units: requests a second, or the pool's servers. */
export function serviceRows(s: ServiceView): Row[] {
  const status: Row = ['Status', s.enabled ? 'on' : 'switched off', s.enabled ? undefined : 'warm'];
  switch (s.id) {
    case 'login':
      return [
        status,
        ['Utilisation', utilisationText(s.utilisation), busy(s.utilisation), 'Logins reaching the servers (past any throttle) against what they can answer.'],
        ['Attempts / s', compact(s.demandPerS)],
        ['Reaching servers / s', compact(s.admittedPerS), undefined, 'A throttle turns the excess away at the front door, before it costs the servers anything.'],
        ['Capacity / s', compact(s.capacityPerS)],
        ['Throttle', (s.throttlePerS === null ? 'off worldwide' : `${compact(s.throttlePerS)} / s worldwide`) + (s.regionsThrottled ? ` · ${s.regionsThrottled} region${s.regionsThrottled > 1 ? 's' : ''} capped` : '')],
        latency(s.latencyS),
        lost(s.degradedPct),
      ];
    case 'offlineIm':
      return [status, ['Utilisation', utilisationText(s.utilisation), busy(s.utilisation)], ['Demand / s', compact(s.demandPerS)], ['Capacity / s', compact(s.capacityPerS)], latency(s.latencyS), lost(s.degradedPct)];
    case 'update':
      return [
        status,
        ['Utilisation', utilisationText(s.utilisation), busy(s.utilisation), 'Every rollout\'s downloads against what the servers deliver (rollouts at once share them): past 100% each goes slower than ordered.'],
        ['Downloads asked / s', compact(s.demandPerS), undefined, 'What the rollouts ask for this minute: their ordered pace, and the clients they are behind it.'],
        ['Capacity / s', compact(s.capacityPerS)],
        ['Rollouts under way', String(s.rollouts)],
        lost(s.degradedPct),
      ];
    case 'megaPool':
      return [
        ['Pool in use', percent(s.utilisation), busy(s.utilisation), `Serving or on order, of the ${grouped(s.size)} servers there are.`],
        ['Serving', grouped(s.serving)],
        ['On order', grouped(s.onOrder)],
        ...MEGA_SOURCES.map((src): Row => [`Left · ${megaSourceName(src)}`, grouped(s.left[src])]),
        lost(s.degradedPct),
      ];
  }
}
