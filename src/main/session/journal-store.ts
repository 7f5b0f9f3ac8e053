// The folder of crash-safe game journals (Electron: userData/journals; browser host:
// --data-dir/journals). Each live game writes one; a journal without its "end" line when a
// host starts belongs to a game that was killed, and is offered for recovery.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import { Journal, recoverJournal, type JournalOptions } from '../../replay/journal';
import { writeFileSafely } from '../../replay/safe-write';
import { TICK_SECONDS } from '../../sim/index';
import type { Recorder, Recording } from '../../replay/index';
import type { RecoverableGame } from '../../shared/drill-contract';

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
  constructor(
    readonly dir: string,
    private readonly opts: JournalOptions = {},
  ) {
    mkdirSync(dir, { recursive: true });
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
      if (finished(path)) continue;
      const meta = readMeta(path);
      try {
        const { recording } = recoverJournal(path);
        const summary: RecoverableGame = {
          journalId: name,
          scenarioId: recording.scenarioId,
          drillId: recording.drillId ?? null,
          createdAt: recording.createdAt,
          minute: (recording.endTick * TICK_SECONDS) / 60,
          commands: recording.commands.length,
          error: null,
        };
        // A free game nobody touched is just scenario + seed: nothing worth offering.
        if (!recording.drillId && recording.commands.length === 0 && recording.marks.length === 0) {
          this.setAside(name, 'empty');
          continue;
        }
        out.push({ summary, recording, meta });
      } catch (e) {
        const error = `${(e as Error).message}`;
        out.push({ summary: { journalId: name, scenarioId: '', drillId: null, createdAt: '', minute: 0, commands: 0, error }, recording: null, meta });
      }
    }
    return out;
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

  /** Keeps the newest KEEP_FINISHED finished journals (each is a replay of a whole game). */
  prune(keep = KEEP_FINISHED): void {
    const done = this.journalNames()
      .map((name) => ({ name, path: join(this.dir, name) }))
      .filter((j) => finished(j.path))
      .map((j) => ({ ...j, mtime: statSync(j.path).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const j of done.slice(keep)) for (const p of [j.path, metaPath(j.path)]) if (existsSync(p)) unlinkSync(p);
  }

  private journalNames(): string[] {
    return readdirSync(this.dir).filter((n) => n.endsWith('.jsonl')).sort();
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
