// Cancelling config pushes and hotfix builds before they land (cancelOrder, src/sim/cancel.ts):
// free while nothing has changed, the build time lost for a hotfix, refused once it has landed.
import { describe, expect, it } from 'vitest';
import { applyCommand, checksum, createSim, getScenario, step, viewOf, type Command } from '../../src/sim/index';
import type { SimState } from '../../src/sim/state';

const fresh = () => createSim(getScenario('dec-2010'), 1);
const advanceMinutes = (s: SimState, m: number) => {
  for (let i = 0; i < m * 6; i++) step(s);
};
const configOrders = (s: SimState) => viewOf(s).orders.flatMap((o) => (o.kind === 'config' ? [o] : []));
const cancelOf = (s: SimState, i = 0): Command => {
  const o = configOrders(s)[i];
  return { type: 'cancelOrder', order: o.command as Extract<Command, { type: 'throttleLogins' }>, landsAtMinute: o.landsAtMinute };
};
const pagerSays = (s: SimState) => s.events.map((e) => e.text).join('\n');

describe('cancelling a config push on its way', () => {
  it('takes a throttle off its way: the world goes on bit for bit as if it had never been ordered', () => {
    const cancelled = fresh();
    const never = fresh();
    advanceMinutes(cancelled, 5);
    advanceMinutes(never, 5);
    expect(applyCommand(cancelled, { type: 'throttleLogins', perSecond: 5000 }).ok).toBe(true);
    const res = applyCommand(cancelled, cancelOf(cancelled));
    expect(res).toEqual({ ok: true });
    expect(configOrders(cancelled)).toEqual([]);
    expect(pagerSays(cancelled)).toMatch(/Config push cancelled before it landed, nothing changed: Logins throttled to 5,000\/s worldwide/);
    advanceMinutes(cancelled, 30);
    advanceMinutes(never, 30);
    expect(viewOf(cancelled).metrics.throttleGlobalPerS).toBeNull();
    expect(checksum(cancelled)).toBe(checksum(never));
  });

  it('cancels exactly the order named: of two throttles sent together, the other one lands', () => {
    for (const [cancel, stays] of [[1000, 2000], [2000, 1000]]) {
      const s = fresh();
      applyCommand(s, { type: 'throttleLogins', perSecond: 1000 });
      applyCommand(s, { type: 'throttleLogins', perSecond: 2000 });
      const i = configOrders(s).findIndex((o) => o.command.type === 'throttleLogins' && o.command.perSecond === cancel);
      expect(applyCommand(s, cancelOf(s, i)).ok).toBe(true);
      advanceMinutes(s, s.scenario.commandDelays.throttleMin + 1);
      expect(viewOf(s).metrics.throttleGlobalPerS).toBe(stays);
    }
  });

  it('keeps what is in force: cancelling a throttle lift leaves the throttle on', () => {
    const s = fresh();
    applyCommand(s, { type: 'throttleLogins', perSecond: 5000 });
    advanceMinutes(s, 3);
    expect(viewOf(s).metrics.throttleGlobalPerS).toBe(5000);
    applyCommand(s, { type: 'throttleLogins', perSecond: null });
    expect(applyCommand(s, cancelOf(s)).ok).toBe(true);
    advanceMinutes(s, 10);
    expect(viewOf(s).metrics.throttleGlobalPerS).toBe(5000);
  });

  it('keeps the offline-IM service on when its switch-off is cancelled', () => {
    const s = fresh();
    applyCommand(s, { type: 'setOfflineImService', enabled: false });
    expect(applyCommand(s, cancelOf(s)).ok).toBe(true);
    advanceMinutes(s, s.scenario.commandDelays.offlineImMin + 5);
    expect(viewOf(s).services.find((x) => x.id === 'offlineIm')!.enabled).toBe(true);
  });

  it('refuses in words what has landed, and changes nothing', () => {
    const s = fresh();
    applyCommand(s, { type: 'throttleLogins', perSecond: 5000 });
    const cancel = cancelOf(s);
    advanceMinutes(s, 5);
    const before = checksum(s);
    const res = applyCommand(s, cancel);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatchObject({ code: 'not-allowed-now', field: 'order', message: expect.stringMatching(/already landed: it is in force now/) });
    expect(checksum(s)).toBe(before);
    // Cancelling it twice: the second finds nothing on its way.
    const t = fresh();
    applyCommand(t, { type: 'throttleLogins', perSecond: 5000 });
    const again = cancelOf(t);
    expect(applyCommand(t, again).ok).toBe(true);
    const twice = applyCommand(t, again);
    expect(!twice.ok && twice.error.message).toMatch(/no such order is on its way/);
  });

  it('refuses calling back a Group Video switch-off: it was immediate', () => {
    const s = fresh();
    applyCommand(s, { type: 'setGroupVideo', enabled: false });
    const res = applyCommand(s, { type: 'cancelOrder', order: { type: 'setGroupVideo', enabled: false }, landsAtMinute: 0 });
    expect(!res.ok && res.error.message).toMatch(/went off the moment it was ordered/);
    expect(viewOf(s).groupVideoEnabled).toBe(false);
  });
});

