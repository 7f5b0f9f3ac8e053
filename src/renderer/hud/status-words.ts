// The action panel's status line once the host took an order ("✓ …"), in the past tense of the
// words the orders list and the pager use; no DOM here, so the words can be checked without a browser.
import type { Command } from '../../sim/commands';
import { hotfixName, megaSourceName, regionName, throttleDoneWords } from '../../sim/names';
import { grouped } from './format';
import { serviceOrderWords, type ServiceIntent } from './service-orders';

/** `before`: the service switches as the order found them (null: no view yet). */
export function statusWords(c: Command, before: ServiceIntent | null): string {
  if (before && (c.type === 'setOfflineImService' || c.type === 'setGroupVideo')) return serviceOrderWords(c, before);
  switch (c.type) {
    case 'deployMegaSupernodes': return `ordered ${grouped(c.count)} ${megaSourceName(c.source)} mega-supernodes for ${regionName(c.region)}`;
    case 'withdrawMegaSupernodes': return `withdrawing ${grouped(c.count)} mega-supernodes from ${regionName(c.region)}`;
    case 'throttleLogins': return throttleDoneWords(c.perSecond, c.region);
    case 'pushHotfix': return `pushing the ${hotfixName(c.fix)} at ${c.rolloutPctPerHour}%/h`;
    case 'setOfflineImService': return `offline-IM ${c.enabled ? 'on' : 'off'}${c.capacityPct !== undefined ? ` at ${c.capacityPct}% capacity` : ''}`;
    case 'setGroupVideo': return `Group Video ${c.enabled ? 'on' : 'off'}`;
    default: return c.type;
  }
}
