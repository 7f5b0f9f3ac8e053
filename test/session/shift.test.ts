// A host's shift as its screens live it (issue 8): nothing runs or is journaled before someone
// starts a shift; another shift over a running one only when asked; new shifts at normal speed;
// full frames carry the game's history, later frames the minutes sampled since.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SimSession } from '../../src/main/session/sim-session';
import { KEEP_FINISHED } from '../../src/main/session/journal-store';

const dir = mkdtempSync(join(tmpdir(), 'storm-shift-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a host shift', () => {
  it('starts idle: paused, nothing journaled, no resume until a shift starts', () => {
    const journalDir = join(dir, 'idle');
    const s = new SimSession({ idle: true, journalDir });
    expect(s.status).toMatchObject({ started: false, paused: true });
    expect(s.live.journalPath).toBeNull();
    expect(s.control({ action: 'resume' }, 'trainee')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no shift has started/) } });
    expect(readdirSync(journalDir).filter((n) => n.endsWith('.jsonl'))).toEqual([]);

    expect(s.control({ action: 'newGame', scenarioId: 'aug-2007', seed: 3 }, 'trainee')).toEqual({ ok: true }); // nothing to replace yet
    expect(s.status.started).toBe(true);
    expect(s.live.journalPath).not.toBeNull();
    s.close();
  });

  it('an idle host takes no orders, steps, notes or injects before a shift starts: they would change the unjournaled picture and be lost', () => {
    const journalDir = join(dir, 'idle-orders');
    const s = new SimSession({ idle: true, journalDir });
    const before = s.checksum();
    const notStarted = { ok: false, error: { code: 'not-allowed-now', message: expect.stringMatching(/no shift has started/) } };
    expect(s.applyCommand({ type: 'throttleLogins', perSecond: 900 }, 'trainee')).toMatchObject(notStarted);
    expect(s.applyCommand({ type: 'supernodeCrash', fraction: 0.1 }, 'instructor')).toMatchObject(notStarted);
    expect(s.control({ action: 'step', minutes: 5 }, 'trainee')).toMatchObject(notStarted);
    expect(s.control({ action: 'step', minutes: 5 }, 'instructor')).toMatchObject(notStarted);
    expect(s.instructor({ act: 'note', text: 'lost?' })).toMatchObject(notStarted);
    expect(s.instructor({ act: 'bookmark', text: 'lost?' })).toMatchObject(notStarted);
    expect(s.instructor({ act: 'inject', command: { type: 'supernodeCrash', fraction: 0.1 } })).toMatchObject(notStarted);
    expect(s.checksum()).toBe(before);
    expect(s.live.log.commands.length + s.live.log.marks.length).toBe(0);
    // Once a shift is under way, the same are taken (and journaled).
    expect(s.control({ action: 'newGame', scenarioId: 'normal-day', seed: 1 }, 'trainee')).toEqual({ ok: true });
    expect(s.applyCommand({ type: 'throttleLogins', perSecond: 900 }, 'trainee')).toEqual({ ok: true });
    expect(s.instructor({ act: 'note', text: 'kept' })).toEqual({ ok: true });
    expect(s.control({ action: 'step', minutes: 1 }, 'trainee')).toEqual({ ok: true });
    s.close();
  });

  it(`keeps at most ${KEEP_FINISHED} finished journals while it runs, not only when it starts: a screen starting game after game cannot fill the disk`, () => {
    const journalDir = join(dir, 'many-games');
    const s = new SimSession({ idle: true, journalDir });
    for (let i = 0; i < KEEP_FINISHED + 10; i++) {
      expect(s.control({ action: 'newGame', scenarioId: 'normal-day', seed: i, replace: true }, 'trainee')).toEqual({ ok: true });
      expect(s.applyCommand({ type: 'throttleLogins', perSecond: 900 + i }, 'trainee')).toEqual({ ok: true }); // something in it: kept as a replay
    }
    const journals = readdirSync(journalDir).filter((n) => n.endsWith('.jsonl'));
    expect(journals.length).toBeLessThanOrEqual(KEEP_FINISHED + 1); // the newest finished ones and the game under way
    expect(journals).toContain(basename(s.live.journalPath!));
    s.close();
  });

  it('refuses to replace a running shift unless told, naming what ends; the new one runs at normal speed', () => {
    const s = new SimSession({ idle: true });
    s.control({ action: 'newGame', scenarioId: 'dec-2010', seed: 5 }, 'trainee');
    s.control({ action: 'setSpeed', speed: 3600 }, 'trainee');
    s.step(90);
    expect(s.applyCommand({ type: 'throttleLogins', perSecond: 900 }).ok).toBe(true);
    s.setScreens(3);
    const no = s.control({ action: 'newGame', scenarioId: 'aug-2007', seed: 1 }, 'trainee');
    expect(no).toMatchObject({ ok: false, error: { field: 'control.replace' } });
    expect(!no.ok && no.error.message).toMatch(/T\+01:30, 1 order given; 2 other screens watching/);
    expect(s.status).toMatchObject({ scenarioId: 'dec-2010', seed: 5 });

    expect(s.control({ action: 'newGame', scenarioId: 'aug-2007', seed: 1, replace: true }, 'trainee')).toEqual({ ok: true });
    expect(s.status).toMatchObject({ scenarioId: 'aug-2007', speed: 60, orders: 0 });
  });

  it('sends a joining screen the game so far: a sample per sim-minute and the latest pager events', () => {
    const s = new SimSession({ scenarioId: 'dec-2010', seed: 2, paused: true });
    expect(s.nextFrame()!.full).toBe(true);
    s.step(30);
    const later = s.nextFrame()!;
    expect(later.samples!.map((x) => x.minute)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1)); // none skipped
    const full = s.fullFrame();
    expect(full.history!.samples.map((x) => x.minute)).toEqual(Array.from({ length: 31 }, (_, i) => i));
    expect(full.history!.events.length).toBeGreaterThan(0);
    expect(full.history!.events.length).toBeLessThanOrEqual(60);
  });
});
