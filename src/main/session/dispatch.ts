// What a host does with a message that passed validateClientMessage. Shared by the
// Electron IPC handlers and the browser host so both answer a screen the same way.
import type { ClientMessage, Reply } from '../../shared/contract';
import type { Role } from '../../shared/drill-contract';
import type { SimSession } from './sim-session';

/** The screen a message came from: its role (decided by the host, never by the page) and how to subscribe it. */
export interface ScreenContext {
  role: Role;
  /** `subscribe` is the host's business (which screen gets the full frame), so it is a callback. */
  subscribe: () => void;
}

/**
 * One guard around every message: whatever goes wrong inside becomes a refusal for that
 * screen and a line in the host's log, and the host serves on.
 */
export function dispatchMessage(session: SimSession, msg: ClientMessage, screen: ScreenContext): Reply {
  try {
    return dispatchUnguarded(session, msg, screen);
  } catch (e) {
    session.ctx.warn(`Supernode Storm: a ${msg.kind} message failed and was refused: ${(e as Error)?.stack ?? String(e)}`);
    return { ok: false, error: { code: 'not-allowed-now', field: 'kind', message: `the host could not do that (${String((e as Error)?.message ?? e).slice(0, 200)}); nothing was changed, and the game goes on` } };
  }
}

function dispatchUnguarded(session: SimSession, msg: ClientMessage, screen: ScreenContext): Reply {
  switch (msg.kind) {
    case 'command':
      return session.applyCommand(msg.command, screen.role);
    case 'control':
      return session.control(msg.control, screen.role);
    case 'subscribe':
      screen.subscribe();
      return { ok: true };
    case 'listDrills':
      return session.listDrills();
    case 'instructor':
      return session.refuseForRole({ kind: 'instructor' }, screen.role) ?? session.instructor(msg.act);
    case 'replay':
      return session.replayAct(msg.act, screen.role);
    default: {
      // IPC and socket input is untrusted; validation should make this unreachable.
      const never: never = msg;
      return { ok: false, error: { code: 'unknown-type', field: 'kind', message: `unknown message ${JSON.stringify(never)}` } };
    }
  }
}
