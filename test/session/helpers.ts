// Shared set-up for session tests: a drills folder holding one small drill, temp data
// folders, and a hand-wound clock.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimSession, type SimSessionOptions } from '../../src/main/session/sim-session';
import type { Frame } from '../../src/shared/contract';
import type { DrillView } from '../../src/shared/drill-contract';
import { smallDrill } from '../drill/fixtures';

export const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `storm-${name}-`));

/** A drills folder with drills/small.json (two sim-hours of dec-2010 at 60x: 720 ticks). */
export function drillsDir(): string {
  const dir = tempDir('drills');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'small.json'), JSON.stringify(smallDrill()));
  return dir;
}

let wall = Date.UTC(2025, 0, 1, 10, 0, 0);
/** A session on a clock nobody else moves; recordings get distinct createdAt times. */
export function session(opts: SimSessionOptions = {}): SimSession {
  return new SimSession({ paused: true, now: () => 0, wallClock: () => new Date((wall += 1000)), warn: () => {}, ...opts });
}

export const drillOf = (f: Frame | null): DrillView => {
  if (!f?.mode?.drill) throw new Error(`no drill in frame ${JSON.stringify(f?.mode)}`);
  return f.mode.drill;
};
