// The browser host's wire, against a fake WebSocket: requests the bridge has failed are never sent
// later, and a host error that carries no id fails the oldest waiting request instead of leaving it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WsBridge } from '../../src/renderer/bridge/ws-bridge';

class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  sent: string[] = [];
  private readonly handlers = new Map<string, ((ev: { data?: unknown }) => void)[]>();
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  addEventListener(type: string, fn: (ev: { data?: unknown }) => void): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), fn]);
  }
  send(text: string): void {
    this.sent.push(text);
  }
  fire(type: string, data?: unknown): void {
    if (type === 'open') this.readyState = FakeSocket.OPEN;
    if (type === 'close') this.readyState = FakeSocket.CLOSED;
    for (const fn of this.handlers.get(type) ?? []) fn({ data });
  }
}

const last = () => FakeSocket.all.at(-1)!;
const kinds = (s: FakeSocket) => s.sent.map((t) => JSON.parse(t) as { kind: string; id: number });

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('WsBridge', () => {
  it('does not send, after a reconnect, a request it already failed when the socket closed', async () => {
    const bridge = new WsBridge('ws://host/ws');
    const answer = bridge.request({ kind: 'control', action: 'pause' } as never);
    last().fire('close'); // never opened: the request was only queued
    await expect(answer).resolves.toMatchObject({ ok: false, error: { field: 'connection' } });
    vi.runOnlyPendingTimers(); // the reconnect
    last().fire('open');
    expect(kinds(last()).map((m) => m.kind)).toEqual(['subscribe']);
  });

  it('still sends a request queued while connecting once the socket opens', () => {
    const bridge = new WsBridge('ws://host/ws');
    void bridge.request({ kind: 'control', action: 'pause' } as never);
    last().fire('open');
    expect(kinds(last()).map((m) => m.kind)).toEqual(['subscribe', 'control']);
  });
});

describe('WsBridge and a host error with no id', () => {
  for (const message of ['too many messages; at most 20 a second. Messages were dropped; nothing was changed by them', 'the host could not handle that message; nothing was changed']) {
    it(`fails the oldest waiting request with the host's reason: ${message.slice(0, 30)}…`, async () => {
      const bridge = new WsBridge('ws://host/ws');
      last().fire('open');
      const first = bridge.request({ kind: 'command' } as never);
      const second = bridge.request({ kind: 'command' } as never);
      last().fire('message', JSON.stringify({ kind: 'error', error: { code: 'out-of-range', field: 'message', message } }));
      await expect(first).resolves.toEqual({ ok: false, error: { code: 'out-of-range', field: 'message', message } });
      // The second still waits for its own answer.
      const secondId = kinds(last()).at(-1)!.id;
      last().fire('message', JSON.stringify({ kind: 'reply', id: secondId, reply: { ok: true } }));
      await expect(second).resolves.toEqual({ ok: true });
    }, 5000); // before the fix the first request was never answered
  }
});
