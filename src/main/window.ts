// The game window, locked down: isolated sandboxed page, no Node, no navigation away,
// no popups; web links open in the player's browser.
import { BrowserWindow, shell } from 'electron';
import { loadWindowState, trackWindowState } from './window-state';

/** Only http(s) leaves the app, and only to the system browser. */
function openIfWebLink(url: string): void {
  try {
    const { protocol } = new URL(url);
    if (protocol === 'https:' || protocol === 'http:') void shell.openExternal(url);
  } catch {
    // Not a URL at all: nothing to open.
  }
}

export function createGameWindow(preloadPath: string, pageUrl: string, isOurPage: (url: string) => boolean): BrowserWindow {
  const { maximized, ...bounds } = loadWindowState();
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Supernode Storm',
    backgroundColor: '#0b1020',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (maximized) win.maximize();
  trackWindowState(win);
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
