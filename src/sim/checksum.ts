// A checksum of the whole state (FNV-1a, 64-bit as two 32-bit lanes over every number's
// bits and every string's characters, in key order) and a deep-copy snapshot.
import type { SimState } from './state';
import { primeIndexes } from './world';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

class Hasher {
  h1 = 0x811c9dc5;
  h2 = 0x01000193 ^ 0x5bd1e995;
  word(w: number): void {
    this.h1 = Math.imul(this.h1 ^ (w & 0xffff), 0x01000193);
    this.h1 = Math.imul(this.h1 ^ (w >>> 16), 0x01000193);
    this.h2 = Math.imul(this.h2 ^ w, 0x5bd1e995);
    this.h2 ^= this.h2 >>> 15;
  }
  value(v: unknown): void {
    if (typeof v === 'number') {
      f64[0] = v === 0 ? 0 : v; // -0 and 0 are the same state
      this.word(u32[0]);
      this.word(u32[1]);
    } else if (typeof v === 'string') {
      this.word(0x5354 ^ v.length);
      for (let i = 0; i < v.length; i++) this.word(v.charCodeAt(i));
    } else if (typeof v === 'boolean') {
      this.word(v ? 0xb1 : 0xb0);
    } else if (v === null || v === undefined) {
      this.word(0x4e);
    } else if (Array.isArray(v)) {
      this.word(0x4152 ^ v.length);
      // for-of, not v[i]: an optimised indexed read that has seen arrays of numbers and arrays
      // of objects turns the number arrays it reads into boxed ones (V8 unifies the two), and
      // the sim then pays a heap number for every store into them, for the rest of the run.
      for (const x of v) this.value(x);
    } else if (typeof v === 'object') {
      const keys = Object.keys(v as object).sort();
      this.word(0x4f42 ^ keys.length);
      for (const k of keys) {
        this.value(k);
        this.value((v as Record<string, unknown>)[k]);
      }
    }
  }
  hex(): string {
    return (this.h1 >>> 0).toString(16).padStart(8, '0') + (this.h2 >>> 0).toString(16).padStart(8, '0');
  }
}

/** Checksum of everything that decides the future: the state minus undelivered events. */
export function checksum(state: SimState): string {
  const h = new Hasher();
  const { events: _events, ...rest } = state;
  h.value(rest);
  return h.hex();
}

/**
 * A deep copy: plain data in, plain data out. Restoring is taking a snapshot of the snapshot.
 * Built for speed, same values. The tick code is compiled for objects laid out as createSim
 * lays them out (object literals), and only JSON.parse rebuilds objects with those very
 * layouts: a copy built key by key runs the sim ~1.5x slower, and its first tick throws the
 * compiled code away. So JSON.parse builds the objects from a skeleton of the state (its keys,
 * no values), then every value is set from the original: exact, -0, NaN and undefined
 * included. Arrays of numbers are sliced: they keep the unboxed double layout V8 gave them.
 * The indexes kept beside a state are built now, outside the tick code.
 */
export function snapshot(state: SimState): SimState {
  const copy = fill(JSON.parse(skeleton(state)), state) as SimState;
  primeIndexes(copy);
  return copy;
}

/** JSON text with the keys and nesting of `v`; values are placeholders, arrays of numbers empty. */
function skeleton(v: unknown): string {
  if (Array.isArray(v)) {
    if (numbersOnly(v)) return '[]';
    const parts: string[] = [];
    for (const x of v) parts.push(skeleton(x)); // for-of, not v[i]: see Hasher.value
    return `[${parts.join(',')}]`;
  }
  if (v !== null && typeof v === 'object') {
    const parts: string[] = [];
    for (const k of Object.keys(v)) parts.push(`${JSON.stringify(k)}:${skeleton((v as Record<string, unknown>)[k])}`);
    return `{${parts.join(',')}}`;
  }
  // Placeholders of the value's own kind, so the parser takes the layouts the originals took.
  return typeof v === 'number' ? '0' : typeof v === 'string' ? '""' : v === true ? 'true' : v === false ? 'false' : 'null';
}

/** Sets every value of `copy` (parsed from orig's skeleton) from `orig`; returns what to keep. */
function fill(copy: unknown, orig: unknown): unknown {
  if (Array.isArray(orig)) {
    if (numbersOnly(orig)) return orig.slice();
    const c = copy as unknown[];
    let i = 0;
    for (const x of orig) {
      c[i] = fill(c[i], x); // c holds no array of numbers (those are sliced), so c[i] is safe
      i++;
    }
    return c;
  }
  if (orig !== null && typeof orig === 'object') {
    const c = copy as Record<string, unknown>;
    const o = orig as Record<string, unknown>;
    for (const k of Object.keys(o)) c[k] = fill(c[k], o[k]);
    return c;
  }
  return orig;
}

function numbersOnly(a: unknown[]): boolean {
  for (const x of a) if (typeof x !== 'number') return false;
  return true;
}
