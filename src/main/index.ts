// Electron main, kept thin: one SimSession, one window, the menu and the IPC handlers.
// Everything with game logic lives in ./session (no Electron) so the browser host and
// tests run the same code.
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session as webSession } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { APP_ORIGIN, registerAppScheme, serveAppScheme } from './app-protocol';
import { StormIpc } from './ipc-handlers';
import { installMenu } from './menu';
import { SimSession } from './session/sim-session';
import { createGameWindow } from './window';

// electron-vite dev serves the renderer over http with hot reload; a build is served as app://game.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const pageUrl = devUrl ?? `${APP_ORIGIN}/index.html`;
const pageOrigin = new URL(pageUrl).origin === 'null' ? APP_ORIGIN : new URL(pageUrl).origin;
const isOurPage = (url: string): boolean => url === pageOrigin || url.startsWith(`${pageOrigin}/`);
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit(); // one game per machine: a second launch focuses the first window
} else {
  let win: BrowserWindow | null = null;
  const sim = new SimSession();
  const ipc = new StormIpc(sim, isOurPage);
  const openWindow = (): void => {
    win = createGameWindow(preloadPath, pageUrl, isOurPage);
    win.on('closed', () => (win = null));
  };

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
    installMenu(sim, () => win);
    sim.startClock((frame) => ipc.broadcast(frame));
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
