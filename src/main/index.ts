// Electron main, kept thin: one SimSession, the game window and the instructor console,
// the menu and the IPC handlers. Everything with game logic lives in ./session (no
// Electron) so the browser host and tests run the same code.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, screen, session as webSession, type Display, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import type { Role } from '../shared/drill-contract';
import { APP_ORIGIN, registerAppScheme, serveAppScheme } from './app-protocol';
import { exportWithDialog, openReplayWithDialog } from './file-dialogs';
import { StormIpc } from './ipc-handlers';
import { installMenu } from './menu';
import { SimSession } from './session/sim-session';
import { createGameWindow } from './window';

// electron-vite dev serves the renderer over http with hot reload; a build is served as app://game.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const pageUrl = devUrl ?? `${APP_ORIGIN}/index.html`;
// The console is the same page; the renderer reads ?role=instructor (and window.supernodeStorm.role).
const consoleUrl = `${pageUrl}${pageUrl.includes('?') ? '&' : '?'}role=instructor`;
const pageOrigin = new URL(pageUrl).origin === 'null' ? APP_ORIGIN : new URL(pageUrl).origin;
const isOurPage = (url: string): boolean => url === pageOrigin || url.startsWith(`${pageOrigin}/`);
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit(); // one game per machine: a second launch focuses the first window
} else {
  let win: BrowserWindow | null = null;
  let consoleWin: BrowserWindow | null = null;
  // Games are journaled as they happen; an unfinished journal here is offered for recovery.
  const sim = new SimSession({ journalDir: join(app.getPath('userData'), 'journals') });
  const isConsole = (wc: WebContents): boolean => consoleWin !== null && !consoleWin.isDestroyed() && consoleWin.webContents.id === wc.id;
  const roleOf = (wc: WebContents): Role => (isConsole(wc) ? 'instructor' : 'trainee');
  const ipc = new StormIpc(sim, isOurPage, roleOf);
  const openWindow = (): void => {
    win = createGameWindow(preloadPath, pageUrl, isOurPage);
    win.on('closed', () => (win = null));
  };
  const openConsole = (display: Display): void => {
    if (consoleWin && !consoleWin.isDestroyed()) {
      consoleWin.setBounds(display.workArea); // "open" again = move it to that display
      consoleWin.focus();
      return;
    }
    consoleWin = createGameWindow(preloadPath, consoleUrl, isOurPage, { instructorOn: display.workArea });
    consoleWin.on('closed', () => (consoleWin = null));
  };
  const menu = (): void =>
    installMenu(sim, () => win, {
      roleOfFocused: () => {
        const focused = BrowserWindow.getFocusedWindow();
        return focused && focused === consoleWin ? 'instructor' : 'trainee';
      },
      displays: () => screen.getAllDisplays().map((display) => ({ display, primary: display.id === screen.getPrimaryDisplay().id })),
      openInstructorConsole: openConsole,
      exportFile: (kind) => void exportWithDialog(sim, kind, BrowserWindow.getFocusedWindow() ?? win),
      openReplay: () => void openReplayWithDialog(sim, BrowserWindow.getFocusedWindow() ?? win),
    });

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  void app.whenReady().then(() => {
    serveAppScheme(rendererDir);
    // The dev server's responses get the same CSP the app:// handler sends.
    webSession.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
    webSession.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'fullscreen'));
    ipc.install();
    menu();
    // The console's display list follows monitors being plugged in and out.
    screen.on('display-added', menu);
    screen.on('display-removed', menu);
    sim.startClock((frame) => ipc.broadcast(frame));
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  // A quit mid-game leaves the journal unfinished on purpose: the game is offered next launch.
  app.on('will-quit', () => sim.close());

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
