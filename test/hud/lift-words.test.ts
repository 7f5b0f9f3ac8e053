// A second Lift of the login throttle is refused in true words: a cap is still in force until the
// first Lift lands, so the form must not say that none is.
import { describe, expect, it } from 'vitest';
import type { SimView } from '../../src/sim/view-types';
import { liftRefusal } from '../../src/renderer/hud/service-orders';

const view = (globalCap: number | null, euCap: number | null, orders: unknown[]): SimView =>
  ({
    metrics: { throttleGlobalPerS: globalCap },
    regions: [{ id: 'europe', throttlePerS: euCap }],
    orders,
  }) as unknown as SimView;
const lift = (region?: string) => ({ kind: 'config', command: { type: 'throttleLogins', perSecond: null, ...(region ? { region } : {}) }, landsAtMinute: 5, doneAtMinute: 5 });

describe('liftRefusal', () => {
  it('lets a Lift go where a cap is in force and none is on its way', () => {
    expect(liftRefusal(view(500, null, []), '')).toBeNull();
  });

  it('says a Lift is already on its way, not that no cap is in force', () => {
    const words = liftRefusal(view(500, null, [lift()]), '')!;
    expect(words).toMatch(/A Lift is already on its way.*once it lands no login throttle will be in force worldwide/);
    expect(words).not.toMatch(/No login throttle is in force/);
    expect(liftRefusal(view(null, 300, [lift('europe')]), 'europe')).toMatch(/^A Lift is already on its way here: once it lands no login throttle will be in force in Europe/);
  });

  it('says no cap is in force where there is none and none on its way', () => {
    expect(liftRefusal(view(null, null, []), '')).toMatch(/^No login throttle is in force worldwide, nor on its way/);
  });
});
