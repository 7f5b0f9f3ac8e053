// Crash recovery: a host killed mid-drill (simulated by cutting its journal mid-line) is
// found by the next host, offered, and resumed exactly where the journal stops.
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Replayer, verify } from '../../src/replay/index';
import { drillOf, drillsDir, session, tempDir } from './helpers';

const drills = drillsDir();

/** Cuts the journal in the middle of its last line, as a kill -9 during a write would. */
function tearLastLine(path: string): void {
  const text = readFileSync(path, 'utf8');
  truncateSync(path, text.lastIndexOf('\n', text.length - 2) + 6);
}

describe('crash recovery', () => {
  it('resumes a killed drill with the same checksum, verdict and check mode as the unbroken run', () => {
    const dir = tempDir('journals');
    const a = session({ drillsDir: drills, journalDir: dir });
    a.instructor({ act: 'startDrill', drillId: 'small', checkMode: true });
    a.step(10);
    expect(a.applyCommand({ type: 'setOfflineImService', enabled: false }, 'trainee')).toEqual({ ok: true });
    a.step(25); // the scripted crash fires at minute 30
    a.instructor({ act: 'inject', command: { type: 'supernodeCrash', fraction: 0.05 } });
    a.instructor({ act: 'hint', index: 0 });
    a.step(5);
    a.instructor({ act: 'bookmark', text: 'last thing before the crash' });
    const path = a.fullFrame('instructor').mode!.instructor!.journalPath!;
    expect(path.startsWith(dir)).toBe(true);
    tearLastLine(path); // killed: no close(), and the last line is half written

    const b = session({ drillsDir: drills, journalDir: dir });
    const journalId = basename(path);
    expect(b.fullFrame().mode!.recoverable).toEqual([
      { journalId, scenarioId: 'dec-2010', drillId: 'small', createdAt: a.recording().createdAt, minute: 40, commands: a.recording().commands.length, error: null },
    ]);
    expect(b.replayAct({ act: 'recover', journalId: 'nope.jsonl' }, 'trainee')).toMatchObject({ ok: false, error: { field: 'act.journalId' } });
    expect(b.replayAct({ act: 'recover', journalId }, 'trainee')).toEqual({ ok: true });
    expect(b.mode).toBe('drill');
    expect(b.state.tick).toBe(a.state.tick);
    expect(b.checksum()).toBe(a.checksum());
    expect(b.checksum()).toBe(new Replayer(a.recording()).checksumAt(b.state.tick));
    expect(b.status).toMatchObject({ paused: true, speed: 60 });
    const [da, db] = [drillOf(a.nextFrame()), drillOf(b.nextFrame())];
    expect(db.checkMode).toBe(true);
    expect(db.objectives).toEqual(da.objectives);
    expect(b.fullFrame().mode!.recoverable).toEqual([]);
    expect(existsSync(path)).toBe(false); // set aside: the new journal holds everything
    expect(existsSync(`${path}.recovered`)).toBe(true);

    // ...and it goes on exactly as the unbroken game does.
    a.step(30);
    b.step(30);
    expect(b.checksum()).toBe(a.checksum());
    expect(drillOf(b.nextFrame()).objectives).toEqual(drillOf(a.nextFrame()).objectives);
    expect(b.recording().commands).toEqual(a.recording().commands);
    expect(b.recording().marks.map((m) => m.text)).toEqual(a.recording().marks.map((m) => m.text));
    expect(verify(b.recording()).ok).toBe(true);
  });

  it('offers a killed free game too, but not one nobody touched or one that finished', () => {
    const dir = tempDir('journals');
    const played = session({ journalDir: dir, seed: 5 });
    played.step(30);
    played.applyCommand({ type: 'throttleLogins', perSecond: 2000 }, 'trainee');
    played.step(1);
    const untouched = session({ journalDir: dir, seed: 6 });
    untouched.step(10);
    const finished = session({ journalDir: dir, seed: 7 });
    finished.applyCommand({ type: 'setGroupVideo', enabled: false });
    finished.close(); // a clean quit of a touched game is offered too
    const ended = session({ journalDir: dir, seed: 8 });
    ended.applyCommand({ type: 'setGroupVideo', enabled: false });
    ended.step(5); // ticks not yet flushed when it is sealed
    ended.newGame('dec-2010', 9); // the old game's replay is sealed

    const next = session({ journalDir: dir });
    const offered = next.fullFrame().mode!.recoverable!;
    expect(offered.map((r) => [r.drillId, r.commands, r.error])).toEqual([[null, 1, null], [null, 1, null]]);
    const id = offered[0].journalId;
    expect(next.replayAct({ act: 'recover', journalId: id }, 'trainee')).toEqual({ ok: true });
    expect(next.mode).toBe('free');
    expect(next.checksum()).toBe(new Replayer(played.recording()).checksumAt(next.state.tick));
    expect(next.replayAct({ act: 'dismissRecovery', journalId: offered[1].journalId }, 'trainee')).toEqual({ ok: true });
    expect(next.fullFrame().mode!.recoverable).toEqual([]);
    next.newGame('aug-2007', 1); // seals the recovered game's replay
    expect(session({ journalDir: dir }).fullFrame().mode!.recoverable).toEqual([]); // handled ones are not offered again
  });

  it('offers a journal damaged part-way with what was salvaged, keeps the damaged file, and lets it be dismissed', () => {
    const dir = tempDir('journals');
    const a = session({ journalDir: dir });
    a.applyCommand({ type: 'setGroupVideo', enabled: false });
    a.step(5);
    a.applyCommand({ type: 'setGroupVideo', enabled: true });
    const path = a.fullFrame('instructor').mode!.instructor!.journalPath!;
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[4] = '{"c":{"tick":'; // the second order
    writeFileSync(path, lines.join('\n'));
    const damaged = lines.join('\n');
    const b = session({ journalDir: dir });
    const [offer] = b.fullFrame().mode!.recoverable!;
    expect(offer.error).toBeNull();
    expect(offer.salvaged).toMatch(/recovered up to line 4; line 5 is corrupt/);
    expect(offer.commands).toBe(1); // the order before the damage
    expect(readFileSync(`${path}.damaged`, 'utf8')).toBe(damaged);
    expect(b.replayAct({ act: 'dismissRecovery', journalId: offer.journalId }, 'instructor')).toEqual({ ok: true });
    expect(existsSync(`${path}.dismissed`)).toBe(true);
  });

  it('leaves unfinished games to the instructor while a drill runs (issue 11, item 9)', () => {
    const dir = tempDir('journals');
    const a = session({ journalDir: dir });
    a.applyCommand({ type: 'setGroupVideo', enabled: false });
    a.close(); // a touched game, quit: offered next time
    const b = session({ journalDir: dir, drillsDir: drills });
    const [offer] = b.fullFrame().mode!.recoverable!;
    b.instructor({ act: 'startDrill', drillId: 'small', checkMode: true });
    for (const act of ['dismissRecovery', 'recover'] as const)
      expect(b.replayAct({ act, journalId: offer.journalId }, 'trainee')).toMatchObject({ ok: false, error: { code: 'not-allowed-now', message: expect.stringMatching(/up to the instructor/) } });
    expect(b.fullFrame().mode!.recoverable).toHaveLength(1);
    expect(b.replayAct({ act: 'dismissRecovery', journalId: offer.journalId }, 'instructor')).toEqual({ ok: true });
    expect(b.fullFrame().mode!.recoverable).toEqual([]);
  });
});
