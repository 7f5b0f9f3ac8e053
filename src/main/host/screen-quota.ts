// What one screen may cost the host: how fast it may send, how much may wait unsent for
// it, how many trainee screens may be connected and how long one may sit without
// subscribing. A screen that never reads or floods the host is cut off; the game goes on.

export interface ScreenLimits {
  /** Messages a screen may send per second, on average (a renderer sends a few; a slider drag ~60). */
  messagesPerSecond: number;
  /** Messages a screen may send at once before the rate applies. */
  burstMessages: number;
  /** Messages dropped over the rate (less what the rate forgives since) before the host hangs up on the screen: a flood, not a slider. */
  hangUpAfterDropped: number;
  /** Bytes waiting to be sent to one screen before frames are skipped for it (it catches up with one full frame). */
  skipFramesAboveBytes: number;
  /** Bytes waiting to be sent to one screen before the host hangs up on it: it has stopped reading. */
  closeAboveBytes: number;
  /** A screen that has been too far behind for this long is hung up on (a reader stuck for good). */
  stuckMs: number;
  /** Trainee screens (no token) connected at once; the instructor's never count. */
  maxTraineeScreens: number;
  /** Instructor screens at once; a newer one replaces the oldest (the token holder always gets in). */
  maxInstructorScreens: number;
  /** A screen that has not subscribed this long after connecting is idle and is closed. */
  helloMs: number;
}

export const DEFAULT_LIMITS: ScreenLimits = {
  messagesPerSecond: 100,
  burstMessages: 300,
  hangUpAfterDropped: 3000,
  skipFramesAboveBytes: 1 << 20,
  closeAboveBytes: 8 << 20,
  stuckMs: 5 * 60_000, // frames are skipped meanwhile, so waiting costs no memory; only a reader gone for good is cut
  maxTraineeScreens: 16,
  maxInstructorScreens: 4,
  helloMs: 30_000,
};

/** A token bucket: `take()` is false once the screen has used its burst faster than the rate refills it. */
export class MessageBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Longest text of an error the host sends back: whatever a screen sent, the answer stays small. */
export const MAX_ERROR_MESSAGE_CHARS = 400;

export function clipMessage(s: string): string {
  return s.length <= MAX_ERROR_MESSAGE_CHARS ? s : `${s.slice(0, MAX_ERROR_MESSAGE_CHARS - 1)}…`;
}
