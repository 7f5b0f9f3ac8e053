// The player's and the instructor's verbs: one discriminated union, validated at every
// boundary (IPC, WebSocket, replay and action files), applied by the sim at a tick.
import { isRegionId, type RegionId } from './regions';

export const MEGA_SOURCES = ['dedicated', 'groupVideo', 'cloud'] as const;
export type MegaSource = (typeof MEGA_SOURCES)[number];

export const HOTFIXES = ['imCrashFix', 'jitteredBackoff', 'selfHealingFix'] as const;
export type HotfixId = (typeof HOTFIXES)[number];

export const SERVICES = ['login', 'offlineIm', 'update', 'megaPool'] as const;
export type ServiceId = (typeof SERVICES)[number];

export type Command =
  // Player verbs
  | { type: 'deployMegaSupernodes'; count: number; region: RegionId; source: MegaSource }
  | { type: 'withdrawMegaSupernodes'; count: number; region: RegionId; source?: MegaSource; ordersOnly?: boolean } // ordersOnly: cancel what has not come up (cancel.ts)
  | { type: 'throttleLogins'; perSecond: number | null; region?: RegionId }
  | { type: 'pushHotfix'; fix: HotfixId; rolloutPctPerHour: number }
  | { type: 'setOfflineImService'; enabled: boolean; capacityPct?: number }
  | { type: 'setGroupVideo'; enabled: boolean }
  | { type: 'cancelOrder'; order: CancellableOrder; landsAtMinute: number } // an order not landed yet (cancel.ts)
  // Instructor injects
  | { type: 'crashWave'; version: string; fraction: number; region?: RegionId }
  | { type: 'rebootStorm'; fraction: number; overMinutes?: number; region?: RegionId }
  | { type: 'serviceOutage'; service: ServiceId; fraction: number; durationMin?: number }
  | { type: 'loginFlood'; perSecond: number; durationMin: number; region?: RegionId }
  | { type: 'supernodeCrash'; fraction: number; region?: RegionId };

export type CommandType = Command['type'];

/** Orders that land later and can be cancelled until they do: config pushes and hotfix builds (cancel.ts). */
export const CANCELLABLE = ['throttleLogins', 'setOfflineImService', 'setGroupVideo', 'pushHotfix'] as const;
export type CancellableOrder = Extract<Command, { type: (typeof CANCELLABLE)[number] }>;

export const PLAYER_VERBS = [
  'deployMegaSupernodes',
  'withdrawMegaSupernodes',
  'throttleLogins',
  'pushHotfix',
  'setOfflineImService',
  'setGroupVideo',
  'cancelOrder',
] as const satisfies readonly CommandType[];

export const INJECT_VERBS = [
  'crashWave',
  'rebootStorm',
  'serviceOutage',
  'loginFlood',
  'supernodeCrash',
] as const satisfies readonly CommandType[];

export const ALL_VERBS: readonly CommandType[] = [...PLAYER_VERBS, ...INJECT_VERBS];

export type CommandErrorCode =
  | 'not-an-object'
  | 'unknown-type'
  | 'missing-field'
  | 'wrong-type'
  | 'out-of-range'
  | 'unknown-field'
  | 'not-allowed-now';

/** A refused command. `field` names what was wrong so a UI can point at it. */
export interface CommandError {
  code: CommandErrorCode;
  field: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; error: CommandError };

const fail = (code: CommandErrorCode, field: string, message: string): { ok: false; error: CommandError } => ({
  ok: false,
  error: { code, field, message },
});

type Obj = Record<string, unknown>;

/** A key from outside, named in an error's field: a few characters of it, control characters escaped, so a refusal never grows with the input. */
export const fieldName = (k: string): string => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k).slice(1, -1);

/** A value from outside as a refusal quotes it: JSON, control characters escaped, 60 characters at most. */
export function quoted(v: unknown): string {
  const j = JSON.stringify(v) ?? String(v);
  return j.length > 60 ? `${j.slice(0, 59)}…` : j;
}

