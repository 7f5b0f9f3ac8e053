// Builds a debrief in a worker thread (debrief-worker.ts) so a long re-simulation never
// stalls the frames; falls back to this thread if no worker can start. Under tsx and vitest
// the worker loads the TypeScript source through tsx; a built app ships debrief-worker.js.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Recording } from '../../replay/index';
import { buildDebrief, type Debrief } from '../../debrief/index';
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

/** The debrief of `recording`; `onProgress` gets 0..1 as the three re-simulations go. */
export function debriefInWorker(recording: Recording, drill: Drill | undefined, onProgress?: (f: number) => void, warn: (l: string) => void = console.warn, opts: { moves?: boolean } = {}): Promise<Debrief> {
  const inThread = () => buildDebrief(recording, { drill, moves: opts.moves, onProgress: (_stage, f) => onProgress?.(f) });
  let worker: Worker;
  try {
    worker = startWorker();
  } catch (e) {
    warn(`Supernode Storm: debrief worker unavailable (${(e as Error).message}); building it on the main thread`);
    return Promise.resolve(inThread());
  }
  return new Promise<Debrief>((resolve, reject) => {
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      f();
    };
    worker.on('message', (m: DebriefReply) => {
      if ('progress' in m) onProgress?.(m.progress);
      else if ('debrief' in m) done(() => resolve(m.debrief));
      else done(() => reject(new Error(m.error)));
    });
    worker.on('error', (e) =>
      done(() => {
        warn(`Supernode Storm: debrief worker failed (${e.message}); building it on the main thread`);
        try {
          resolve(inThread());
        } catch (err) {
          reject(err as Error);
        }
      }),
    );
    // A worker that exits without a reply (killed, out of memory) would leave the end screen
    // waiting for ever: build it here instead.
    worker.on('exit', (code) =>
      done(() => {
        warn(`Supernode Storm: debrief worker exited (code ${code}) without a debrief; building it on the main thread`);
        try {
          resolve(inThread());
        } catch (err) {
          reject(err as Error);
        }
      }),
    );
    worker.postMessage({ recording, drill, moves: opts.moves } satisfies DebriefRequest);
  });
}
