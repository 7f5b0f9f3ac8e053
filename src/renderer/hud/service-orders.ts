// The two service switches (offline-IM, Group Video) as the player means them: what state they
// will be in once the orders on their way land, what a useful order from there is (the forms'
// defaults), an order that would change nothing (refused before it is sent), and what an order
// will do, in words ("on again at 50% capacity" only when it is off).
// Also the refusal of a Lift of the login throttle that would change nothing (liftRefusal).
import type { Command } from '../../sim/commands';
import type { SimView } from '../../sim/view-types';
import { REGIONS, type RegionId } from '../../sim/regions';
import { throttleInForce } from './action-hints';

export interface ServiceIntent {
  im: { enabled: boolean; capacityPct: number | null }; // capacity null: not known from the view (an outage hides it)
  groupVideo: boolean;
  /** Which switches have an order on its way. */
  pending: { im: boolean; groupVideo: boolean };
}

type ServiceCommand = Extract<Command, { type: 'setOfflineImService' | 'setGroupVideo' }>;

/**
 * The offline-IM cluster's size now, in percent of its own, read back from the capacity the view
 * shows; `basePerS` is the scenario's 100%. Null when an outage makes the figure inexact.
 */
export function imCapacityNow(view: SimView, basePerS: number | undefined): number | null {
  const im = view.services.find((s) => s.id === 'offlineIm');
  if (!im || !basePerS || im.degradedPct !== 0) return null;
  return Math.round((im.capacityPerS * 1000) / basePerS) / 10;
}

/** An order's effect on the switches, in the sim's rule (src/sim/apply.ts): the latest order wins. */
function after(state: ServiceIntent, c: Command): ServiceIntent {
  if (c.type === 'setOfflineImService')
    return { ...state, im: { enabled: c.enabled, capacityPct: c.capacityPct ?? state.im.capacityPct }, pending: { ...state.pending, im: true } };
  if (c.type === 'setGroupVideo') return { ...state, groupVideo: c.enabled, pending: { ...state.pending, groupVideo: true } };
  return state;
}

/** The switches now, before any order on its way lands. */
export function serviceNow(view: SimView, imBasePerS: number | undefined): ServiceIntent {
  const im = view.services.find((s) => s.id === 'offlineIm');
  return { im: { enabled: im?.enabled ?? true, capacityPct: imCapacityNow(view, imBasePerS) }, groupVideo: view.groupVideoEnabled, pending: { im: false, groupVideo: false } };
}

/** The switches once every order on its way has landed (orders are listed oldest first). */
export function serviceIntent(view: SimView, imBasePerS: number | undefined): ServiceIntent {
  let s = serviceNow(view, imBasePerS);
  for (const o of view.orders ?? []) if (o.kind === 'config') s = after(s, o.command);
  return s;
}

/** What each order listed on its way will find when it lands (by its index in `view.orders`). */
export function stateBeforeEach(view: SimView, imBasePerS: number | undefined): ServiceIntent[] {
  let s = serviceNow(view, imBasePerS);
  return (view.orders ?? []).map((o) => {
    const before = s;
    if (o.kind === 'config') s = after(s, o.command);
    return before;
  });
}

/** The forms' values that make a useful order: the other position of each switch. */
export function serviceDefaults(intent: ServiceIntent): { imEnabled: boolean; imCapacityPct: number; groupVideoEnabled: boolean } {
  return { imEnabled: !intent.im.enabled, imCapacityPct: intent.im.capacityPct ?? 100, groupVideoEnabled: !intent.groupVideo };
}

const same = (a: number, b: number) => Math.abs(a - b) < 0.05;

/** The refusal for an order that would change nothing, said before it is sent; null if it does something. */
export function doNothingRefusal(c: ServiceCommand, intent: ServiceIntent): { field: 'enabled' | 'capacityPct'; message: string } | null {
  if (c.type === 'setGroupVideo') {
    if (c.enabled !== intent.groupVideo) return null;
    if (c.enabled) return { field: 'enabled', message: intent.pending.groupVideo ? 'Group Video is already coming back on: nothing to change. Choose Off to free its servers.' : 'Group Video is already on: nothing to change. Choose Off to free its servers.' };
    return { field: 'enabled', message: 'Group Video is already off: nothing to change. Choose On to switch it back on.' };
  }
  const im = intent.im;
  if (!c.enabled) {
    if (im.enabled) return null;
    return { field: 'enabled', message: intent.pending.im ? 'The offline-IM service is already being switched off: nothing to change. Choose On to keep it on.' : 'The offline-IM service is already off: nothing to change. Choose On to bring it back.' };
  }
  if (!im.enabled) return null;
  if (c.capacityPct === undefined) return { field: 'capacityPct', message: 'The offline-IM service is already on: enter a new Capacity %, or choose Off.' };
  if (im.capacityPct !== null && same(c.capacityPct, im.capacityPct))
    return { field: 'capacityPct', message: `The offline-IM service is already on at ${im.capacityPct}% capacity: enter another Capacity %, or choose Off.` };
  return null;
}

/** What the order will do, from the state it lands on, for the orders list and the status line. */
export function serviceOrderWords(c: ServiceCommand, before: ServiceIntent): string {
  if (c.type === 'setGroupVideo') {
    if (!c.enabled) return 'Group Video off'; // in force the moment it is ordered: the view already shows it off
    return before.groupVideo ? 'Group Video stays on' : 'Group Video on again';
  }
  if (!c.enabled) return before.im.enabled ? 'Offline-IM service off' : 'Offline-IM service stays off';
  const cap = c.capacityPct ?? before.im.capacityPct;
  if (!before.im.enabled) return `Offline-IM on again${cap !== null ? ` at ${cap}% capacity` : ''}`;
  return c.capacityPct === undefined ? 'Offline-IM stays on' : `Offline-IM capacity to ${c.capacityPct}%`;
}

/** Whether the switches still are (or are on their way to be) as `c` set them. */
export function serviceOrderHolds(c: ServiceCommand, intent: ServiceIntent): boolean {
  if (c.type === 'setGroupVideo') return intent.groupVideo === c.enabled;
  if (intent.im.enabled !== c.enabled) return false;
  return !c.enabled || c.capacityPct === undefined || intent.im.capacityPct === null || same(intent.im.capacityPct, c.capacityPct);
}

/**
 * Why a Lift of the login throttle in `region` ('' worldwide) would change nothing, or null when it
 * would: no cap in force nor on its way, or a Lift already on its way (a cap may still be in force
 * until it lands: the words must not say there is none).
 */
export function liftRefusal(view: SimView, region: RegionId | ''): string | null {
  if (throttleInForce(view, region) !== null) return null;
  const where = region ? `in ${REGIONS.find((r) => r.id === region)?.name ?? region}` : 'worldwide';
  const pending = (view.orders ?? []).filter((o) => o.kind === 'config' && o.command.type === 'throttleLogins' && (o.command.region ?? '') === region);
  const now = region ? view.regions.find((r) => r.id === region)?.throttlePerS ?? null : view.metrics.throttleGlobalPerS;
  if (pending.length && now !== null) return `A Lift is already on its way ${region ? 'here' : 'for the worldwide cap'}: once it lands no login throttle will be in force ${where}.`;
  const regional = !region && view.regions.some((r) => r.throttlePerS !== null) ? ' A region\'s own cap is lifted by choosing that region.' : '';
  return `No login throttle is in force ${where}, nor on its way: Lift would change nothing.${regional}`;
}
