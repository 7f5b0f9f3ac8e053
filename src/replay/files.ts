// Reading and writing replays on disk (Node): the CLIs and the hosts share these so every
// host gives the same messages.
import { decodeReplay, encodeReplay, MAX_JSON_BYTES } from './codec';
import { CappedReadError, readCapped } from './read-capped';
import { ReplayError, type Recording } from './recording';
import { writeFileSafely } from './safe-write';

export function readReplay(path: string): Recording {
  let buf: Buffer;
  try {
    // Gzip never grows JSON much, so a file over the JSON limit cannot be a replay we would open.
    buf = readCapped(path, MAX_JSON_BYTES);
  } catch (e) {
    if (e instanceof CappedReadError) throw new ReplayError(path, '', e.message);
    throw e;
  }
  return decodeReplay(buf, path);
}

export function writeReplay(path: string, rec: Recording, overwrite = false): number {
  const buf = encodeReplay(rec);
  writeFileSafely(path, buf, { overwrite });
  return buf.length;
}
