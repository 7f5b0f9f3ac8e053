// The browser host's side of the Bridge: each WebSocket is a screen speaking contract.ts
// messages as JSON. Every message is validated; frames go to every subscribed screen.
import type { WebSocket } from 'ws';
import type { Frame, HostMessage } from '../../shared/contract';
import { validateClientMessage } from '../../shared/validate';
import { dispatchMessage } from '../session/dispatch';
import type { SimSession } from '../session/sim-session';

/** A screen this far behind skips frames, then catches up with one full frame. */
const MAX_BUFFERED_BYTES = 1 << 20;

interface Screen {
  subscribed: boolean;
  needsFull: boolean; // skipped a delta, so the next frame it gets must be full
}

export class ScreenSockets {
  private readonly screens = new Map<WebSocket, Screen>();

  constructor(private readonly session: SimSession) {}

  get count(): number {
    return this.screens.size;
  }

  attach(ws: WebSocket): void {
    const screen: Screen = { subscribed: false, needsFull: false };
    this.screens.set(ws, screen);
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? null : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8');
      this.receive(ws, screen, text);
    });
    ws.on('close', () => this.screens.delete(ws));
    ws.on('error', () => this.screens.delete(ws));
  }

  /** Sends one frame (serialised once) to every subscribed screen. */
  broadcast(frame: Frame): void {
    let json: string | null = null;
    for (const [ws, screen] of this.screens) {
      if (!screen.subscribed || ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        screen.needsFull = true;
        continue;
      }
      if (screen.needsFull) {
        screen.needsFull = false;
        send(ws, { kind: 'frame', frame: this.session.fullFrame() });
        continue;
      }
      json ??= JSON.stringify({ kind: 'frame', frame } satisfies HostMessage);
      ws.send(json);
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
    const reply = dispatchMessage(this.session, v.value, () => (subscribed = true));
    send(ws, { kind: 'reply', id: v.value.id, reply });
    if (subscribed) {
      screen.subscribed = true;
      screen.needsFull = false;
      send(ws, { kind: 'frame', frame: this.session.fullFrame() });
    }
  }
}

function send(ws: WebSocket, msg: HostMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
}
