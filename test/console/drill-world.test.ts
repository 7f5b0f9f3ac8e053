// The console's Seed field: what it accepts, and how it says which world a drill will run in.
import { describe, expect, it } from 'vitest';
import { seedOf, worldWords } from '../../src/renderer/console/drill-world';
import type { DrillSummary } from '../../src/shared/drill-contract';

const drill = (vary: number): DrillSummary => ({ id: 'd', name: 'D', briefing: '', scenarioId: 'dec-2010', timeLimitRealMin: 48, timeCompression: 60, seed: 11, vary });

describe('the drill seed the instructor types', () => {
  it('is a whole number from 0 to 2^32 - 1, the drill\'s own when left empty', () => {
    expect(seedOf('')).toBeUndefined();
    expect(seedOf('  ')).toBeUndefined();
    expect(seedOf('0')).toBe(0);
    expect(seedOf(' 4294967295 ')).toBe(4294967295);
    for (const bad of ['4294967296', '12x', '-1', '1.5', '1e3', '00000000000']) expect(seedOf(bad), bad).toBeNull();
  });

  it('says whether the drill runs in its own world or a new one, and how far a varied one moves', () => {
    expect(worldWords(drill(0.3), undefined)).toBe('its own world (seed 11), uncertain numbers ±30%');
    expect(worldWords(drill(0.3), 11)).toBe('its own world (seed 11), uncertain numbers ±30%');
    expect(worldWords(drill(0.3), 4242)).toBe('a new world (seed 4242), uncertain numbers ±30%');
    expect(worldWords(drill(0.3), null)).toBe('a new world (seed ?), uncertain numbers ±30%');
    expect(worldWords(drill(0), 7)).toBe('seed 7');
    expect(worldWords(drill(0), undefined)).toBe('seed 11');
  });
});
