// Cancelling mega-supernode orders still on their way, and the queue a screen shows.
// The model's rule: a server is paid for only while it runs (runMegaPool bills megaUp), so
// cancelling what has not come up costs nothing, for every source; servers already serving
// are not touched by a cancel (withdraw them instead: they drain over megaDrainMin).
import { REGIONS } from './regions';
import { TICKS_PER_MINUTE } from './time';
import { MEGA_SOURCES, type CancellableOrder, type Command, type MegaSource } from './commands';
import { megaInUse } from './megas';
import { hotfixName } from './names';
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

/**
 * Cancelling a config push or a hotfix before it lands, and what that costs:
 * - A config push (login throttle, offline-IM switch, Group Video back on) changes nothing until
 *   it lands (apply.ts landPending), so taking it back costs nothing: what is in force stays.
 *   Switching Group Video off is immediate (apply.ts), so there is nothing left to call back.
 * - A hotfix in build and test has reached no client, so it can be stopped, but the build time
 *   spent is lost: pushing it again builds it from the start. Once its rollout has begun it
 *   cannot be recalled: clients download it, install it and restart (seed 000: fixes go out "for
 *   download or automatic delivery"; seed 003: Skype "use their software to update itself", so an
 *   update forced onto the network stays there). Stop it early or live with it.
 */
export type CancelResult = { ok: true; lostBuildMin: number } | { ok: false; message: string };

const sameOrder = (a: Command, b: Command): boolean => {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && x[k] === y[k]);
};

/** Takes `order` (landing at `landsAtMinute`) off its way; on a refusal nothing changes. */
export function cancelOrder(state: SimState, order: CancellableOrder, landsAtMinute: number): CancelResult {
  const atTick = Math.round(landsAtMinute * TICKS_PER_MINUTE);
  if (order.type === 'pushHotfix') {
    const i = state.hotfixes.findIndex((h) => h.fix === order.fix);
    const h = state.hotfixes[i];
    if (!h) return { ok: false, message: `the ${hotfixName(order.fix)} is not in build and test: nothing to cancel` };
    if (state.tick >= h.readyTick) return { ok: false, message: `the ${hotfixName(order.fix)} is already rolling out: clients install it as it comes, and an installed update cannot be recalled` };
    if (h.readyTick !== atTick || h.rolloutPctPerHour !== order.rolloutPctPerHour) return { ok: false, message: `no such order is on its way (it may have been cancelled already)` };
    state.hotfixes.splice(i, 1);
    const buildMin = state.scenario.hotfixes[order.fix].buildMin;
    return { ok: true, lostBuildMin: Math.max(0, buildMin - (h.readyTick - state.tick) / TICKS_PER_MINUTE) };
  }
  for (let i = state.pending.length - 1; i >= 0; i--) {
    const p = state.pending[i];
    if (p.atTick !== atTick || !sameOrder(p.command, order)) continue;
    if (order.type === 'setGroupVideo' && !order.enabled) break; // already in force: nothing to call back
    state.pending.splice(i, 1);
    return { ok: true, lostBuildMin: 0 };
  }
  if (order.type === 'setGroupVideo' && !order.enabled) return { ok: false, message: 'Group Video went off the moment it was ordered: switch it back on instead' };
  if (atTick <= state.tick) return { ok: false, message: `that order has already landed: it is in force now, so send a new order to change it` };
  return { ok: false, message: `no such order is on its way (it may have been cancelled already)` };
}
