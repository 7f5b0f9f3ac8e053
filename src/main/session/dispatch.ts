// The one dispatcher: what a host does with a message from a screen. The Electron IPC
// handler and the browser host's sockets both hand the raw message here, so both check it
// the same way (once, against the running scenario), answer each kind the same way and log
// a refusal in the same words.
import type { AnyReply, ClientMessage, MessageKind, Refusal, ReplyTo } from '../../shared/contract';
import type { Role } from '../../shared/drill-contract';
import type { CommandError } from '../../sim/commands';
import { validateClientMessage } from '../../shared/validate';
import { endDebrief } from './end-debrief';
import type { SimSession } from './sim-session';

/** The screen a message came from: its role (decided by the host, never by the page) and how to subscribe it. */
export interface ScreenContext {
  role: Role;
  /** `subscribe` is the host's business (which screen gets the full frame), so it is a callback. */
  subscribe: () => void;
  /** A refused message as one line for the host's log (refusalLine); the log caps how many it keeps. */
  refused?: (line: string) => void;
}

type Handlers = { [K in MessageKind]: (session: SimSession, msg: Extract<ClientMessage, { kind: K }>, screen: ScreenContext) => ReplyTo<K> | Promise<ReplyTo<K>> };

/** Each kind's handler, typed to answer with that kind's reply (what the renderer's Bridge expects). */
const HANDLERS: Handlers = {
  command: (s, m, screen) => s.applyCommand(m.command, screen.role),
  control: (s, m, screen) => s.control(m.control, screen.role),
  subscribe: (_s, _m, screen) => {
    screen.subscribe();
    return { ok: true };
  },
  listDrills: (s) => s.listDrills(),
  instructor: (s, m, screen) => s.instructorFrom(m.act, screen.role),
  replay: (s, m, screen) => s.replayAct(m.act, screen.role),
  // Built in the debrief worker: the host keeps sending frames while it is worked out.
  endDebrief: async (s) => {
    const r = await endDebrief(s, s.ctx.warn);
    return r.ok ? { ok: true, data: r.debrief } : { ok: false, error: { code: 'not-allowed-now', field: 'kind', message: r.message } };
  },
};

/** The host's log line for a refused message: who sent it, its kind when it named one, and why. */
export function refusalLine(role: Role, kind: MessageKind | undefined, error: CommandError): string {
  return `refused a ${role}'s ${kind ? `${kind} ` : ''}message: ${error.field}: ${error.message} (${error.code})`;
}

/**
 * A raw message from a screen (JSON text from a socket, an object from IPC), checked and
 * done; `answer` gets the reply, at once for every kind but endDebrief (so a screen's messages
 * act and are answered in the order they came), when the debrief worker is done for that one.
 * `id` is the message's own when it had a usable one (a reply names it), else undefined.
 */
export function receiveMessage(session: SimSession, raw: unknown, screen: ScreenContext, answer: (id: number | undefined, reply: AnyReply) => void): void {
  const v = validateClientMessage(raw, session.commandVersions());
  const done = (reply: AnyReply) => {
    if (!reply.ok) screen.refused?.(refusalLine(screen.role, v.ok ? v.value.kind : v.kind, reply.error));
    answer(v.ok ? v.value.id : v.id, reply);
  };
  if (!v.ok) return done({ ok: false, error: v.error });
  const reply = dispatchMessage(session, v.value, screen);
  if (reply instanceof Promise) void reply.then(done);
  else done(reply);
}

/** receiveMessage's answer as a promise (the IPC handler, tests). */
export function askHost(session: SimSession, raw: unknown, screen: ScreenContext): Promise<{ id: number | undefined; reply: AnyReply }> {
  return new Promise((resolve) => receiveMessage(session, raw, screen, (id, reply) => resolve({ id, reply })));
}

/**
 * One guard around every message: whatever goes wrong inside becomes a refusal for that
 * screen and a line in the host's log, and the host serves on.
 */
export function dispatchMessage(session: SimSession, msg: ClientMessage, screen: ScreenContext): AnyReply | Promise<AnyReply> {
  const failed = (e: unknown): Refusal => {
    session.ctx.warn(`Supernode Storm: a ${msg.kind} message failed and was refused: ${(e as Error)?.stack ?? String(e)}`);
    return { ok: false, error: { code: 'not-allowed-now', field: 'kind', message: `the host could not do that (${String((e as Error)?.message ?? e).slice(0, 200)}); nothing was changed, and the game goes on` } };
  };
  try {
    if (!Object.hasOwn(HANDLERS, msg.kind)) return { ok: false, error: { code: 'unknown-type', field: 'kind', message: 'unknown message kind' } };
    const handler = HANDLERS[msg.kind] as (s: SimSession, m: ClientMessage, screen: ScreenContext) => AnyReply | Promise<AnyReply>;
    const reply = handler(session, msg, screen);
    return reply instanceof Promise ? reply.catch(failed) : reply;
  } catch (e) {
    return failed(e);
  }
}
