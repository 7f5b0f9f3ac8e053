// The data folder (issue 11, items 7 and 8): a folder the host cannot tidy never stops it from
// starting, and a second host on the same folder refuses it with one line.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JournalStore, KEEP_FINISHED } from '../../src/main/session/journal-store';
import { DataFolderInUseError, LOCK_NAME, lockDataFolder } from '../../src/main/session/data-folder-lock';
import { SimSession } from '../../src/main/session/sim-session';

const root = mkdtempSync(join(tmpdir(), 'storm-data-'));
afterAll(() => {
  chmodSync(root, 0o755);
  for (const d of readdirSync(root)) chmodSync(join(root, d), 0o755);
  rmSync(root, { recursive: true, force: true });
});
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** `n` finished journals whose files cannot be deleted (each one's sidecar is a folder, which unlink refuses even for root). */
function folderOfUndeletable(n: number): string {
  const dir = join(root, `ro-${n}`);
  mkdirSync(dir);
  for (let i = 0; i < n; i++) {
    const name = join(dir, `2026-01-${String(i + 1).padStart(2, '0')}-normal-day.jsonl`);
    writeFileSync(name, `{"journal":"skyreplay-journal"}\n{"end":{"tick":1,"checksum":"0000000000000000"}}\n`);
    mkdirSync(`${name}.meta.json`);
    writeFileSync(join(`${name}.meta.json`, 'keep'), '');
  }
  return dir;
}

describe('the data folder', () => {
  it(`more than ${KEEP_FINISHED} finished journals that cannot be deleted: the host starts and says so`, () => {
    const dir = folderOfUndeletable(KEEP_FINISHED + 5);
    chmodSync(dir, 0o555); // read-only too (root ignores this; the undeletable sidecars still bite)
    const warnings: string[] = [];
    const session = new SimSession({ journalDir: dir, scenarioId: 'normal-day', paused: true, warn: (l) => warnings.push(l) });
    expect(session.checksum()).toMatch(/^[0-9a-f]{16}$/);
    expect(warnings.join('\n')).toMatch(/could not delete \d+ old journal files? .*they are kept/);
    session.close();
    chmodSync(dir, 0o755);
  });

  it('a second host in another process on the same folder is refused with one line naming the first', async () => {
    const dir = join(root, 'shared', 'journals');
    const first = new JournalStore(dir, {}, () => {});
    const r = spawnSync(tsx, ['-e', `import('./src/main/session/journal-store.ts').then((m) => new m.JournalStore(${JSON.stringify(dir)}))`], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`in use by another Supernode Storm host \\(pid ${process.pid}`));
    first.release();
    expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
  });

  it('npm run web on a folder another host holds: one line, and no start', () => {
    const dataDir = join(root, 'web-shared');
    const held = new JournalStore(join(dataDir, 'journals'), {}, () => {});
    const r = spawnSync(tsx, ['src/main/host/web.ts', '--port', '0', '--no-build', '--data-dir', dataDir], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' }, timeout: 240_000 });
    const lines = r.stderr.split('\n').filter((l) => l.trim());
    expect(r.status).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/could not start: the data folder .* is in use by another Supernode Storm host/);
    held.release();
  });

  it('a lock left by a host that was killed is stale and is taken over', async () => {
    const dir = join(root, 'stale');
    mkdirSync(dir);
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const deadPid = child.pid!;
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    writeFileSync(join(dir, LOCK_NAME), JSON.stringify({ pid: deadPid, since: '2026-01-01T00:00:00Z' }));
    const release = lockDataFolder(dir);
    expect(() => lockDataFolder(dir)).not.toThrow(); // the same process may hold it twice (a restarted game)
    release();
  });

  it('a live owner is refused, a garbled lock is not trusted', () => {
    const dir = join(root, 'live');
    mkdirSync(dir);
    writeFileSync(join(dir, LOCK_NAME), JSON.stringify({ pid: process.ppid, since: 'x' }));
    expect(() => lockDataFolder(dir)).toThrow(DataFolderInUseError);
    // A hand-edited time cannot break the one-line refusal.
    writeFileSync(join(dir, LOCK_NAME), JSON.stringify({ pid: process.ppid, since: 'noon\nrm -rf /' }));
    expect(() => lockDataFolder(dir)).toThrow(/since an unknown time\)/);
    writeFileSync(join(dir, LOCK_NAME), '{"pid": "__proto__"}');
    lockDataFolder(dir)();
    expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
  });
});

describe('a journal named by hand', () => {
  it('is left alone with one line, not offered for a recovery the host could never carry out', () => {
    const dir = join(root, 'hand-named');
    mkdirSync(dir);
    writeFileSync(join(dir, 'my old game.jsonl'), '{"not":"a journal"}\n');
    const lines: string[] = [];
    const store = new JournalStore(dir, {}, (l) => lines.push(l));
    try {
      expect(store.findUnfinished().map((g) => g.summary.journalId)).toEqual([]);
      expect(lines.join('\n')).toMatch(/1 file .* is not named as the host names journals \("my old game\.jsonl"\); left alone/);
      expect(existsSync(join(dir, 'my old game.jsonl'))).toBe(true);
    } finally {
      store.release();
    }
  });
});
