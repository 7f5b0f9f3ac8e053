// Checks the instructor's and the replay viewer's acts (drill-contract.ts) the way
// validate.ts checks controls: every field, no extras, a fresh plain copy out.
import { fieldName, quoted, validateCommand, type CommandError, type CommandErrorCode, type Validated } from '../sim/commands';
import { SPEEDS } from './contract';
import type { InstructorAct, ReplayAct } from './drill-contract';

/** A journal's file name as the host writes it; the only names a screen may ask to recover or dismiss. */
export const JOURNAL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}\.jsonl$/;

/** A .skyreplay of a long drill with many orders is tens of kB; 3 MiB of base64 is ~2.2 MB of file. */
export const MAX_REPLAY_BASE64_CHARS = 3 * 2 ** 20;
/** Bookmarks, notes, hints and messages: a few sentences (the replay format allows 2000). */
export const MAX_TEXT_CHARS = 2000;
/** 14 sim-days of 10-second ticks: the longest scenario the replay format allows. */
export const MAX_TICK = 14 * 24 * 360;

type Obj = Record<string, unknown>;
type Fail = { ok: false; error: CommandError };


const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (code: CommandErrorCode, field: string, message: string): Fail => ({ ok: false, error: { code, field: `act.${field}`, message } });

const INSTRUCTOR_FIELDS: Record<InstructorAct['act'], readonly string[]> = {
  startDrill: ['drillId', 'checkMode', 'seed'],
  endDrill: [],
  inject: ['command'],
  fireInject: ['injectId'],
  bookmark: ['text'],
  note: ['text'],
  hint: ['index', 'text'],
  message: ['text'],
};

const REPLAY_FIELDS: Record<ReplayAct['act'], readonly string[]> = {
  open: ['fileName', 'dataBase64'],
  play: [],
  pause: [],
  seek: ['tick'],
  speed: ['speed'],
  takeOver: ['tick'],
  close: [],
  recover: ['journalId'],
  dismissRecovery: ['journalId'],
};
const OPTIONAL = new Set(['hint.index', 'hint.text', 'startDrill.seed']);

/** The act's name and fields are known and the required ones present; returns the act name. */
function shape<K extends string>(raw: unknown, fields: Record<K, readonly string[]>, what: string): K | Fail {
  if (!isObj(raw)) return bad('not-an-object', 'act', `an ${what} act must be an object with an "act"`);
  const act = raw.act;
  if (typeof act !== 'string' || !Object.hasOwn(fields, act))
    return bad('unknown-type', 'act', `unknown ${what} act ${quoted(act)}; known: ${Object.keys(fields).join(', ')}`);
  const a = act as K;
  for (const k of Object.keys(raw)) if (k !== 'act' && !fields[a].includes(k)) return bad('unknown-field', fieldName(k), `"${fieldName(k)}" is not a field of ${a}`);
  for (const k of fields[a]) if (raw[k] === undefined && !OPTIONAL.has(`${a}.${k}`)) return bad('missing-field', k, `"${k}" is required for ${a}`);
  return a;
}

function text(raw: Obj, field: string): string | Fail {
  const v = raw[field];
  if (typeof v !== 'string') return bad('wrong-type', field, `"${field}" must be text`);
  if (v.trim().length === 0) return bad('out-of-range', field, `"${field}" is empty; write something`);
  if (v.length > MAX_TEXT_CHARS) return bad('out-of-range', field, `"${field}" is ${v.length} characters; the limit is ${MAX_TEXT_CHARS}`);
  return v;
}

function id(raw: Obj, field: string, pattern: RegExp, example: string): string | Fail {
  const v = raw[field];
  if (typeof v !== 'string' || !pattern.test(v)) return bad(typeof v === 'string' ? 'out-of-range' : 'wrong-type', field, `"${field}" must be an id such as "${example}"`);
  return v;
}

function tick(raw: Obj): number | Fail {
  const t = raw.tick;
  if (typeof t !== 'number' || !Number.isInteger(t)) return bad('wrong-type', 'tick', '"tick" must be a whole number of 10-second ticks');
  if (t < 0 || t > MAX_TICK) return bad('out-of-range', 'tick', `"tick" must be from 0 to ${MAX_TICK}, got ${t}`);
  return t;
}

const failed = (v: unknown): v is Fail => isObj(v) && v.ok === false;

