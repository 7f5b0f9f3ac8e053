// Builds a debrief in a worker thread (debrief-worker.ts) so a long re-simulation never
// stalls the frames; falls back to this thread if no worker can start. Under tsx and vitest
// the worker loads the TypeScript source through tsx; a built app ships debrief-worker.js.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Recording } from '../../replay/index';
import { historicalFor } from '../../sim/index';
import { buildDebrief, comparisonRun, movesThatHelped, movesToTry, tryMove, type Debrief, type MoveRun, type RunSummary } from '../../debrief/index';
import type { Drill } from '../../drill/index';
import type { DebriefReply, DebriefRequest } from './debrief-worker';

const here = dirname(fileURLToPath(import.meta.url));

function startWorker(): Worker {
  const built = join(here, 'debrief-worker.js');
  if (existsSync(built)) return new Worker(built);
  // Node 20 does not apply --import hooks to a worker's entry file: import the source via tsx's API.
  const tsxApi = createRequire(import.meta.url).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs');
  const src = pathToFileURL(join(here, 'debrief-worker.ts')).href;
  const code = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then(({ tsImport }) => tsImport(${JSON.stringify(src)}, ${JSON.stringify(src)}))`;
  return new Worker(code, { eval: true });
}

/**
 * One job in its own worker; `reply` picks the answer out of the worker's messages. A worker
 * that cannot start, fails or exits without an answer (killed, out of memory) leaves the job to
 * this thread, so the end screen never waits for ever.
 */
function inWorker<T>(request: DebriefRequest, reply: (m: DebriefReply) => T | undefined, inThread: () => T, onProgress: (f: number) => void, warn: (l: string) => void): Promise<T> {
  let worker: Worker;
  try {
    worker = startWorker();
  } catch (e) {
    warn(`Supernode Storm: debrief worker unavailable (${(e as Error).message}); building it on the main thread`);
    return Promise.resolve().then(inThread);
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      f();
    };
    const fallBack = (why: string) =>
      done(() => {
        warn(`Supernode Storm: debrief worker ${why}; building it on the main thread`);
        try {
          resolve(inThread());
        } catch (err) {
          reject(err as Error);
        }
      });
    worker.on('message', (m: DebriefReply) => {
      if ('progress' in m) return onProgress(m.progress);
      if ('error' in m) return done(() => reject(new Error(m.error)));
      const answer = reply(m);
      if (answer !== undefined) done(() => resolve(answer));
    });
    worker.on('error', (e) => fallBack(`failed (${e.message})`));
    worker.on('exit', (code) => fallBack(`exited (code ${code}) without a debrief`));
    worker.postMessage(request);
  });
}

/** Cores a host can give to debrief work beside its own thread (which keeps sending frames). */
export const spareCores = (): number => Math.max(1, Math.min(4, availableParallelism() - 1));

/**
 * The debrief of `recording`; `onProgress` gets 0..1 as the re-simulations go. A free game's
 * end-screen debrief (with moves) re-simulates the game up to six times; with `workers` cores
 * to spare (more than one) each run gets a worker of its own, at most `workers` at a time: the
 * same debrief, sooner (the end screen waits on it).
 */
export function debriefInWorker(recording: Recording, drill: Drill | undefined, onProgress?: (f: number) => void, warn: (l: string) => void = console.warn, opts: { moves?: boolean; workers?: number } = {}): Promise<Debrief> {
  const workers = opts.workers ?? spareCores();
  if (!opts.moves || drill || workers < 2) {
    const moves = opts.moves === true;
    return inWorker({ job: 'debrief', recording, drill, moves }, (m) => ('debrief' in m ? m.debrief : undefined), () => buildDebrief(recording, { drill, moves, onProgress: (_stage, f) => onProgress?.(f) }), (f) => onProgress?.(f), warn);
  }
  const withRecord = historicalFor(recording.scenario) !== null;
  const moves = movesToTry(recording);
  const runs = (withRecord ? 3 : 2) + moves; // each job below re-simulates the game once
  const done: number[] = [];
  const report = (job: number) => (f: number) => {
    done[job] = f;
    onProgress?.(done.reduce((a, b) => a + (b ?? 0), 0) / runs);
  };
  const comparison = (which: 'baseline' | 'historical', job: number) =>
    inWorker({ job: 'comparison', recording, which }, (m) => ('comparison' in m ? m.comparison : undefined), () => comparisonRun(recording, which), report(job), warn);
  const started: Promise<RunSummary | null>[] = [];
  const jobs: (() => Promise<unknown>)[] = [
    () => (started[0] = comparison('baseline', 0)),
    ...(withRecord ? [() => (started[1] = comparison('historical', 1))] : []),
    ...Array.from({ length: moves }, (_, i) => () => inWorker({ job: 'move', recording, index: i }, (m) => ('move' in m ? m.move : undefined), () => tryMove(recording, i), report(runs - 1 - moves + i), warn)),
    // Last: by the time a worker is free for this run, the comparisons it is compared with are done.
    async () => {
      const [baseline, historical = null] = await Promise.all(started);
      const compared = { baseline: baseline!, historical };
      return inWorker({ job: 'debrief', recording, compared }, (m) => ('debrief' in m ? m.debrief : undefined), () => buildDebrief(recording, { compared }), report(runs - 1), warn);
    },
  ];
  return pool(jobs, workers).then((answers) => {
    const debrief = answers.at(-1) as Debrief;
    const tried = answers.slice(withRecord ? 2 : 1, -1) as (MoveRun | null)[];
    return { ...debrief, moves: movesThatHelped(tried, debrief.run.figures.userHoursLost) };
  });
}

/** Runs `jobs` at most `size` at a time; their answers in order. The first failure rejects, and no lane starts another job after it. */
function pool(jobs: (() => Promise<unknown>)[], size: number): Promise<unknown[]> {
  const out: unknown[] = new Array(jobs.length);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (next < jobs.length && !failed) {
      const i = next++;
      try {
        out[i] = await jobs[i]();
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  return Promise.all(Array.from({ length: Math.min(size, jobs.length) }, lane)).then(() => out);
}
