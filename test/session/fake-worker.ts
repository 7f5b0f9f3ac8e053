// A stand-in for the debrief worker thread (debrief-job's startWorker seam): it answers only
// when a test says so, and counts as live until terminated, so a test can count the workers
// a debrief leaves running and the jobs it starts, with no clock.
import { EventEmitter } from 'node:events';
import type { DebriefWorker } from '../../src/main/session/debrief-job';
import type { DebriefReply, DebriefRequest } from '../../src/main/session/debrief-worker';

export class FakeWorker extends EventEmitter implements DebriefWorker {
  request: DebriefRequest | null = null;
  live = true;

  postMessage(request: DebriefRequest): void {
    this.request = request;
  }

  /** What the worker would post; a terminated one's last words still arrive (a message already on its way). */
  say(reply: DebriefReply): void {
    this.emit('message', reply);
  }

  terminate(): Promise<number> {
    if (this.live) queueMicrotask(() => this.emit('exit', 1)); // as node's Worker does
    this.live = false;
    return Promise.resolve(1);
  }
}

/** A startWorker that hands out FakeWorkers and keeps them all. */
export function fakeWorkers(): { started: FakeWorker[]; live: () => number; start: () => FakeWorker } {
  const started: FakeWorker[] = [];
  return {
    started,
    live: () => started.filter((w) => w.live).length,
    start: () => {
      const w = new FakeWorker();
      started.push(w);
      return w;
    },
  };
}

/** Lets every task already queued run (promise chains, setImmediate stages): no clock involved. */
export const settle = async (rounds = 5): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};
