// What a host does with a message that passed validateClientMessage. Shared by the
// Electron IPC handlers and the browser host so both answer a screen the same way.
import type { ClientMessage, Reply } from '../../shared/contract';
import type { SimSession } from './sim-session';

/** `subscribe` is the host's business (which screen gets the full frame), so it is a callback. */
export function dispatchMessage(session: SimSession, msg: ClientMessage, subscribe: () => void): Reply {
  switch (msg.kind) {
    case 'command':
      return session.applyCommand(msg.command);
    case 'control':
      return session.control(msg.control);
    case 'subscribe':
      subscribe();
      return { ok: true };
    case 'listDrills':
    case 'instructor':
    case 'replay':
      return { ok: false, error: { code: 'not-allowed-now', field: 'kind', message: `${msg.kind} is not available in this host yet` } };
    default: {
      // IPC and socket input is untrusted; validation should make this unreachable.
      const never: never = msg;
      return { ok: false, error: { code: 'unknown-type', field: 'kind', message: `unknown message ${JSON.stringify(never)}` } };
    }
  }
}
