// The one dispatcher: what a host does with a message from a screen. The Electron IPC
// handler and the browser host's sockets both hand the raw message here, so both check it
// the same way (once, against the running scenario) and answer each kind the same way.
import type { AnyReply, ClientMessage, MessageKind, ReplyTo } from '../../shared/contract';
import type { Role } from '../../shared/drill-contract';
import { validateClientMessage } from '../../shared/validate';
import type { SimSession } from './sim-session';

/** The screen a message came from: its role (decided by the host, never by the page) and how to subscribe it. */
export interface ScreenContext {
  role: Role;
  /** `subscribe` is the host's business (which screen gets the full frame), so it is a callback. */
  subscribe: () => void;
}

type Handlers = { [K in MessageKind]: (session: SimSession, msg: Extract<ClientMessage, { kind: K }>, screen: ScreenContext) => ReplyTo<K> };

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
};

/**
 * A raw message from a screen (JSON text from a socket, an object from IPC), checked and
 * done. `id` is the message's own when it had a usable one (a reply names it), else undefined.
 */
export function receiveMessage(session: SimSession, raw: unknown, screen: ScreenContext): { id: number | undefined; reply: AnyReply } {
  const v = validateClientMessage(raw, session.commandVersions());
  if (!v.ok) return { id: v.id, reply: { ok: false, error: v.error } };
  return { id: v.value.id, reply: dispatchMessage(session, v.value, screen) };
}

/**
 * One guard around every message: whatever goes wrong inside becomes a refusal for that
 * screen and a line in the host's log, and the host serves on.
 */
export function dispatchMessage(session: SimSession, msg: ClientMessage, screen: ScreenContext): AnyReply {
  try {
    if (!Object.hasOwn(HANDLERS, msg.kind)) return { ok: false, error: { code: 'unknown-type', field: 'kind', message: 'unknown message kind' } };
    const handler = HANDLERS[msg.kind] as (s: SimSession, m: ClientMessage, screen: ScreenContext) => AnyReply;
    return handler(session, msg, screen);
  } catch (e) {
    session.ctx.warn(`Supernode Storm: a ${msg.kind} message failed and was refused: ${(e as Error)?.stack ?? String(e)}`);
    return { ok: false, error: { code: 'not-allowed-now', field: 'kind', message: `the host could not do that (${String((e as Error)?.message ?? e).slice(0, 200)}); nothing was changed, and the game goes on` } };
  }
}
