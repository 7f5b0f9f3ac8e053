// One order, one wording: a throttle reads the same in the orders on their way, the debrief and
// replay timelines (imperative), and in the status line and the pager (past): the same verb, and
// "worldwide" or "in <region>" for where it applies.
import { describe, expect, it } from 'vitest';
import { applyCommand, createSim, getScenario, viewOf, type Command } from '../../src/sim/index';
import { describeCommand } from '../../src/replay/describe';
import { orderRows } from '../../src/renderer/hud/order-rows';
import { statusWords } from '../../src/renderer/hud/status-words';

/** Every wording of `c` a player or instructor meets, from one order placed at the start. */
function wordings(c: Command) {
  const s = createSim(getScenario('dec-2010'), 1);
  expect(applyCommand(s, c).ok).toBe(true);
  const queued = orderRows(viewOf(s)).filter((r) => r.key.startsWith('config:')).map((r) => r.what);
  return { timeline: describeCommand(c), queued, status: statusWords(c, null), pager: s.events.map((e) => e.text) };
}

describe('the throttle order in one vocabulary', () => {
  it('a worldwide cap: "Throttle logins to … worldwide", done "logins throttled to … worldwide"', () => {
    const w = wordings({ type: 'throttleLogins', perSecond: 5000 });
    expect(w.timeline).toBe('Throttle logins to 5,000/s worldwide');
    expect(w.queued).toEqual(['Throttle logins to 5,000/s worldwide']);
    expect(w.status).toBe('logins throttled to 5,000/s worldwide');
    expect(w.pager).toContain('Config push queued: Logins throttled to 5,000/s worldwide');
  });

  it('a regional cap names its region the same way everywhere', () => {
    const w = wordings({ type: 'throttleLogins', perSecond: 1500.5, region: 'europe' });
    expect(w.timeline).toBe('Throttle logins to 1,500.5/s in Europe');
    expect(w.queued).toEqual(['Throttle logins to 1,500.5/s in Europe']);
    expect(w.status).toBe('logins throttled to 1,500.5/s in Europe');
    expect(w.pager).toContain('Config push queued: Logins throttled to 1,500.5/s in Europe');
  });

  it('a lift says where it lifts, worldwide included', () => {
    const world = wordings({ type: 'throttleLogins', perSecond: null });
    expect(world.timeline).toBe('Lift the login throttle worldwide');
    expect(world.queued).toEqual(['Lift the login throttle worldwide']);
    expect(world.status).toBe('login throttle lifted worldwide');
    expect(world.pager).toContain('Config push queued: Login throttle lifted worldwide');
    const eu = wordings({ type: 'throttleLogins', perSecond: null, region: 'europe' });
    expect(eu.timeline).toBe('Lift the login throttle in Europe');
    expect(eu.status).toBe('login throttle lifted in Europe');
  });
});

describe('other orders in the timeline say what the pager says', () => {
  it('megas are withdrawn from a region, and cancelled while still on order for it', () => {
    expect(describeCommand({ type: 'withdrawMegaSupernodes', count: 500, region: 'europe' })).toBe('Withdraw 500 mega-supernodes from Europe');
    expect(describeCommand({ type: 'withdrawMegaSupernodes', count: 500, region: 'europe', source: 'cloud', ordersOnly: true })).toBe('Cancel 500 cloud mega-supernodes still on order for Europe');
  });

  it('the offline-IM capacity is a capacity', () => {
    expect(describeCommand({ type: 'setOfflineImService', enabled: true, capacityPct: 50 })).toBe('Offline-IM service on at 50% capacity');
  });
});
