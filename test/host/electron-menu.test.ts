// The Electron menus and file dialogs against a stand-in 'electron' module: File exports
// and Open Replay go through the session; Window > Instructor Console lists the displays.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  menu: null as null | Array<{ label?: string; submenu?: any[]; click?: () => void }>,
  savePath: '' as string,
  openPath: '' as string,
  errors: [] as string[],
  printed: [] as string[],
  dir: '',
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { printToPDF: async () => Buffer.from('%PDF-1.7 from Electron') };
    static getFocusedWindow() { return null; }
    loadURL(url: string) { fake.printed.push(url); return Promise.resolve(); }
    destroy() {}
    setProgressBar() {}
  }
  return {
    BrowserWindow,
    Menu: { buildFromTemplate: (t: any) => t, setApplicationMenu: (m: any) => (fake.menu = m) },
    dialog: {
      showSaveDialog: async () => ({ canceled: fake.savePath === '', filePath: fake.savePath }),
      showOpenDialog: async () => ({ canceled: fake.openPath === '', filePaths: [fake.openPath] }),
      showErrorBox: (title: string, msg: string) => fake.errors.push(`${title}: ${msg}`),
      showMessageBox: async () => ({ response: 0 }),
    },
    app: { name: 'Supernode Storm', getPath: () => fake.dir, getVersion: () => '0.1.0', isPackaged: false, getAppPath: () => fake.dir },
    shell: { openPath: async () => '' },
  };
});

const { installMenu } = await import('../../src/main/menu');
const { exportWithDialog, openReplayWithDialog, printToPdf } = await import('../../src/main/file-dialogs');
const { SimSession } = await import('../../src/main/session/sim-session');
const { decodeReplay } = await import('../../src/replay/node');

beforeEach(() => {
  fake.dir = mkdtempSync(join(tmpdir(), 'storm-menu-'));
  fake.errors.length = 0;
  fake.savePath = '';
  fake.openPath = '';
});
afterEach(() => rmSync(fake.dir, { recursive: true, force: true }));

const item = (path: string[]) => {
  let items = fake.menu!;
  let found: any;
  for (const label of path) {
    found = items.find((i) => i.label === label);
    if (!found) throw new Error(`no menu item ${label} in ${items.map((i) => i.label).join(', ')}`);
    items = found.submenu ?? [];
  }
  return found;
};

/** The menu's actions this file does not look at. */
const extras = { readme: 'README.md', showLogs: () => {}, showSettings: () => {}, devTools: false, platform: 'linux' as const };
const quiet = { roleOfFocused: () => 'trainee' as const, displays: () => [], openInstructorConsole: () => {}, exportFile: () => {}, openReplay: () => {} };
const labels = (items: any[]) => items.map((i) => i.label ?? i.role).filter((l) => l !== undefined);

describe('menus', () => {
  it('has File exports, Open Replay and an Instructor Console item per display', () => {
    const calls: string[] = [];
    const displays = [
      { display: { id: 1, size: { width: 1920, height: 1080 }, label: 'Built-in', workArea: {} }, primary: true },
      { display: { id: 2, size: { width: 2560, height: 1440 }, label: '', workArea: {} }, primary: false },
    ];
    installMenu(new SimSession({ paused: true }), () => null, {
      roleOfFocused: () => 'trainee',
      displays: () => displays as any,
      openInstructorConsole: (d) => calls.push(`console on ${d.id}`),
      exportFile: (k) => calls.push(`export ${k}`),
      openReplay: () => calls.push('open'),
      ...extras,
    });
    expect(item(['File']).submenu.map((i: any) => i.label).filter(Boolean)).toEqual(['Open Replay…', 'Export Replay…', 'Export Debrief Report…', 'Export Report as PDF…', 'Export Metrics CSV…', 'Settings…']);
    expect(item(['Window', 'Instructor Console…']).submenu.map((i: any) => i.label)).toEqual(['Display 1: 1920 x 1080 Built-in (primary)', 'Display 2: 2560 x 1440']);
    item(['Window', 'Instructor Console…', 'Display 2: 2560 x 1440']).click();
    item(['File', 'Export Report as PDF…']).click();
    item(['File', 'Open Replay…']).click();
    expect(calls).toEqual(['console on 2', 'export pdf', 'open']);
  });

  it('acts for the focused window: a trainee in check mode cannot pause from the menu', () => {
    const dir = mkdtempSync(join(tmpdir(), 'storm-drills-'));
    writeFileSync(join(dir, 'd.json'), readFileSync('drills/aug-2007-reboot-storm.json', 'utf8').replace('"aug-2007-reboot-storm"', '"d"'));
    const s = new SimSession({ paused: true, drillsDir: dir });
    expect(s.instructor({ act: 'startDrill', drillId: 'd', checkMode: true })).toEqual({ ok: true });
    let role: 'trainee' | 'instructor' = 'trainee';
    installMenu(s, () => null, { roleOfFocused: () => role, displays: () => [], openInstructorConsole: () => {}, exportFile: () => {}, openReplay: () => {}, ...extras });
    item(['Game', 'Pause / Resume']).click();
    expect(s.status.paused).toBe(true);
    role = 'instructor';
    item(['Game', 'Pause / Resume']).click();
    expect(s.status.paused).toBe(false);
  });
});

