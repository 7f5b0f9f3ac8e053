// The browser host's Bridge: JSON messages over one WebSocket at /ws.
// Reconnects with capped exponential backoff plus jitter (the lesson of seed 000: clients
// that retry in lockstep are what turned a server overload into a supernode collapse).
import type { Bridge, ClientMessage, ControlAction, Frame, HostMessage, Reply } from '../../shared/contract';
import type { Command } from '../../sim/commands';

type Outgoing = { kind: 'command'; command: Command } | { kind: 'control'; control: ControlAction };

export interface WsBridgeStats {
  framesReceived: number;
  lastFrameBytes: number;
  maxFrameBytes: number;
  connected: boolean;
}

export class WsBridge implements Bridge {
  readonly stats: WsBridgeStats = { framesReceived: 0, lastFrameBytes: 0, maxFrameBytes: 0, connected: false };
  private socket: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private readonly listeners = new Set<(frame: Frame) => void>();
  private readonly queue: string[] = [];
  private attempt = 0;

  constructor(private readonly url: string) {
    this.connect();
  }

  sendCommand(command: Command): Promise<Reply> {
    return this.request({ kind: 'command', command });
  }

  control(control: ControlAction): Promise<Reply> {
    return this.request({ kind: 'control', control });
  }

  onFrame(listener: (frame: Frame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private request(out: Outgoing): Promise<Reply> {
    const id = this.nextId++;
    const msg: ClientMessage = out.kind === 'command' ? { kind: 'command', id, command: out.command } : { kind: 'control', id, control: out.control };
    return new Promise<Reply>((resolve) => {
      this.pending.set(id, resolve);
      this.send(JSON.stringify(msg));
    });
  }

  private send(text: string): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(text);
    else this.queue.push(text);
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.stats.connected = true;
      // Subscribing first makes the host send a full frame before anything else.
      socket.send(JSON.stringify({ kind: 'subscribe', id: this.nextId++ } satisfies ClientMessage));
      for (const text of this.queue.splice(0)) socket.send(text);
    });
    socket.addEventListener('message', (ev) => this.receive(String(ev.data)));
    socket.addEventListener('close', () => {
      this.stats.connected = false;
      // Requests in flight will never be answered by this socket: fail them clearly.
      for (const [id, resolve] of this.pending) {
        resolve({ ok: false, error: { code: 'not-allowed-now', field: 'connection', message: 'Lost the connection to the host; try again when it reconnects.' } });
        this.pending.delete(id);
      }
      const delay = Math.min(8000, 250 * 2 ** this.attempt++) * (0.5 + Math.random() * 0.5);
      setTimeout(() => this.connect(), delay);
    });
  }

  private receive(text: string): void {
    let msg: HostMessage;
    try {
      msg = JSON.parse(text) as HostMessage;
    } catch {
      console.warn('[ws-bridge] host sent something that is not JSON; ignored');
      return;
    }
    if (msg.kind === 'frame') {
      this.stats.framesReceived++;
      this.stats.lastFrameBytes = text.length;
      this.stats.maxFrameBytes = Math.max(this.stats.maxFrameBytes, text.length);
      for (const l of this.listeners) l(msg.frame);
    } else if (msg.kind === 'reply') {
      const resolve = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      resolve?.(msg.reply);
    } else if (msg.kind === 'error') {
      console.warn('[ws-bridge] host refused a message:', msg.error.message);
    }
  }
}
