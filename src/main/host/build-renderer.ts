// Makes sure out/renderer holds a build of the current renderer before the browser host
// serves it: builds when missing or older than its sources, with one line of progress.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rendererViteConfig } from './renderer-config';

export type BuildMode = 'auto' | 'always' | 'never';

/** Source folders whose changes make a renderer build stale. */
const SOURCES = ['src/renderer', 'src/shared', 'src/sim', 'assets'];

export async function ensureRendererBuilt(repoRoot: string, mode: BuildMode, log: (line: string) => void): Promise<string> {
  const outDir = join(repoRoot, 'out/renderer');
  const index = join(outDir, 'index.html');
  if (mode === 'never') return outDir;
  if (mode === 'auto' && existsSync(index) && newestMtime(repoRoot) <= statSync(index).mtimeMs) return outDir;

  if (!existsSync(join(repoRoot, 'src/renderer/index.html')))
    throw new Error('src/renderer/index.html is missing, so there is no renderer to build yet');
  log(existsSync(index) ? 'Renderer sources changed; rebuilding out/renderer ...' : 'Building the renderer into out/renderer (first run) ...');
  const started = Date.now();
  const { build } = await import('vite'); // loaded only when needed: tests serving a fixture never pay for it
  await build({ ...rendererViteConfig(repoRoot), configFile: false, logLevel: 'warn' });
  log(`Renderer built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return outDir;
}

function newestMtime(repoRoot: string): number {
  let newest = 0;
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const s of SOURCES) walk(join(repoRoot, s));
  return newest;
}
