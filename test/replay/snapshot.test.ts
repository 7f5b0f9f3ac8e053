// Every seek starts from a snapshot (a keyframe's copy), so a snapshot must be the state
// exactly: the same values (-0, NaN and undefined too), the same keys in the same order,
// nothing shared with the original, and the same future.
import { describe, expect, it } from 'vitest';
import { checksum, createSim, snapshot, step, type SimState } from '../../src/sim/index';
import { tinyScenario } from '../fixtures/tiny';

/** Every path in `a` whose value or key order differs from `b`, and every object the two share. */
function differences(a: unknown, b: unknown, path = 'state', out: string[] = []): string[] {
  if (a !== null && typeof a === 'object') {
    if (a === b) out.push(`${path}: shared with the original`);
    if (b === null || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return [...out, `${path}: not the same kind`];
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.join() !== kb.join()) out.push(`${path}: keys ${kb.join()} became ${ka.join()}`);
    for (const k of ka) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (!Object.is(a, b)) out.push(`${path}: ${String(b)} became ${String(a)}`);
  return out;
}

function midRun(ticks: number): SimState {
  const s = createSim(tinyScenario(), 3);
  for (let i = 0; i < ticks; i++) step(s);
  return s;
}

describe('snapshot', () => {
  it('is the state exactly, sharing nothing with it', () => {
    const s = midRun(500);
    const copy = snapshot(s);
    expect(differences(copy, s)).toEqual([]);
    expect(checksum(copy)).toBe(checksum(s));
  });

  it('keeps what JSON cannot carry: -0, NaN, Infinity, undefined and strings', () => {
    const s = midRun(50);
    s.last.load[2] = -0;
    s.totals.peakTrafficX = Number.NaN;
    s.totals.minSupernodes = Number.POSITIVE_INFINITY;
    s.services.throttleRegion[1] = -0;
    (s.services as Record<string, unknown>).odd = undefined;
    const copy = snapshot(s);
    expect(differences(copy, s)).toEqual([]);
    expect(Object.is(copy.last.load[2], -0)).toBe(true);
    expect(Object.hasOwn(copy.services, 'odd')).toBe(true);
    expect(copy.scenario.name).toBe(s.scenario.name);
  });

  it('copies an own "__proto__" key as a key, leaving the copy a plain object', () => {
    const s = midRun(10);
    Object.defineProperty(s.services, '__proto__', { value: { hostile: 1 }, writable: true, enumerable: true, configurable: true });
    const copy = snapshot(s);
    expect(differences(copy, s)).toEqual([]);
    expect(Object.getPrototypeOf(copy.services)).toBe(Object.prototype);
  });

  it('steps on to the checksums the original reaches, and changing one leaves the other alone', () => {
    const s = midRun(300);
    const copy = snapshot(s);
    const before = checksum(s);
    for (let i = 0; i < 400; i++) step(copy);
    expect(checksum(s)).toBe(before);
    for (let i = 0; i < 400; i++) step(s);
    expect(checksum(copy)).toBe(checksum(s));
  });
});
