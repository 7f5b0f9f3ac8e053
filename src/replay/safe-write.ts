// Saving never silently replaces a file: a debrief or replay someone kept is worth more
// than the one being written. Data goes to a temp file first, so a crash never leaves
// half a file under the real name.
import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class WouldOverwriteError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; not overwriting it`);
    this.name = 'WouldOverwriteError';
  }
}

let serial = 0;

/** Writes `data` to `path` via a temp file + rename; refuses an existing file unless `overwrite`. */
export function writeFileSafely(path: string, data: string | Uint8Array, opts: { overwrite: boolean }): void {
  if (!opts.overwrite && existsSync(path)) throw new WouldOverwriteError(path);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${serial++}.tmp`);
  const fd = openSync(tmp, 'wx');
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
  closeSync(fd);
  if (opts.overwrite) return renameSync(tmp, path);
  // link() fails if the name was taken meanwhile: no window where another file is replaced.
  try {
    linkSync(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      unlinkSync(tmp);
      throw new WouldOverwriteError(path);
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') {
      unlinkSync(tmp);
      throw e;
    }
    // Filesystems without hard links: check again, then rename (a tiny race, no worse than before).
    if (existsSync(path)) {
      unlinkSync(tmp);
      throw new WouldOverwriteError(path);
    }
    return renameSync(tmp, path);
  }
  unlinkSync(tmp);
}