/** Field checkers: each returns an error or undefined. */
function num(o: Obj, f: string, min: number, max: number, opts: { int?: boolean; optional?: boolean } = {}) {
  const v = o[f];
  if (v === undefined) return opts.optional ? undefined : fail('missing-field', f, `"${f}" is required`);
  if (typeof v !== 'number' || !Number.isFinite(v)) return fail('wrong-type', f, `"${f}" must be a finite number`);
  if (opts.int && !Number.isInteger(v)) return fail('wrong-type', f, `"${f}" must be a whole number`);
  if (v < min || v > max) return fail('out-of-range', f, `"${f}" must be between ${min} and ${max}, got ${v}`);
  return undefined;
}

function oneOf(o: Obj, f: string, allowed: readonly string[], optional = false) {
  const v = o[f];
  if (v === undefined) return optional ? undefined : fail('missing-field', f, `"${f}" is required`);
  if (typeof v !== 'string' || !allowed.includes(v))
    return fail('out-of-range', f, `"${f}" must be one of ${allowed.join(', ')}, got ${quoted(v)}`);
  return undefined;
}

function bool(o: Obj, f: string) {
  const v = o[f];
  if (v === undefined) return fail('missing-field', f, `"${f}" is required`);
  if (typeof v !== 'boolean') return fail('wrong-type', f, `"${f}" must be true or false`);
  return undefined;
}

function region(o: Obj, f: string) {
  const v = o[f];
  if (v === undefined) return undefined;
  if (!isRegionId(v)) return fail('out-of-range', f, `"${f}" is not a known region: ${quoted(v)}`);
  return undefined;
}

const FIELDS: Record<CommandType, readonly string[]> = {
  deployMegaSupernodes: ['count', 'region', 'source'],
  withdrawMegaSupernodes: ['count', 'region', 'source', 'ordersOnly'],
  throttleLogins: ['perSecond', 'region'],
  pushHotfix: ['fix', 'rolloutPctPerHour'],
  setOfflineImService: ['enabled', 'capacityPct'],
  setGroupVideo: ['enabled'],
  cancelOrder: ['order', 'landsAtMinute'],
  crashWave: ['version', 'fraction', 'region'],
  rebootStorm: ['fraction', 'overMinutes', 'region'],
  serviceOutage: ['service', 'fraction', 'durationMin'],
  loginFlood: ['perSecond', 'durationMin', 'region'],
  supernodeCrash: ['fraction', 'region'],
};

/**
 * Checks an untrusted value (from IPC, a socket, a file) is a well-formed command.
 * `versions` lists the client versions the running scenario knows, for crashWave.
 */
export function validateCommand(input: unknown, versions: readonly string[] = []): Validated<Command> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return fail('not-an-object', 'command', 'a command must be a JSON object with a "type"');
  const o = input as Obj;
  const type = o.type;
  if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type))
    return fail('unknown-type', 'type', `unknown command type ${quoted(type)}; known: ${ALL_VERBS.join(', ')}`);
  const t = type as CommandType;
  for (const k of Object.keys(o)) {
    if (k !== 'type' && !FIELDS[t].includes(k)) return fail('unknown-field', fieldName(k), `"${fieldName(k)}" is not a field of ${t}`);
  }
  const err = checkFields(t, o, versions);
  if (err) return err;
  return { ok: true, value: structuredCopy(o) as Command };
}

