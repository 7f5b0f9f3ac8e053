// buildDebrief reports each stage's own progress (0..1 per re-simulation); overallProgress
// turns that into one fraction for the whole debrief, the one bar a screen shows.
import { describe, expect, it } from 'vitest';
import { buildDebrief, overallProgress, type DebriefStage } from '../../src/debrief/index';
import { record } from '../replay/helpers';

describe('a debrief’s progress', () => {
  it('buildDebrief’s stages add up to one climbing fraction', () => {
    const rec = record('dec-2010', 2);
    const seen: { stage: DebriefStage; f: number }[] = [];
    const overall: number[] = [];
    const track = overallProgress(rec, { moves: true }, (f) => overall.push(f));
    buildDebrief(rec, { moves: true, onProgress: (stage, f) => (seen.push({ stage, f }), track(stage, f)) });
    expect(new Set(seen.map((s) => s.stage))).toEqual(new Set(['replay', 'baseline', 'historical', 'moves']));
    expect(seen.filter((s) => s.f === 1).length).toBeGreaterThan(1); // each stage runs to 1 on its own
    expect(overall).toEqual([...overall].sort((a, b) => a - b));
    expect(overall.at(-1)).toBeCloseTo(1, 5);
  });
});
