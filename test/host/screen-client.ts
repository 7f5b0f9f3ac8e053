// A minimal screen for host tests: a real WebSocket that records what the host sends.
import WebSocket from 'ws';
import type { AnyReply, Frame, HostMessage, SessionStatus } from '../../src/shared/contract';
import { fromWire } from '../../src/shared/frame-wire';
import type { SimView } from '../../src/sim/view-types';
import { FrameStore } from '../../src/renderer/bridge/frame-store';

export class TestScreen {
  readonly messages: HostMessage[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()) as HostMessage);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** `query` e.g. "role=instructor&token=T" for the instructor's console. */
  static async open(httpUrl: string, headers: Record<string, string> = {}, query = ''): Promise<TestScreen> {
    const ws = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}ws${query ? `?${query}` : ''}`, { headers });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new TestScreen(ws);
  }

  /** Waits until a message matching `pred` has arrived (or fails after `ms`: a full-scale step on a busy machine takes seconds). */
  async waitFor<T extends HostMessage>(pred: (m: HostMessage) => m is T, ms = 60_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = this.messages.find(pred);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no matching message in ${ms} ms; got ${JSON.stringify(this.messages).slice(0, 400)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Sends raw text and waits for the reply naming `id`. */
  async request(id: number, payload: unknown): Promise<AnyReply> {
    this.ws.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
    const m = await this.waitFor((x): x is Extract<HostMessage, { kind: 'reply' }> => x.kind === 'reply' && x.id === id);
    return m.reply;
  }

  /** Sends something with no usable id and waits for the next protocol error. */
  async expectError(payload: string | Buffer): Promise<Extract<HostMessage, { kind: 'error' }>['error']> {
    const seen = this.messages.filter((m) => m.kind === 'error').length;
    this.ws.send(payload);
    const isError = (x: HostMessage): x is Extract<HostMessage, { kind: 'error' }> => x.kind === 'error';
    await this.waitFor((x): x is HostMessage => this.messages.filter(isError).length > seen);
    return this.messages.filter(isError)[seen].error;
  }

  /** Every frame it got, whole again as the renderer's Bridge unpacks them (shared/frame-wire.ts). */
  frames(): Frame[] {
    let held: SessionStatus | null = null;
    return this.messages.flatMap((m) => {
      if (m.kind !== 'frame') return [];
      const f = fromWire(m.frame, held);
      held = f.status;
      return [f];
    });
  }

  /** The view this screen holds after applying every frame it got: the renderer's own FrameStore. */
  heldView(): SimView | null {
    const store = new FrameStore();
    for (const f of this.frames()) store.apply(structuredClone(f));
    return store.view;
  }

  close(): void {
    this.ws.close();
  }
}
