// Remembers where the player left the window, in userData/window-state.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, screen, type BrowserWindow, type Rectangle } from 'electron';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1440, height: 900 }, maximized: false };
const stateFile = (): string => join(app.getPath('userData'), 'window-state.json');

/** The saved state if it is sane and still on a connected display, else undefined x/y. */
export function loadWindowState(): { width: number; height: number; x?: number; y?: number; maximized: boolean } {
  try {
    const raw = JSON.parse(readFileSync(stateFile(), 'utf8')) as Partial<WindowState>;
    const b = raw.bounds;
    const ok = b && [b.x, b.y, b.width, b.height].every((n) => Number.isInteger(n)) && b.width >= 640 && b.height >= 400;
    if (ok) {
      const visible = screen.getAllDisplays().some(({ workArea: w }) => b.x < w.x + w.width && b.x + b.width > w.x && b.y < w.y + w.height && b.y + b.height > w.y);
      return visible ? { ...b, maximized: raw.maximized === true } : { width: b.width, height: b.height, maximized: raw.maximized === true };
    }
  } catch {
    // First run or a damaged file: fall back to the default size, centred.
  }
  return { width: DEFAULT.bounds.width, height: DEFAULT.bounds.height, maximized: false };
}

/** Saves on close; the normal (unmaximised) bounds, so restoring never yields a giant window. */
export function trackWindowState(win: BrowserWindow): void {
  win.on('close', () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(stateFile(), JSON.stringify(state, null, 2));
    } catch (e) {
      console.warn(`Could not save the window position to ${stateFile()}: ${(e as Error).message}`);
    }
  });
}
