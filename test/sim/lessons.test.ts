// The decisions the model rewards (issue 7): every verb matters, nothing is free, the
// outcome is not a knife-edge, seeds matter a little. Each case is a run a trainee could make.
import { beforeAll, describe, expect, it } from 'vitest';
import { historicalFor } from '../../src/sim/historical';
import { getScenario, type TimedCommand } from '../../src/sim/index';
import { at, run, type Run } from './helpers';

const T = 600_000; // each case is several full-scale runs; a busy machine (two test files side by side) takes minutes
let none: Run;
beforeAll(() => {
  none = run('dec-2010');
}, T);

describe('dec-2010: every verb matters', () => {
  it('no action collapses', () => {
    expect(none.summary.lowestOnlineShare).toBeLessThan(0.5);
  });

  it('some login throttle at +30 min cuts user-hours lost by at least 5%', () => {
    const lost = [200, 1000, 5000, 20000].map((n) => run('dec-2010', [at(30, { type: 'throttleLogins', perSecond: n })]).summary.userHoursLost);
    expect(Math.min(...lost)).toBeLessThan(0.95 * none.summary.userHoursLost);
    // ...and the size matters: the four rates do not all give the same loss.
    expect(Math.max(...lost) - Math.min(...lost)).toBeGreaterThan(0.02 * none.summary.userHoursLost);
  }, T);

  it('the offline-IM crash fix cuts crashed clients by at least 20% when the service is kept on', () => {
    // Skype's own response, but with offline IM left on: the recovery's logins overload it again.
    const keptOn = (historicalFor(getScenario('dec-2010')) ?? []).filter((c) => c.command.type !== 'setOfflineImService' && c.command.type !== 'pushHotfix');
    const without = run('dec-2010', keptOn).summary.crashedClients;
    const withFix = run('dec-2010', [at(0, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 100 }), ...keptOn]).summary.crashedClients;
    expect(withFix).toBeLessThan(0.8 * without);
  }, T);

  it('the jittered-backoff client update at +0 cuts user-hours lost by at least 10%', () => {
    const r = run('dec-2010', [at(0, { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 100 })]);
    expect(r.summary.userHoursLost).toBeLessThan(0.9 * none.summary.userHoursLost);
  }, T);

  it('with nothing done the network does not heal by itself, not even at night', () => {
    // Users keep retrying (Skype retries from the tray), the world-wide overlay spreads every
    // region's storm to the others, and 5.0.0152 keeps crashing on offline IM: it takes a verb.
    for (const h of [6, 12, 14, 24, 36, 48]) expect(none.share(h), `at ${h} h`).toBeLessThan(0.1);
  });

  it('switching offline IM off at +15 min does not prevent the collapse', () => {
    const r = run('dec-2010', [at(15, { type: 'setOfflineImService', enabled: false })], { hours: 12, until: (x) => x.lowestOnlineShare < 0.5 });
    expect(r.summary.lowestOnlineShare).toBeLessThan(0.5);
  }, T);

  it('3,000 megas ordered at +10 min arrive over hours: at most 1,000 serve at +2 h', () => {
    const order: TimedCommand[] = [
      at(0, { type: 'setGroupVideo', enabled: false }),
      at(10, { type: 'deployMegaSupernodes', count: 1000, region: 'europe', source: 'dedicated' }),
      at(10, { type: 'deployMegaSupernodes', count: 1000, region: 'na-east', source: 'groupVideo' }),
      at(10, { type: 'deployMegaSupernodes', count: 1000, region: 'na-west', source: 'cloud' }),
    ];
    const r = run('dec-2010', order, { hours: 8 });
    expect(r.at(2).m.megaSupernodesUp).toBeLessThanOrEqual(1000);
    expect(r.at(8).m.megaSupernodesUp).toBeGreaterThan(2000);
  }, T);
});

describe('dec-2010: nothing is free', () => {
  it('Group Video off for 24 h costs money', () => {
    const r = run('dec-2010', [at(0, { type: 'setGroupVideo', enabled: false }), at(24 * 60, { type: 'setGroupVideo', enabled: true })], { hours: 30 });
    expect(r.summary.costUsd).toBeGreaterThan(50_000);
  }, T);

  it('offline IM off for 48 h costs money (messages withheld), and a backlog when it returns', () => {
    const r = run('dec-2010', [at(0, { type: 'setOfflineImService', enabled: false })], { hours: 48 });
    expect(r.summary.costUsd).toBeGreaterThan(50_000);
    expect(r.state.services.imBacklog).toBeGreaterThan(1_000_000);
  }, T);

  it('megas cost money by the hour', () => {
    expect(run('dec-2010', 'historical', { until: (x) => x.megaCostUsd > 1000 }).summary.megaCostUsd).toBeGreaterThan(1000);
  }, T);
});

