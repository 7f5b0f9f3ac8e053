// The game window, locked down: isolated sandboxed page, no Node, no navigation away,
// no popups; web links open in the player's browser.
import { BrowserWindow, shell, type Rectangle } from 'electron';
import { INSTRUCTOR_ARG } from '../shared/ipc-channels';
import { loadWindowState, trackWindowState } from './window-state';

/** The instructor console: same page and lockdown, its own preload flag, placed on a chosen display. */
export interface ConsoleWindowOptions {
  instructorOn: Rectangle; // the chosen display's work area
}

/** Only http(s) leaves the app, and only to the system browser. */
function openIfWebLink(url: string): void {
  try {
    const { protocol } = new URL(url);
    if (protocol === 'https:' || protocol === 'http:') void shell.openExternal(url);
  } catch {
    // Not a URL at all: nothing to open.
  }
}

/** devTools: development only (npm run dev); a shipped build cannot open them at all. */
export function createGameWindow(preloadPath: string, pageUrl: string, isOurPage: (url: string) => boolean, instructor?: ConsoleWindowOptions, devTools = false): BrowserWindow {
  const { maximized, ...bounds } = instructor ? { ...instructor.instructorOn, maximized: true } : loadWindowState();
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: instructor ? 'Supernode Storm: Instructor Console' : 'Supernode Storm',
    backgroundColor: '#0b1020',
    webPreferences: {
      preload: preloadPath,
      additionalArguments: instructor ? [INSTRUCTOR_ARG] : [],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools,
    },
  });
  if (maximized) win.maximize();
  if (!instructor) trackWindowState(win); // the console opens wherever the instructor picks each time
  win.once('ready-to-show', () => win.show());

  const wc = win.webContents;
  wc.setWindowOpenHandler(({ url }) => {
    openIfWebLink(url);
    return { action: 'deny' };
  });
  const stayHome = (event: { preventDefault(): void; url: string }): void => {
    if (isOurPage(event.url)) return; // a reload of our own page
    event.preventDefault();
    openIfWebLink(event.url);
  };
  wc.on('will-navigate', stayHome);
  wc.on('will-redirect', stayHome);
  wc.on('will-attach-webview', (event) => event.preventDefault());

  void win.loadURL(pageUrl);
  return win;
}
