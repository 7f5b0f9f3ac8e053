// Cancelling mega-supernode orders still on their way, and the queue a screen shows.
// The model's rule: a server is paid for only while it runs (runMegaPool bills megaUp), so
// cancelling what has not come up costs nothing, for every source; servers already serving
// are not touched by a cancel (withdraw them instead: they drain over megaDrainMin).
import { REGIONS } from './regions';
import { TICKS_PER_MINUTE } from './time';
import { MEGA_SOURCES, type MegaSource } from './commands';
import { megaInUse } from './megas';
import type { SimState } from './state';
import type { OrderView } from './view-types';

/** Takes up to `count` not-yet-serving servers off the region's orders, newest first. Returns how many. */
export function cancelMegaOrders(state: SimState, region: number, count: number, source?: MegaSource): number {
  let left = count;
  for (let i = state.megaPending.length - 1; i >= 0 && left > 0; i--) {
    const b = state.megaPending[i];
    if (b.region !== region || (source && b.source !== source)) continue;
    const n = Math.min(b.count, left);
    b.count -= n;
    left -= n;
  }
  state.megaPending = state.megaPending.filter((b) => b.count > 0);
  return count - left;
}

/** Servers of each source still free to order. */
export function megaLeft(state: SimState): Record<MegaSource, number> {
  const out = {} as Record<MegaSource, number>;
  for (const src of MEGA_SOURCES) out[src] = Math.max(0, state.scenario.services.mega[src].available - megaInUse(state, src));
  return out;
}

/**
 * Every order not yet landed: mega batches (with when the last of each should serve, at its
 * source's provisioning rate, oldest order first) and config pushes waiting on their delay.
 */
export function ordersOf(state: SimState): OrderView[] {
  const out: OrderView[] = [];
  const now = state.tick / TICKS_PER_MINUTE;
  const queued: Record<MegaSource, number> = { dedicated: 0, groupVideo: 0, cloud: 0 };
  for (const b of state.megaPending) {
    const perHour = state.scenario.services.mega[b.source].perHour;
    queued[b.source] += b.count;
    const starts = Math.max(now, b.readyTick / TICKS_PER_MINUTE);
    out.push({
      kind: 'mega',
      region: REGIONS[b.region].id,
      source: b.source,
      count: b.count,
      landsAtMinute: b.readyTick / TICKS_PER_MINUTE,
      doneAtMinute: perHour > 0 ? Math.round(starts + (60 * queued[b.source]) / perHour) : starts,
    });
  }
  for (const p of state.pending) {
    const c = p.command;
    if (c.type !== 'throttleLogins' && c.type !== 'setOfflineImService' && c.type !== 'setGroupVideo') continue;
    const at = p.atTick / TICKS_PER_MINUTE;
    out.push({ kind: 'config', command: c, landsAtMinute: at, doneAtMinute: at });
  }
  return out;
}
