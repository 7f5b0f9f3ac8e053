// Frames as they travel from a host to a screen (issue 10: under 2 KB after the first on a
// 48-h replay; bench/replay-bench.ts prints it). Metrics, regions, services, orders and
// hotfixes go as rows of values in a fixed field order, with a bitmask naming the fields
// present: a delta carries only the fields that moved, and after a seek every region moves,
// where the field names were half the bytes. A screen is not sent again a status it already
// holds. Nothing is rounded: the screen shows exactly the figures the sim made.
import type { HotfixView, Metrics, OrderView, RegionView, ServiceView } from '../sim/view-types';
import type { Frame, Row, SessionStatus, WireFrame, WireView } from './contract';

/** Every key of every member of a union (keyof gives only the shared ones). */
type KeysOf<T> = T extends unknown ? keyof T : never;

/** The field list of a row, with every key of K in it (a field the sim adds and this leaves out does not compile). */
const everyField =
  <K extends string>() =>
  <const L extends readonly K[]>(list: L & ([Exclude<K, L[number]>] extends [never] ? unknown : { missing: Exclude<K, L[number]> })): L =>
    list;

export const REGION_FIELDS = everyField<keyof RegionView>()([
  'id', 'online', 'wantOnline', 'seeking', 'supernodesUp', 'supernodesWarming', 'supernodesDown', 'megaUp', 'megaPending',
  'load', 'loginAttemptsPerS', 'throttlePerS', 'serving', 'thresholds', 'cellsDown', 'maxCellLoad',
]);

export const METRIC_FIELDS = everyField<keyof Metrics>()([
  'onlineUsers', 'wantOnline', 'seekingClients', 'supernodesUp', 'supernodesWarming', 'megaSupernodesUp', 'megaSupernodesPending',
  'supernodeLoad', 'supernodeTrafficX', 'loginAttemptsPerS', 'loginsOkPerS', 'crashedClients', 'offlineImLatencyS', 'hotfixedPct',
  'megaCostUsd', 'userHoursLost', 'throttleGlobalPerS', 'backoffPct', 'cellsDown', 'cellsTotal', 'imBacklog', 'costUsd',
]);

/** Every kind of service in one list: each sets the fields it has. */
export const SERVICE_FIELDS = everyField<KeysOf<ServiceView>>()([
  'id', 'name', 'capacityPerS', 'demandPerS', 'utilisation', 'latencyS', 'enabled', 'degradedPct', 'admittedPerS', 'throttlePerS', 'regionsThrottled', 'rollouts', 'serving', 'onOrder', 'left', 'size',
]);

/** Both kinds of order in one list: a mega batch and a config push each set the fields they have. */
export const ORDER_FIELDS = everyField<KeysOf<OrderView>>()(['kind', 'region', 'source', 'count', 'command', 'landsAtMinute', 'doneAtMinute']);

export const HOTFIX_FIELDS = everyField<keyof HotfixView>()(['fix', 'stage', 'readyAtMinute', 'pctDone', 'rolloutPctPerHour', 'deliveringPctPerHour']);

/** The view's lists that go as rows, each with its field list. */
const LISTS = { regions: REGION_FIELDS, services: SERVICE_FIELDS, orders: ORDER_FIELDS, hotfixes: HOTFIX_FIELDS } as const;

export function toWire(frame: Frame, withStatus: boolean): WireFrame {
  const { status, view, ...rest } = frame;
  const { metrics, regions, services, orders, hotfixes, ...parts } = view;
  const out: WireView = parts;
  if (metrics) out.metrics = toRow(metrics, METRIC_FIELDS);
  if (regions) out.regions = regions.map((x) => toRow(x, LISTS.regions));
  if (services) out.services = services.map((x) => toRow(x as Record<KeysOf<ServiceView>, unknown>, LISTS.services));
  if (orders) out.orders = orders.map((x) => toRow(x as Record<KeysOf<OrderView>, unknown>, LISTS.orders));
  if (hotfixes) out.hotfixes = hotfixes.map((x) => toRow(x, LISTS.hotfixes));
  return withStatus || frame.full ? { ...rest, status, view: out } : { ...rest, view: out };
}

/** The frame a host sent, whole again; `held` is the status the screen holds (the last frame's). */
export function fromWire(w: WireFrame, held: SessionStatus | null): Frame {
  const status = w.status ?? held;
  if (!status) throw new Error('a frame came without the game status before any frame with it; the host should send a full frame first');
  const { metrics, regions, services, orders, hotfixes, ...parts } = w.view;
  const view: Frame['view'] = parts;
  // A delta row carries the fields that moved, typed whole as frames.ts types its deltas.
  if (metrics !== undefined) view.metrics = fromRow(metrics, METRIC_FIELDS, 'metrics') as unknown as Metrics;
  if (regions !== undefined) view.regions = fromRows(regions, 'regions') as unknown as RegionView[];
  if (services !== undefined) view.services = fromRows(services, 'services') as unknown as ServiceView[];
  if (orders !== undefined) view.orders = fromRows(orders, 'orders') as unknown as OrderView[];
  if (hotfixes !== undefined) view.hotfixes = fromRows(hotfixes, 'hotfixes') as unknown as HotfixView[];
  return { ...w, status, view };
}

function fromRows(rows: unknown, list: keyof typeof LISTS): Record<string, unknown>[] {
  if (!Array.isArray(rows)) throw new Error(`a frame's ${list} are not a list`);
  return rows.map((r) => fromRow(r, LISTS[list], list));
}

/**
 * What one screen holds of the game status, kept on the host's side: a delta frame goes
 * without it when it did not change since the last frame that screen was sent.
 */
export class HeldStatus {
  private json = '';

  /** Must the screen be sent this frame's status? From now on it holds it either way. */
  needs(frame: Frame): boolean {
    const json = JSON.stringify(frame.status);
    const need = frame.full || json !== this.json;
    this.json = json;
    return need;
  }
}

function toRow<T extends object>(obj: T, fields: readonly (keyof T)[]): Row {
  let mask = 0;
  const values: unknown[] = [];
  fields.forEach((k, i) => {
    if (!Object.hasOwn(obj, k) || obj[k] === undefined) return;
    mask += 2 ** i;
    values.push(obj[k]);
  });
  return [mask, ...values];
}

function fromRow(row: unknown, fields: readonly string[], what: string): Record<string, unknown> {
  const mask = Array.isArray(row) ? row[0] : undefined;
  if (!Array.isArray(row) || !Number.isSafeInteger(mask) || mask < 0 || mask >= 2 ** fields.length) throw new Error(`a frame's ${what} row has no field mask`);
  const out: Record<string, unknown> = {};
  let next = 1;
  fields.forEach((k, i) => {
    if (Math.floor(mask / 2 ** i) % 2 === 1) out[k] = row[next++];
  });
  if (next !== row.length) throw new Error(`a frame's ${what} row has ${row.length - 1} values for ${next - 1} fields`);
  return out;
}
