// What a live game has recorded, kept for the screens (the instructor's timeline, the
// trainee's hints and messages) and passed on to the crash-safe journal as it happens.
import type { ChecksumMark, Mark, RecordedCommand, RecordingSink } from '../../replay/index';

/** The author of a mark that is a message to the trainee (a 'note' in the replay format). */
export const MESSAGE_AUTHOR = 'instructor, to the trainee';
export const INSTRUCTOR_AUTHOR = 'instructor';

export class GameLog implements RecordingSink {
  readonly commands: RecordedCommand[] = [];
  readonly marks: Mark[] = [];
  readonly checksums: ChecksumMark[] = [];
  private sink: RecordingSink | null = null;
  private sinkError: string | null = null;

  constructor(private readonly warn: (line: string) => void = (l) => console.warn(l)) {}

  /** Journals everything from now on (the Recorder replays earlier entries to us on attach). */
  journalTo(sink: RecordingSink): void {
    this.sink = sink;
    for (const c of this.commands) this.guard(() => sink.command(c));
    for (const m of this.marks) this.guard(() => sink.mark(m));
    for (const k of this.checksums) this.guard(() => sink.checksum(k));
  }

  get journaling(): boolean {
    return this.sink !== null && this.sinkError === null;
  }

  command(entry: RecordedCommand): void {
    this.commands.push(entry);
    this.guard(() => this.sink?.command(entry));
  }

  mark(mark: Mark): void {
    this.marks.push(mark);
    this.guard(() => this.sink?.mark(mark));
  }

  checksum(entry: ChecksumMark): void {
    this.checksums.push(entry);
    this.guard(() => this.sink?.checksum(entry));
  }

  progress(tick: number): void {
    this.guard(() => this.sink?.progress?.(tick));
  }

  finish(endTick: number, finalChecksum: string): void {
    this.guard(() => this.sink?.finish?.(endTick, finalChecksum));
    this.sink = null;
  }

  /** Writes what is buffered and closes the file without an end line (a quit mid-game: offered next time). */
  closeJournal(): void {
    const sink = this.sink as (RecordingSink & { close?: () => void }) | null;
    this.guard(() => sink?.close?.());
    this.sink = null;
  }

  /** A full disk must not stop the game: say so once and carry on unjournaled. */
  private guard(write: () => void): void {
    if (this.sinkError !== null || this.sink === null) return;
    try {
      write();
    } catch (e) {
      this.sinkError = (e as Error).message;
      this.warn(`Supernode Storm: the game journal stopped (${this.sinkError}); the game goes on, but a crash now would lose it. Export the replay to keep it.`);
    }
  }
}
