// What one screen may cost the host (issue 11, items 3 and 5): floods are refused with one
// short error, a screen that stops reading is hung up on before its replies pile up, idle
// screens make room, and the instructor gets in whatever the trainees' sockets are doing.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { WebSocket as HostSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostMessage } from '../../src/shared/contract';
import { startWebHost, type WebHost } from '../../src/main/host/web';
import { ScreenSockets } from '../../src/main/host/screen-sockets';
import { MessageBucket } from '../../src/main/host/screen-quota';
import { SimSession } from '../../src/main/session/sim-session';
import { TestScreen } from './screen-client';
import { slowReader } from '../fuzz/slow-reader';

/** A socket the test controls: how much waits unsent is whatever the test says. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  sent: HostMessage[] = [];
  closed: number | null = null;
  terminated = false;
  send(text: string): void {
    this.sent.push(JSON.parse(text) as HostMessage);
  }
  close(code: number): void {
    this.closed = code;
    this.readyState = 3;
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
  }
  say(text: string): void {
    this.emit('message', Buffer.from(text), false);
  }
}
const asHost = (f: FakeSocket) => f as unknown as HostSocket;

describe('screen quotas (fake sockets, host clock under test control)', () => {
  let now = 0;
  const session = new SimSession({ scenarioId: 'normal-day', seed: 1, paused: true, journalDir: null, warn: () => {} });
  const make = (limits = {}) => new ScreenSockets(session, { messagesPerSecond: 10, burstMessages: 20, closeAboveBytes: 64 * 1024, ...limits }, () => {}, () => now);
  afterAll(() => session.close());

  it('a flood beyond the burst is dropped with one "slow down" error, and the screen is answered again later', () => {
    const screens = make();
    const ws = new FakeSocket();
    screens.attach(asHost(ws));
    const before = session.checksum();
    for (let i = 0; i < 100; i++) ws.say(JSON.stringify({ kind: 'command', id: i, command: { type: 'setGroupVideo', enabled: 'yes' } }));
    const errors = ws.sent.filter((m) => m.kind === 'error');
    expect(ws.sent.filter((m) => m.kind === 'reply')).toHaveLength(20);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ error: { code: 'out-of-range', field: 'message' } });
    expect(screens.cutOff.droppedMessages).toBe(80);
    now += 1000; // a second later the bucket has refilled
    ws.say(JSON.stringify({ kind: 'subscribe', id: 500 }));
    expect(ws.sent.some((m) => m.kind === 'reply' && m.id === 500 && m.reply.ok)).toBe(true);
    expect(session.checksum()).toBe(before);
  });

  it('a screen that keeps flooding past its limit is hung up on', () => {
    const screens = make({ hangUpAfterDropped: 50 });
    const ws = new FakeSocket();
    screens.attach(asHost(ws));
    for (let i = 0; i < 200; i++) ws.say('{"kind":"subscribe","id":1}');
    expect(ws.terminated).toBe(true);
    expect(screens.count).toBe(0);
    expect(screens.cutOff.hungUp).toBe(1);
  });

  it('a screen whose replies pile up unread is hung up on instead of buffering more', () => {
    const screens = make({ messagesPerSecond: 1e9, burstMessages: 1e9 });
    const ws = new FakeSocket();
    screens.attach(asHost(ws));
    ws.say(JSON.stringify({ kind: 'subscribe', id: 1 }));
    ws.bufferedAmount = 65 * 1024; // the client stopped reading
    const sent = ws.sent.length;
    ws.say(JSON.stringify({ kind: 'x'.repeat(16_000), id: 2 }));
    expect(ws.terminated).toBe(true);
    expect(ws.sent.length).toBe(sent);
    expect(screens.count).toBe(0);
    expect(screens.cutOff.hungUp).toBe(1);
  });

  it('error text sent back stays short whatever the screen sent', () => {
    const screens = make();
    const ws = new FakeSocket();
    screens.attach(asHost(ws));
    ws.say(JSON.stringify({ kind: 'k'.repeat(15_000), id: 3 }));
    ws.say(`{"kind":"command","id":4,"command":{"type":"${'t'.repeat(15_000)}"}}`);
    for (const m of ws.sent) expect(JSON.stringify(m).length).toBeLessThan(1_000);
    expect(ws.sent).toHaveLength(2);
  });

  it('frames are skipped for a screen that is behind, and it is hung up on once stuck', () => {
    const screens = make({ skipFramesAboveBytes: 1024, stuckMs: 10_000 });
    const ws = new FakeSocket();
    screens.attach(asHost(ws));
    ws.say(JSON.stringify({ kind: 'subscribe', id: 1 }));
    const frame = session.fullFrame('trainee');
    ws.bufferedAmount = 2048;
    const sent = ws.sent.length;
    screens.broadcast(frame);
    expect(ws.sent.length).toBe(sent);
    expect(ws.terminated).toBe(false);
    now += 10_001;
    screens.broadcast(frame);
    expect(ws.terminated).toBe(true);
  });

  it('a full room closes an idle trainee screen for a newcomer; subscribed ones are kept', () => {
    const screens = make({ maxTraineeScreens: 2 });
    const [a, b] = [new FakeSocket(), new FakeSocket()];
    screens.attach(asHost(a));
    screens.attach(asHost(b));
    b.say(JSON.stringify({ kind: 'subscribe', id: 1 }));
    expect(screens.admit('trainee')).toBe(true);
    expect(a.closed).toBe(1013);
    screens.attach(asHost(new FakeSocket()));
    // b and the newcomer... the newcomer is idle, so one more trainee still gets in.
    expect(screens.admit('trainee')).toBe(true);
    const c = new FakeSocket();
    screens.attach(asHost(c));
    c.say(JSON.stringify({ kind: 'subscribe', id: 1 }));
    expect(screens.admit('trainee')).toBe(false); // both watching: no room, the newcomer is refused
    expect(screens.admit('instructor')).toBe(true); // the instructor always is let in
  });

  it('the bucket refills at its rate', () => {
    let t = 0;
    const bucket = new MessageBucket(2, 2, () => t);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
    t = 500;
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
  });
});

describe('screen quotas on a running host', () => {
  let web: WebHost;
  const dir = mkdtempSync(join(tmpdir(), 'storm-quota-'));
  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Supernode Storm</title>');
    web = await startWebHost({ port: 0, rendererDir: dir, dataDir: null, scenarioId: 'normal-day', seed: 1, paused: true, log: () => {} });
  });
  afterAll(async () => {
    await web?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const connect = (query = '') =>
    new Promise<WebSocket | number>((resolve) => {
      const ws = new WebSocket(`${web.url.replace(/^http/, 'ws')}ws${query}`);
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', () => resolve(0));
    });

  it('the instructor gets in and is answered with 50 idle screens connected', async () => {
    const idle: WebSocket[] = [];
    for (let i = 0; i < 50; i++) {
      const ws = await connect();
      if (typeof ws !== 'number') idle.push(ws);
    }
    expect(idle).toHaveLength(50); // each newcomer made room by closing the oldest idle one
    expect(web.screens.count).toBeLessThanOrEqual(web.screens.limits.maxTraineeScreens);
    const console = await TestScreen.open(web.url, {}, `role=instructor&token=${web.token}`);
    expect(await console.request(1, { kind: 'subscribe', id: 1 })).toEqual({ ok: true });
    expect(await console.request(2, { kind: 'listDrills', id: 2 })).toMatchObject({ ok: true });
    console.close();
    for (const ws of idle) ws.terminate();
  }, 60_000);

  it('a client that floods 16 KB messages and never reads is hung up on, and the host serves on', async () => {
    const r = await slowReader(`${web.url.replace(/^http/, 'ws')}ws`, 200 * 2 ** 20);
    expect(r.code).not.toBeNull(); // hung up on before it could send it all
    expect(web.screens.cutOff.hungUp).toBeGreaterThan(0);
    expect(web.screens.unsentBytes).toBeLessThan(web.screens.limits.closeAboveBytes);
    const s = await TestScreen.open(web.url);
    expect(await s.request(1, { kind: 'subscribe', id: 1 })).toEqual({ ok: true });
    s.close();
  }, 120_000);

  it('with every trainee seat watching, a newcomer trainee gets 503 and the instructor still gets in', async () => {
    const watching: TestScreen[] = [];
    for (let i = 0; i < web.screens.limits.maxTraineeScreens; i++) {
      const s = await TestScreen.open(web.url);
      await s.request(1, { kind: 'subscribe', id: 1 });
      watching.push(s);
    }
    expect(await connect()).toBe(503);
    const console = await TestScreen.open(web.url, {}, `role=instructor&token=${web.token}`);
    expect(await console.request(1, { kind: 'subscribe', id: 1 })).toEqual({ ok: true });
    console.close();
    for (const s of watching) s.close();
  }, 60_000);
});
