// The end screen's provisional "Lowest share online" comes from the screen's history, which
// forgets minutes older than HISTORY_KEEP_MINUTES: it showed 100% for a run that fell to 53%.
// The low must be the whole game's, or none at all (the debrief then gives it).
import { describe, expect, it } from 'vitest';
import { History } from '../../src/renderer/hud/history';
import { HISTORY_KEEP_MINUTES } from '../../src/shared/facts';

const sample = (minute: number, share: number) => ({ minute, online: share * 1000, want: 1000, supernodes: 0, megas: 0, load: 0, attempts: 0, ok: 0 });
const minutes = (from: number, to: number, share: (m: number) => number) => Array.from({ length: to - from + 1 }, (_, i) => sample(from + i, share(from + i)));

describe('the history\'s lowest share online', () => {
  it('keeps the game\'s true low after the minute it happened is forgotten', () => {
    const h = new History();
    h.add(minutes(0, 100, (m) => (m === 80 ? 0.53 : 0.8)));
    for (let m = 101; m <= 100 + HISTORY_KEEP_MINUTES + 60; m++) h.add([sample(m, 1)]);
    expect(h.samples.some((s) => s.minute === 80)).toBe(false); // the window has moved on
    expect(h.lowestShare()).toBeCloseTo(0.53, 5);
  });

  it('gives no low rather than a wrong one when the screen missed minutes (a big step, a late join)', () => {
    const h = new History();
    h.add(minutes(0, 10, () => 0.9));
    h.add(minutes(1500, 1600, () => 1)); // the host kept only the latest minutes of a long step
    expect(h.lowestShare()).toBeNull();
    h.seed(minutes(1000, 1200, () => 1)); // joined late: the host's past starts after minute 0
    expect(h.lowestShare()).toBeNull();
  });

  it('starts again with a new game', () => {
    const h = new History();
    h.add(minutes(0, 30, () => 0.4));
    h.add([sample(0, 0.99)]); // minute 0 again: a new game
    expect(h.lowestShare()).toBeCloseTo(0.99, 5);
  });
});
