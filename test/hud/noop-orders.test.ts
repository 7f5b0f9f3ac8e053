// Orders that would change nothing, found before they are sent or listed: a Lift with no login
// cap in force (or on its way) where it would lift, and Group Video off, in force the moment it
// is ordered, is not "on its way".
import { describe, expect, it } from 'vitest';
import { applyCommand, createSim, getScenario, viewOf } from '../../src/sim/index';
import { throttleInForce } from '../../src/renderer/hud/action-hints';
import { orderRows } from '../../src/renderer/hud/order-rows';

const sim = () => createSim(getScenario('dec-2010'), 1);

describe('a Lift', () => {
  it('has nothing to lift at the start, worldwide or in a region', () => {
    const v = viewOf(sim());
    expect(throttleInForce(v, '')).toBeNull();
    expect(throttleInForce(v, 'europe')).toBeNull();
  });

  it('has a cap to lift once one is on its way, only where it applies; a lift on its way leaves none', () => {
    const s = sim();
    expect(applyCommand(s, { type: 'throttleLogins', perSecond: 5000, region: 'europe' }).ok).toBe(true);
    expect(throttleInForce(viewOf(s), 'europe')).toBe(5000);
    expect(throttleInForce(viewOf(s), '')).toBeNull();
    expect(applyCommand(s, { type: 'throttleLogins', perSecond: null, region: 'europe' }).ok).toBe(true);
    expect(throttleInForce(viewOf(s), 'europe')).toBeNull();
  });
});

describe('Group Video off', () => {
  it('is not listed on its way: it is in force at once', () => {
    const s = sim();
    expect(applyCommand(s, { type: 'setGroupVideo', enabled: false }).ok).toBe(true);
    expect(viewOf(s).groupVideoEnabled).toBe(false);
    expect(orderRows(viewOf(s))).toEqual([]);
  });
});
