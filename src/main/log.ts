// The hosts' log file (desktop: Help > Show Logs; browser host: <data-dir>/logs/web.log):
// errors and refusals land here so a failed drill on a trainee's laptop leaves something to
// read. A tiny appender of our own: one line per entry, the file rolls over to NAME.old.log
// past 1 MB (so at most about 2 MB on disk). No Electron import, so tests write to a temp folder.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_BYTES = 1024 * 1024;
/** Lines screens may cause per minute: a hostile page sending refused messages in a loop writes this many, then one count. */
export const SCREEN_LINES_PER_MINUTE = 30;
/** What is kept of a line a screen caused: its text is the screen's own words. */
export const MAX_SCREEN_LINE_CHARS = 300;
export type LogLevel = 'info' | 'warn' | 'error';

export interface LogOptions {
  name?: string; // main.log by default
  maxBytes?: number;
  screenLinesPerMinute?: number;
}

export class StormLog {
  readonly file: string;
  private readonly old: string;
  private readonly maxBytes: number;
  private readonly perMinute: number;
  private minute = -1; // the clock minute the screen lines are counted in
  private screenLines = 0;
  private skipped = 0;

  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
    opts: LogOptions = {},
  ) {
    const name = opts.name ?? 'main';
    this.file = join(dir, `${name}.log`);
    this.old = join(dir, `${name}.old.log`);
    this.maxBytes = opts.maxBytes ?? MAX_BYTES;
    this.perMinute = opts.screenLinesPerMinute ?? SCREEN_LINES_PER_MINUTE;
  }

  info(message: string): void {
    this.write('info', message);
  }
  warn(message: string): void {
    this.write('warn', message);
  }
  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? ` ${error.stack ?? error.message}` : error === undefined ? '' : ` ${String(error)}`;
    this.write('error', message + detail);
  }

  /**
   * A line a screen caused (a refused message, a failed export): flattened to one clipped
   * line, and at most `screenLinesPerMinute` a minute; the rest are counted, and the count
   * is written with the next line that gets through (or by `flush`).
   */
  fromScreen(level: LogLevel, message: string): void {
    const minute = Math.floor(this.now().getTime() / 60_000);
    if (minute !== this.minute) {
      this.flush();
      this.minute = minute;
      this.screenLines = 0;
    }
    if (this.screenLines >= this.perMinute) {
      this.skipped++;
      return;
    }
    this.screenLines++;
    const flat = message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
    this.write(level, flat.length > MAX_SCREEN_LINE_CHARS ? `${flat.slice(0, MAX_SCREEN_LINE_CHARS - 1)}…` : flat);
  }

  /** Writes how many screen lines were left out since the last count, if any. */
  flush(): void {
    if (this.skipped === 0) return;
    const n = this.skipped;
    this.skipped = 0;
    this.write('warn', `${n} more line${n > 1 ? 's' : ''} from screens left out (over ${this.perMinute} a minute)`);
  }

  private write(level: LogLevel, message: string): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      if (size(this.file) > this.maxBytes) renameSync(this.file, this.old);
      // One entry per line: newlines inside (stack traces) are indented continuation lines.
      appendFileSync(this.file, `${this.now().toISOString()} ${level.padEnd(5)} ${message.replace(/\r?\n/g, '\n    ')}\n`);
    } catch {
      // A log that cannot be written must never take the game down with it.
    }
  }
}

function size(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
