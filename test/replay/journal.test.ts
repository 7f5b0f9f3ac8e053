// The crash-safe journal: a game killed mid-write (simulated by cutting the file mid-line)
// comes back as a replay of everything up to the last whole line.
import { mkdtempSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSim, getScenario, step } from '../../src/sim/index';
import { Recorder, Replayer, ReplayError, verify } from '../../src/replay/index';
import { Journal, recoverJournal, WouldOverwriteError, writeFileSafely } from '../../src/replay/node';
import { describeSkipped } from '../../src/replay/journal';
import { CREATED } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'journal-'));

/** Plays 2 sim-hours of normal-day with a few orders, journaling; the clock is ours. */
function play(path: string, finish: boolean) {
  let now = 0;
  const sc = getScenario('normal-day');
  const state = createSim(sc, 9);
  const rec = new Recorder({ scenario: sc, seed: 9, createdAt: CREATED, checksumEveryTicks: 60 });
  const journal = Journal.create(path, rec.header, { now: () => now });
  rec.attach(journal);
  for (let t = 0; t < 720; t++) {
    now += 5; // 200 ticks per real second
    rec.onTick(state);
    if (t === 100) rec.apply(state, 'trainee', { type: 'throttleLogins', perSecond: 1500 });
    if (t === 300) rec.mark(t, 'note', 'watching the login queue', 'instructor');
    if (t === 500) rec.apply(state, 'instructor', { type: 'supernodeCrash', fraction: 0.2, region: 'europe' });
    step(state);
  }
  if (finish) return { rec: rec.finish(state), journal };
  journal.flush();
  return { rec: rec.snapshotAt(state), journal };
}

describe('Journal', () => {
  it('a finished journal recovers to the very same recording', () => {
    const path = join(dir, 'done.jsonl');
    const { rec } = play(path, true);
    const back = recoverJournal(path);
    expect(back.finished).toBe(true);
    expect(back.tornLine).toBe(false);
    expect(back.recording).toEqual(rec);
  });

  it('after a crash mid-line, recovers everything before the torn line and re-simulates to it', () => {
    const path = join(dir, 'crash.jsonl');
    const { journal } = play(path, false);
    journal.close();
    const text = readFileSync(path, 'utf8');
    const lastNl = text.lastIndexOf('\n', text.length - 2);
    truncateSync(path, lastNl + 8); // kill -9 in the middle of writing the last line
    const back = recoverJournal(path);
    expect(back.tornLine).toBe(true);
    expect(back.finished).toBe(false);
    const r = back.recording;
    expect(r.commands.map((c) => c.tick)).toEqual([100, 500]);
    expect(r.marks).toEqual([{ tick: 300, kind: 'note', text: 'watching the login queue', author: 'instructor' }]);
    expect(r.endTick).toBeGreaterThan(600);
    expect(verify(r)).toEqual({ ok: true, finalChecksum: new Replayer(r).checksumAt(r.endTick) });
  });

  it('loses at most about a second: progress and checksums are flushed at least once per flushMs', () => {
    const path = join(dir, 'cadence.jsonl');
    let now = 0;
    const sc = getScenario('normal-day');
    const state = createSim(sc, 1);
    const rec = new Recorder({ scenario: sc, seed: 1, createdAt: CREATED, checksumEveryTicks: 10 });
    rec.attach(Journal.create(path, rec.header, { now: () => now, flushMs: 1000 }));
    const size = () => statSync(path).size;
    rec.onTick(state);
    const afterHeader = size();
    for (let i = 0; i < 30; i++) {
      step(state);
      now += 20;
      rec.onTick(state);
    }
    expect(size()).toBe(afterHeader); // 600 ms: still buffered
    now += 500;
    step(state);
    rec.onTick(state);
    expect(size()).toBeGreaterThan(afterHeader); // past a second: on disk
    rec.apply(state, 'trainee', { type: 'setGroupVideo', enabled: false });
    expect(readFileSync(path, 'utf8')).toMatch(/"setGroupVideo"/); // orders go to disk at once
  });

  it('refuses to start over an existing file, and says what is wrong with a broken one', () => {
    const path = join(dir, 'exists.jsonl');
    writeFileSync(path, 'precious');
    expect(() => Journal.create(path, new Recorder({ scenario: getScenario('normal-day'), seed: 1, createdAt: CREATED }).header)).toThrow(WouldOverwriteError);
    expect(readFileSync(path, 'utf8')).toBe('precious');
    expect(() => recoverJournal(path)).toThrow(/line 1 is not a Supernode Storm journal header/);
    const mid = join(dir, 'mid.jsonl');
    play(mid, true);
    const lines = readFileSync(mid, 'utf8').split('\n');
    lines[3] = '{"k":{"tick":';
    writeFileSync(mid, lines.join('\n'));
    const salvaged = recoverJournal(mid);
    expect(salvaged.skipped).toMatchObject({ line: 4, reason: expect.stringMatching(/corrupt/) });
    expect(salvaged.finished).toBe(false);
  });
});

