// The Electron shell cannot start on our machines, so its logic runs here against a
// stand-in 'electron' module: IPC validation, window lockdown, remembered bounds.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, payload?: unknown) => unknown>(),
  windows: [] as Array<{ options: Record<string, any>; events: Map<string, (...a: any[]) => void>; wcEvents: Map<string, (...a: any[]) => void>; openHandler?: (d: { url: string }) => unknown; loaded?: string; bounds: any; maximized: boolean }>,
  opened: [] as string[],
  userData: '',
}));

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly rec: (typeof fake.windows)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, any>) {
      this.rec = { options, events: new Map(), wcEvents: new Map(), bounds: { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height }, maximized: false };
      fake.windows.push(this.rec);
      this.webContents = {
        setWindowOpenHandler: (h: (d: { url: string }) => unknown) => (this.rec.openHandler = h),
        on: (e: string, f: (...a: any[]) => void) => this.rec.wcEvents.set(e, f),
      };
    }
    on(e: string, f: (...a: any[]) => void) { this.rec.events.set(e, f); }
    once(e: string, f: (...a: any[]) => void) { this.rec.events.set(e, f); }
    maximize() { this.rec.maximized = true; }
    isMaximized() { return this.rec.maximized; }
    getNormalBounds() { return this.rec.bounds; }
    loadURL(url: string) { this.rec.loaded = url; return Promise.resolve(); }
  }
  return {
    BrowserWindow,
    ipcMain: {
      handle: (ch: string, f: (event: unknown, payload?: unknown) => unknown) => fake.handlers.set(ch, f),
      removeHandler: (ch: string) => fake.handlers.delete(ch),
    },
    shell: { openExternal: (url: string) => (fake.opened.push(url), Promise.resolve()) },
    app: { getPath: () => fake.userData },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  };
});

const { StormIpc } = await import('../../src/main/ipc-handlers');
const { createGameWindow } = await import('../../src/main/window');
const { loadWindowState } = await import('../../src/main/window-state');
const { SimSession } = await import('../../src/main/session/sim-session');
const { IPC } = await import('../../src/shared/ipc-channels');

const OUR_PAGE = 'app://game/index.html';
const isOurPage = (url: string) => url.startsWith('app://game/');

function fakeContents() {
  const sent: Array<[string, any]> = [];
  return { sent, destroyed: false, send: (ch: string, v: unknown) => sent.push([ch, v]), isDestroyed() { return this.destroyed; }, once: () => {} };
}

beforeEach(() => {
  fake.handlers.clear();
  fake.windows.length = 0;
  fake.opened.length = 0;
  fake.userData = mkdtempSync(join(tmpdir(), 'storm-userdata-'));
});

