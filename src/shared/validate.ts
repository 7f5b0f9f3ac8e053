// Checks what a screen sends before a host acts on it. Both hosts (Electron IPC and the
// browser host's WebSocket) call this: input from outside the main process can be garbage.
import { fieldName, validateCommand, type CommandError, type CommandErrorCode } from '../sim/commands';
import { jsonShapeProblem, type JsonLimits } from '../sim/json-guard';
import { MESSAGE_FIELDS, SPEEDS, type ClientMessage, type ControlAction, type MessageKind } from './contract';
import { validateInstructorAct, validateReplayAct, MAX_REPLAY_BASE64_CHARS } from './validate-acts';

export type ValidatedMessage =
  | { ok: true; value: ClientMessage }
  // id when the message had a usable one, so the reply can name it; kind when it named a known one, for the host's log
  | { ok: false; error: CommandError; id?: number; kind?: MessageKind };

/** Longest message we read; a command is a few hundred bytes. */
export const MAX_MESSAGE_CHARS = 16 * 1024;
/** A replay 'open' carries a whole .skyreplay in base64 (a 48-hour replay is ~6 kB of it). */
export const MAX_REPLAY_MESSAGE_CHARS = MAX_REPLAY_BASE64_CHARS + 1024;
/** Longest single step a screen may ask for: one sim-week. */
export const MAX_STEP_MINUTES = 7 * 24 * 60;

type Obj = Record<string, unknown>;

type Invalid = Extract<ValidatedMessage, { ok: false }>;

const fail = (code: CommandErrorCode, field: string, message: string, id?: number): Invalid => ({
  ok: false,
  error: { code, field, message },
  ...(id === undefined ? {} : { id }),
});

/** A message is a few small objects; anything deeper or larger is not one of ours. */
export const MESSAGE_LIMITS: JsonLimits = { maxDepth: 12, maxNodes: 4000 };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `versions`: the client versions the running scenario knows, so a command is checked once,
 * here, against the game it is meant for (the session passes them; [] = any version name).
 */
export function validateClientMessage(raw: unknown, versions: readonly string[] = []): ValidatedMessage {
  const read = readMessage(raw);
  if ('ok' in read) return read;
  const v = checkMessage(read.input, versions);
  const kind = read.input.kind;
  return v.ok || !isKind(kind) ? v : { ...v, kind };
}

const isKind = (k: unknown): k is MessageKind => typeof k === 'string' && (KINDS as readonly string[]).includes(k);

/** JSON text or an IPC object, as a plain object within the size and shape limits. */
function readMessage(raw: unknown): { input: Obj } | Invalid {
  let input = raw;
  if (typeof raw === 'string') {
    if (raw.length > MAX_REPLAY_MESSAGE_CHARS)
      return fail('out-of-range', 'message', `message is ${raw.length} characters; the limit is ${MAX_MESSAGE_CHARS} (${MAX_REPLAY_MESSAGE_CHARS} to open a replay)`);
    try {
      input = JSON.parse(raw);
    } catch {
      return fail('not-an-object', 'message', 'message is not valid JSON; send {"kind", "id", ...}');
    }
  }
  // Before anything walks it: depth, size and "__proto__" keys (IPC payloads arrive as objects).
  const shape = jsonShapeProblem(input, MESSAGE_LIMITS);
  if (shape) return fail('out-of-range', 'message', `message ${shape}`);
  if (!isObj(input)) return fail('not-an-object', 'message', 'message must be a JSON object {"kind", "id", ...}');
  // Only a replay carries a file; everything else stays small.
  if (typeof raw === 'string' && raw.length > MAX_MESSAGE_CHARS && input.kind !== 'replay')
    return fail('out-of-range', 'message', `message is ${raw.length} characters; the limit is ${MAX_MESSAGE_CHARS}`);
  return { input };
}

