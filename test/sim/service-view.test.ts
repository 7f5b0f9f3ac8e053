// The central services' figures on screen are measured, each in its own units: the update
// servers' demand is what the rollouts ask of them (the pager's "deliver only ~8.4%/h"), the
// login servers' utilisation is what reaches them past the throttle, and the mega-supernode
// pool is counted in servers, not "per second".
import { describe, expect, it } from 'vitest';
import { applyCommand, createSim, getScenario, step, viewOf, type ServiceView } from '../../src/sim/index';
import { fixProgress } from '../../src/sim/hotfix';
import { serviceRows } from '../../src/renderer/hud/service-rows';
import { placeLook } from '../../src/renderer/world/service-figure';
import type { SimState } from '../../src/sim/state';
import { TESTERS_ORDERS } from './helpers';

const toMinute = (s: SimState, m: number) => {
  while (s.tick < m * 6) step(s);
};
const service = <I extends ServiceView['id']>(s: SimState, id: I) => viewOf(s).services.find((x): x is Extract<ServiceView, { id: I }> => x.id === id)!;

/** The play-tester's shift: their seven orders at T+15 min. */
function testersShift(): SimState {
  const s = createSim(getScenario('dec-2010'), 1);
  toMinute(s, 15);
  for (const c of TESTERS_ORDERS) expect(applyCommand(s, c).ok).toBe(true);
  return s;
}

describe('service figures', () => {
  const s = testersShift();
  toMinute(s, 75);

  it('the update servers show the downloads a rollout held back by them asks for, and are over 100%', () => {
    const upd = service(s, 'update');
    expect(upd.rollouts).toBe(1);
    expect(upd.capacityPerS).toBe(300);
    expect(upd.demandPerS).toBeGreaterThan(upd.capacityPerS);
    expect(upd.utilisation).toBeCloseTo(upd.demandPerS / upd.capacityPerS, 2);
  });

  it('the demand shown is what the next stage of the rollout asks: it delivers min(asked, capacity) a minute', () => {
    const t = createSim(getScenario('dec-2010'), 1);
    expect(applyCommand(t, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 2 }).ok).toBe(true); // slow enough to stay under capacity
    toMinute(t, 90);
    const upd = service(t, 'update');
    expect(upd.demandPerS).toBeGreaterThan(0);
    expect(upd.utilisation).toBeLessThan(1);
    const before = fixProgress(t, 'imCrashFix').fixed;
    toMinute(t, 91);
    const got = fixProgress(t, 'imCrashFix').fixed - before;
    expect(got / 60).toBeCloseTo(upd.demandPerS, -1);
    expect(Math.abs(got / 60 - upd.demandPerS) / upd.demandPerS).toBeLessThan(0.02);
  });

  it('the login servers are as busy as what gets past the throttle, and the throttle has its own line', () => {
    const login = service(s, 'login');
    expect(login.demandPerS).toBeGreaterThan(login.capacityPerS); // more attempts than the servers could answer...
    expect(login.admittedPerS).toBe(8000); // ...but the throttle lets 8,000/s through
    expect(login.utilisation).toBeCloseTo(8000 / login.capacityPerS, 3);
    expect(login.throttlePerS).toBe(8000);
    const rows = serviceRows(login);
    expect(rows.find((r) => r[0] === 'Utilisation')![1]).toBe('20%');
    expect(rows.find((r) => r[0] === 'Throttle')![1]).toBe('8.0k / s worldwide');
  });

  it('the mega-supernode pool is counted in servers: serving, on order, left by source, share in use', () => {
    const pool = service(s, 'megaPool');
    const mega = s.scenario.services.mega;
    const size = mega.dedicated.available + mega.groupVideo.available + mega.cloud.available;
    expect(pool.serving + pool.onOrder).toBe(2200);
    expect(pool.serving).toBeGreaterThan(0);
    expect(pool.size).toBe(size);
    expect(pool.left).toEqual({ dedicated: mega.dedicated.available - 400, groupVideo: mega.groupVideo.available - 1500, cloud: mega.cloud.available - 300 });
    expect(pool.utilisation).toBeCloseTo(2200 / size, 3);
    const rows = serviceRows(pool);
    expect(rows.map((r) => r[0])).toEqual(['Pool in use', 'Serving', 'On order', 'Left · dedicated', 'Left · Group Video', 'Left · cloud', 'Capacity lost to outage']);
    expect(rows.some((r) => r[0].includes('/ s'))).toBe(false);
  });
});

describe('rollouts under way', () => {
  it('a finished rollout no longer counts (aug-2007, the self-healing fix at 100%/h, T+48h)', () => {
    const s = createSim(getScenario('aug-2007'), 1);
    expect(applyCommand(s, { type: 'pushHotfix', fix: 'selfHealingFix', rolloutPctPerHour: 100 }).ok).toBe(true);
    toMinute(s, 48 * 60);
    expect(viewOf(s).hotfixes.find((h) => h.fix === 'selfHealingFix')!.stage).toBe('done');
    const upd = service(s, 'update');
    expect(upd.rollouts).toBe(0);
    expect(upd.demandPerS).toBe(0);
    expect(serviceRows(upd).find((r) => r[0] === 'Rollouts under way')![1]).toBe('0');
  });
});

describe('utilisation past ten times capacity', () => {
  it('reads ">999%" on the panel and the map, not "9900%" (dec-2010, the crash fix at 100%/h, T+3h)', () => {
    const s = createSim(getScenario('dec-2010'), 1);
    expect(applyCommand(s, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 100 }).ok).toBe(true);
    toMinute(s, 180);
    const upd = service(s, 'update');
    expect(upd.demandPerS / upd.capacityPerS).toBeGreaterThan(99); // the whole backlog asked at once
    expect(serviceRows(upd).find((r) => r[0] === 'Utilisation')![1]).toBe('>999%');
    expect(placeLook(upd).figure).toBe('>999%');
  });
});
