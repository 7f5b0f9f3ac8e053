// Sim time: a fixed tick, short enough to show a login storm building
// (issue 2, section 8: 10 sim-seconds or less where it matters).
export const TICK_SECONDS = 10;
export const TICKS_PER_MINUTE = 60 / TICK_SECONDS;
export const TICKS_PER_HOUR = 3600 / TICK_SECONDS;

/** Fraction of an event with mean time `meanS` seconds that happens within one tick. */
export function perTick(meanS: number): number {
  return meanS <= 0 ? 1 : 1 - Math.exp(-TICK_SECONDS / meanS);
}
