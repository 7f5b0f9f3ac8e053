// The folder of crash-safe game journals (Electron: userData/journals; browser host:
// --data-dir/journals). Each live game writes one; a journal without its "end" line when a
// host starts belongs to a game that was killed, and is offered for recovery.
import { closeSync, constants, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import { describeSkipped, Journal, recoverJournal, type JournalOptions } from '../../replay/journal';
import { lockDataFolder } from './data-folder-lock';
import { writeFileSafely } from '../../replay/safe-write';
import { TICK_SECONDS } from '../../sim/index';
import type { Recorder, Recording } from '../../replay/index';
import type { RecoverableGame } from '../../shared/drill-contract';
import { JOURNAL_NAME } from '../../shared/validate-acts';

/** Finished journals kept as automatic replays; older ones are deleted. */
export const KEEP_FINISHED = 20;

/** What a journal's sidecar file remembers that a replay does not. */
export interface JournalMeta {
  checkMode: boolean;
}

export interface RecoveredGame {
  summary: RecoverableGame;
  recording: Recording | null; // null when it cannot be recovered (summary.error says why)
  meta: JournalMeta;
}

const metaPath = (path: string) => `${path}.meta.json`;

export class JournalStore {
  /** Gives the folder back to the next host (SimSession.close calls it). */
  readonly release: () => void;

  /** Throws DataFolderInUseError when another live host journals into `dir`. */
  constructor(
    readonly dir: string,
    private readonly opts: JournalOptions = {},
    private readonly warn: (line: string) => void = (l) => console.warn(l),
  ) {
    mkdirSync(dir, { recursive: true });
    this.release = lockDataFolder(dir, warn);
  }

  /** A new journal for a recorder's game. The name says when it began and what it is. */
  create(header: Recorder['header'], meta: JournalMeta): Journal {
    const stem = `${header.createdAt.replace(/[:.]/g, '-')}-${header.drillId ?? header.scenarioId}`;
    let path = join(this.dir, `${stem}.jsonl`);
    for (let i = 2; existsSync(path) || existsSync(metaPath(path)); i++) path = join(this.dir, `${stem}-${i}.jsonl`);
    const journal = Journal.create(path, header, this.opts);
    writeFileSafely(metaPath(path), JSON.stringify(meta), { overwrite: false });
    return journal;
  }

  /** Journals whose game never finished (the host was killed or quit mid-game), oldest first. */
  findUnfinished(): RecoveredGame[] {
    const out: RecoveredGame[] = [];
    for (const name of this.journalNames()) {
      const path = join(this.dir, name);
      const meta = readMeta(path);
      const unreadable = (error: string) => out.push({ summary: { journalId: name, scenarioId: '', drillId: null, createdAt: '', minute: 0, commands: 0, error }, recording: null, meta });
      try {
        if (finished(path)) continue;
        const { recording, skipped } = recoverJournal(path);
        const salvaged = skipped ? `${describeSkipped(skipped)}; the damaged file is kept as ${name}.damaged` : null;
        if (skipped) this.keepDamaged(name, salvaged!);
        const summary: RecoverableGame = {
          journalId: name,
          scenarioId: recording.scenarioId,
          drillId: recording.drillId ?? null,
          createdAt: recording.createdAt,
          minute: (recording.endTick * TICK_SECONDS) / 60,
          commands: recording.commands.length,
          error: null,
          ...(salvaged ? { salvaged } : {}),
        };
        // A free game nobody touched is just scenario + seed: nothing worth offering.
        if (!skipped && !recording.drillId && recording.commands.length === 0 && recording.marks.length === 0) {
          this.setAsideQuietly(name, 'empty');
          continue;
        }
        out.push({ summary, recording, meta });
      } catch (e) {
        unreadable(String((e as Error)?.message ?? e).slice(0, 400));
      }
    }
    return out;
  }

  /** A copy of a damaged journal, byte for byte, before anything renames it: nothing is lost. */
  private keepDamaged(name: string, what: string): void {
    const path = join(this.dir, name);
    try {
      copyFileSync(path, `${path}.damaged`, constants.COPYFILE_EXCL);
      this.warn(`Supernode Storm: journal ${name} is damaged: ${what}.`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') this.warn(`Supernode Storm: journal ${name} is damaged and could not be copied aside (${(e as Error).message}).`);
    }
  }

  private setAsideQuietly(name: string, reason: 'empty'): void {
    try {
      this.setAside(name, reason);
    } catch (e) {
      this.warn(`Supernode Storm: could not tidy journal ${name} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); left as it is.`);
    }
  }

  /** Renames a journal out of the way (kept, never offered again): `reason` ends its name. */
  setAside(journalId: string, reason: 'dismissed' | 'recovered' | 'empty'): void {
    const path = join(this.dir, journalId);
    if (reason === 'empty') {
      for (const p of [path, metaPath(path)]) if (existsSync(p)) unlinkSync(p);
      return;
    }
    renameSync(path, `${path}.${reason}`);
    if (existsSync(metaPath(path))) renameSync(metaPath(path), `${path}.${reason}.meta.json`);
  }

  /**
   * Keeps the newest KEEP_FINISHED finished journals (each is a replay of a whole game). What
   * cannot be read or deleted (a read-only folder, a file someone else owns) is left in place:
   * tidying must never stop a host from starting.
   */
  prune(keep = KEEP_FINISHED): void {
    const done: { path: string; mtime: number }[] = [];
    for (const name of this.journalNames()) {
      const path = join(this.dir, name);
      try {
        if (finished(path)) done.push({ path, mtime: statSync(path).mtimeMs });
      } catch {
        // unreadable: not ours to judge, leave it
      }
    }
    done.sort((a, b) => b.mtime - a.mtime);
    let failed = 0;
    let why = '';
    for (const j of done.slice(keep))
      for (const p of [j.path, metaPath(j.path)]) {
        try {
          if (existsSync(p)) unlinkSync(p);
        } catch (e) {
          failed++;
          why ||= (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        }
      }
    if (failed) this.warn(`Supernode Storm: could not delete ${failed} old journal file${failed > 1 ? 's' : ''} in ${this.dir} (${why}); they are kept.`);
  }

  private journalNames(): string[] {
    try {
      const all = readdirSync(this.dir).filter((n) => n.endsWith('.jsonl'));
      // A file named by hand outside the host's pattern could be offered but never recovered or dismissed.
      const foreign = all.filter((n) => !JOURNAL_NAME.test(n));
      if (foreign.length) this.warn(`Supernode Storm: ${foreign.length} file${foreign.length > 1 ? 's' : ''} in ${this.dir} ${foreign.length > 1 ? 'are' : 'is'} not named as the host names journals (${foreign.slice(0, 3).map((n) => JSON.stringify(n.slice(0, 60))).join(', ')}); left alone.`);
      return all.filter((n) => JOURNAL_NAME.test(n)).sort();
    } catch (e) {
      this.warn(`Supernode Storm: cannot list journals in ${this.dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
      return [];
    }
  }
}

/** A finished journal ends with {"end": ...} (Journal's flush may add one {"t": ...} after it); the tail is enough. */
function finished(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const len = Math.min(size, 512);
    const buf = Buffer.alloc(len);
    readSync(fd, buf, 0, len, size - len);
    return buf.toString('utf8').trimEnd().split('\n').slice(-2).some((l) => l.startsWith('{"end":'));
  } finally {
    closeSync(fd);
  }
}

function readMeta(path: string): JournalMeta {
  try {
    const m = JSON.parse(readFileSync(metaPath(path), 'utf8')) as Partial<JournalMeta>;
    return { checkMode: m.checkMode !== false };
  } catch {
    return { checkMode: true }; // sidecar lost: the stricter guess (the instructor can still do everything)
  }
}
