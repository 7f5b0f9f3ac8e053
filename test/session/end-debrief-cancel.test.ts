// An end-screen debrief no one will see stops: replaced by a newer game's, or its game left
// for a new one, or the host shutting down. Its workers are terminated (counted here through
// debrief-job's startWorker seam), no more of its jobs start, and it publishes nothing.
import { describe, expect, it, vi } from 'vitest';
import { endDebrief } from '../../src/main/session/end-debrief';
import { LiveGame } from '../../src/main/session/live-game';
import { tinyScenario } from '../fixtures/tiny';
import { record } from '../replay/helpers';
import { fakeWorkers, settle } from './fake-worker';
import { session } from './helpers';

const workers = vi.hoisted(() => ({ now: null as null | ReturnType<typeof import('./fake-worker').fakeWorkers> }));
vi.mock('../../src/main/session/debrief-job', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/main/session/debrief-job')>();
  return {
    ...real,
    debriefInWorker: (...[rec, drill, onProgress, warn, opts]: Parameters<typeof real.debriefInWorker>) => real.debriefInWorker(rec, drill, onProgress, warn, { ...opts, workers: 3, startWorker: () => workers.now!.start() }),
  };
});

const STOPPED = { ok: false, message: 'that game’s debrief was stopped: the game was left (a newer game, a drill or the host closing)' };

/** A session whose free game (the tiny town, 12 sim-hours) has just ended. */
function ended() {
  const s = session();
  s.switchTo(LiveGame.free(tinyScenario(), 3, s.ctx));
  s.step(12 * 60);
  expect(s.status.ended).toBe(true);
  return s;
}

describe('an end-screen debrief no one will see', () => {
  it('stops when a new game starts: its workers end, no job starts after, and its bar is gone', async () => {
    const w = (workers.now = fakeWorkers());
    const s = ended();
    const asked = endDebrief(s);
    const running = w.started.length;
    expect(running).toBeGreaterThan(1);
    w.started[0].say({ progress: 0.5 });
    expect(s.fullFrame().mode!.debriefing).toBeGreaterThan(0);

    expect(s.newGame('dec-2010', 1)).toEqual({ ok: true });
    expect(w.live()).toBe(0);
    for (const x of w.started) x.say({ progress: 1 }); // already on its way
    expect(await asked).toEqual(STOPPED);
    await settle();
    expect(w.started.length).toBe(running);
    expect(s.fullFrame().mode!.debriefing).toBeNull();
    s.close();
  });

  it('stops when a newer game’s debrief replaces it, and the newer one stops when the host shuts down', async () => {
    const w = (workers.now = fakeWorkers());
    const said: (number | null)[] = [];
    const game = new AbortController();
    let rec = record('dec-2010', 2);
    const host = { mode: 'free', status: { ended: true }, recording: () => rec, setDebriefing: (f: number | null) => void said.push(f), gameSignal: game.signal };
    const first = endDebrief(host as never);
    const firstWorkers = [...w.started];
    rec = record('dec-2010', 1, [], { seed: 2 }); // the next game ends while the first is still worked out
    const second = endDebrief(host as never);
    expect(firstWorkers.every((x) => !x.live)).toBe(true);
    expect(w.live()).toBe(3); // the newer one's
    const mark = said.length;
    for (const x of firstWorkers) x.say({ progress: 1 });
    expect(await first).toEqual(STOPPED);
    expect(said.length).toBe(mark); // the replaced one says nothing more

    game.abort(); // what SimSession.close does to the game's signal
    expect(w.live()).toBe(0);
    expect(await second).toEqual(STOPPED);
    await settle();
    expect(w.started.length).toBe(firstWorkers.length + 3);
    expect(said.slice(mark)).toEqual([]);
  });

  it('stops when the host shuts down', async () => {
    const w = (workers.now = fakeWorkers());
    const s = ended();
    const asked = endDebrief(s);
    expect(w.live()).toBeGreaterThan(1);
    s.close();
    expect(w.live()).toBe(0);
    expect(await asked).toEqual(STOPPED);
  });
});
