// The crash-safe journal of a game in progress: JSON lines, appended as things happen and
// flushed to disk on every command and at least once a second otherwise, so a crash (or
// a pulled plug) loses at most the last second. recoverJournal turns it back into a Recording.
import { parseJsonGuarded } from '../sim/json-guard';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { CappedReadError, readCapped } from './read-capped';
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
  /** Damage part-way through: everything from `line` on (`lines` lines) was left out, for `reason`. */
  skipped: { line: number; lines: number; reason: string } | null;
}

/** One line of what recoverJournal left out, for the host's log and the recovery list. */
export function describeSkipped(s: NonNullable<RecoveredJournal['skipped']>): string {
  return `recovered up to line ${s.line - 1}; line ${s.line} ${s.reason}, so it and the ${s.lines - 1} line${s.lines === 2 ? '' : 's'} after it were left out`;
}

const ENTRY_KEYS = ['c', 'm', 'k', 't', 'end'] as const;

/** What is wrong with one parsed line as a journal entry, or null. Own keys only: a line is hostile. */
function entryProblem(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'is not a journal entry (not a JSON object)';
  const keys = Object.keys(v);
  if (keys.length !== 1 || !(ENTRY_KEYS as readonly string[]).includes(keys[0])) return `is not a journal entry (expected one of ${ENTRY_KEYS.join(', ')})`;
  const x = (v as Record<string, unknown>)[keys[0]];
  if (keys[0] === 't') return Number.isInteger(x) && (x as number) >= 0 ? null : 'has a tick that is not a whole number';
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return `has a "${keys[0]}" that is not an object`;
  return null;
}

/** Far past any real journal (commands, marks and checksums, not frames): a cap, not a budget. */
export const MAX_JOURNAL_BYTES = 256 * 2 ** 20;

/**
 * Reads a journal back into a Recording. A crash can cut the last line short (dropped, said
 * in `tornLine`); damage part-way through (a bad disk, an editor) ends the salvage there:
 * every entry before it is kept and `skipped` says what was left out. Only a missing header,
 * or a game that no longer re-simulates as recorded, makes a journal unrecoverable.
 */
export function recoverJournal(path: string): RecoveredJournal {
  let text: string;
  try {
    text = readCapped(path, MAX_JOURNAL_BYTES).toString('utf8');
  } catch (e) {
    if (e instanceof CappedReadError) throw new ReplayError(path, '', e.message);
    throw e;
  }
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const first = lines.length ? parseJsonGuarded(lines[0]) : null;
  const head = first?.ok ? first.value : null;
  if (typeof head !== 'object' || head === null || Array.isArray(head) || (head as Record<string, unknown>).journal !== JOURNAL_KIND)
    throw new ReplayError(path, 'line 1', 'is not a Supernode Storm journal header (the file is empty, cut short, or not a journal)');

  let tornLine = false;
  let skipped: RecoveredJournal['skipped'] = null;
  const entries: Line[] = [];
  for (let i = 1; i < lines.length; i++) {
    const p = parseJsonGuarded(lines[i]);
    const problem = p.ok ? entryProblem(p.value) : 'is corrupt (not JSON, or nested too deep)';
    if (!problem) {
      entries.push((p as { value: Line }).value);
      continue;
    }
    if (i === lines.length - 1 && !text.endsWith('\n')) tornLine = true;
    else skipped = { line: i + 1, lines: lines.length - i, reason: problem };
    break;
  }

  const { journal: _kind, ...header } = head as Record<string, unknown>;
  let kept = entries.length;
  let built = buildRecording(header, entries, path);
  if (built.error) {
    // Lines that parse but do not check (a command cut to nonsense): keep the longest prefix that does.
    let lo = 0;
    let hi = entries.length - 1; // entries.length fails
    if (buildRecording(header, [], path).error) throw built.error; // the header itself is bad
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (buildRecording(header, entries.slice(0, mid), path).error) hi = mid - 1;
      else lo = mid;
    }
    kept = lo;
    const failing = buildRecording(header, entries.slice(0, kept + 1), path);
    built = buildRecording(header, entries.slice(0, kept), path);
    const line = kept + 2; // line 1 is the header
    skipped = { line, lines: lines.length - line + 1, reason: `does not check (${firstLineOf(failing.error)})` };
  }
  const { recording: checked, finished } = built as { recording: Recording; finished: boolean };
  if (!finished) {
    // The final state was never written: re-simulate to the last tick the journal reached.
    const { state, result } = runRecording(checked);
    if (!result.ok && result.expected !== UNKNOWN_CHECKSUM)
      throw new ReplayError(path, `tick ${result.tick}`, `does not re-simulate as recorded (expected ${result.expected}, got ${result.actual})`);
    checked.finalChecksum = checksum(state);
  }
  return { recording: checked, finished, tornLine, skipped };
}

const firstLineOf = (e: Error | null | undefined) => String(e?.message ?? '').split('\n')[0].slice(0, 200);

/** The entries as a checked Recording, or the ReplayError that says why they are not one. */
function buildRecording(header: Record<string, unknown>, entries: Line[], path: string): { recording: Recording; finished: boolean; error: null } | { error: Error } {
  const rec = { ...header, commands: [], marks: [], checksums: [], endTick: 0, finalChecksum: UNKNOWN_CHECKSUM } as unknown as Recording;
  let end: ChecksumMark | null = null;
  const at = (x: unknown) => (typeof (x as { tick?: unknown }).tick === 'number' ? (x as { tick: number }).tick : 0);
  for (const e of entries) {
    let t: number;
    if (Object.hasOwn(e, 'c')) rec.commands.push((e as { c: RecordedCommand }).c), (t = at((e as { c: unknown }).c));
    else if (Object.hasOwn(e, 'm')) rec.marks.push((e as { m: Mark }).m), (t = at((e as { m: unknown }).m));
    else if (Object.hasOwn(e, 'k')) rec.checksums.push((e as { k: ChecksumMark }).k), (t = at((e as { k: unknown }).k));
    else if (Object.hasOwn(e, 'end')) (end = (e as { end: ChecksumMark }).end), (t = at(end));
    else t = (e as { t: number }).t;
    if (Number.isInteger(t) && t > rec.endTick) rec.endTick = t;
  }
  if (end) rec.finalChecksum = (end as ChecksumMark).checksum;
  try {
    return { recording: parseRecording(rec, path), finished: end !== null, error: null }; // the same checks as a replay file
  } catch (e) {
    if (e instanceof ReplayError) return { error: e };
    throw e;
  }
}
