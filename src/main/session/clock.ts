// The real-time driver: every interval, feed the elapsed wall time to the session's
// fixed-step clock and hand any new frame to the host.
import type { Frame } from '../../shared/contract';

/** What the clock drives (SimSession): told the wall time that passed, asked for a frame. */
export interface Clocked {
  advance(realMs: number): unknown;
  nextFrame(): Frame | null;
  pause(): unknown;
}

export interface ClockHandle {
  stop(): void;
}

export function runClock(session: Clocked, now: () => number, onFrame: (frame: Frame) => void, intervalMs: number): ClockHandle {
  let last = now();
  let failed = false;
  const timer = setInterval(() => {
    const t = now();
    try {
      session.advance(t - last);
      const frame = session.nextFrame();
      if (frame) onFrame(frame);
      failed = false;
    } catch (e) {
      // A sim bug must not spin an error every 33 ms: pause and say why once.
      session.pause();
      if (!failed) console.error('Supernode Storm: the simulation stopped on an error and is paused:', e);
      failed = true;
    }
    last = t;
  }, intervalMs);
  return { stop: () => clearInterval(timer) };
}
