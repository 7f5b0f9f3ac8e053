// Cancelling mega-supernode orders on their way (withdraw with ordersOnly), and the order
// queue every screen is shown.
import { describe, expect, it } from 'vitest';
import { applyCommand, createSim, getScenario, step, viewOf } from '../../src/sim/index';
import type { SimState } from '../../src/sim/state';

const fresh = () => createSim(getScenario('dec-2010'), 1);
const advanceMinutes = (s: SimState, m: number) => {
  for (let i = 0; i < m * 6; i++) step(s);
};
const megaOrders = (s: SimState) => viewOf(s).orders.filter((o) => o.kind === 'mega');

describe('cancelling mega-supernode orders', () => {
  it('lists an order with when it lands, and a cancel takes it away unbilled', () => {
    const s = fresh();
    expect(applyCommand(s, { type: 'deployMegaSupernodes', count: 300, region: 'europe', source: 'cloud' }).ok).toBe(true);
    const [order] = megaOrders(s);
    expect(order).toMatchObject({ kind: 'mega', region: 'europe', source: 'cloud', count: 300, landsAtMinute: s.scenario.services.mega.cloud.provisionMin });
    // 300 at 100/h after the 20 min lead: the last one about three hours later.
    expect(order.doneAtMinute).toBe(20 + 180);
    expect(viewOf(s).megaLeft.cloud).toBe(s.scenario.services.mega.cloud.available - 300);

    advanceMinutes(s, 10);
    expect(applyCommand(s, { type: 'withdrawMegaSupernodes', count: 300, region: 'europe', source: 'cloud', ordersOnly: true }).ok).toBe(true);
    expect(megaOrders(s)).toEqual([]);
    expect(viewOf(s).megaLeft.cloud).toBe(s.scenario.services.mega.cloud.available);
    advanceMinutes(s, 60);
    expect(viewOf(s).metrics.megaSupernodesUp).toBe(0);
    expect(viewOf(s).metrics.megaCostUsd).toBe(0);
  });

  it('never takes a server that already serves: only the part still on its way', () => {
    const s = fresh();
    applyCommand(s, { type: 'deployMegaSupernodes', count: 300, region: 'europe', source: 'cloud' });
    advanceMinutes(s, 20 + 60); // lead time, then an hour at 100/h
    const up = viewOf(s).metrics.megaSupernodesUp;
    expect(up).toBeGreaterThan(50);
    expect(applyCommand(s, { type: 'withdrawMegaSupernodes', count: 300, region: 'europe', source: 'cloud', ordersOnly: true }).ok).toBe(true);
    expect(viewOf(s).metrics.megaSupernodesUp).toBe(up);
    expect(viewOf(s).metrics.megaSupernodesPending).toBe(0);
  });

  it('is refused in words when nothing of that kind is on its way there, and changes nothing', () => {
    const s = fresh();
    expect(applyCommand(s, { type: 'deployMegaSupernodes', count: 100, region: 'asia-pac', source: 'dedicated' }).ok).toBe(true);
    const res = applyCommand(s, { type: 'withdrawMegaSupernodes', count: 100, region: 'europe', ordersOnly: true });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/no mega-supernode orders still on their way to Europe/);
    expect(megaOrders(s)).toHaveLength(1);
  });

  it('keeps a config push in the queue until it lands', () => {
    const s = fresh();
    applyCommand(s, { type: 'throttleLogins', perSecond: 5000 });
    const q = viewOf(s).orders;
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ kind: 'config', landsAtMinute: s.scenario.commandDelays.throttleMin });
    advanceMinutes(s, s.scenario.commandDelays.throttleMin + 1);
    expect(viewOf(s).orders).toEqual([]);
  });

  it('refuses an ordersOnly that is not true or false', () => {
    const s = fresh();
    const res = applyCommand(s, { type: 'withdrawMegaSupernodes', count: 1, region: 'europe', ordersOnly: 'yes' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.field).toBe('ordersOnly');
  });
});
