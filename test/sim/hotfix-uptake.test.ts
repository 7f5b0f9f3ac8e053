// A client update reaches clients as they poll the update servers, tick by tick. It once came
// in ten-minute batches, each restarting tens of thousands of 2007 clients in the same ten
// seconds: eight times what the login servers take, so an update pushed on a quiet day took the
// network down by itself (flawed supernodes drop out while logins are refused).
import { describe, expect, it } from 'vitest';
import { getScenario, type Scenario } from '../../src/sim/index';
import { at, run } from './helpers';

/** aug-2007 without its reboot storm, its self-healing fix a client update that restarts Skype. */
function quietDay2007(): Scenario {
  const s = structuredClone(getScenario('aug-2007')) as Scenario;
  s.timeline = [];
  s.hotfixes.selfHealingFix.restartsClient = true;
  s.hotfixes.selfHealingFix.buildMin = 0;
  return s;
}

describe('a client update that restarts Skype', () => {
  const push = [at(0, { type: 'pushHotfix', fix: 'selfHealingFix', rolloutPctPerHour: 100 })];

  it('pushed on a quiet day reaches clients without taking the network down', () => {
    const r = run(quietDay2007(), push, { hours: 12 });
    expect(r.summary.lowestOnlineShare).toBeGreaterThan(0.95);
    for (const row of r.rows) expect(row.m.loginsOkPerS).toBeGreaterThanOrEqual(row.m.loginAttemptsPerS * 0.99);
  });

  it('restarts its clients at the pace the update servers deliver it, not all at once', () => {
    const s = quietDay2007();
    const r = run(s, push, { hours: 12 });
    const quiet = run(s, [], { hours: 12 });
    // Each restart is one more login: the extra never exceeds the update servers' rate by much.
    const extra = r.rows.map((row, i) => row.m.loginAttemptsPerS - quiet.rows[i].m.loginAttemptsPerS);
    expect(Math.max(...extra)).toBeLessThan(s.services.update.downloadsPerS * 1.5);
    expect(Math.max(...extra)).toBeGreaterThan(s.services.update.downloadsPerS * 0.5);
  });
});
