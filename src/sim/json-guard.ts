// Every JSON value from outside (a socket, IPC, a file) passes here before anything walks it
// recursively (schema check, hash, clone, checksum): a deep enough nesting overflows any
// recursive walker, and a "__proto__" key survives JSON.parse as an own key that spread,
// clone and snapshot treat differently. This walk is iterative, so it cannot overflow.

export interface JsonLimits {
  maxDepth: number; // arrays/objects inside each other
  maxNodes: number; // values in all
}

/** Generous for our files: a scenario nests ~6 deep, a replay ~8; a 48-h replay has ~20k values. */
export const FILE_LIMITS: JsonLimits = { maxDepth: 40, maxNodes: 4_000_000 };

/** Returns what is wrong with the shape of `value`, or null. Never throws, never recurses. */
export function jsonShapeProblem(value: unknown, limits: JsonLimits = FILE_LIMITS): string | null {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (++nodes > limits.maxNodes) return `has more than ${limits.maxNodes} values`;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limits.maxDepth) return `nests deeper than ${limits.maxDepth} levels`;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1 });
    } else {
      for (const k of Object.keys(v)) {
        if (k === '__proto__') return 'has a "__proto__" key, which is not allowed';
        stack.push({ v: (v as Record<string, unknown>)[k], depth: depth + 1 });
      }
    }
  }
  return null;
}

/** JSON.parse plus the shape check: a problem to report, never a throw. */
export function parseJsonGuarded(text: string, limits: JsonLimits = FILE_LIMITS): { ok: true; value: unknown } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (e) {
    // One line: the parser quotes the text around the mistake, newlines and all.
    return { ok: false, problem: `is not valid JSON: ${(e as Error).message.replace(/\s+/g, ' ').slice(0, 300)}` };
  }
  const problem = jsonShapeProblem(value, limits);
  return problem ? { ok: false, problem } : { ok: true, value };
}
