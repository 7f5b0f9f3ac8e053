// Seeded mutations of JSON values and texts: the shapes an attacker or a bad disk produces.
// Structure-aware (a value swapped for a prototype name, a deep nest, a huge number) and
// byte-level (cut short, flipped, garbage inserted), so both the checks and the parsers are hit.
export type Rng = () => number;

/** Strings that name Object.prototype members or are otherwise awkward in a look-up table. */
export const NASTY_STRINGS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf',
  '__defineGetter__', 'then', 'length', '', ' ', '\u0000', '\ud800', '💥', 'NaN', 'Infinity', '-1', '1e999',
  '../../etc/passwd', '<script>alert(1)</script>', '${process.exit()}', 'x'.repeat(300),
];
export const NASTY_NUMBERS = [-1, 0, -0, 0.5, 1, 2, 1e308, -1e308, 2 ** 53, 2 ** 31, -(2 ** 31), 1e-300, 4294967296, 99999999, 3.14159];

export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
export const int = (rng: Rng, n: number): number => Math.floor(rng() * n);

/** A value of some awkward kind. */
export function nastyValue(rng: Rng): unknown {
  switch (int(rng, 9)) {
    case 0: return pick(rng, NASTY_STRINGS);
    case 1: return pick(rng, NASTY_NUMBERS);
    case 2: return null;
    case 3: return rng() < 0.5;
    case 4: return [];
    case 5: return {};
    case 6: return [pick(rng, NASTY_STRINGS), pick(rng, NASTY_NUMBERS)];
    case 7: return { [pick(rng, NASTY_STRINGS)]: pick(rng, NASTY_NUMBERS) };
    default: return 'y'.repeat(int(rng, 4000));
  }
}

/** Every path to a value inside `v` (objects and arrays), the root included. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = [], limit = 5000): (string | number)[][] {
  out.push(at);
  if (out.length > limit || v === null || typeof v !== 'object') return out;
  if (Array.isArray(v)) v.slice(0, 50).forEach((x, i) => paths(x, [...at, i], out, limit));
  else for (const k of Object.keys(v).slice(0, 50)) paths((v as Record<string, unknown>)[k], [...at, k], out, limit);
  return out;
}

function getAt(v: unknown, p: (string | number)[]): unknown {
  return p.reduce<unknown>((o, k) => (o as Record<string, unknown>)[k as string], v);
}

/** A structural mutant of `value` (a deep copy; `value` is untouched). `deep` nests past every limit. */
export function mutateValue(rng: Rng, value: unknown): unknown {
  const root = structuredClone(value);
  const all = paths(root);
  const p = pick(rng, all);
  if (p.length === 0) return nastyValue(rng);
  const parent = getAt(root, p.slice(0, -1)) as Record<string | number, unknown>;
  const key = p[p.length - 1];
  switch (int(rng, 8)) {
    case 0: // delete a field or element
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 1: // an unknown field, or a field named after a prototype member
      if (!Array.isArray(parent)) parent[pick(rng, NASTY_STRINGS)] = nastyValue(rng);
      else parent.push(nastyValue(rng));
      break;
    case 2: // a number pushed past its range
      parent[key] = pick(rng, NASTY_NUMBERS);
      break;
    case 3: // a list repeated many times
      if (Array.isArray(parent)) for (let i = int(rng, 500); i > 0; i--) parent.push(structuredClone(parent[key]));
      else parent[key] = Array.from({ length: int(rng, 300) }, () => parent[key]);
      break;
    case 4: // nested deeper than any limit
      parent[key] = deepNest(20 + int(rng, 200));
      break;
    default:
      parent[key] = nastyValue(rng);
  }
  return root;
}

export function deepNest(depth: number): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { n: v };
  return v;
}

/** Text-level damage: what JSON.stringify cannot make (a "__proto__" key, a cut, garbage bytes). */
export function mutateText(rng: Rng, text: string): string {
  const at = int(rng, text.length + 1);
  switch (int(rng, 8)) {
    case 0: return text.slice(0, at); // cut short
    case 1: return text.slice(0, at) + pick(rng, ['\u0000', '}', ']', '"', ',', '{', '[', '\\', 'null', '\ufffd']) + text.slice(at);
    case 2: return text.replace('{', `{"__proto__":${pick(rng, ['{"polluted":1}', '1', 'null', '[]'])},`);
    case 3: { // a key renamed to a prototype member
      const keys = [...text.matchAll(/"([A-Za-z_]+)":/g)];
      if (!keys.length) return text + 'x';
      const k = pick(rng, keys);
      return text.slice(0, k.index) + `"${pick(rng, ['constructor', 'toString', '__proto__', 'valueOf'])}":` + text.slice(k.index! + k[0].length);
    }
    case 4: return text.slice(0, at) + '['.repeat(3000) + ']'.repeat(3000) + text.slice(at);
    case 5: { // a digit changed
      const digits = [...text.matchAll(/\d/g)];
      if (!digits.length) return text;
      const d = pick(rng, digits);
      return text.slice(0, d.index) + String(int(rng, 10)) + text.slice(d.index! + 1);
    }
    case 6: return text.slice(0, at) + text.slice(at + 1 + int(rng, 40)); // a run of characters lost
    default: return text.slice(0, at) + text.slice(at, at + int(rng, 200)) + text.slice(at); // a run doubled
  }
}

/** Byte-level damage to a binary file (a gzip replay). */
export function mutateBytes(rng: Rng, buf: Uint8Array): Buffer {
  const b = Buffer.from(buf);
  switch (int(rng, 4)) {
    case 0: return b.subarray(0, int(rng, b.length));
    case 1: {
      for (let i = 1 + int(rng, 8); i > 0; i--) b[int(rng, b.length)] ^= 1 << int(rng, 8);
      return b;
    }
    case 2: return Buffer.concat([b, Buffer.from(Array.from({ length: int(rng, 64) }, () => int(rng, 256)))]);
    default: return Buffer.from(Array.from({ length: int(rng, 200) }, () => int(rng, 256)));
  }
}
