// A supernode takes a client only while the join leaves it under its own bar: a node answering
// a flood of probes has no room left for joins, however many want in.
import { describe, expect, it } from 'vitest';
import { joinRoom } from '../../src/sim/supernodes';

const sn = { clientCapacity: 500, admitShare: 0.8, joinCostProbes: 20 };
const t = { min: 1.5, max: 3.5, classes: 6 }; // bar = 0.8 x 2.5 = 2.0 x normal load
const capacity = 1000 * 20 * 10; // 1,000 nodes answering 20 probes/s for a 10-s tick

describe('join admission (per cell)', () => {
  it('a quiet cell takes joins up to its bar, limited by the work each join costs', () => {
    const room = joinRoom(sn, t, 1000, 250_000, capacity, 0); // half of normal load, no probes
    expect(room).toBeCloseTo(((2.0 - 0.5) * capacity) / 20, 6); // work is the tighter limit here
    expect(room).toBeLessThan(1000 * 500 * 2.0 - 250_000);
  });

  it('probe work eats the room: a cell answering a flood admits nobody', () => {
    const quiet = joinRoom(sn, t, 1000, 250_000, capacity, 0);
    const busy = joinRoom(sn, t, 1000, 250_000, capacity, 1.0 * capacity);
    expect(busy).toBeLessThan(quiet);
    expect(joinRoom(sn, t, 1000, 250_000, capacity, 1.5 * capacity)).toBe(0);
  });

  it('a cell already at its bar with clients takes no one, with no probes at all', () => {
    expect(joinRoom(sn, t, 1000, 1000 * 500 * 2.0, capacity, 0)).toBe(0);
  });

  it('free joins (no join cost) are limited by client room alone', () => {
    expect(joinRoom({ ...sn, joinCostProbes: 0 }, t, 1000, 250_000, capacity, 0)).toBeCloseTo(1000 * 500 * 2.0 - 250_000, 6);
  });
});
