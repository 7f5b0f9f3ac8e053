// Builds the three parts of the desktop app into out/: main (ESM), preload (CommonJS,
// because sandboxed preloads cannot be ES modules) and the renderer (shared with the
// browser host, relative base so it also works over http).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererViteConfig } from './src/main/host/renderer-config';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // The debrief worker is its own entry: main starts it as out/main/debrief-worker.js.
      rollupOptions: { input: { index: resolve(root, 'src/main/index.ts'), 'debrief-worker': resolve(root, 'src/main/session/debrief-worker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false, // a sandboxed preload can require only 'electron'
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererViteConfig(root),
});
