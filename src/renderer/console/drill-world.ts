// The world a drill runs in, as the console reads and says it: no DOM, so it is checked without a browser.
import type { DrillSummary } from '../../shared/drill-contract';

/** The seed typed: undefined when empty (the drill's own), null when it is not one. */
export function seedOf(text: string): number | undefined | null {
  const t = text.trim();
  if (t === '') return undefined;
  if (!/^\d{1,10}$/.test(t)) return null;
  const n = Number(t);
  return n <= 0xffff_ffff ? n : null;
}

/** Which world a drill will run in, as the instructor needs to know before starting it. */
export function worldWords(d: DrillSummary, seed: number | undefined | null): string {
  const own = seed === undefined || seed === d.seed;
  if (!d.vary) return own ? `seed ${d.seed}` : `seed ${seed ?? '?'}`;
  const range = `uncertain numbers ±${Math.round(d.vary * 100)}%`;
  return own ? `its own world (seed ${d.seed}), ${range}` : `a new world (seed ${seed ?? '?'}), ${range}`;
}
