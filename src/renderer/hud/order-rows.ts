// The rows of the orders on their way, worded for the player: no DOM here, so the words can be
// checked without a browser (order-queue.ts draws them and their Cancel buttons).
import { CANCELLABLE, type CancellableOrder, type Command, type HotfixId } from '../../sim/commands';
import { hotfixName, megaSourceName, regionName, throttleOrderWords } from '../../sim/names';
import type { OrderView, SimView } from '../../sim/view-types';
import { clockAt, duration, grouped } from './format';
import { factsFor } from './scenario-facts';
import { serviceOrderWords, stateBeforeEach, type ServiceIntent } from './service-orders';


export interface Row { key: string; what: string; when: string; cancel?: Command; cost?: string; note?: string } // note: what a cancel costs, in short


const MEGA_COST = 'Cancel what has not come up yet: not billed (servers already serving stay; withdraw them instead)';
const CONFIG_COST = 'Call it back before it lands: nothing has changed yet, so it costs nothing';
const HOTFIX_COST = 'Stop the build: the build time so far is lost and a new push starts over; once it rolls out it cannot be recalled';

/** A config push a cancel can reach (switching Group Video off is immediate: nothing to call back). */
const cancellable = (c: Command): c is CancellableOrder =>
  (CANCELLABLE as readonly string[]).includes(c.type) && !(c.type === 'setGroupVideo' && !c.enabled);

/** `before`: the switches as this order will find them when it lands. */
function configWords(c: Command, before: ServiceIntent): string {
  if (c.type === 'throttleLogins') return throttleOrderWords(c.perSecond, c.region);
  if (c.type === 'setOfflineImService' || c.type === 'setGroupVideo') return serviceOrderWords(c, before);
  return c.type;
}

export function orderRows(view: SimView): Row[] {
  const start = view.utcMs - view.minute * 60_000;
  const at = (m: number) => `${clockAt(start + m * 60_000, 0)} GMT`;
  const inMin = (m: number) => (m > view.minute ? ` (in ${duration(m - view.minute)})` : '');
  const rows: Row[] = [];
  const before = stateBeforeEach(view, factsFor(view.scenarioId).imCapacityPerS);
  (view.orders ?? []).forEach((o: OrderView, i) => {
    if (o.kind === 'mega') {
      const first = o.landsAtMinute > view.minute ? `first up ${at(o.landsAtMinute)}${inMin(o.landsAtMinute)}, ` : 'coming up now, ';
      rows.push({
        key: `mega:${o.region}:${o.source}:${o.landsAtMinute}`,
        what: `${grouped(o.count)} ${megaSourceName(o.source)} mega-supernodes → ${regionName(o.region)}`,
        when: `${first}all by ~${at(o.doneAtMinute)}`,
        cancel: { type: 'withdrawMegaSupernodes', count: o.count, region: o.region, source: o.source, ordersOnly: true },
        cost: MEGA_COST,
      });
    } else {
      const c = o.command;
      // Group Video off is in force the moment it is ordered (the sim lands it on its next tick): not on its way.
      if (c.type === 'setGroupVideo' && !c.enabled) return;
      rows.push({
        key: `config:${i}:${o.landsAtMinute}`,
        what: configWords(c, before[i]),
        when: `lands ${at(o.landsAtMinute)}${inMin(o.landsAtMinute)}`,
        ...(cancellable(c) ? { cancel: { type: 'cancelOrder', order: c, landsAtMinute: o.landsAtMinute }, cost: CONFIG_COST, note: 'free to cancel until then' } : {}),
      });
    }
  });
  for (const fx of view.hotfixes ?? []) {
    if (fx.stage !== 'building') continue;
    const order: CancellableOrder = { type: 'pushHotfix', fix: fx.fix as HotfixId, rolloutPctPerHour: fx.rolloutPctPerHour };
    rows.push({
      key: `hotfix:${fx.fix}`,
      what: `Hotfix: ${hotfixName(fx.fix)} in build and test`,
      when: `rollout starts ${at(fx.readyAtMinute)}${inMin(fx.readyAtMinute)}`,
      note: 'cancel loses the build time',
      cancel: { type: 'cancelOrder', order, landsAtMinute: fx.readyAtMinute },
      cost: HOTFIX_COST,
    });
  }
  return rows;
}
