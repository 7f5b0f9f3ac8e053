// The application menu: the instructor's clock controls live here with keyboard shortcuts.
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { SCENARIO_LIST } from '../sim/index';
import { SPEEDS } from '../shared/contract';
import type { SimSession } from './session/sim-session';

export function installMenu(session: SimSession, getWindow: () => BrowserWindow | null): void {
  const shiftSpeed = (by: number): void => {
    const i = SPEEDS.indexOf(session.status.speed as (typeof SPEEDS)[number]);
    const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? 0 : i) + by))];
    session.setSpeed(next);
  };

  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Game',
      submenu: [
        {
          label: 'New Game',
          submenu: SCENARIO_LIST.map((s) => ({
            label: s.name,
            toolTip: s.description,
            click: () => void session.newGame(s.id, randomInt(0, 2 ** 32)),
          })),
        },
        { type: 'separator' },
        {
          label: 'Pause / Resume',
          accelerator: 'Space',
          // The page already binds Space (it must, in the browser host): shown here, not registered, so one press toggles once.
          registerAccelerator: false,
          click: () => void (session.status.paused ? session.resume() : session.pause()),
        },
        { label: 'Speed Up', accelerator: 'CmdOrCtrl+=', click: () => shiftSpeed(+1) },
        { label: 'Slow Down', accelerator: 'CmdOrCtrl+-', click: () => shiftSpeed(-1) },
        { type: 'separator' },
        { role: 'quit' },
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
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      ],
    },
    {
      label: 'Help',
      submenu: [
        {
          label: 'About Supernode Storm',
          click: () => {
            const win = getWindow();
            const opts = {
              type: 'info' as const,
              title: 'About Supernode Storm',
              message: `Supernode Storm ${app.getVersion()}`,
              detail: "An incident-training game: run Skype's peer-to-peer network through the December 2010 supernode collapse.",
            };
            void (win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts));
          },
        },
        {
          label: 'Read the README',
          click: () => {
            const readme = join(app.getAppPath(), 'README.md');
            if (existsSync(readme)) void shell.openPath(readme);
            else dialog.showErrorBox('README not found', `Expected it at ${readme}; it ships next to the app.`);
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