describe('dec-2010: not a knife-edge, and seeds matter a little', () => {
  it('with --vary 0.3 over 10 seeds, no action collapses in at least 9 and Skype\'s response recovers in at least 9', () => {
    let collapsed = 0;
    let recovered = 0;
    let fellAndCameBack = 0;
    for (let seed = 1; seed <= 10; seed++) {
      // The collapse comes within hours and the response recovers within a day and a half (seed 1:
      // 22 h): each run stops once it has its answer (a fall below half of normal; back at 90%
      // after its lowest point), or at 8 h and 40 h without one.
      if (run('dec-2010', [], { seed, vary: 0.3, hours: 8, until: (x) => x.lowestOnlineShare < 0.5 }).summary.lowestOnlineShare < 0.5) collapsed++;
      const back = run('dec-2010', 'historical', { seed, vary: 0.3, hours: 40, until: (x) => x.lowestOnlineShare < 0.5 && x.recovered90AtMinute !== null });
      if (back.summary.recovered90AtMinute !== null) recovered++;
      if (back.summary.recovered90AtMinute !== null && back.summary.lowestOnlineShare < 0.5) fellAndCameBack++;
    }
    expect(collapsed).toBeGreaterThanOrEqual(9);
    expect(recovered).toBeGreaterThanOrEqual(9);
    // Skype's response sits near the tipping point (README, "What does not match yet"): in some
    // worlds its +20 min switch-off comes in time and the network only dips (seeds 8 and 10 of
    // these: lowest 84% and 81%). Most must still show the record's fall and recovery.
    expect(fellAndCameBack).toBeGreaterThanOrEqual(7);
  }, 1_200_000);

  it('user-hours lost of the historical run over seeds 1-5 spread by at least 1% of the mean', () => {
    const lost = [1, 2, 3, 4, 5].map((seed) => run('dec-2010', 'historical', { seed }).summary.userHoursLost);
    const mean = lost.reduce((a, b) => a + b, 0) / lost.length;
    expect(Math.max(...lost) - Math.min(...lost)).toBeGreaterThan(0.01 * mean);
  }, T * 2);
});

describe('aug-2007: the fix Skype shipped is the remedy', () => {
  // Seeds 002 and 004: a flaw "prevented [self-healing] from occurring quickly enough"; Skype
  // "found the algorithmic fix". Flawed desktops never promote themselves and their supernodes
  // drop out when logins fail, so without the fix the network does not come back.
  const fix = (minute: number) => [at(minute, { type: 'pushHotfix', fix: 'selfHealingFix', rolloutPctPerHour: 20 })];

  it('with nothing done nobody is back two days later; the fix brings them back, the sooner the better', () => {
    const nothing = run('aug-2007', [], { hours: 48 });
    expect(nothing.share(48)).toBeLessThan(0.1);
    const early = run('aug-2007', fix(120), { hours: 48 });
    const late = run('aug-2007', fix(960), { hours: 48 });
    expect(early.share(48)).toBeGreaterThan(0.9);
    expect(late.share(48)).toBeGreaterThan(0.9);
    expect(early.summary.userHoursLost).toBeLessThan(0.8 * late.summary.userHoursLost);
    expect(late.summary.userHoursLost).toBeLessThan(0.8 * nothing.summary.userHoursLost);
  }, T);

  it('a handful of mega-supernodes does not stand in for the fix: the clients they bring back are flawed and never promoted', () => {
    const regions = ['na-west', 'na-east', 'latam', 'europe', 'africa-me', 'asia-pac'] as const;
    const few = regions.map((region) => at(10, { type: 'deployMegaSupernodes', count: 5, region, source: 'dedicated' }));
    const nothing = run('aug-2007', [], { hours: 48 });
    const thirty = run('aug-2007', few, { hours: 48 });
    // 30 servers carry 150,000 clients: that, not a regrown network.
    expect(thirty.summary.userHoursLost).toBeGreaterThan(0.85 * nothing.summary.userHoursLost);
    expect(thirty.share(48)).toBeLessThan(0.1);
    expect(thirty.summary.recovered90AtMinute).toBeNull();
  }, T);
});
