// The renderer's Vite build, shared by electron.vite.config.ts and the browser host so the
// bundle Electron loads and the one the browser host serves are the same files.
import { join } from 'node:path';
import type { UserConfig } from 'vite';

export function rendererViteConfig(repoRoot: string): UserConfig {
  const root = join(repoRoot, 'src/renderer');
  return {
    root,
    base: './', // relative URLs: works from app://, file:// and http://127.0.0.1:<port>/
    build: {
      outDir: join(repoRoot, 'out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: join(root, 'index.html') },
    },
  };
}
