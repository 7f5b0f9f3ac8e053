// The desktop app's log file (Help > Show Logs): errors and refusals land here so a failed
// drill on a trainee's laptop leaves something to read. A tiny appender of our own: one
// line per entry, the file rolls over to main.old.log past 1 MB. No Electron import, so
// tests write to a temp folder.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_BYTES = 1024 * 1024;
export type LogLevel = 'info' | 'warn' | 'error';

export class StormLog {
  readonly file: string;

  constructor(readonly dir: string, private readonly now: () => Date = () => new Date()) {
    this.file = join(dir, 'main.log');
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

  private write(level: LogLevel, message: string): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      if (size(this.file) > MAX_BYTES) renameSync(this.file, join(this.dir, 'main.old.log'));
      // One entry per line: newlines inside (stack traces) are indented continuation lines.
      appendFileSync(this.file, `${this.now().toISOString()} ${level.padEnd(5)} ${message.replace(/\n/g, '\n    ')}\n`);
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