/** The message's id, then its kind's fields. */
function checkMessage(input: Obj, versions: readonly string[]): ValidatedMessage {
  const id = input.id;
  if (id === undefined) return fail('missing-field', 'id', '"id" is required (a whole number >= 0, echoed in the reply)');
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0)
    return fail('wrong-type', 'id', '"id" must be a whole number >= 0');

  const kind = input.kind;
  if (!isKind(kind)) return fail('unknown-type', 'kind', `unknown message kind ${clip(kind)}; known: ${KINDS.join(', ')}`, id);
  const extra = onlyFields(input, ['kind', 'id', ...MESSAGE_FIELDS[kind]], id);
  if (extra) return extra;
  switch (kind) {
    case 'subscribe':
    case 'listDrills':
    case 'endDebrief':
      return { ok: true, value: { kind, id } };
    case 'command': {
      const c = validateCommand(input.command, versions);
      if (!c.ok) return { ok: false, error: { ...c.error, field: `command.${c.error.field}` }, id };
      return { ok: true, value: { kind: 'command', id, command: c.value } };
    }
    case 'control': {
      const c = validateControl(input.control, id);
      return 'error' in c ? c : { ok: true, value: { kind: 'control', id, control: c } };
    }
    case 'instructor': {
      const a = validateInstructorAct(input.act);
      return a.ok ? { ok: true, value: { kind: 'instructor', id, act: a.value } } : { ok: false, error: a.error, id };
    }
    case 'replay': {
      const a = validateReplayAct(input.act);
      return a.ok ? { ok: true, value: { kind: 'replay', id, act: a.value } } : { ok: false, error: a.error, id };
    }
    default: {
      const never: never = kind;
      return fail('unknown-type', 'kind', `unknown message kind ${clip(never)}`, id);
    }
  }
}

const KINDS = Object.keys(MESSAGE_FIELDS) as MessageKind[];

/** Echoes a piece of what was sent, never all of it: a reply must not grow with the input. */
export function clip(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v) : typeof v === 'object' && v !== null ? (Array.isArray(v) ? 'a list' : 'an object') : String(v);
  return s;
}

function onlyFields(o: Obj, allowed: readonly string[], id: number): ValidatedMessage | undefined {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) return fail('unknown-field', fieldName(k), `"${fieldName(k)}" is not a field of a ${clip(o.kind)} message`, id);
  }
  return undefined;
}

/** Returns the clean control (a fresh object) or a failure. */
function validateControl(raw: unknown, id: number): ControlAction | { ok: false; error: CommandError; id?: number } {
  const bad = (code: CommandErrorCode, field: string, message: string) =>
    fail(code, `control.${field}`, message, id) as { ok: false; error: CommandError; id?: number };
  if (!isObj(raw)) return bad('not-an-object', 'control', 'a control must be an object with an "action"');
  const fields: Record<ControlAction['action'], readonly string[]> = {
    pause: [],
    resume: [],
    setSpeed: ['speed'],
    newGame: ['scenarioId', 'seed', 'replace'],
    step: ['minutes'],
  };
  const action = raw.action;
  if (typeof action !== 'string' || !Object.hasOwn(fields, action))
    return bad('unknown-type', 'action', `unknown control ${clip(action)}; known: ${Object.keys(fields).join(', ')}`);
  const a = action as ControlAction['action'];
  for (const k of Object.keys(raw)) {
    if (k !== 'action' && !fields[a].includes(k)) return bad('unknown-field', clip(k).slice(1, -1), `"${clip(k).slice(1, -1)}" is not a field of ${a}`);
  }
  for (const k of fields[a]) if (raw[k] === undefined && k !== 'replace') return bad('missing-field', k, `"${k}" is required for ${a}`);

  switch (a) {
    case 'pause':
    case 'resume':
      return { action: a };
    case 'setSpeed': {
      const s = raw.speed;
      if (typeof s !== 'number') return bad('wrong-type', 'speed', '"speed" must be a number');
      if (!(SPEEDS as readonly number[]).includes(s))
        return bad('out-of-range', 'speed', `"speed" must be one of ${SPEEDS.join(', ')} (sim-seconds per real second), got ${s}`);
      return { action: a, speed: s };
    }
    case 'newGame': {
      const { scenarioId, seed } = raw;
      if (typeof scenarioId !== 'string' || scenarioId.length === 0 || scenarioId.length > 64)
        return bad('wrong-type', 'scenarioId', '"scenarioId" must be a scenario id such as "dec-2010"');
      if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff)
        return bad('out-of-range', 'seed', '"seed" must be a whole number from 0 to 4294967295');
      if (raw.replace !== undefined && typeof raw.replace !== 'boolean') return bad('wrong-type', 'replace', '"replace" must be true or false');
      return { action: a, scenarioId, seed, ...(raw.replace === true ? { replace: true } : {}) };
    }
    case 'step': {
      const m = raw.minutes;
      if (typeof m !== 'number' || !Number.isFinite(m)) return bad('wrong-type', 'minutes', '"minutes" must be a number');
      if (m <= 0 || m > MAX_STEP_MINUTES)
        return bad('out-of-range', 'minutes', `"minutes" must be above 0 and at most ${MAX_STEP_MINUTES}, got ${m}`);
      return { action: a, minutes: m };
    }
    default: {
      const never: never = a;
      return bad('unknown-type', 'action', `unknown control ${String(never)}`);
    }
  }
}