describe('Group Video servers are either the feature or mega-supernodes, never both', () => {
  it('refuses borrowing servers that are promised back to Group Video (the feature would return and the megas stay, free)', () => {
    const s = fresh();
    applyCommand(s, { type: 'setGroupVideo', enabled: false });
    expect(applyCommand(s, { type: 'setGroupVideo', enabled: true }).ok).toBe(true);
    const res = applyCommand(s, { type: 'deployMegaSupernodes', count: 1000, region: 'na-east', source: 'groupVideo' });
    expect(!res.ok && res.error.message).toMatch(/coming back on those servers: cancel that order first/);
    // Once the "on" is cancelled, the servers are free to borrow, and Group Video stays off (and billed).
    expect(applyCommand(s, cancelOf(s, configOrders(s).findIndex((o) => o.command.type === 'setGroupVideo' && o.command.enabled))).ok).toBe(true);
    expect(applyCommand(s, { type: 'deployMegaSupernodes', count: 1000, region: 'na-east', source: 'groupVideo' }).ok).toBe(true);
    advanceMinutes(s, 60);
    expect(viewOf(s).groupVideoEnabled).toBe(false);
  });

  it('the latest switch wins: off after an "on" on its way keeps Group Video off', () => {
    const s = fresh();
    applyCommand(s, { type: 'setGroupVideo', enabled: false });
    advanceMinutes(s, 5);
    applyCommand(s, { type: 'setGroupVideo', enabled: true });
    advanceMinutes(s, 5);
    applyCommand(s, { type: 'setGroupVideo', enabled: false });
    advanceMinutes(s, s.scenario.commandDelays.groupVideoMin + 5);
    expect(viewOf(s).groupVideoEnabled).toBe(false);
    expect(configOrders(s).filter((o) => o.command.type === 'setGroupVideo' && o.command.enabled)).toEqual([]);
  });
});

describe('cancelling a hotfix', () => {
  it('stops one in build and test, with the build time lost: pushed again it starts over', () => {
    const s = fresh();
    const build = s.scenario.hotfixes.jitteredBackoff.buildMin;
    applyCommand(s, { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 20 });
    const fx = viewOf(s).hotfixes[0];
    advanceMinutes(s, 60);
    expect(applyCommand(s, { type: 'cancelOrder', order: { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 20 }, landsAtMinute: fx.readyAtMinute }).ok).toBe(true);
    expect(viewOf(s).hotfixes).toEqual([]);
    expect(pagerSays(s)).toMatch(/Jittered-backoff update cancelled in build and test: 60 min of build work lost; pushing it again starts over \(~480 min\)/);
    expect(applyCommand(s, { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 20 }).ok).toBe(true);
    expect(viewOf(s).hotfixes[0].readyAtMinute).toBe(60 + build);
  });

  it('cancels only the order named: the same fix at another rollout rate is not on its way', () => {
    const s = fresh();
    applyCommand(s, { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 4 });
    const at = viewOf(s).hotfixes[0].readyAtMinute;
    const res = applyCommand(s, { type: 'cancelOrder', order: { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 100 }, landsAtMinute: at });
    expect(!res.ok && res.error.message).toMatch(/no such order is on its way/);
    expect(viewOf(s).hotfixes).toHaveLength(1);
  });

  it('refuses recalling one already rolling out, and changes nothing', () => {
    const s = fresh();
    applyCommand(s, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 50 });
    const at = viewOf(s).hotfixes[0].readyAtMinute;
    advanceMinutes(s, at + 20);
    expect(viewOf(s).hotfixes[0].stage).toBe('rolling-out');
    const before = checksum(s);
    const res = applyCommand(s, { type: 'cancelOrder', order: { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 50 }, landsAtMinute: at });
    expect(!res.ok && res.error.message).toMatch(/already rolling out: .* an installed update cannot be recalled/);
    expect(checksum(s)).toBe(before);
  });
});

describe('a cancel as a command from outside', () => {
  const s = fresh();
  it.each([
    [{ type: 'cancelOrder', landsAtMinute: 2 }, 'missing-field', 'order'],
    [{ type: 'cancelOrder', order: { type: 'throttleLogins', perSecond: 5 } }, 'missing-field', 'landsAtMinute'],
    [{ type: 'cancelOrder', order: { type: 'deployMegaSupernodes', count: 5, region: 'europe', source: 'cloud' }, landsAtMinute: 2 }, 'out-of-range', 'order'],
    [{ type: 'cancelOrder', order: { type: 'cancelOrder', order: { type: 'throttleLogins', perSecond: 5 }, landsAtMinute: 2 }, landsAtMinute: 2 }, 'out-of-range', 'order'],
    [{ type: 'cancelOrder', order: { type: 'throttleLogins', perSecond: -5 }, landsAtMinute: 2 }, 'out-of-range', 'order.perSecond'],
    [{ type: 'cancelOrder', order: { type: 'throttleLogins', perSecond: 5, __proto__x: 1 }, landsAtMinute: 2 }, 'unknown-field', 'order.__proto__x'],
    [{ type: 'cancelOrder', order: 'throttleLogins', landsAtMinute: 2 }, 'out-of-range', 'order'],
    [{ type: 'cancelOrder', order: { type: 'throttleLogins', perSecond: 5 }, landsAtMinute: -1 }, 'out-of-range', 'landsAtMinute'],
  ])('refuses %j (%s at %s)', (input, code, field) => {
    const res = applyCommand(s, input);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatchObject({ code, field });
  });
});
