// A retry wheel: when each waiting client makes its next attempt. Clients are counts,
// not objects, so 25 million fit in a few hundred numbers.
//
// Tight retry with no jitter (the 5.0.0152 build, issue 2) lands as a pulse in one slot,
// so clients that failed together retry together. Exponential backoff with jitter spreads
// a failure over [0.5, 1.5] x the level's delay; a difference ring makes that spread O(1).
import { TICK_SECONDS } from './time';
import { doubles } from './doubles';

export const WHEEL_SLOTS = 128; // 21 sim-minutes ahead: more than the longest jittered delay
export const BACKOFF_LEVELS = 8;

export interface Wheel {
  pulse: number[]; // clients attempting exactly at slot i (tight retry)
  diff: number[][]; // per backoff level: change of the attempt density at slot i
  run: number[]; // per backoff level: the current attempt density
  count: number; // clients waiting on this wheel
  keep: number; // slots hold clients / keep: thinning the whole wheel is one multiplication
}

export function newWheel(): Wheel {
  return {
    pulse: doubles(WHEEL_SLOTS),
    diff: Array.from({ length: BACKOFF_LEVELS }, () => doubles(WHEEL_SLOTS)),
    run: doubles(BACKOFF_LEVELS),
    count: 0,
    keep: 1,
  };
}

export type RetryPolicy = { kind: 'tight'; intervalS: number } | { kind: 'backoff'; baseS: number; capS: number };

// 2 ** level for the levels a wheel has, looked up: the same exact powers, without a pow per retry.
const DOUBLINGS = Array.from({ length: BACKOFF_LEVELS + 1 }, (_, l) => 2 ** l);

/** Seconds a client on this policy waits after a failed attempt at `level`. */
export function retryDelayS(p: RetryPolicy, level: number): number {
  if (p.kind === 'tight') return p.intervalS;
  const doubling = level >= 0 && level <= BACKOFF_LEVELS && Number.isInteger(level) ? DOUBLINGS[level] : 2 ** level;
  return Math.min(p.capS, p.baseS * doubling);
}

/** Attempts due at slot `tick` from each backoff level, plus the tight pulse (last entry). */
export function fire(w: Wheel, tick: number, out: number[]): number {
  const i = tick % WHEEL_SLOTS;
  let total = 0;
  for (let l = 0; l < BACKOFF_LEVELS; l++) {
    const d = w.diff[l];
    let r = w.run[l] + d[i];
    d[i] = 0;
    if (r * w.keep < 1e-9) r = 0; // float crumbs from the difference ring
    w.run[l] = r;
    out[l] = r * w.keep;
    total += out[l];
  }
  out[BACKOFF_LEVELS] = w.pulse[i] * w.keep;
  total += out[BACKOFF_LEVELS];
  w.pulse[i] = 0;
  w.count = Math.max(0, w.count - total);
  return total;
}

/**
 * Schedules `n` clients who just failed at `level` (or are new, level -1) under policy `p`,
 * starting no earlier than `delaySlots` from now.
 */
export function schedule(w: Wheel, tick: number, n: number, p: RetryPolicy, level: number, delaySlots = 0): void {
  // Often nobody: kept this small, the test is inlined where it is called, and so costs no call.
  if (!(n <= 0)) place(w, tick, n, p, level, delaySlots);
}

function place(w: Wheel, tick: number, n: number, p: RetryPolicy, level: number, delaySlots: number): void {
  w.count += n;
  n /= w.keep;
  if (p.kind === 'tight') {
    const slots = level < 0 ? 1 : Math.max(1, Math.round(p.intervalS / TICK_SECONDS));
    w.pulse[(tick + Math.min(WHEEL_SLOTS - 1, slots + delaySlots)) % WHEEL_SLOTS] += n;
    return;
  }
  const lv = Math.min(BACKOFF_LEVELS - 1, level + 1);
  const d = level < 0 ? 1 : retryDelayS(p, level) / TICK_SECONDS;
  const a = Math.min(WHEEL_SLOTS - 2, delaySlots + Math.max(1, Math.floor(0.5 * d)));
  const b = Math.min(WHEEL_SLOTS - 1, Math.max(a + 1, delaySlots + Math.ceil(1.5 * d)));
  const density = n / (b - a);
  const ring = w.diff[lv];
  ring[(tick + a) % WHEEL_SLOTS] += density;
  ring[(tick + b) % WHEEL_SLOTS] -= density;
}

/** Fraction f of a wheel's waiting clients leave it (they closed Skype), keeping everyone else's timing. */
export function thinWheel(w: Wheel, f: number): void {
  if (f <= 0) return;
  const k = 1 - Math.min(1, f);
  w.count *= k;
  if (k <= 0) {
    clearWheel(w);
    return;
  }
  w.keep *= k;
  if (w.keep < 1e-6) rescale(w);
}

/** Folds `keep` back into the slots (rarely: when it grows too small for good precision). */
function rescale(w: Wheel): void {
  const k = w.keep;
  for (let i = 0; i < w.pulse.length; i++) w.pulse[i] *= k;
  for (let l = 0; l < w.diff.length; l++) {
    const d = w.diff[l];
    for (let i = 0; i < d.length; i++) d[i] *= k;
    w.run[l] *= k;
  }
  w.keep = 1;
}

function clearWheel(w: Wheel): void {
  w.pulse.fill(0);
  for (const d of w.diff) d.fill(0);
  w.run.fill(0);
  w.count = 0;
  w.keep = 1;
}

/** Moves fraction f of one wheel's waiting clients to another, keeping their timing. */
export function moveWheel(from: Wheel, to: Wheel, f: number): void {
  const scale = from.keep / to.keep;
  for (let i = 0; i < from.pulse.length; i++) {
    const n = from.pulse[i] * f;
    from.pulse[i] -= n;
    to.pulse[i] += n * scale;
  }
  for (let l = 0; l < from.diff.length; l++) {
    const a = from.diff[l];
    const b = to.diff[l];
    for (let i = 0; i < a.length; i++) {
      const n = a[i] * f;
      a[i] -= n;
      b[i] += n * scale;
    }
    const r = from.run[l] * f;
    from.run[l] -= r;
    to.run[l] += r * scale;
  }
  const n = from.count * f;
  from.count -= n;
  to.count += n;
}
