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
import { buildDebrief, comparisonRun, movesRan, movesThatHelped, movesToTry, overallProgress, tryMove, type Debrief, type MoveRun, type RunSummary } from '../../debrief/index';
import type { Drill } from '../../drill/index';
import type { DebriefReply, DebriefRequest } from './debrief-worker';

const here = dirname(fileURLToPath(import.meta.url));

/** What a debrief job needs of a worker thread (node's Worker; a test hands in its own). */
export interface DebriefWorker {
  on(event: 'message', listener: (m: DebriefReply) => void): unknown;
  on(event: 'error', listener: (e: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(request: DebriefRequest): void;
  terminate(): Promise<number>;
}

export function startWorker(): DebriefWorker {
  const built = join(here, 'debrief-worker.js');
  if (existsSync(built)) return new Worker(built);
  // Node 20 does not apply --import hooks to a worker's entry file: import the source via tsx's API.
  const tsxApi = createRequire(import.meta.url).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs');
  const src = pathToFileURL(join(here, 'debrief-worker.ts')).href;
  const code = `import(${JSON.stringify(pathToFileURL(tsxApi).href)}).then(({ tsImport }) => tsImport(${JSON.stringify(src)}, ${JSON.stringify(src)}))`;
  return new Worker(code, { eval: true });
}

export interface DebriefJobOptions {
  /** The end screen's "what would have helped" moves (free play only). */
  moves?: boolean;
  /** Cores to spare for workers (spareCores()). */
  workers?: number;
  /** Aborted (the debrief was replaced, a new game started, the host shuts down): running workers are terminated, no more jobs start, and the debrief rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Starts one worker; tests count or fake them. */
  startWorker?: () => DebriefWorker;
}

interface JobContext {
  warn: (line: string) => void;
  signal: AbortSignal | undefined;
  start: () => DebriefWorker;
}

/** One stage on this thread, in a task of its own: frames go out before it, and a cancel lands between stages. */
async function onThisThread<T>(ctx: JobContext, run: () => T | Promise<T>): Promise<T> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  ctx.signal?.throwIfAborted();
  return run();
}

/**
 * One job in its own worker; `reply` picks the answer out of the worker's messages. A worker
 * that cannot start, fails or exits without an answer (killed, out of memory) leaves the job to
 * this thread, so the end screen never waits for ever. A cancel terminates the worker.
 */
function inWorker<T>(ctx: JobContext, request: DebriefRequest, reply: (m: DebriefReply) => T | undefined, inThread: () => T | Promise<T>, onProgress: (f: number) => void): Promise<T> {
  const { signal, warn } = ctx;
  if (signal?.aborted) return Promise.reject(signal.reason);
  let worker: DebriefWorker;
  try {
    worker = ctx.start();
  } catch (e) {
    warn(`Supernode Storm: debrief worker unavailable (${(e as Error).message}); building it on the main thread`);
    return onThisThread(ctx, inThread);
  }
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', cancel);
      worker.terminate().catch(() => undefined); // gone either way
      f();
    };
    const cancel = () => done(() => reject(signal!.reason));
    signal?.addEventListener('abort', cancel, { once: true });
    const fallBack = (why: string) =>
      done(() => {
        warn(`Supernode Storm: debrief worker ${why}; building it on the main thread`);
        resolve(onThisThread(ctx, inThread));
      });
    worker.on('message', (m: DebriefReply) => {
      if (settled) return; // a message already on its way when the job ended
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
 * The debrief of `recording`; `onProgress` gets 0..1 as the re-simulations go, only ever
 * climbing. A free game's end-screen debrief (with moves) re-simulates the game up to six
 * times; with `workers` cores to spare (more than one) each run gets a worker of its own, at
 * most `workers` at a time: the same debrief, sooner (the end screen waits on it). Cancelled
 * through `opts.signal`, it says no more progress and rejects.
 */
export function debriefInWorker(recording: Recording, drill: Drill | undefined, onProgress?: (f: number) => void, warn: (l: string) => void = console.warn, opts: DebriefJobOptions = {}): Promise<Debrief> {
  const ctx: JobContext = { warn, signal: opts.signal, start: opts.startWorker ?? startWorker };
  let shown = 0;
  const say = (f: number) => {
    // One bar for the whole debrief: a stage redone on this thread after its worker died starts again from 0.
    if (ctx.signal?.aborted || f < shown) return;
    shown = f;
    onProgress?.(f);
  };
  const workers = opts.workers ?? spareCores();
  const moves = opts.moves === true && !drill;
  let debrief: Promise<Debrief>;
  if (moves && workers >= 2) {
    debrief = endScreenDebrief(recording, ctx, workers, (stage, p, jobs) => inWorker(jobs, stage.request, stage.reply, () => stage.inThread(p), p), say);
  } else {
    // One worker for the lot; should it fail, this thread works the end screen's runs out one by one.
    const inThread = moves ? () => endScreenDebrief(recording, ctx, 1, (stage, p, jobs) => onThisThread(jobs, () => stage.inThread(p)), say) : () => buildDebrief(recording, { drill, onProgress: overallProgress(recording, { drill }, say) });
    debrief = inWorker(ctx, { job: 'debrief', recording, drill, moves }, (m) => ('debrief' in m ? m.debrief : undefined), inThread, say);
  }
  return debrief.then((d) => {
    ctx.signal?.throwIfAborted(); // cancelled as it finished: still nothing to show
    return d;
  });
}

/** One re-simulation of the end screen's debrief: what to ask a worker, and the same on this thread. */
interface Stage<T> {
  request: DebriefRequest;
  reply: (m: DebriefReply) => T | undefined;
  inThread: (onProgress: (f: number) => void) => T;
}
/** Runs one stage under `jobs`, whose signal also stops it when a sibling stage fails. */
type RunStage = <T>(stage: Stage<T>, onProgress: (f: number) => void, jobs: JobContext) => Promise<T>;

/** The end screen's debrief as separate runs (no action, Skype's response, each move, the player's run), `lanes` at a time. */
function endScreenDebrief(recording: Recording, ctx: JobContext, lanes: number, runStage: RunStage, say: (f: number) => void): Promise<Debrief> {
  // One failed run fails the debrief: the others' workers are then stopped, not left to run on.
  const failed = new AbortController();
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, failed.signal]) : failed.signal;
  const jobs: JobContext = { ...ctx, signal };
  const run = <T>(stage: Stage<T>, p: (f: number) => void): Promise<T> => runStage(stage, p, jobs);
  const withRecord = historicalFor(recording.scenario) !== null;
  const moves = movesToTry(recording);
  const runs = (withRecord ? 3 : 2) + moves; // each job below re-simulates the game once
  const done: number[] = [];
  const report = (job: number) => (f: number) => {
    done[job] = f;
    say(done.reduce((a, b) => a + (b ?? 0), 0) / runs);
  };
  const comparison = (which: 'baseline' | 'historical', job: number) =>
    run({ request: { job: 'comparison', recording, which }, reply: (m) => ('comparison' in m ? m.comparison : undefined), inThread: (p) => comparisonRun(recording, which, undefined, p) }, report(job));
  const started: Promise<RunSummary | null>[] = [];
  const stages: (() => Promise<unknown>)[] = [
    () => (started[0] = comparison('baseline', 0)),
    ...(withRecord ? [() => (started[1] = comparison('historical', 1))] : []),
    ...Array.from({ length: moves }, (_, i) => () => run({ request: { job: 'move', recording, index: i }, reply: (m) => ('move' in m ? m.move : undefined), inThread: (p) => tryMove(recording, i, p) }, report(runs - 1 - moves + i))),
    // Last: by the time a worker is free for this run, the comparisons it is compared with are done.
    async () => {
      const [baseline, historical = null] = await Promise.all(started);
      const compared = { baseline: baseline!, historical };
      return run({ request: { job: 'debrief', recording, compared }, reply: (m) => ('debrief' in m ? m.debrief : undefined), inThread: (p) => buildDebrief(recording, { compared, onProgress: (_stage, f) => p(f) }) }, report(runs - 1));
    },
  ];
  const answers = pool(stages, lanes, ctx.signal);
  answers.catch((e: unknown) => failed.abort(e));
  return answers.then((answers) => {
    const debrief = answers.at(-1) as Debrief;
    const tried = answers.slice(withRecord ? 2 : 1, -1) as (MoveRun | null)[];
    return { ...debrief, moves: movesThatHelped(tried, debrief.run.figures.userHoursLost), movesRun: movesRan(tried) };
  });
}

/** Runs `jobs` at most `size` at a time; their answers in order. The first failure rejects, and no lane starts another job after it, nor after `signal` aborts. */
function pool(jobs: (() => Promise<unknown>)[], size: number, signal?: AbortSignal): Promise<unknown[]> {
  const out: unknown[] = new Array(jobs.length);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (next < jobs.length && !failed) {
      signal?.throwIfAborted();
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
