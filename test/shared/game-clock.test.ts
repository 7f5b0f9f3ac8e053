// The game clock "T+05:20" has one formatter (src/shared/duration.ts): the report, the host's
// messages and the screens each had their own, and must keep reading exactly as before.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tPlus } from '../../src/shared/duration';
import { tPlus as hudTPlus } from '../../src/renderer/hud/format';

/** The report's own formatter before it took the shared one (src/debrief/report.ts). */
const pad = (n: number) => String(n).padStart(2, '0');
const reportsOld = (min: number) => `T+${pad(Math.floor(min / 60))}:${pad(Math.floor(min % 60))}`;

describe('the game clock', () => {
  it('cuts to the minute, pads hours and minutes, and never reads below T+00:00', () => {
    expect([0, 57 + 1 / 6, 119.99, 34 * 60 + 40, 100 * 60 + 5].map(tPlus)).toEqual(['T+00:00', 'T+00:57', 'T+01:59', 'T+34:40', 'T+100:05']);
    expect(tPlus(-3)).toBe('T+00:00'); // the report's own wrote "T+-1:-3"; no report time is below 0
    expect(hudTPlus).toBe(tPlus);
  });

  it('reads as the report\'s own formatter did, for every time a game has (fractions of a minute too)', () => {
    for (let m = 0; m < 72 * 60; m += 1 / 6 + 0.01) expect(tPlus(m), String(m)).toBe(reportsOld(m));
  });

  it('is written once in src/: no file builds "T+hh:mm" by hand', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|mts)$/.test(n)) files.push(p);
      }
    };
    const src = join(process.cwd(), 'src');
    walk(src);
    const own = files.filter((f) => /T\+\$\{/.test(readFileSync(f, 'utf8'))).map((f) => relative(src, f));
    expect(own).toEqual(['shared/duration.ts']);
  });
});
