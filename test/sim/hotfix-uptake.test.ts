// A client update reaches clients as they poll the update servers, minute by minute. It once
// came in ten-minute batches, each restarting tens of thousands of 2007 clients in the same ten
// seconds: eight times what the login servers take, so an update pushed on a quiet day took the
// network down by itself (flawed supernodes drop out while logins are refused).
import { beforeAll, describe, expect, it } from 'vitest';
import { getScenario, type Scenario } from '../../src/sim/index';
import { fixProgress, serversShare } from '../../src/sim/hotfix';
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
  });

  it('pushed on a quiet day reaches clients without taking the network down', () => {
    expect(pushed.summary.lowestOnlineShare).toBeGreaterThan(0.95);
    for (const row of pushed.rows) expect(row.m.loginsOkPerS).toBeGreaterThanOrEqual(row.m.loginAttemptsPerS * 0.99);
  });

  it('is what the CSV’s hotfixed_pct counts in 2007 (no build there has the offline-IM crash)', () => {
    const last = pushed.rows.at(-1)!.m;
    expect(last.hotfixedPct).toBeGreaterThan(50);
    expect(last.backoffPct).toBe(0); // no tight-retry build in 2007
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

// An update reaches a client whose Skype is running: someone whose computer was off (or who had
// closed Skype) while it rolled out comes back with the old client and fetches it then.
describe('a fix pushed while much of the world is offline', () => {
  const seen: { hour: number; pct: number; reachable: number; total: number; done: boolean }[] = [];
  beforeAll(() => {
    const push = [at(0, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 100 })];
    runScenario(getScenario('normal-day'), 1, push, 36, 60, (row, state) => {
      const p = fixProgress(state, 'imCrashFix');
      seen.push({ hour: row.minute / 60, pct: row.m.hotfixedPct, reachable: p.reachable, total: p.total, done: state.hotfixes[0].doneNotified });
    });
  });
  const hour = (h: number) => seen.find((x) => Math.round(x.hour) === h)!;

  it('has reached every running client by the night, but not those offline: it is not done', () => {
    const night = hour(12);
    expect(night.reachable).toBeLessThan(night.total * 0.01);
    expect(night.pct).toBeGreaterThan(60);
    expect(night.pct).toBeLessThan(90);
    expect(night.done).toBe(false);
  });

  it('reaches the rest as they come back online the next day, and then says it is done', () => {
    expect(hour(18).pct).toBeGreaterThan(hour(12).pct);
    expect(hour(18).done).toBe(false);
    expect(hour(36).pct).toBeGreaterThan(99.8);
    expect(hour(36).done).toBe(true);
  });
});

// The update servers are one pool: two client updates rolling out at once share its downloads
// (the play-test found each getting the full rate, so pushing both cost the first nothing).
describe('two rollouts at once', () => {
  const calm = () => edited('normal-day', (s) => {
    s.hotfixes.imCrashFix.buildMin = 0;
    s.hotfixes.jitteredBackoff.buildMin = 0;
  });
  const backoffAt1h = (r: Run) => r.rows.find((row) => row.minute === 60)!.m;

  it('share the update servers: each goes slower than alone, and together they get about what one did', () => {
    const fixAlone = at(0, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 100 });
    const backoffAlone = at(0, { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 100 });
    const alone = backoffAt1h(run(calm(), [backoffAlone], { hours: 1.1 })).backoffPct;
    const both = backoffAt1h(run(calm(), [fixAlone, backoffAlone], { hours: 1.1 }));
    expect(alone).toBeGreaterThan(3); // the servers, not the order, set the pace: 300/s of 12.5 M users
    expect(both.backoffPct).toBeLessThan(alone * 0.7);
    expect(both.backoffPct + both.hotfixedPct).toBeGreaterThan(alone * 0.85);
    expect(both.backoffPct + both.hotfixedPct).toBeLessThan(alone * 1.15);
  });

  it('a slow order keeps its pace beside a fast one: the servers are shared fairly, not by backlog', () => {
    const slow = at(0, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 4 }); // Skype's pace in 2010
    const fast = at(0, { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 100 });
    const at6h = (r: Run) => r.rows.find((row) => row.minute === 360)!.m;
    const alone = at6h(run(calm(), [slow], { hours: 6.1 })).hotfixedPct;
    const beside = at6h(run(calm(), [slow, fast], { hours: 6.1 }));
    expect(alone).toBeGreaterThan(15); // ~24% in six hours at 4%/h, a quarter of the servers
    expect(beside.hotfixedPct).toBeGreaterThan(alone * 0.9);
    expect(beside.backoffPct + beside.hotfixedPct).toBeGreaterThan(1.5 * alone); // the fast one takes the rest
  });
});

describe('serversShare', () => {
  it('meets the smaller asks in full and splits the rest evenly; alone, all of it', () => {
    expect(serversShare(300, 1000, [])).toBe(300);
    expect(serversShare(300, 50, [1000])).toBe(50);
    expect(serversShare(300, 1000, [50])).toBe(250);
    expect(serversShare(300, 1000, [1000])).toBe(150);
    expect(serversShare(300, 100, [100, 100])).toBe(100);
    expect(serversShare(300, 40, [40, 1000, 1000])).toBe(40);
    expect(serversShare(300, 1000, [40, 1000, 1000])).toBeCloseTo(260 / 3, 9);
    expect(serversShare(300, 0, [1000])).toBe(0);
  });
});
