// Replays handed over by the system (open-file, argv, second-instance) and the log file:
// the Electron-free parts of src/main, run against real files in a temp folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StormLog } from '../../src/main/log';
import { openReplayFile, ReplayDoor, replayInArgv } from '../../src/main/replay-door';
import { SimSession } from '../../src/main/session/sim-session';

let dir = '';
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'storm door ü '))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('replayInArgv', () => {
  it('finds the replay among switches, relative to the launch folder', () => {
    expect(replayInArgv(['--no-sandbox', 'game ü.skyreplay'], '/home/ana/Debriefs')).toBe('/home/ana/Debriefs/game ü.skyreplay');
    expect(replayInArgv(['/abs/A.SKYREPLAY'], '/x')).toBe('/abs/A.SKYREPLAY');
    expect(replayInArgv(['--flag=x.skyreplay', '.', 'notes.txt'], '/x')).toBeNull();
  });
});

describe('ReplayDoor', () => {
  it('holds what arrives before the window, then opens everything at once', () => {
    const door = new ReplayDoor();
    const opened: string[] = [];
    door.knock('/a.skyreplay');
    door.knock('/b.skyreplay'); // a second double-click before the window: only the latest
    expect(opened).toEqual([]);
    door.unlock((p) => opened.push(p));
    door.knock('/c.skyreplay');
    expect(opened).toEqual(['/b.skyreplay', '/c.skyreplay']);
  });
});

describe('openReplayFile', () => {
  const errors: string[] = [];
  const show = (title: string, line: string) => errors.push(`${title}: ${line}`);
  beforeEach(() => (errors.length = 0));

  it('opens a good replay from a folder with a space and ü, in replay mode', async () => {
    const path = join(dir, 'run ü.skyreplay');
    writeFileSync(path, readFileSync('test/fixtures/dec-2010-historical-12h.skyreplay'));
    const s = new SimSession({ paused: true });
    expect(await openReplayFile(s, path, show)).toBe(true);
    expect(errors).toEqual([]);
    expect(s.mode).toBe('replay');
  });

  it('opens a replay whose file name holds a line break, naming it as the screens may show it', async () => {
    const path = join(dir, 'run\nof friday.skyreplay');
    writeFileSync(path, readFileSync('test/fixtures/dec-2010-historical-12h.skyreplay'));
    const s = new SimSession({ paused: true });
    const names: string[] = [];
    const act = s.replayAct.bind(s);
    s.replayAct = (a, role) => (a.act === 'open' && names.push(a.fileName), act(a, role));
    expect(await openReplayFile(s, path, show)).toBe(true);
    expect(names).toEqual(['run?of friday.skyreplay']);
  });

  it('refuses garbage, a folder, a missing file and a huge file in one line each, leaving the game as it was', async () => {
    const s = new SimSession({ paused: true });
    const before = s.checksum();
    writeFileSync(join(dir, 'bad.skyreplay'), 'garbage');
    mkdirSync(join(dir, 'folder.skyreplay'));
    writeFileSync(join(dir, 'huge.skyreplay'), Buffer.alloc(3 * 2 ** 20));
    for (const name of ['bad.skyreplay', 'folder.skyreplay', 'missing.skyreplay', 'huge.skyreplay']) expect(await openReplayFile(s, join(dir, name), show)).toBe(false);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^Cannot open the replay: bad\.skyreplay.*not a \.skyreplay/);
    expect(errors[1]).toMatch(/folder\.skyreplay is not a file/);
    expect(errors[2]).toMatch(/missing\.skyreplay cannot be read \(ENOENT\)/);
    expect(errors[3]).toMatch(/huge\.skyreplay is \d+ bytes: too large/);
    for (const e of errors) expect(e).not.toContain('\n');
    expect(s.mode).toBe('free');
    expect(s.checksum()).toBe(before);
  });
});

describe('StormLog', () => {
  it('appends one stamped line per entry, stack traces indented, into a folder it creates', () => {
    const log = new StormLog(join(dir, 'logs'), () => new Date('2010-12-22T16:00:00Z'));
    log.info('starting');
    log.error('export failed', new Error('disk full'));
    const lines = readFileSync(log.file, 'utf8').split('\n');
    expect(lines[0]).toBe('2010-12-22T16:00:00.000Z info  starting');
    expect(lines[1]).toMatch(/^2010-12-22T16:00:00\.000Z error export failed Error: disk full$/);
    expect(lines[2]).toMatch(/^ {4}\s*at /);
  });

  it('rolls over past 1 MB and never throws when it cannot write', () => {
    const log = new StormLog(join(dir, 'logs'));
    log.info('x'.repeat(1024 * 1024 + 10));
    log.info('after the roll');
    expect(statSync(join(dir, 'logs', 'main.old.log')).size).toBeGreaterThan(1024 * 1024);
    expect(readFileSync(log.file, 'utf8')).toContain('after the roll');
    writeFileSync(join(dir, 'a file'), '');
    expect(() => new StormLog(join(dir, 'a file', 'logs')).error('nowhere to go')).not.toThrow();
  });
});
