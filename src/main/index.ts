// Electron main, kept thin: one SimSession, the game window and the instructor console,
// the menu, the IPC handlers, replays handed over by the system, and the log file.
// Everything with game logic lives in ./session (no Electron) so the browser host and
// tests run the same code.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, screen, session as webSession, shell, type Display, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import type { Role } from '../shared/drill-contract';
import { APP_ORIGIN, registerAppScheme, serveAppScheme } from './app-protocol';
import { exportWithDialog, openReplayWithDialog } from './file-dialogs';
import { StormIpc } from './ipc-handlers';
import { StormLog } from './log';
import { installMenu } from './menu';
import { openReplayFile, ReplayDoor, replayInArgv } from './replay-door';
import { moduleDir, shippedResources } from './resources';
import { SimSession } from './session/sim-session';
import { createGameWindow } from './window';

// electron-vite dev serves the renderer over http with hot reload; a build is served as app://game.
const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
// DevTools: only under `npm run dev` (or SUPERNODE_STORM_DEVTOOLS=1 on an unpackaged build).
const development = !app.isPackaged && (devUrl !== undefined || process.env.SUPERNODE_STORM_DEVTOOLS === '1');
const pageUrl = devUrl ?? `${APP_ORIGIN}/index.html`;
// The console is the same page; the renderer reads ?role=instructor (and window.supernodeStorm.role).
const consoleUrl = `${pageUrl}${pageUrl.includes('?') ? '&' : '?'}role=instructor`;
const pageOrigin = new URL(pageUrl).origin === 'null' ? APP_ORIGIN : new URL(pageUrl).origin;
const isOurPage = (url: string): boolean => url === pageOrigin || url.startsWith(`${pageOrigin}/`);
const shipped = shippedResources(moduleDir(import.meta.url), app.isPackaged, process.resourcesPath);
const log = new StormLog(app.getPath('logs'));

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit(); // one game per machine: a second launch hands its replay (if any) to the first
} else {
  let win: BrowserWindow | null = null;
  let consoleWin: BrowserWindow | null = null;
  log.info(`Supernode Storm ${app.getVersion()} starting (${app.isPackaged ? 'packaged' : development ? 'development' : 'built'}, ${process.platform})`);
  process.on('uncaughtException', (e) => {
    log.error('uncaught exception', e);
    dialog.showErrorBox('Supernode Storm hit an error', `${e.message} (details in ${log.file})`);
  });
  process.on('unhandledRejection', (e) => log.error('unhandled rejection', e));
  // Games are journaled as they happen; an unfinished journal here is offered for recovery.
  const warn = (line: string): void => {
    console.warn(line);
    log.warn(line);
  };
  const sim = new SimSession({ idle: true, journalDir: join(app.getPath('userData'), 'journals'), drillsDir: shipped.drillsDir, warn });
  const isConsole = (wc: WebContents): boolean => consoleWin !== null && !consoleWin.isDestroyed() && consoleWin.webContents.id === wc.id;
  const roleOf = (wc: WebContents): Role => (isConsole(wc) ? 'instructor' : 'trainee');
  const ipc = new StormIpc(sim, isOurPage, roleOf, (line) => log.fromScreen('warn', line));
  const openWindow = (): void => {
    win = createGameWindow(shipped.preloadPath, pageUrl, isOurPage, undefined, development);
    win.on('closed', () => (win = null));
  };
  const focusGame = (): void => {
    if (!win) return openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  };
  const openConsole = (display: Display): void => {
    if (consoleWin && !consoleWin.isDestroyed()) {
      consoleWin.setBounds(display.workArea); // "open" again = move it to that display
      consoleWin.focus();
      return;
    }
    consoleWin = createGameWindow(shipped.preloadPath, consoleUrl, isOurPage, { instructorOn: display.workArea }, development);
    consoleWin.on('closed', () => (consoleWin = null));
  };
  const showSettings = (): void => {
    const opts = {
      type: 'info' as const,
      title: 'Settings',
      message: 'Supernode Storm keeps few settings',
      detail: `Sound: K mutes and unmutes in the game. Window size and place are remembered.\nGames are journaled in ${join(app.getPath('userData'), 'journals')}.\nLogs: ${log.file}`,
      buttons: ['OK', 'Show Data Folder'],
    };
    const parent = BrowserWindow.getFocusedWindow() ?? win;
    void (parent ? dialog.showMessageBox(parent, opts) : dialog.showMessageBox(opts)).then(({ response }) => {
      if (response === 1) void shell.openPath(app.getPath('userData'));
    });
  };
  const menu = (): void =>
    installMenu(sim, () => win, {
      roleOfFocused: () => {
        const focused = BrowserWindow.getFocusedWindow();
        return focused && focused === consoleWin ? 'instructor' : 'trainee';
      },
      displays: () => screen.getAllDisplays().map((display) => ({ display, primary: display.id === screen.getPrimaryDisplay().id })),
      openInstructorConsole: openConsole,
      exportFile: (kind) => void exportWithDialog(sim, kind, BrowserWindow.getFocusedWindow() ?? win, (line) => log.error(line)),
      openReplay: () => void openReplayWithDialog(sim, BrowserWindow.getFocusedWindow() ?? win),
      readme: shipped.readme,
      showLogs: () => shell.showItemInFolder(log.file),
      showSettings,
      devTools: development,
    });

  // Replays from the system: held until the window exists, then opened like File > Open Replay.
  const door = new ReplayDoor();
  const refuse = (title: string, line: string): void => {
    log.warn(`${title}: ${line}`);
    dialog.showErrorBox(title, line);
  };
  app.on('open-file', (event, path) => {
    event.preventDefault(); // macOS: we handle it (also fires before ready on a double-click launch)
    door.knock(path);
  });
  const launchReplay = replayInArgv(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd());
  if (launchReplay) door.knock(launchReplay);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const path = replayInArgv(argv.slice(1), workingDirectory);
    if (path) door.knock(path);
    focusGame();
  });

  void app.whenReady().then(() => {
    serveAppScheme(shipped.rendererDir);
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
    door.unlock((path) => {
      log.info(`opening replay ${path}`);
      focusGame();
      void openReplayFile(sim, path, refuse);
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  // A quit mid-game leaves the journal unfinished on purpose: the game is offered next launch.
  app.on('will-quit', () => {
    log.flush();
    log.info('quitting');
    sim.close();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
