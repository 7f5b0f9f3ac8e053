// One host per data folder: two hosts journaling into one folder would offer each other's
// live game for recovery. The lock file names the owner's pid; a lock whose pid is gone
// (the host was killed) is stale and is taken over.
import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_NAME = 'host.lock';

export class DataFolderInUseError extends Error {}

/** Sessions of this process holding each folder (tests and a restarted game reuse it). */
const held = new Map<string, number>();

/** Takes the folder's lock, or throws DataFolderInUseError naming the live owner. Returns the release. */
export function lockDataFolder(dir: string, warn: (line: string) => void = () => {}): () => void {
  const path = join(dir, LOCK_NAME);
  const mine = held.get(path) ?? 0;
  if (mine === 0) {
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
        closeSync(fd);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
          // A read-only folder: nobody can journal into it, so there is nothing to guard.
          warn(`Supernode Storm: cannot write ${path} (${code}); games in this folder will not be journaled.`);
          return () => {};
        }
        if (code !== 'EEXIST' || attempt > 0) throw e;
        const owner = readOwner(path);
        if (owner && owner.pid !== process.pid && alive(owner.pid))
          throw new DataFolderInUseError(
            `the data folder ${dir} is in use by another Supernode Storm host (pid ${owner.pid}, since ${owner.since}); stop that host or pass --data-dir with another folder (if no host is running, delete ${path})`,
          );
        unlinkSync(path); // stale: its host is gone (or it is unreadable), so it is ours now
      }
    }
  }
  held.set(path, mine + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const n = (held.get(path) ?? 1) - 1;
    if (n > 0) return void held.set(path, n);
    held.delete(path);
    if (readOwner(path)?.pid === process.pid) {
      try {
        unlinkSync(path);
      } catch {
        // gone already, or the folder turned read-only: the next host sees our pid dead
      }
    }
  };
}

function readOwner(path: string): { pid: number; since: string } | null {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8').slice(0, 1000)) as unknown;
    const pid = (o as { pid?: unknown })?.pid;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
    const since = (o as { since?: unknown }).since;
    return { pid, since: typeof since === 'string' && /^[0-9T:.Z+-]{1,40}$/.test(since) ? since : 'an unknown time' };
  } catch {
    return null;
  }
}

/** Signal 0 checks a pid exists without touching it; EPERM means it exists but is someone else's. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
