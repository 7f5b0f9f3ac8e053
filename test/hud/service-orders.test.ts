// The two service switches' forms: they offer a useful order from the game's state (the other
// position), refuse an order that would change nothing before it is sent, and say what an order
// will do from the state it lands on ("on again" only when the service is off).
import { describe, expect, it } from 'vitest';
import { applyCommand, createSim, getScenario, minuteOf, step, viewOf, type Command, type SimState } from '../../src/sim/index';
import { orderRows } from '../../src/renderer/hud/order-rows';
import { factsFor } from '../../src/renderer/hud/scenario-facts';
import { doNothingRefusal, imCapacityNow, serviceDefaults, serviceIntent, serviceOrderHolds, serviceOrderWords } from '../../src/renderer/hud/service-orders';

const IM_BASE = factsFor('dec-2010').imCapacityPerS;
const sim = () => createSim(getScenario('dec-2010'), 1);
const intentOf = (s: SimState) => serviceIntent(viewOf(s), IM_BASE);
const order = (s: SimState, c: Command) => expect(applyCommand(s, c).ok).toBe(true);
const stepMinutes = (s: SimState, m: number) => {
  const until = minuteOf(s) + m;
  while (minuteOf(s) < until) step(s);
};
const im = (enabled: boolean, capacityPct?: number) => ({ type: 'setOfflineImService' as const, enabled, ...(capacityPct !== undefined ? { capacityPct } : {}) });
const gv = (enabled: boolean) => ({ type: 'setGroupVideo' as const, enabled });
const configRows = (s: SimState) => orderRows(viewOf(s)).filter((r) => r.key.startsWith('config:')).map((r) => r.what);

describe('service forms from the game state', () => {
  it('reads the offline-IM cluster\'s size from the view', () => {
    expect(IM_BASE).toBe(19000);
    expect(imCapacityNow(viewOf(sim()), IM_BASE)).toBe(100);
  });

  it('at the start both services are on: the forms offer Off, and "On" changes nothing', () => {
    const s = sim();
    const intent = intentOf(s);
    expect(serviceDefaults(intent)).toEqual({ imEnabled: false, imCapacityPct: 100, groupVideoEnabled: false });
    expect(doNothingRefusal(im(true, 100), intent)).toMatchObject({ field: 'capacityPct', message: expect.stringMatching(/already on at 100% capacity/) });
    expect(doNothingRefusal(im(true), intent)).toMatchObject({ field: 'capacityPct' });
    expect(doNothingRefusal(gv(true), intent)).toMatchObject({ field: 'enabled', message: expect.stringMatching(/^Group Video is already on/) });
    expect(doNothingRefusal(im(false), intent)).toBeNull();
    expect(doNothingRefusal(gv(false), intent)).toBeNull();
    expect(doNothingRefusal(im(true, 150), intent)).toBeNull();
  });

  it('words an order by what it does: capacity when on, "on again" only when off', () => {
    const s = sim();
    expect(serviceOrderWords(im(true, 150), intentOf(s))).toBe('Offline-IM capacity to 150%');
    expect(serviceOrderWords(im(true, 0), intentOf(s))).toBe('Offline-IM capacity to 0%');
    order(s, im(true, 0));
    expect(configRows(s)).toEqual(['Offline-IM capacity to 0%']);
    order(s, im(false));
    order(s, im(true, 50));
    expect(configRows(s)).toEqual(['Offline-IM capacity to 0%', 'Offline-IM service off', 'Offline-IM on again at 50% capacity']);
  });

  it('an Off on its way: the form offers On, and another Off changes nothing', () => {
    const s = sim();
    order(s, im(false));
    const intent = intentOf(s);
    expect(serviceDefaults(intent)).toMatchObject({ imEnabled: true, imCapacityPct: 100 });
    expect(doNothingRefusal(im(false), intent)?.message).toMatch(/already being switched off/);
    expect(serviceOrderWords(im(true, 50), intent)).toBe('Offline-IM on again at 50% capacity');
    stepMinutes(s, 6); // landed: off now
    expect(viewOf(s).services.find((x) => x.id === 'offlineIm')!.enabled).toBe(false);
    expect(doNothingRefusal(im(false), intentOf(s))?.message).toMatch(/already off/);
    expect(serviceDefaults(intentOf(s)).imEnabled).toBe(true);
  });

  it('a resized cluster is read back: the form offers its size, and that size again changes nothing', () => {
    const s = sim();
    order(s, im(true, 60));
    stepMinutes(s, 6);
    expect(imCapacityNow(viewOf(s), IM_BASE)).toBe(60);
    expect(doNothingRefusal(im(true, 60), intentOf(s))).not.toBeNull();
    expect(doNothingRefusal(im(true, 70), intentOf(s))).toBeNull();
  });

  it('Group Video: off at once, then the form offers On ("on again"); a cancelled On no longer holds', () => {
    const s = sim();
    order(s, gv(false));
    expect(serviceDefaults(intentOf(s)).groupVideoEnabled).toBe(true);
    expect(doNothingRefusal(gv(false), intentOf(s))?.message).toMatch(/already off/);
    expect(serviceOrderWords(gv(true), intentOf(s))).toBe('Group Video on again');
    expect(configRows(s)).toEqual([]); // already in force: not listed on its way, though the sim lands it on the next tick
    stepMinutes(s, 1);
    order(s, gv(true));
    expect(configRows(s)).toEqual(['Group Video on again']);
    expect(serviceOrderHolds(gv(true), intentOf(s))).toBe(true);
    expect(doNothingRefusal(gv(true), intentOf(s))?.message).toMatch(/already coming back on/);
    const o = viewOf(s).orders.find((x) => x.kind === 'config')!;
    order(s, { type: 'cancelOrder', order: gv(true), landsAtMinute: o.landsAtMinute });
    // The status line's "✓ Group Video on again" no longer holds: it is cleared.
    expect(serviceOrderHolds(gv(true), intentOf(s))).toBe(false);
    expect(serviceDefaults(intentOf(s)).groupVideoEnabled).toBe(true);
  });
});
