// A client update reaches clients as they poll the update servers, minute by minute. It once
// came in ten-minute batches, each restarting tens of thousands of 2007 clients in the same ten
// seconds: eight times what the login servers take, so an update pushed on a quiet day took the
// network down by itself (flawed supernodes drop out while logins are refused).
import { beforeAll, describe, expect, it } from 'vitest';
import { type Scenario } from '../../src/sim/index';
import { runScenario } from '../../src/cli/run';
import { at, edited, run, type Run } from './helpers';

/** aug-2007 without its reboot storm, its self-healing fix a client update that restarts Skype. */
const quietDay2007 = (): Scenario =>
  edited('aug-2007', (s) => {
    s.timeline = [];
    s.hotfixes.selfHealingFix.restartsClient = true;
    s.hotfixes.selfHealingFix.buildMin = 0;
  });

/** Login attempts a second, tick by tick, over `hours`. */
function loginsEveryTick(s: Scenario, actions: Parameters<typeof runScenario>[2], hours: number): number[] {
  const out: number[] = [];
  runScenario(s, 1, actions, hours, 1 / 6, (row) => out.push(row.m.loginAttemptsPerS));
  return out;
}

describe('a client update that restarts Skype', () => {
  const push = [at(0, { type: 'pushHotfix', fix: 'selfHealingFix', rolloutPctPerHour: 100 })];
  let pushed: Run;
  beforeAll(() => {
    pushed = run(quietDay2007(), push, { hours: 12 });
  }, 120_000);

  it('pushed on a quiet day reaches clients without taking the network down', () => {
    expect(pushed.summary.lowestOnlineShare).toBeGreaterThan(0.95);
    for (const row of pushed.rows) expect(row.m.loginsOkPerS).toBeGreaterThanOrEqual(row.m.loginAttemptsPerS * 0.99);
  });

  it('restarts its clients at the pace the update servers deliver it, in no tick all at once', () => {
    const s = quietDay2007();
    const withUpdate = loginsEveryTick(s, push, 3);
    const without = loginsEveryTick(s, [], 3);
    // Each restart is one more login: in every tick the extra stays near the update servers' rate.
    const extra = withUpdate.map((n, i) => n - without[i]);
    expect(extra.length).toBeGreaterThan(1000);
    expect(Math.max(...extra)).toBeLessThan(s.services.update.downloadsPerS * 1.5);
    expect(Math.max(...extra)).toBeGreaterThan(s.services.update.downloadsPerS * 0.5);
  });
});
