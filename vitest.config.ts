import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { StormSequencer } from './test/sequencer';

export default defineConfig({
  test: {
    setupFiles: ['test/temp-folders.ts'], // temp folders removed after each file
    testTimeout: 300_000, // full-scale sim runs take minutes when a second file and Chromium share the cores
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one file at a time on our 2-core
    // machines, while a browser file mostly waits on Chromium. Two files side by side instead.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: StormSequencer }, // the long files first (test/sequencer.ts)
    projects: [
      // The browser files: out/renderer is built once for all of them, before any starts.
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/renderer-once.ts'] } },
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] } },
    ],
  },
});
