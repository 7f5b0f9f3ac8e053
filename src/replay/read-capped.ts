// Reading a file someone named, with its size checked before a byte is read: a file from
// outside is hostile until checked, and a 5 GB "drill" must not fill memory first.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

// Opening a named pipe for reading blocks until a writer comes; non-blocking, fstat then says what it is.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Why a capped read failed, in words for the one-line error each caller builds. */
export class CappedReadError extends Error {}

/** The file's bytes, or a CappedReadError: unreadable, not a file, or over `maxBytes`. */
export function readCapped(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    throw new CappedReadError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new CappedReadError('is not a file');
    if (info.size > maxBytes) throw new CappedReadError(`is ${info.size.toLocaleString('en-US')} bytes, over the ${maxBytes.toLocaleString('en-US')}-byte limit`);
    // Read one byte past the size seen: a file that grew since fstat is caught, not cut short.
    const buf = Buffer.alloc(info.size + 1);
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) break;
      n += got;
    }
    if (n > info.size) throw new CappedReadError('changed while being read');
    return buf.subarray(0, n);
  } catch (e) {
    if (e instanceof CappedReadError) throw e;
    throw new CappedReadError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    closeSync(fd);
  }
}