describe('menus per platform', () => {
  it('macOS: the app menu first (About, Settings, Hide, Quit); File does not quit', () => {
    installMenu(new SimSession({ paused: true }), () => null, { ...quiet, ...extras, platform: 'darwin' });
    expect(fake.menu!.map((m: any) => m.label ?? m.role)).toEqual(['Supernode Storm', 'File', 'Edit', 'Game', 'View', 'Window', 'help']);
    expect(labels(fake.menu![0].submenu!)).toEqual(['About Supernode Storm', 'Settings…', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(labels(item(['File']).submenu)).not.toContain('quit');
    expect(labels(item(['Window']).submenu)).toEqual(['Instructor Console…', 'minimize', 'zoom', 'front']);
  });

  it('Windows and Linux: File ends with Settings and Quit, About sits in Help', () => {
    installMenu(new SimSession({ paused: true }), () => null, { ...quiet, ...extras });
    expect(fake.menu!.map((m: any) => m.label ?? m.role)).toEqual(['File', 'Edit', 'Game', 'View', 'Window', 'help']);
    expect(labels(item(['File']).submenu).slice(-2)).toEqual(['Settings…', 'quit']);
    expect(labels(fake.menu!.at(-1)!.submenu!)).toEqual(['About Supernode Storm', 'Read the README', 'Show Logs']);
  });

  it('Edit has the standard roles, so copy and paste work in text fields', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      installMenu(new SimSession({ paused: true }), () => null, { ...quiet, ...extras, platform });
      expect(labels(item(['Edit']).submenu)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    }
  });

  it('DevTools only in development; Help opens the README and the logs', () => {
    const calls: string[] = [];
    installMenu(new SimSession({ paused: true }), () => null, { ...quiet, ...extras, showLogs: () => calls.push('logs') });
    expect(labels(item(['View']).submenu)).not.toContain('toggleDevTools');
    fake.menu!.at(-1)!.submenu!.find((i: any) => i.label === 'Show Logs').click();
    expect(calls).toEqual(['logs']);
    installMenu(new SimSession({ paused: true }), () => null, { ...quiet, ...extras, devTools: true });
    expect(labels(item(['View']).submenu)).toContain('toggleDevTools');
    installMenu(new SimSession({ paused: true }), () => null, { ...quiet, ...extras, readme: join(fake.dir, 'missing.md') });
    fake.menu!.at(-1)!.submenu!.find((i: any) => i.label === 'Read the README').click();
    expect(fake.errors).toEqual([expect.stringMatching(/^README not found: Expected it at .*missing\.md/)]);
  });
});

describe('file dialogs', () => {
  it('exports the replay, report, CSV and PDF where the save dialog says', async () => {
    const s = new SimSession({ paused: true, scenarioId: 'normal-day', seed: 2 });
    s.applyCommand({ type: 'setGroupVideo', enabled: false });
    s.step(30);
    for (const [kind, name] of [['replay', 'a.skyreplay'], ['report', 'a.html'], ['csv', 'a.csv'], ['pdf', 'a.pdf']] as const) {
      fake.savePath = join(fake.dir, name);
      await exportWithDialog(s, kind, null);
      expect(existsSync(fake.savePath), name).toBe(true);
    }
    expect(fake.errors).toEqual([]);
    expect(decodeReplay(readFileSync(join(fake.dir, 'a.skyreplay')), 'a').commands).toHaveLength(1);
    expect(readFileSync(join(fake.dir, 'a.html'), 'utf8')).toContain('Group Video Calling off');
    expect(readFileSync(join(fake.dir, 'a.pdf'), 'utf8')).toBe('%PDF-1.7 from Electron');
    expect(fake.printed[0]).toMatch(/^data:text\/html;base64,/);
    fake.savePath = ''; // cancelled: nothing happens
    await exportWithDialog(s, 'replay', null);
    expect(fake.errors).toEqual([]);
  });

  it('opens a replay from disk, and explains a bad one without touching the game', async () => {
    const s = new SimSession({ paused: true });
    const before = s.checksum();
    fake.openPath = join(fake.dir, 'bad.skyreplay');
    writeFileSync(fake.openPath, 'garbage');
    await openReplayWithDialog(s, null);
    expect(fake.errors).toEqual([expect.stringMatching(/^Cannot open the replay: bad\.skyreplay.*not a \.skyreplay/)]);
    expect(s.mode).toBe('free');
    expect(s.checksum()).toBe(before);
    fake.openPath = 'test/fixtures/dec-2010-historical-12h.skyreplay';
    await openReplayWithDialog(s, null);
    expect(s.mode).toBe('replay');
    expect(await printToPdf('<p>x</p>')).toEqual(Buffer.from('%PDF-1.7 from Electron'));
  });
});
