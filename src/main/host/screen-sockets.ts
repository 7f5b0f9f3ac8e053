// The browser host's side of the Bridge: each WebSocket is a screen speaking contract.ts
// messages as JSON, as a trainee or (with the session's token) as the instructor. Every
// message is validated; frames go to every subscribed screen, each as its role may see it.
import type { WebSocket } from 'ws';
import type { Frame, HostMessage } from '../../shared/contract';
import type { Role } from '../../shared/drill-contract';
import { validateClientMessage } from '../../shared/validate';
import { dispatchMessage } from '../session/dispatch';
import type { SimSession } from '../session/sim-session';

/** A screen this far behind skips frames, then catches up with one full frame. */
const MAX_BUFFERED_BYTES = 1 << 20;

interface Screen {
  role: Role;
  subscribed: boolean;
  needsFull: boolean; // skipped a delta, so the next frame it gets must be full
}

export class ScreenSockets {
  private readonly screens = new Map<WebSocket, Screen>();

  constructor(private readonly session: SimSession) {}

  get count(): number {
    return this.screens.size;
  }

  attach(ws: WebSocket, role: Role = 'trainee'): void {
    const screen: Screen = { role, subscribed: false, needsFull: false };
    this.screens.set(ws, screen);
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? null : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8');
      try {
        this.receive(ws, screen, text);
      } catch (e) {
        // The last guard: a bug here must cost one reply, never the host.
        console.warn(`Supernode Storm: a screen's message failed: ${(e as Error)?.stack ?? String(e)}`);
        send(ws, { kind: 'error', error: { code: 'not-allowed-now', field: 'message', message: 'the host could not handle that message; nothing was changed' } });
      }
    });
    ws.on('close', () => this.screens.delete(ws));
    ws.on('error', () => this.screens.delete(ws));
  }

  /** Sends one frame to every subscribed screen, serialised once per role. */
  broadcast(frame: Frame): void {
    const json = new Map<Role, string>();
    for (const [ws, screen] of this.screens) {
      if (!screen.subscribed || ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        screen.needsFull = true;
        continue;
      }
      if (screen.needsFull) {
        screen.needsFull = false;
        send(ws, { kind: 'frame', frame: this.session.fullFrame(screen.role) });
        continue;
      }
      let text = json.get(screen.role);
      if (text === undefined) {
        text = JSON.stringify({ kind: 'frame', frame: this.session.frameFor(frame, screen.role) } satisfies HostMessage);
        json.set(screen.role, text);
      }
      ws.send(text);
    }
  }

  closeAll(): void {
    for (const ws of this.screens.keys()) ws.close(1001, 'host shutting down');
    this.screens.clear();
  }

  private receive(ws: WebSocket, screen: Screen, text: string | null): void {
    if (text === null) {
      send(ws, { kind: 'error', error: { code: 'wrong-type', field: 'message', message: 'binary messages are not understood; send JSON text' } });
      return;
    }
    const v = validateClientMessage(text);
    if (!v.ok) {
      send(ws, v.id === undefined ? { kind: 'error', error: v.error } : { kind: 'reply', id: v.id, reply: { ok: false, error: v.error } });
      return;
    }
    let subscribed = false;
    const reply = dispatchMessage(this.session, v.value, { role: screen.role, subscribe: () => (subscribed = true) });
    send(ws, { kind: 'reply', id: v.value.id, reply });
    if (subscribed) {
      screen.subscribed = true;
      screen.needsFull = false;
      send(ws, { kind: 'frame', frame: this.session.fullFrame(screen.role) });
    }
  }
}

function send(ws: WebSocket, msg: HostMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
}