function checkFields(t: CommandType, o: Obj, versions: readonly string[]) {
  switch (t) {
    case 'deployMegaSupernodes':
      return num(o, 'count', 1, 20000, { int: true }) ?? regionRequired(o) ?? oneOf(o, 'source', MEGA_SOURCES);
    case 'withdrawMegaSupernodes':
      return num(o, 'count', 1, 20000, { int: true }) ?? regionRequired(o) ?? oneOf(o, 'source', MEGA_SOURCES, true) ?? (o.ordersOnly === undefined ? undefined : bool(o, 'ordersOnly'));
    case 'throttleLogins':
      if (o.perSecond !== null) {
        const e = num(o, 'perSecond', 1, 10_000_000);
        if (e) return o.perSecond === undefined ? fail('missing-field', 'perSecond', '"perSecond" is required (null turns the throttle off)') : e;
      }
      return region(o, 'region');
    case 'pushHotfix':
      return oneOf(o, 'fix', HOTFIXES) ?? num(o, 'rolloutPctPerHour', 0.1, 100);
    case 'setOfflineImService':
      return bool(o, 'enabled') ?? num(o, 'capacityPct', 0, 400, { optional: true });
    case 'setGroupVideo':
      return bool(o, 'enabled');
    case 'cancelOrder':
      return cancelledOrder(o, versions) ?? num(o, 'landsAtMinute', 0, MAX_MINUTE);
    case 'crashWave':
      return (versions.length ? oneOf(o, 'version', versions) : typeof o.version === 'string' ? undefined : fail('missing-field', 'version', '"version" is required')) ??
        num(o, 'fraction', 0, 1) ?? region(o, 'region');
    case 'rebootStorm':
      return num(o, 'fraction', 0, 1) ?? num(o, 'overMinutes', 1, 24 * 60, { optional: true }) ?? region(o, 'region');
    case 'serviceOutage':
      return oneOf(o, 'service', SERVICES) ?? num(o, 'fraction', 0, 1) ?? num(o, 'durationMin', 1, 7 * 24 * 60, { optional: true });
    case 'loginFlood':
      return num(o, 'perSecond', 1, 10_000_000) ?? num(o, 'durationMin', 1, 7 * 24 * 60) ?? region(o, 'region');
    case 'supernodeCrash':
      return num(o, 'fraction', 0, 1) ?? region(o, 'region');
    default: {
      const never: never = t;
      return fail('unknown-type', 'type', `unknown command type ${String(never)}`);
    }
  }
}

/** The order a cancel names: one of CANCELLABLE, checked like any command (its type first, so a cancel never nests). */
function cancelledOrder(o: Obj, versions: readonly string[]) {
  const inner = o.order;
  if (inner === undefined) return fail('missing-field', 'order', '"order" is required: the order to cancel');
  const t = typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as Obj).type : undefined;
  if (typeof t !== 'string' || !(CANCELLABLE as readonly string[]).includes(t))
    return fail('out-of-range', 'order', `"order" must be an order of type ${CANCELLABLE.join(', ')}, got ${quoted(t ?? inner)}`);
  const v = validateCommand(inner, versions);
  return v.ok ? undefined : fail(v.error.code, `order.${v.error.field}`, `"order": ${v.error.message}`);
}

/** The longest scenario's sim-minutes (durationHours is at most 14 days, scenario.ts). */
const MAX_MINUTE = 14 * 24 * 60;

function regionRequired(o: Obj) {
  if (o.region === undefined) return fail('missing-field', 'region', '"region" is required');
  return region(o, 'region');
}

/** Commands are plain JSON; copying strips prototypes and anything odd from the sender. */
function structuredCopy(o: Obj): Obj {
  return JSON.parse(JSON.stringify(o)) as Obj;
}

/** A command scheduled at a sim minute, as in action files and replays. */
export interface TimedCommand {
  atMinute: number;
  command: Command;
}

/** Validates a parsed action file: a JSON array of {atMinute, command}. */
export function validateActionList(input: unknown, versions: readonly string[] = []): Validated<TimedCommand[]> {
  if (!Array.isArray(input)) return fail('wrong-type', 'actions', 'an action file must be a JSON array of {"atMinute", "command"}');
  const out: TimedCommand[] = [];
  for (let i = 0; i < input.length; i++) {
    const item = input[i] as Obj;
    const at = `[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      return fail('not-an-object', at, `${at} must be an object {"atMinute", "command"}`);
    const m = item.atMinute;
    if (typeof m !== 'number' || !Number.isFinite(m) || m < 0)
      return fail(m === undefined ? 'missing-field' : 'out-of-range', `${at}.atMinute`, `${at}.atMinute must be a number of sim-minutes >= 0`);
    const c = validateCommand(item.command, versions);
    if (!c.ok) return fail(c.error.code, `${at}.command.${c.error.field}`, `${at}.command: ${c.error.message}`);
    out.push({ atMinute: m, command: c.value });
  }
  return { ok: true, value: out };
}
