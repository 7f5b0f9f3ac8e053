// The .skyreplay file: gzip of the recording's JSON. Node only (zlib); the pure parts
// live in validate.ts so a browser host could read replays with its own gunzip.
import { gunzipSync, gzipSync } from 'node:zlib';
import { ReplayError, type Recording } from './recording';
import { parseRecording } from './validate';
import { parseJsonGuarded } from '../sim/json-guard';

/** A 48-hour replay is ~100 kB of JSON; anything past this is not a replay (or a zip bomb). */
export const MAX_JSON_BYTES = 64 * 2 ** 20;

/** Field order puts "format" first, so the first bytes of the JSON say what the file is. */
export function encodeReplay(rec: Recording): Buffer {
  const { format, formatVersion, simVersion, ...rest } = rec;
  return gzipSync(Buffer.from(JSON.stringify({ format, formatVersion, simVersion, ...rest }), 'utf8'), { level: 9 });
}

export function decodeReplay(buf: Uint8Array, fileName: string): Recording {
  if (buf.length < 18 || buf[0] !== 0x1f || buf[1] !== 0x8b)
    throw new ReplayError(fileName, '', buf.length === 0 ? 'is empty: not a .skyreplay' : 'file is truncated or not a .skyreplay (no gzip header)');
  let json: Buffer;
  try {
    json = gunzipSync(buf, { maxOutputLength: MAX_JSON_BYTES });
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'is too large to be a replay' : 'file is truncated or not a .skyreplay';
    throw new ReplayError(fileName, '', `${why} (${(e as Error).message})`);
  }
  // Depth and size are checked before the hash or the schema walk the content.
  const parsed = parseJsonGuarded(json.toString('utf8'));
  if (!parsed.ok) throw new ReplayError(fileName, '', `is corrupt: its content ${parsed.problem}`);
  return parseRecording(parsed.value, fileName);
}
