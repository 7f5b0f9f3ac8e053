// A file named from outside is read with its size checked first; a named pipe is one of the
// things such a name can be, and reading it must not wait for a writer that never comes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'read-capped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

describe.skipIf(process.platform === 'win32')('readCapped', () => {
  it('says a named pipe is not a file instead of waiting on it for ever', () => {
    const fifo = join(dir, 'drill.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // In a child: a blocked open cannot be interrupted in-process, so a hang shows as a timeout here.
    const code = `import('./src/replay/read-capped.ts').then((m) => { try { m.readCapped(${JSON.stringify(fifo)}, 1000); console.log('read'); } catch (e) { console.log(e.message); } })`;
    const r = spawnSync(tsx, ['-e', code], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    expect(r.signal).toBeNull();
    expect(r.stdout.trim()).toBe('is not a file');
  });
});
