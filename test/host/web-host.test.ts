// The browser host over a real socket: garbage is answered and changes nothing; a valid
// command takes effect; only this machine's pages may connect.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../src/main/host/web';
import type { Frame, HostMessage } from '../../src/shared/contract';
import { TestScreen } from './screen-client';

let web: WebHost;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'storm-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Supernode Storm</title>');
  web = await startWebHost({ port: 0, rendererDir, scenarioId: 'dec-2010', seed: 2010, paused: true, log: () => {} });
});
afterAll(async () => {
  await web?.close();
});

const isFrame = (m: HostMessage): m is Extract<HostMessage, { kind: 'frame' }> => m.kind === 'frame';

describe('browser host WebSocket', () => {
  it('answers every kind of garbage with an error and changes nothing', async () => {
    const screen = await TestScreen.open(web.url);
    const before = web.session.checksum();
    const status = web.session.status;

    expect(await screen.expectError('this is not json')).toMatchObject({ code: 'not-an-object' });
    expect(await screen.expectError('[1,2,3]')).toMatchObject({ code: 'not-an-object' });
    expect(await screen.expectError(JSON.stringify({ kind: 'command', command: {} }))).toMatchObject({ field: 'id' });
    expect(await screen.expectError(Buffer.from([1, 2, 3]))).toMatchObject({ code: 'wrong-type' });

    const refused = [
      [1, { kind: 'reboot', id: 1 }, 'unknown-type', 'kind'],
      [2, { kind: 'command', id: 2, command: { type: 'deployMegaSupernodes', count: -5, region: 'europe', source: 'cloud' } }, 'out-of-range', 'command.count'],
      [3, { kind: 'command', id: 3, command: { type: 'throttleLogins', perSecond: 10, region: 'mars' } }, 'out-of-range', 'command.region'],
      [4, { kind: 'command', id: 4, command: { type: 'setGroupVideo', enabled: 'yes' } }, 'wrong-type', 'command.enabled'],
      [5, { kind: 'control', id: 5, control: { action: 'setSpeed', speed: 42 } }, 'out-of-range', 'control.speed'],
      [6, { kind: 'control', id: 6, control: { action: 'resume', now: true } }, 'unknown-field', 'control.now'],
      [7, { kind: 'control', id: 7, control: { action: 'newGame', scenarioId: 'dec-2099', seed: 1 } }, 'out-of-range', 'control.scenarioId'],
      [8, { kind: 'control', id: 8, control: { action: 'step', minutes: -1 } }, 'out-of-range', 'control.minutes'],
      [9, { kind: 'subscribe', id: 9, extra: 1 }, 'unknown-field', 'extra'],
    ] as const;
    for (const [id, msg, code, field] of refused) {
      const reply = await screen.request(id, msg);
      expect(reply, JSON.stringify(msg)).toEqual({ ok: false, error: expect.objectContaining({ code, field }) });
      if (!reply.ok) expect(reply.error.message.length).toBeGreaterThan(10); // says what was wrong
    }

    expect(web.session.checksum()).toBe(before);
    expect(web.session.status).toEqual(status);
    expect(web.session.journal()).toEqual([]);
    expect(screen.frames()).toEqual([]); // not subscribed: no frames
    screen.close();
  });

  it('applies a valid command and shows its effect in the frames', async () => {
    const screen = await TestScreen.open(web.url);
    expect(await screen.request(1, { kind: 'subscribe', id: 1 })).toEqual({ ok: true });
    await screen.waitFor(isFrame);
    const first = screen.frames()[0];
    expect(first.full).toBe(true);
    expect(first.status).toMatchObject({ scenarioId: 'dec-2010', seed: 2010, paused: true });
    const europe = first.view.regions!.find((r) => r.id === 'europe')!;
    expect(europe.throttlePerS).toBeNull();

    const before = web.session.checksum();
    const command = { type: 'throttleLogins', perSecond: 5000, region: 'europe' };
    expect(await screen.request(2, JSON.stringify({ kind: 'command', id: 2, command }))).toEqual({ ok: true });
    expect(web.session.checksum()).not.toBe(before);
    expect(web.session.journal()).toEqual([{ atMinute: 0, command }]);

    // Let sim time pass (any command delay), then the throttle must show in what the screen holds.
    expect(await screen.request(3, { kind: 'control', id: 3, control: { action: 'step', minutes: 30 } })).toEqual({ ok: true });
    await screen.waitFor((m): m is Extract<HostMessage, { kind: 'frame' }> => isFrame(m) && m.frame.view.minute === 30);
    const held = screen.heldView()!;
    expect(held.regions.find((r) => r.id === 'europe')!.throttlePerS).toBe(5000);
    expect(held.regions.find((r) => r.id === 'asia-pac')!.throttlePerS).toBeNull();
    expect(held).toEqual(web.session.view());
    screen.close();
  });

  it('sends frames to every subscribed screen and honours pause and speed', async () => {
    const a = await TestScreen.open(web.url);
    const b = await TestScreen.open(web.url);
    await a.request(1, { kind: 'subscribe', id: 1 });
    await b.request(1, { kind: 'subscribe', id: 1 });
    expect(await a.request(2, { kind: 'control', id: 2, control: { action: 'setSpeed', speed: 3600 } })).toEqual({ ok: true });
    const minute0 = web.session.minute();
    expect(await a.request(3, { kind: 'control', id: 3, control: { action: 'resume' } })).toEqual({ ok: true });
    const moved = (m: HostMessage): m is Extract<HostMessage, { kind: 'frame' }> =>
      isFrame(m) && m.frame.view.minute !== undefined && m.frame.view.minute > minute0 + 5;
    await Promise.all([a.waitFor(moved), b.waitFor(moved)]);
    expect(await b.request(2, { kind: 'control', id: 2, control: { action: 'pause' } })).toEqual({ ok: true });
    const paused = web.session.checksum();
    await new Promise((r) => setTimeout(r, 200));
    expect(web.session.checksum()).toBe(paused);
    // b's reply can come before a's next frame: a is told, not necessarily yet.
    await a.waitFor((_m): _m is HostMessage => a.frames().at(-1)?.status.paused === true);
    const seqs = a.frames().map((f: Frame) => f.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    a.close();
    b.close();
  });
});

describe('browser host http', () => {
  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const res = await fetch(web.url);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await res.text()).toContain('Supernode Storm');
    expect((await fetch(`${web.url}%2e%2e/%2e%2e/package.json`)).status).not.toBe(200);
    expect((await fetch(`${web.url}missing.js`)).status).toBe(404);
  });

  it('refuses sockets from other origins and other host names', async () => {
    const ws = `${web.url.replace('http', 'ws')}ws`;
    const refused = (opts: WebSocket.ClientOptions) =>
      new Promise<number>((resolve) => {
        const s = new WebSocket(ws, opts);
        s.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        s.on('error', () => resolve(-1));
        s.on('open', () => resolve(101));
      });
    expect(await refused({ origin: 'https://evil.example' })).toBe(403);
    expect(await refused({ headers: { Host: `attacker.example:${web.port}` } })).toBe(403);
    expect(await refused({ origin: `http://127.0.0.1:${web.port}` })).toBe(101);
  });

  it('will not bind to the network', async () => {
    await expect(startWebHost({ port: 0, host: '0.0.0.0', rendererDir })).rejects.toThrow(/network/);
  });
});
