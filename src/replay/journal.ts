// The crash-safe journal of a game in progress: JSON lines, appended as things happen and
// flushed to disk on every command and at least once a second otherwise, so a crash (or
// a pulled plug) loses at most the last second. recoverJournal turns it back into a Recording.
import { parseJsonGuarded } from '../sim/json-guard';
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { checksum } from '../sim/index';
import { ReplayError, type ChecksumMark, type Mark, type RecordedCommand, type Recording } from './recording';
import type { Recorder, RecordingSink } from './recorder';
import { runRecording } from './replayer';
import { parseRecording } from './validate';
import { WouldOverwriteError } from './safe-write';

export const JOURNAL_KIND = 'skyreplay-journal';
const UNKNOWN_CHECKSUM = '0000000000000000';

type Header = Recorder['header'];

/** One line per entry: c = command, m = mark, k = checksum, t = tick reached, end = finished. */
type Line = { c: RecordedCommand } | { m: Mark } | { k: ChecksumMark } | { t: number } | { end: ChecksumMark };

export interface JournalOptions {
  flushMs?: number; // longest time an entry may sit in memory (default 1000)
  now?: () => number; // host clock in ms (Date.now by default)
}

export class Journal implements RecordingSink {
  private fd: number | null;
  private buffer: string[] = [];
  private lastFlush: number;
  private tickSeen = -1;
  private tickWritten = -1;
  private readonly flushMs: number;
  private readonly now: () => number;

  private constructor(readonly path: string, fd: number, opts: JournalOptions) {
    this.fd = fd;
    this.flushMs = opts.flushMs ?? 1000;
    this.now = opts.now ?? Date.now;
    this.lastFlush = this.now();
  }

  /** Starts a new journal file for `header` (a Recorder's); refuses an existing file. */
  static create(path: string, header: Header, opts: JournalOptions = {}): Journal {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new WouldOverwriteError(path);
      throw e;
    }
    const j = new Journal(path, fd, opts);
    j.buffer.push(JSON.stringify({ journal: JOURNAL_KIND, ...header }));
    j.flush();
    return j;
  }

  command(entry: RecordedCommand): void {
    this.write({ c: entry }, true);
  }

  mark(mark: Mark): void {
    this.write({ m: mark }, true); // an instructor's note is rare and precious
  }

  checksum(entry: ChecksumMark): void {
    this.write({ k: entry }, false);
  }

  progress(tick: number): void {
    this.tickSeen = tick;
    if (this.now() - this.lastFlush >= this.flushMs) this.flush();
  }

  finish(endTick: number, finalChecksum: string): void {
    this.tickWritten = Math.max(this.tickWritten, this.tickSeen); // the end line carries the tick: nothing after it
    this.write({ end: { tick: endTick, checksum: finalChecksum } }, true);
    this.close();
  }

  /** Writes what is buffered (plus the tick reached) and asks the disk to keep it. */
  flush(): void {
    if (this.fd === null) return;
    if (this.tickSeen > this.tickWritten) {
      this.buffer.push(JSON.stringify({ t: this.tickSeen } satisfies Line));
      this.tickWritten = this.tickSeen;
    }
    if (this.buffer.length) {
      writeSync(this.fd, this.buffer.join('\n') + '\n');
      this.buffer = [];
      fsyncSync(this.fd);
    }
    this.lastFlush = this.now();
  }

  close(): void {
    if (this.fd === null) return;
    this.flush();
    closeSync(this.fd);
    this.fd = null;
  }

  private write(line: Line, now: boolean): void {
    if (this.fd === null) throw new Error(`journal ${this.path} is closed`);
    this.buffer.push(JSON.stringify(line));
    if (now || this.now() - this.lastFlush >= this.flushMs) this.flush();
  }
}

export interface RecoveredJournal {
  recording: Recording;
  finished: boolean; // the game ended normally (an "end" line was written)
  tornLine: boolean; // the last line was cut short by a crash and was dropped
}

/** Reads a journal back into a Recording, tolerating a last line cut short by a crash. */
export function recoverJournal(path: string): RecoveredJournal {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ReplayError(path, '', `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let tornLine = false;
  const parsed: unknown[] = [];
  lines.forEach((l, i) => {
    const p = parseJsonGuarded(l);
    if (p.ok && (i === 0 || (typeof p.value === 'object' && p.value !== null && !Array.isArray(p.value)))) parsed.push(p.value);
    else if (i === lines.length - 1 && !text.endsWith('\n')) tornLine = true;
    else throw new ReplayError(path, `line ${i + 1}`, 'is corrupt (not a journal entry); only the last line may be cut short');
  });
  const head = parsed.shift() as Record<string, unknown> | undefined;
  if (!head || typeof head !== 'object' || head.journal !== JOURNAL_KIND)
    throw new ReplayError(path, 'line 1', 'is not a Supernode Storm journal header (the file is empty, cut short, or not a journal)');
  const { journal: _kind, ...header } = head;
  const rec = { ...header, commands: [], marks: [], checksums: [], endTick: 0, finalChecksum: UNKNOWN_CHECKSUM } as unknown as Recording;
  let end: ChecksumMark | null = null;
  parsed.forEach((p, i) => {
    const o = (p ?? {}) as Record<string, unknown>;
    const at = (x: unknown) => (typeof x === 'object' && x !== null && typeof (x as { tick?: unknown }).tick === 'number' ? (x as { tick: number }).tick : 0);
    if ('c' in o) rec.commands.push(o.c as RecordedCommand);
    else if ('m' in o) rec.marks.push(o.m as Mark);
    else if ('k' in o) rec.checksums.push(o.k as ChecksumMark);
    else if ('end' in o) end = o.end as ChecksumMark;
    else if (!('t' in o)) throw new ReplayError(path, `line ${i + 2}`, 'is not a journal entry');
    const t = 't' in o ? Number(o.t) : at(o.c ?? o.m ?? o.k ?? o.end);
    if (Number.isInteger(t) && t > rec.endTick) rec.endTick = t;
  });
  const finished = end !== null;
  if (end) rec.finalChecksum = (end as ChecksumMark).checksum;
  const checked = parseRecording(rec, path); // the same checks as a replay file
  if (!finished) {
    // The final state was never written: re-simulate to the last tick the journal reached.
    const { state, result } = runRecording(checked);
    if (!result.ok && result.expected !== UNKNOWN_CHECKSUM)
      throw new ReplayError(path, `tick ${result.tick}`, `does not re-simulate as recorded (expected ${result.expected}, got ${result.actual})`);
    checked.finalChecksum = checksum(state);
  }
  return { recording: checked, finished, tornLine };
}
