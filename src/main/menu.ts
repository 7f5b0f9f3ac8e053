// The application menu, per platform convention: on macOS the app menu (About, Settings,
// Hide, Quit) comes first; then File (replays and debrief exports), Edit (standard roles, so
// copy and paste work in the console's text fields), Game (the clock), View, Window (the
// instructor console, on a chosen display) and Help (README, Show Logs).
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { app, dialog, Menu, shell, type BrowserWindow, type Display, type MenuItemConstructorOptions } from 'electron';
import { SCENARIO_LIST } from '../sim/index';
import { SPEEDS, type ControlAction, type Reply } from '../shared/contract';
import type { Role } from '../shared/drill-contract';
import type { ExportKind } from './session/exports';
import type { SimSession } from './session/sim-session';

/** What the menu asks of the app (index.ts wires these to windows and dialogs). */
export interface MenuActions {
  /** Who is acting: the instructor if their console has focus (check mode binds the trainee's window). */
  roleOfFocused(): Role;
  displays(): { display: Display; primary: boolean }[];
  openInstructorConsole(display: Display): void;
  exportFile(kind: ExportKind): void;
  openReplay(): void;
  /** The README shipped beside the app (resources/README.md when packaged). */
  readme: string;
  showLogs(): void;
  showSettings(): void;
  /** Development only (npm run dev): the DevTools item. */
  devTools: boolean;
  /** Which convention to follow; process.platform unless a test says otherwise. */
  platform?: NodeJS.Platform;
}

export function installMenu(session: SimSession, getWindow: () => BrowserWindow | null, actions: MenuActions): void {
  const control = (c: ControlAction): Reply => {
    const r = session.control(c, actions.roleOfFocused());
    const win = getWindow();
    if (!r.ok && win) void dialog.showMessageBox(win, { type: 'info', title: 'Not now', message: r.error.message });
    return r;
  };
  const shiftSpeed = (by: number): void => {
    const i = SPEEDS.indexOf(session.status.speed as (typeof SPEEDS)[number]);
    const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? 0 : i) + by))];
    control({ action: 'setSpeed', speed: next });
  };
  const displays = actions.displays();
  const mac = (actions.platform ?? process.platform) === 'darwin';
  const about = (): void => {
    const win = getWindow();
    const opts = {
      type: 'info' as const,
      title: 'About Supernode Storm',
      message: `Supernode Storm ${app.getVersion()}`,
      detail: "An incident-training game: run Skype's peer-to-peer network through the December 2010 supernode collapse.",
    };
    void (win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts));
  };

  const appMenu: MenuItemConstructorOptions = {
    label: app.name,
    submenu: [
      { label: 'About Supernode Storm', click: about },
      { type: 'separator' },
      { label: 'Settings…', accelerator: 'Cmd+,', click: () => actions.showSettings() },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [appMenu] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Replay…', accelerator: 'CmdOrCtrl+O', click: () => actions.openReplay() },
        { type: 'separator' },
        { label: 'Export Replay…', accelerator: 'CmdOrCtrl+S', click: () => actions.exportFile('replay') },
        { label: 'Export Debrief Report…', click: () => actions.exportFile('report') },
        { label: 'Export Report as PDF…', click: () => actions.exportFile('pdf') },
        { label: 'Export Metrics CSV…', click: () => actions.exportFile('csv') },
        // macOS quits from the app menu and closes windows from File; elsewhere File ends with Settings and Quit.
        ...(mac
          ? [{ type: 'separator' } as const, { role: 'close' } as const]
          : [{ type: 'separator' } as const, { label: 'Settings…', accelerator: 'Ctrl+,', click: () => actions.showSettings() }, { type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    edit,
    {
      label: 'Game',
      submenu: [
        {
          label: 'New Game',
          submenu: SCENARIO_LIST.map((s) => ({
            label: s.name,
            toolTip: s.description,
            click: () => void control({ action: 'newGame', scenarioId: s.id, seed: randomInt(0, 2 ** 32) }),
          })),
        },
        { type: 'separator' },
        {
          label: 'Pause / Resume',
          accelerator: 'Space',
          // The page already binds Space (it must, in the browser host): shown here, not registered, so one press toggles once.
          registerAccelerator: false,
          click: () => void control({ action: session.status.paused ? 'resume' : 'pause' }),
        },
        { label: 'Speed Up', accelerator: 'CmdOrCtrl+=', click: () => shiftSpeed(+1) },
        { label: 'Slow Down', accelerator: 'CmdOrCtrl+-', click: () => shiftSpeed(-1) },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'togglefullscreen' },
        { type: 'separator' },
        // Ctrl+= / Ctrl+- drive the sim's speed, so zoom moves to Shift.
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+Shift+=' },
        { role: 'zoomOut', accelerator: 'CmdOrCtrl+Shift+-' },
        { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        ...(actions.devTools ? [{ role: 'toggleDevTools' } as const] : []),
      ],
    },
    {
      label: 'Window',
      submenu: [
        {
          label: 'Instructor Console…',
          submenu: displays.map(({ display: d, primary }, i) => ({
            label: `Display ${i + 1}: ${d.size.width} x ${d.size.height}${d.label ? ` ${d.label}` : ''}${primary ? ' (primary)' : ''}`,
            click: () => actions.openInstructorConsole(d),
          })),
        },
        { type: 'separator' },
        { role: 'minimize' },
        ...(mac ? [{ role: 'zoom' } as const, { type: 'separator' } as const, { role: 'front' } as const] : [{ role: 'close' } as const]),
      ],
    },
    {
      role: 'help',
      submenu: [
        ...(mac ? [] : [{ label: 'About Supernode Storm', click: about }, { type: 'separator' } as const]),
        {
          label: 'Read the README',
          click: () => {
            if (existsSync(actions.readme)) void shell.openPath(actions.readme);
            else dialog.showErrorBox('README not found', `Expected it at ${actions.readme}; it ships beside the app.`);
          },
        },
        { label: 'Show Logs', click: () => actions.showLogs() },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
