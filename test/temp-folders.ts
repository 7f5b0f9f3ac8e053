// Every temp folder a test file makes (mkdtemp in tmpdir(), CLIs it spawns, Chromium
// profiles) goes under one folder per test file, removed when the file is done.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'storm-test-'));
process.env.TMPDIR = root; // os.tmpdir() reads it on every call; child processes inherit it

afterAll(() => {
  rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});
