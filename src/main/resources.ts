// Where the desktop app finds what it ships, in a checkout (out/ built by electron-vite) and
// packaged (electron-builder: the code in resources/app.asar, data beside it in resources/).
// Paths come from fileURLToPath and join, never URL.pathname: a folder named "sp ace ü" or
// C:\ must survive. No Electron import here, so tests resolve both layouts without it.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What main needs at run time; every entry is a file system path. */
export interface ShippedResources {
  rendererDir: string; // index.html, scripts, sounds and fonts (vite hashes them into assets/)
  preloadPath: string;
  drillsDir: string; // drills/*.json, read at run time so an instructor can add one
  scenariosDir: string; // the scenario files, for reading (the sim has them compiled in)
  readme: string; // opened by Help; outside the asar so the system viewer can read it
  iconsDir: string;
}

/** Folders copied beside app.asar by electron-builder (extraResources in electron-builder.yml). */
export const EXTRA_RESOURCES = { drills: 'drills', scenarios: 'scenarios', readme: 'README.md', icons: 'icons' } as const;

/**
 * mainDir: the folder of the running main bundle (out/main, inside app.asar when packaged).
 * resourcesPath: Electron's process.resourcesPath, used only when packaged.
 */
export function shippedResources(mainDir: string, packaged: boolean, resourcesPath = ''): ShippedResources {
  const outDir = join(mainDir, '..');
  const code = { rendererDir: join(outDir, 'renderer'), preloadPath: join(outDir, 'preload', 'index.cjs') };
  if (packaged) {
    return {
      ...code,
      drillsDir: join(resourcesPath, EXTRA_RESOURCES.drills),
      scenariosDir: join(resourcesPath, EXTRA_RESOURCES.scenarios),
      readme: join(resourcesPath, EXTRA_RESOURCES.readme),
      iconsDir: join(resourcesPath, EXTRA_RESOURCES.icons),
    };
  }
  const root = join(outDir, '..');
  return { ...code, drillsDir: join(root, 'drills'), scenariosDir: join(root, 'src', 'sim', 'scenarios'), readme: join(root, 'README.md'), iconsDir: join(root, 'build', 'icons') };
}

/** The folder of a module, from its import.meta.url (works for file: URLs with spaces and non-ASCII). */
export function moduleDir(importMetaUrl: string): string {
  return fileURLToPath(new URL('.', importMetaUrl));
}
