// The browser host's wire: JSON messages over one WebSocket at /ws (an instructor's screen
// adds ?role=instructor&token=...; the host decides whether it is one).
// Reconnects with capped exponential backoff plus jitter (the lesson of seed 000: clients
// that retry in lockstep are what turned a server overload into a supernode collapse).
import type { AnyReply, ClientMessage, HostMessage, Outgoing, Wire, WireFrame } from '../../shared/contract';
import type { Role } from '../../shared/drill-contract';

export interface WsBridgeStats {
  framesReceived: number;
  lastFrameBytes: number;
  maxFrameBytes: number;
  connected: boolean;
  failedConnects: number; // in a row; an instructor with a wrong token never gets in
}

export class WsBridge implements Wire {
  readonly stats: WsBridgeStats = { framesReceived: 0, lastFrameBytes: 0, maxFrameBytes: 0, connected: false, failedConnects: 0 };
  private socket: WebSocket | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: AnyReply) => void>();
  private readonly listeners = new Set<(frame: WireFrame) => void>();
  /** Requests waiting for the socket to open, by id: one the bridge has failed is taken out, never sent later. */
  private readonly queue: { id: number; text: string }[] = [];
  private attempt = 0;

  constructor(
    private readonly url: string,
    readonly role: Role = 'trainee',
  ) {
    this.connect();
  }

  onFrame(listener: (frame: WireFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  request(out: Outgoing): Promise<AnyReply> {
    const id = this.nextId++;
    const msg = { ...out, id } as ClientMessage;
    return new Promise<AnyReply>((resolve) => {
      this.pending.set(id, resolve);
      this.send(id, JSON.stringify(msg));
    });
  }

  private send(id: number, text: string): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(text);
    else this.queue.push({ id, text });
  }

  /** Answers a waiting request with a refusal, and drops its text if it is still queued (a press again must not place two orders). */
  private fail(id: number, reply: AnyReply): void {
    const resolve = this.pending.get(id);
    this.pending.delete(id);
    const queued = this.queue.findIndex((q) => q.id === id);
    if (queued >= 0) this.queue.splice(queued, 1);
    resolve?.(reply);
  }

  private connect(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      this.attempt = 0;
      this.stats.connected = true;
      this.stats.failedConnects = 0;
      // Subscribing first makes the host send a full frame before anything else.
      socket.send(JSON.stringify({ kind: 'subscribe', id: this.nextId++ } satisfies ClientMessage));
      for (const { text } of this.queue.splice(0)) socket.send(text);
    });
    socket.addEventListener('message', (ev) => this.receive(String(ev.data)));
    socket.addEventListener('close', () => {
      this.stats.connected = false;
      if (!opened) this.stats.failedConnects++;
      // Requests in flight will never be answered by this socket: fail them clearly, and send
      // none of them later (the player is told to try again: a queued copy would be a second order).
      for (const id of [...this.pending.keys()]) {
        this.fail(id, { ok: false, error: { code: 'not-allowed-now', field: 'connection', message: 'Lost the connection to the host; try again when it reconnects.' } });
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
      // No id: "too many messages" (the rest of the burst dropped) or "could not handle that
      // message". Its answer will not come, so the oldest waiting request hears the host's reason
      // (a form waiting on it would otherwise stay locked). Requests still waiting after it are
      // left to their own answers or to the form's safety timeout.
      console.warn('[ws-bridge] host refused a message:', msg.error.message);
      const oldest = this.pending.keys().next();
      if (!oldest.done) this.fail(oldest.value, { ok: false, error: msg.error });
    }
  }
}
