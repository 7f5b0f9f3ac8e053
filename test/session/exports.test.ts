// Debrief exports run in a worker thread: the host keeps its 30 frames a second, every
// screen sees the progress, and the result is the same debrief as building it in place.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { buildDebrief } from '../../src/debrief/index';
import { decodeReplay } from '../../src/replay/node';
import { debriefInWorker } from '../../src/main/session/debrief-job';
import { buildExport } from '../../src/main/session/exports';
import { GOLDEN, record } from '../replay/helpers';
import { session } from './helpers';

const golden = readFileSync(GOLDEN);

// Counts debriefs built, so "reused" is a count, not a stopwatch.
const built = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/main/session/debrief-job', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/main/session/debrief-job')>();
  return { ...real, debriefInWorker: (...a: Parameters<typeof real.debriefInWorker>) => (built.n++, real.debriefInWorker(...a)) };
});

describe('debrief exports', () => {
  it('build the same debrief in a worker, with progress, leaving this thread free', async () => {
    const rec = decodeReplay(golden, 'golden');
    const warnings: string[] = [];
    const progress: number[] = [];
    let beats = 0;
    const beat = setInterval(() => beats++, 10);
    const d = await debriefInWorker(rec, undefined, (f) => progress.push(f), (w) => warnings.push(w));
    clearInterval(beat);
    expect(warnings).toEqual([]); // it did run in the worker
    expect(beats).toBeGreaterThan(10); // this thread kept ticking meanwhile
    expect(progress.length).toBeGreaterThan(10);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeCloseTo(1, 1);
    const here = buildDebrief(rec);
    expect(d.verdict).toEqual(here.verdict);
    expect(d.run.figures).toEqual(here.run.figures);
    expect(d.timeline).toEqual(here.timeline);
  });

  it('give each of the end screen’s runs a worker of its own when the host has cores to spare: the same debrief as one thread builds', async () => {
    const rec = record('dec-2010', 3);
    rec.commands.forEach((c) => (c.source = 'trainee'));
    const warnings: string[] = [];
    const progress: number[] = [];
    const d = await debriefInWorker(rec, undefined, (f) => progress.push(f), (w) => warnings.push(w), { moves: true, workers: 3 });
    expect(warnings).toEqual([]);
    const here = buildDebrief(rec, { moves: true });
    expect(here.moves!.length).toBeGreaterThan(0); // something to compare
    expect(d.moves).toEqual(here.moves);
    expect(d.run.figures).toEqual(here.run.figures);
    expect(d.baseline).toEqual(here.baseline);
    expect(d.historical).toEqual(here.historical);
    expect(d.verdict).toEqual(here.verdict);
    expect(Math.max(...progress)).toBeCloseTo(1, 5);
  });

  it('show their progress in every screen’s frames, then clear it', async () => {
    const s = session();
    expect(s.replayAct({ act: 'open', fileName: 'golden.skyreplay', dataBase64: golden.toString('base64') })).toEqual({ ok: true });
    s.nextFrame();
    const seen: unknown[] = [];
    const watch = setInterval(() => {
      const f = s.nextFrame();
      if (f?.mode?.exporting) seen.push(f.mode.exporting);
    }, 20);
    const csv = await buildExport(s, 'csv');
    clearInterval(watch);
    expect(csv.fileName).toMatch(/^supernode-storm-dec-2010-.*-metrics\.csv$/);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatchObject({ kind: 'csv' });
    expect(s.fullFrame().mode!.exporting).toBeNull();
    const before = built.n;
    await buildExport(s, 'report'); // the same recording: the debrief is reused
    expect(built.n).toBe(before);
  });
});