export function validateInstructorAct(raw: unknown): Validated<InstructorAct> {
  const a = shape(raw, INSTRUCTOR_FIELDS, 'instructor');
  if (failed(a)) return a;
  const o = raw as Obj;
  const ok = (value: InstructorAct): Validated<InstructorAct> => ({ ok: true, value });
  switch (a) {
    case 'startDrill': {
      const d = id(o, 'drillId', /^[a-z0-9-]{1,60}$/, 'dec-2010-as-it-happened');
      if (failed(d)) return d;
      if (typeof o.checkMode !== 'boolean') return bad('wrong-type', 'checkMode', '"checkMode" must be true or false');
      // The world to run it in; left out, the drill's own.
      const seed = o.seed;
      if (seed !== undefined && (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff))
        return bad(typeof seed === 'number' ? 'out-of-range' : 'wrong-type', 'seed', '"seed" must be a whole number from 0 to 4294967295');
      return ok({ act: a, drillId: d, checkMode: o.checkMode, ...(seed !== undefined ? { seed } : {}) });
    }
    case 'endDrill':
      return ok({ act: a });
    case 'inject': {
      const c = validateCommand(o.command);
      return c.ok ? ok({ act: a, command: c.value }) : bad(c.error.code, `command.${c.error.field}`, c.error.message);
    }
    case 'fireInject': {
      const i = id(o, 'injectId', /^[a-z0-9-]{1,60}$/, 'botnet-login-flood');
      return failed(i) ? i : ok({ act: a, injectId: i });
    }
    case 'bookmark':
    case 'note':
    case 'message': {
      const t = text(o, 'text');
      return failed(t) ? t : ok({ act: a, text: t });
    }
    case 'hint': {
      if ((o.index === undefined) === (o.text === undefined)) return bad('missing-field', 'index', 'give either "index" (one of the drill\'s hints) or "text", not both');
      if (o.text !== undefined) {
        const t = text(o, 'text');
        return failed(t) ? t : ok({ act: a, text: t });
      }
      const i = o.index;
      if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i > 99) return bad('out-of-range', 'index', '"index" must be a whole number from 0 to 99');
      return ok({ act: a, index: i });
    }
    default: {
      const never: never = a;
      return bad('unknown-type', 'act', `unknown instructor act ${String(never)}`);
    }
  }
}

export function validateReplayAct(raw: unknown): Validated<ReplayAct> {
  const a = shape(raw, REPLAY_FIELDS, 'replay');
  if (failed(a)) return a;
  const o = raw as Obj;
  const ok = (value: ReplayAct): Validated<ReplayAct> => ({ ok: true, value });
  switch (a) {
    case 'open': {
      const f = o.fileName;
      // Only shown and used to name exports: no folders, no control characters.
      if (typeof f !== 'string' || f.length === 0 || f.length > 255 || /[\u0000-\u001f\u007f/\\]/.test(f))
        return bad('wrong-type', 'fileName', '"fileName" must be a file name (1-255 characters, no folders), such as "drill.skyreplay"');
      const d = o.dataBase64;
      if (typeof d !== 'string') return bad('wrong-type', 'dataBase64', '"dataBase64" must be the file\'s bytes in base64');
      if (d.length === 0) return bad('out-of-range', 'dataBase64', 'the file is empty: not a .skyreplay');
      if (d.length > MAX_REPLAY_BASE64_CHARS) return bad('out-of-range', 'dataBase64', `the file is too large to be a replay (${d.length} base64 characters; the limit is ${MAX_REPLAY_BASE64_CHARS})`);
      if (d.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(d)) return bad('wrong-type', 'dataBase64', '"dataBase64" is not valid base64');
      return ok({ act: a, fileName: f, dataBase64: d });
    }
    case 'play':
    case 'pause':
    case 'close':
      return ok({ act: a });
    case 'seek':
    case 'takeOver': {
      const t = tick(o);
      return failed(t) ? t : ok({ act: a, tick: t });
    }
    case 'speed': {
      const s = o.speed;
      if (typeof s !== 'number') return bad('wrong-type', 'speed', '"speed" must be a number');
      if (!(SPEEDS as readonly number[]).includes(s)) return bad('out-of-range', 'speed', `"speed" must be one of ${SPEEDS.join(', ')} (sim-seconds per real second), got ${s}`);
      return ok({ act: a, speed: s });
    }
    case 'recover':
    case 'dismissRecovery': {
      const j = id(o, 'journalId', JOURNAL_NAME, '2025-01-01T10-00-00Z-dec-2010.jsonl');
      return failed(j) ? j : ok({ act: a, journalId: j });
    }
    default: {
      const never: never = a;
      return bad('unknown-type', 'act', `unknown replay act ${String(never)}`);
    }
  }
}
