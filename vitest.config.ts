import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/temp-folders.ts'], // temp folders removed after each file
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
