// Which Chromium prints the debrief PDF in the CLI and the browser host (the desktop app
// prints with Electron's own). CHROMIUM_PATH wins; then where each platform's usual
// packages install Chrome, Chromium or Edge (Edge is Chromium, and on every Windows 10+).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where to look, per platform, in order. */
export function chromiumCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Brave Browser.app/Contents/MacOS/Brave Browser'];
    const roots = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => `${root}/${app}`));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    const exes = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return exes.flatMap((exe) => roots.map((root) => `${root}\\${exe}`));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge', '/opt/google/chrome/chrome'];
}

/** What to install, said once, per platform. */
export function chromiumHint(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'install Google Chrome or Chromium in /Applications';
  if (platform === 'win32') return 'install Google Chrome or Microsoft Edge';
  return 'install Chromium (Debian/Ubuntu: apt install chromium)';
}

export class ChromiumNotFound extends Error {}

/** The browser to print with; throws ChromiumNotFound with one line naming what to install. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (path: string) => boolean = existsSync): string {
  const chosen = env.CHROMIUM_PATH?.trim();
  if (chosen) {
    if (exists(chosen)) return chosen;
    throw new ChromiumNotFound(`cannot make a PDF: CHROMIUM_PATH=${chosen} does not exist (point it at a Chrome or Chromium executable, or unset it)`);
  }
  const found = chromiumCandidates(platform, env).find(exists);
  if (found) return found;
  throw new ChromiumNotFound(`cannot make a PDF: no Chrome or Chromium found (${chromiumHint(platform)}, or set CHROMIUM_PATH; or skip the PDF and print the HTML report from a browser)`);
}