describe('StormIpc', () => {
  it('validates every payload and only lets the game page drive the game', async () => {
    const session = new SimSession({ seed: 3, paused: true });
    const refusals: string[] = [];
    const ipc = new StormIpc(session, isOurPage, undefined, (line) => refusals.push(line));
    ipc.install();
    expect([...fake.handlers.keys()]).toEqual([IPC.message]); // one channel carries every kind
    const wc = fakeContents();
    let id = 1;
    const send = (msg: unknown, url = OUR_PAGE) => fake.handlers.get(IPC.message)!({ senderFrame: { url }, sender: wc }, msg);
    const call = (kind: string, payload: unknown, url = OUR_PAGE) => send({ kind, id: id++, ...(kind === 'subscribe' ? {} : { [kind]: payload }) }, url);

    const before = session.checksum();
    expect(await send('rm -rf /')).toMatchObject({ ok: false, error: { code: 'not-an-object' } });
    expect(await call('command', 'rm -rf /')).toMatchObject({ ok: false, error: { code: 'not-an-object' } });
    expect(await call('command', { type: 'deployMegaSupernodes', count: 1e9, region: 'europe', source: 'cloud' })).toMatchObject({ ok: false, error: { field: 'command.count' } });
    expect(await call('control', { action: 'setSpeed', speed: 13 })).toMatchObject({ ok: false, error: { field: 'control.speed' } });
    expect(await call('command', { type: 'supernodeCrash', fraction: 0.5 }, 'https://evil.example/')).toMatchObject({ ok: false, error: { field: 'sender' } });
    expect(session.checksum()).toBe(before);
    expect(session.status.speed).toBe(60);
    // Each refusal is one line for the log file (Help > Show Logs), in the browser host's words, with the message's kind.
    expect(refusals).toHaveLength(5);
    expect(refusals[2]).toMatch(/^refused a trainee's command message: command\.count: /);
    expect(refusals[4]).toMatch(/^refused a trainee's message: sender: only the game window may drive the game \(not-allowed-now\)$/);

    expect(await call('command', { type: 'supernodeCrash', fraction: 0.5 })).toEqual({ ok: true });
    expect(await call('control', { action: 'setSpeed', speed: 900 })).toEqual({ ok: true });
    expect(session.checksum()).not.toBe(before);
    expect(session.status.speed).toBe(900);

    expect(await call('subscribe', undefined)).toEqual({ ok: true });
    expect(wc.sent).toHaveLength(1);
    expect(wc.sent[0][0]).toBe(IPC.frame);
    expect(wc.sent[0][1].full).toBe(true);
    session.step(1);
    ipc.broadcast(session.nextFrame()!);
    expect(wc.sent).toHaveLength(2);
    wc.destroyed = true;
    ipc.broadcast(session.fullFrame());
    expect(wc.sent).toHaveLength(2); // a closed window is dropped, not sent to
    ipc.uninstall();
    expect(fake.handlers.size).toBe(0);
  });
});

describe('StormIpc roles', () => {
  it('treats only the console window as the instructor, and sends it the instructor view', async () => {
    const session = new SimSession({ seed: 3, paused: true });
    const trainee = fakeContents();
    const instructor = fakeContents();
    const ipc = new StormIpc(session, isOurPage, (wc) => (wc === (instructor as unknown) ? 'instructor' : 'trainee'));
    ipc.install();
    let id = 1;
    const call = (wc: ReturnType<typeof fakeContents>, kind: string, act?: unknown) =>
      fake.handlers.get(IPC.message)!({ senderFrame: { url: OUR_PAGE }, sender: wc }, { kind, id: id++, ...(act === undefined ? {} : { act }) });

    expect(await call(trainee, 'instructor', { act: 'bookmark', text: 'sneaky' })).toMatchObject({ ok: false, error: { code: 'not-allowed-now', field: 'kind' } });
    expect(await call(instructor, 'instructor', { act: 'bookmark', text: 'first look' })).toEqual({ ok: true });
    expect(await call(instructor, 'instructor', { act: 'bookmark', text: '' })).toMatchObject({ ok: false, error: { field: 'act.text' } });
    expect(await call(trainee, 'listDrills')).toMatchObject({ ok: true, data: expect.arrayContaining([expect.objectContaining({ id: 'dec-2010-as-it-happened' })]) });
    expect(await call(trainee, 'replay', { act: 'seek', tick: 5 })).toMatchObject({ ok: false, error: { code: 'not-allowed-now' } }); // no replay open

    await call(trainee, 'subscribe');
    await call(instructor, 'subscribe');
    expect(trainee.sent[0][1].mode.instructor).toBeUndefined();
    expect(instructor.sent[0][1].mode.instructor.marks).toEqual([{ tick: 0, minute: 0, kind: 'bookmark', text: 'first look' }]);
    session.step(1);
    ipc.broadcast(session.nextFrame()!);
    expect(trainee.sent[1][1].mode.instructor).toBeUndefined();
    expect(instructor.sent[1][1].mode.instructor).toBeTruthy();
    ipc.uninstall();
  });
});

describe('game window', () => {
  it('is isolated and sandboxed, and never navigates away', () => {
    createGameWindow('/app/preload.cjs', OUR_PAGE, isOurPage);
    const w = fake.windows[0];
    expect(w.options.webPreferences).toMatchObject({ preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(w.loaded).toBe(OUR_PAGE);

    expect(w.openHandler!({ url: 'https://www.skype.com/' })).toEqual({ action: 'deny' });
    expect(w.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://www.skype.com/']); // only the web link went to the browser

    const navigate = (url: string) => {
      const event = { url, prevented: false, preventDefault() { this.prevented = true; } };
      w.wcEvents.get('will-navigate')!(event);
      return event.prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('javascript:alert(1)')).toBe(true);
    expect(navigate('app://game/index.html')).toBe(false);
    expect(fake.opened).toEqual(['https://www.skype.com/', 'https://example.com/']);
  });

  it('opens the instructor console with its preload flag on the chosen display, without touching the game window’s place', () => {
    createGameWindow('/p.cjs', `${OUR_PAGE}?role=instructor`, isOurPage, { instructorOn: { x: 1920, y: 0, width: 1280, height: 1024 } });
    const w = fake.windows[0];
    expect(w.options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 1024, title: 'Supernode Storm: Instructor Console' });
    expect(w.options.webPreferences).toMatchObject({ additionalArguments: ['--supernode-storm-role=instructor'], contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(w.events.has('close')).toBe(false); // its bounds are not saved over the game window's
    createGameWindow('/p.cjs', OUR_PAGE, isOurPage);
    expect(fake.windows[1].options.webPreferences.additionalArguments).toEqual([]);
  });

  it('remembers its size and place, and ignores a damaged or off-screen record', () => {
    createGameWindow('/p.cjs', OUR_PAGE, isOurPage);
    fake.windows[0].bounds = { x: 100, y: 80, width: 1200, height: 800 };
    fake.windows[0].maximized = true;
    fake.windows[0].events.get('close')!();
    expect(loadWindowState()).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: true });
    createGameWindow('/p.cjs', OUR_PAGE, isOurPage);
    expect(fake.windows[1].options).toMatchObject({ x: 100, y: 80, width: 1200, height: 800 });
    expect(fake.windows[1].maximized).toBe(true);

    writeFileSync(join(fake.userData, 'window-state.json'), JSON.stringify({ bounds: { x: 5000, y: 5000, width: 1000, height: 700 } }));
    expect(loadWindowState()).toEqual({ width: 1000, height: 700, maximized: false }); // off every display: let the OS place it
    writeFileSync(join(fake.userData, 'window-state.json'), '{not json');
    expect(loadWindowState()).toEqual({ width: 1440, height: 900, maximized: false });
  });
});
