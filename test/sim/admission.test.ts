// A supernode takes a client only while the join leaves it under its own bar: a node answering
// a flood of probes has no room left for joins, however many want in; a stronger one may.
import { describe, expect, it } from 'vitest';
import { joinRoom, newPool, shedByClass, withClasses, type PerClassLoad } from '../../src/sim/supernodes';

const sn = { clientCapacity: 500, admitShare: 0.8, joinCostProbes: 20 };
const body = withClasses({ min: 1.5, max: 3.5, classes: 6 }); // mean bar = 0.8 x 2.5 = 2.0 x normal load
const withTail = withClasses({ min: 1.5, max: 3.5, classes: 6, tailShare: 0.05, tailMax: 20 });
const capPerNode = 20 * 10; // answering 20 probes/s for a 10-s tick
const capacity = 1000 * capPerNode;
const room = (t = body, peers = 250_000, probeWork = 0, s = sn) => joinRoom(s, t, newPool(t, 1000), peers, capPerNode, probeWork, []);

describe('join admission (per node, by threshold class)', () => {
  it('a quiet cell takes joins up to its bar, limited by the work each join costs', () => {
    const r = room(); // half of normal load, no probes
    expect(r).toBeCloseTo(((2.0 - 0.5) * capacity) / 20, 6); // work is the tighter limit here
    expect(r).toBeLessThan(1000 * 500 * 2.0 - 250_000);
  });

  it('probe work eats the room: a cell answering a flood admits fewer, and past every limit nobody', () => {
    expect(room(body, 250_000, 1.0 * capacity)).toBeLessThan(room());
    expect(room(body, 250_000, 1.5 * capacity)).toBeLessThan(0.2 * room()); // only the strongest half still admits
    expect(room(body, 250_000, 3.0 * capacity)).toBe(0);
  });

  it('a few strong hosts still take clients in a flood that stops every ordinary one', () => {
    expect(room(withTail, 250_000, 3.0 * capacity)).toBeGreaterThan(0);
    const out: number[] = [];
    joinRoom(sn, withTail, newPool(withTail, 1000), 250_000, capPerNode, 3.0 * capacity, out);
    expect(out.slice(0, 6).every((x) => x === 0)).toBe(true);
  });

  it('a cell already at its bar with clients takes no one, with no probes at all', () => {
    expect(room(body, 1000 * 500 * 3.5)).toBe(0);
  });

  it('free joins (no join cost) are limited by client room alone', () => {
    expect(room(body, 250_000, 0, { ...sn, joinCostProbes: 0 })).toBeCloseTo(1000 * 500 * 2.0 - 250_000, 6);
  });
});

describe('shedding orphans only the clients of the nodes that shut', () => {
  it('when the weak hosts shut, the strong hosts keep their clients', () => {
    const p = newPool(withTail, 1000);
    const strongBefore = 300_000 * p.clientShare[6];
    const load: PerClassLoad = { probeLoad: 5, peers: 300_000, clientCapacity: 500, admitShare: 0.8, orphaned: 0, rate: 1, shut: 0, willing: 0 };
    shedByClass(p, withTail, load);
    const strongAfter = (300_000 - load.orphaned) * p.clientShare[6];
    expect(strongAfter).toBeGreaterThan(0.8 * strongBefore); // only the tail hosts under 5.6 (5 + their clients) shut
    expect(strongAfter).toBeLessThan(strongBefore);
    expect(p.clientShare.slice(0, 6).reduce((a, b) => a + b, 0)).toBeCloseTo(0, 9); // every ordinary host shut
    expect(p.clientShare[6]).toBeCloseTo(1, 9);
  });
});
