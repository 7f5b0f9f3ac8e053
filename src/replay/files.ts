// Reading and writing replays on disk (Node): the CLIs and the hosts share these so every
// host gives the same messages.
import { readFileSync } from 'node:fs';
import { decodeReplay, encodeReplay } from './codec';
import { ReplayError, type Recording } from './recording';
import { writeFileSafely } from './safe-write';

export function readReplay(path: string): Recording {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new ReplayError(path, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return decodeReplay(buf, path);
}

export function writeReplay(path: string, rec: Recording, overwrite = false): number {
  const buf = encodeReplay(rec);
  writeFileSafely(path, buf, { overwrite });
  return buf.length;
}
