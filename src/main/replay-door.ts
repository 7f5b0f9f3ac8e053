// A .skyreplay handed to the app by the system: double-click or "Open with" (macOS sends
// open-file, even before the app is ready; Windows and Linux put the path in argv, and a
// second launch hands its argv to the running game through second-instance). The file is
// hostile until checked: size first, then the same decodeReplay checks the CLI uses (via the
// session's 'open' act), and a failure is one line in a dialog.
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { MAX_REPLAY_BASE64_CHARS } from '../shared/validate-acts';
import type { SimSession } from './session/sim-session';

export const REPLAY_EXTENSION = '.skyreplay';
const MAX_REPLAY_BYTES = (MAX_REPLAY_BASE64_CHARS / 4) * 3;

/** The replay named on a command line, if any (the last one wins); switches are never paths. */
export function replayInArgv(argv: readonly string[], cwd: string): string | null {
  const path = [...argv].reverse().find((a) => !a.startsWith('-') && a.toLowerCase().endsWith(REPLAY_EXTENSION));
  if (!path) return null;
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** Reads and opens one replay; on failure calls showError with a title and one line. */
export async function openReplayFile(session: SimSession, path: string, showError: (title: string, line: string) => void): Promise<boolean> {
  // The name is only shown and names exports: the socket's rule (no control characters, 255 at most) applies here too.
  const name = basename(path).replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 255);
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail(`${name} is not a file.`);
    if (info.size > MAX_REPLAY_BYTES) return fail(`${name} is ${info.size} bytes: too large to be a replay (the limit is ${MAX_REPLAY_BYTES}).`);
    bytes = await readFile(path);
  } catch (e) {
    return fail(`${name} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  const r = session.replayAct({ act: 'open', fileName: name, dataBase64: bytes.toString('base64') }, 'instructor');
  return r.ok ? true : fail(r.error.message);

  function fail(line: string): false {
    showError('Cannot open the replay', line.replace(/\s*\n\s*/g, ' '));
    return false;
  }
}

/** Holds a replay that arrives before the game window exists, and hands it over once it does. */
export class ReplayDoor {
  private open: ((path: string) => void) | null = null;
  private waiting: string | null = null;

  /** A file arrived (open-file, argv, second-instance). */
  knock(path: string): void {
    if (this.open) this.open(path);
    else this.waiting = path; // only the latest: a second double-click replaces the first
  }

  /** The game is ready: open what waited, then everything that comes. */
  unlock(open: (path: string) => void): void {
    this.open = open;
    const path = this.waiting;
    this.waiting = null;
    if (path) open(path);
  }
}
