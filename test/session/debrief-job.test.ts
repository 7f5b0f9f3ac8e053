// The end-screen debrief's jobs (debrief-job.ts) stop when cancelled: its workers are
// terminated, no more jobs start, and it says nothing more. On this thread (no worker could
// start) it works out one stage at a time, stops between them, and shows one bar that climbs.
import { describe, expect, it, vi } from 'vitest';
import { buildDebrief } from '../../src/debrief/index';
import { debriefInWorker } from '../../src/main/session/debrief-job';
import { record } from '../replay/helpers';
import { fakeWorkers, settle } from './fake-worker';

// Counts the re-simulations run on this thread, so "stopped between stages" is a count.
const ran = vi.hoisted(() => ({ stages: 0 }));
vi.mock('../../src/debrief/index', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/debrief/index')>();
  const counted =
    <A extends unknown[], R>(f: (...a: A) => R) =>
    (...a: A): R => (ran.stages++, f(...a));
  return { ...real, comparisonRun: counted(real.comparisonRun), tryMove: counted(real.tryMove), buildDebrief: counted(real.buildDebrief) };
});

const game = () => record('dec-2010', 2);
const noWorker = () => {
  throw new Error('no threads here');
};

describe('a cancelled end-screen debrief', () => {
  it('terminates its running workers, starts no more jobs and says nothing more', async () => {
    const workers = fakeWorkers();
    const stop = new AbortController();
    const progress: number[] = [];
    const warnings: string[] = [];
    const debrief = debriefInWorker(game(), undefined, (f) => progress.push(f), (w) => warnings.push(w), { moves: true, workers: 3, signal: stop.signal, startWorker: workers.start });
    const outcome = debrief.then(
      () => 'published',
      (e: Error) => e.name,
    );
    expect(workers.started.map((w) => w.request?.job)).toEqual(['comparison', 'comparison', 'move']); // three lanes
    workers.started[0].say({ progress: 0.5 });
    workers.started[0].say({ comparison: null }); // no action, done: its lane takes the next move
    await settle();
    expect(workers.started.length).toBe(4);
    expect(workers.live()).toBe(3);
    const before = progress.length;
    expect(before).toBeGreaterThan(0);

    stop.abort(); // a newer game's debrief takes its place
    expect(workers.live()).toBe(0);
    for (const w of workers.started) w.say({ progress: 0.9 }); // already on its way
    expect(await outcome).toBe('AbortError');
    await settle();
    expect(workers.started.length).toBe(4); // no job started after the cancel
    expect(progress.length).toBe(before);
    expect(warnings).toEqual([]); // a cancel is no failure: nothing falls back to this thread
  });

  it('stops its other workers when one run fails', async () => {
    const workers = fakeWorkers();
    const debrief = debriefInWorker(game(), undefined, () => {}, () => {}, { moves: true, workers: 3, startWorker: workers.start });
    const outcome = debrief.then(
      () => 'published',
      (e: Error) => e.message,
    );
    expect(workers.live()).toBe(3);
    workers.started[1].say({ error: 'out of memory' });
    expect(await outcome).toBe('out of memory');
    await settle();
    expect(workers.live()).toBe(0); // the other two lanes' runs were stopped, not left to finish
    expect(workers.started.length).toBe(3); // and nothing new started
  });

  it('on this thread, stops between stages', async () => {
    const stop = new AbortController();
    const progress: number[] = [];
    ran.stages = 0;
    const debrief = debriefInWorker(game(), undefined, (f) => (progress.push(f), f > 0 && stop.abort()), () => {}, { moves: true, workers: 1, signal: stop.signal, startWorker: noWorker });
    await expect(debrief).rejects.toMatchObject({ name: 'AbortError' });
    await settle();
    expect(ran.stages).toBe(1); // cancelled during the first re-simulation: none after it
    expect(progress.every((f) => f < 1)).toBe(true);
  });
});

describe('the end-screen debrief worked out on this thread', () => {
  it('shows one bar for the whole debrief, only climbing to 100%', async () => {
    const rec = game();
    const progress: number[] = [];
    const warnings: string[] = [];
    const d = await debriefInWorker(rec, undefined, (f) => progress.push(f), (w) => warnings.push(w), { moves: true, workers: 1, startWorker: noWorker });
    expect(warnings).toEqual([expect.stringMatching(/unavailable \(no threads here\); building it on the main thread$/)]);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeCloseTo(1, 2);
    const here = buildDebrief(rec, { moves: true });
    expect(d.moves).toEqual(here.moves);
    expect(d.run.figures).toEqual(here.run.figures);
  });
});
