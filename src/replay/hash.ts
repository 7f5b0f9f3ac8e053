// Canonical JSON (keys sorted, no spaces) and a small FNV-1a hash of it, two 32-bit lanes
// like src/sim/checksum.ts. It detects damaged or hand-edited files, not an adversary:
// anyone can recompute it, so it is a seal against accidents, not a signature.

/** JSON text with every object's keys sorted, so equal data always gives equal text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const parts: string[] = [];
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) parts.push(`${JSON.stringify(k)}:${canonicalJson(o[k])}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** 16 hex digits: FNV-1a over the UTF-16 code units, in two lanes with different bases. */
export function fnvHex(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193);
    h2 ^= h2 >>> 13;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export const hashOf = (v: unknown): string => fnvHex(canonicalJson(v));
