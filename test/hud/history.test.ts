// The end screen's provisional "Lowest share online" comes from the screen's history, which
// forgets minutes older than HISTORY_KEEP_MINUTES: the low must be the whole game's, not the window's.
import { describe, expect, it } from 'vitest';
import { History } from '../../src/renderer/hud/history';
import { HISTORY_KEEP_MINUTES } from '../../src/shared/facts';

const sample = (minute: number, share: number) => ({ minute, online: share * 1000, want: 1000, supernodes: 0, megas: 0, load: 0, attempts: 0, ok: 0 });

describe('the history\'s lowest share online', () => {
  it('keeps the game\'s true low after the minute it happened is forgotten', () => {
    const h = new History();
    h.add([sample(0, 1), sample(80, 0.53)]);
    for (let m = 81; m <= 80 + HISTORY_KEEP_MINUTES + 60; m++) h.add([sample(m, 1)]);
    expect(h.samples.some((s) => s.minute === 80)).toBe(false); // the window has moved on
    expect(h.lowestShare()).toBeCloseTo(0.53, 5);
  });

  it('starts again with a new game, and counts every minute the host handed over on joining', () => {
    const h = new History();
    h.seed([sample(0, 0.4), ...Array.from({ length: HISTORY_KEEP_MINUTES + 10 }, (_, i) => sample(i + 1, 0.95))]);
    expect(h.lowestShare()).toBeCloseTo(0.4, 5);
    h.add([sample(0, 0.99)]); // minute 0 again: a new game
    expect(h.lowestShare()).toBeCloseTo(0.99, 5);
  });
});
