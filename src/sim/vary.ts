// --vary: every number a scenario marks uncertain is scaled by a seeded factor in
// [1 - v, 1 + v], so a drill cannot be memorised and a lesson is not a knife-edge.
import { seedRng, uniform } from './rng';
import { numberAt, parseScenario, SCENARIO_SPEC, type Scenario } from './scenario';
import type { Spec } from './schema';

export const MAX_VARY = 0.5;

/** A copy of `s` with its uncertain numbers scaled; the same (v, seed) always gives the same copy. */
export function varyScenario(s: Scenario, v: number, seed: number): Scenario {
  if (!(v >= 0 && v <= MAX_VARY)) throw new RangeError(`vary must be between 0 and ${MAX_VARY}, got ${v}`);
  if (v === 0) return s;
  const copy = JSON.parse(JSON.stringify(s)) as Scenario;
  const rng = seedRng((seed ^ 0x5eed_7a11) >>> 0); // its own stream: the world's draws stay as they were
  for (const path of s.uncertain) {
    const x = numberAt(copy, path);
    if (x === undefined) continue;
    const keys = path.split('.');
    let o = copy as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
    const scaled = x * (1 - v + 2 * v * uniform(rng));
    const [lo, hi] = boundsAt(path);
    const kept = Math.min(hi, Math.max(lo, scaled)); // a share stays a share
    o[keys[keys.length - 1]] = Number.isInteger(x) && Math.abs(x) >= 10 ? Math.round(kept) : kept;
  }
  return parseScenario(copy, `${s.id} (varied by ${v})`);
}

/** The schema's limits for the number at a dotted path (a varied value stays a valid one). */
function boundsAt(path: string): [number, number] {
  let spec: Spec | undefined = SCENARIO_SPEC;
  for (const key of path.split('.')) {
    if (!spec) break;
    if (spec.kind === 'object') spec = Object.hasOwn(spec.fields, key) ? spec.fields[key] : undefined;
    else if (spec.kind === 'array') spec = spec.items;
    else if (spec.kind === 'record') spec = spec.values;
    else if (spec.kind === 'oneOf') spec = Object.values(spec.variants).find((v) => Object.hasOwn(v.fields, key))?.fields[key];
    else spec = undefined;
  }
  return spec?.kind === 'number' ? [spec.min ?? -Infinity, spec.max ?? Infinity] : [-Infinity, Infinity];
}