describe('Journal salvage (issue 11, item 6)', () => {
  /** A finished game's journal with line `n` (1-based) replaced by `bad`. */
  const damaged = (name: string, n: number, bad: string) => {
    const path = join(dir, name);
    const { rec } = play(path, true);
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[n - 1] = bad;
    writeFileSync(path, lines.join('\n'));
    return { path, rec, lines };
  };

  it('a corrupt middle line: everything before it comes back, and what was left out is said', () => {
    const { path, rec, lines } = damaged('middle.jsonl', 6, '{"c":{"tick":2,"sou');
    const back = recoverJournal(path);
    const before = lines.slice(1, 5).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(back.recording.commands).toHaveLength(before.filter((o) => 'c' in o).length);
    expect(back.recording.commands).toEqual(rec.commands.slice(0, back.recording.commands.length));
    expect(back.skipped).toMatchObject({ line: 6, lines: lines.filter((l) => l !== '').length - 5 });
    expect(describeSkipped(back.skipped!)).toMatch(/^recovered up to line 5; line 6 is corrupt/);
    expect(verify(back.recording).ok).toBe(true);
  });

  it('a garbage last line that ends in a newline costs that line only', () => {
    const path = join(dir, 'garbage-last.jsonl');
    play(path, false);
    const whole = recoverJournal(path);
    writeFileSync(path, `${readFileSync(path, 'utf8')}\u0000\u0000garbage\n`);
    const back = recoverJournal(path);
    expect(back.skipped).toMatchObject({ lines: 1 });
    expect(back.recording).toEqual(whole.recording);
  });

  for (const [what, bad] of [
    ['a number', '42'],
    ['a string', '"c"'],
    ['null', 'null'],
    ['a list', '[{"c":{}}]'],
    ['a prototype name', '{"constructor":{"tick":1}}'],
    ['two entries in one', '{"c":{"tick":1},"t":3}'],
  ] as const) {
    it(`a line that is ${what} is skipped with a clear reason, never "Cannot use 'in' operator"`, () => {
      const { path } = damaged(`odd-${what.replace(/\W/g, '')}.jsonl`, 4, bad);
      const back = recoverJournal(path);
      expect(back.skipped?.line).toBe(4);
      expect(back.skipped?.reason).toMatch(/not a journal entry/);
      expect(back.skipped?.reason).not.toMatch(/Cannot use/);
    });
  }

  it('a line that parses but does not check (a command cut to nonsense) ends the salvage there', () => {
    const { path, rec } = damaged('nonsense.jsonl', 3, '{"c":{"tick":5,"source":"trainee","command":{"type":"deployMegaSupernodes","count":-1}}}');
    const back = recoverJournal(path);
    expect(back.skipped?.line).toBe(3);
    expect(back.recording.commands).toEqual([]);
    expect(rec.commands.length).toBeGreaterThan(0);
  });
});

describe('writeFileSafely', () => {
  it('never overwrites without being told to, and leaves no temp files behind', () => {
    const d = mkdtempSync(join(tmpdir(), 'safe-'));
    const p = join(d, 'report.html');
    writeFileSafely(p, 'one', { overwrite: false });
    expect(() => writeFileSafely(p, 'two', { overwrite: false })).toThrow(`${p} already exists; not overwriting it`);
    expect(readFileSync(p, 'utf8')).toBe('one');
    writeFileSafely(p, Buffer.from('three'), { overwrite: true });
    expect(readFileSync(p, 'utf8')).toBe('three');
    expect(readdirSync(d)).toEqual(['report.html']);
  });
});
