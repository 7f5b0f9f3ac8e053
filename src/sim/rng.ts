// sfc32: a small, fast, seedable PRNG whose whole state is four 32-bit words kept in
// the sim state, so moves stay pure and replays exact (the boardgame.io habit, STYLE.md).
export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

export function seedRng(seed: number): RngState {
  // Spread the seed over the four words, then discard the first outputs to mix.
  const s: RngState = { a: 0x9e3779b9, b: 0x243f6a88, c: 0xb7e15162, d: (seed >>> 0) ^ 0xdeadbeef };
  for (let i = 0; i < 15; i++) nextU32(s);
  return s;
}

export function nextU32(s: RngState): number {
  const t = (((s.a + s.b) | 0) + s.d) | 0;
  s.d = (s.d + 1) | 0;
  s.a = s.b ^ (s.b >>> 9);
  s.b = (s.c + (s.c << 3)) | 0;
  s.c = (s.c << 21) | (s.c >>> 11);
  s.c = (s.c + t) | 0;
  return t >>> 0;
}

/** Uniform in [0, 1). */
export function uniform(s: RngState): number {
  return nextU32(s) / 4294967296;
}

/** Roughly normal noise (Irwin-Hall of 4), mean 0, sd 1: cheap and bounded. */
export function noise(s: RngState): number {
  return (uniform(s) + uniform(s) + uniform(s) + uniform(s) - 2) * 1.7320508;
}
