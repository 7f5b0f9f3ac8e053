import { describe, expect, it } from 'vitest';
import { applyCommand, checksum, createSim, getScenario, step, viewOf, validateCommand } from '../../src/sim/index';
import type { SimState } from '../../src/sim/state';

const fresh = () => createSim(getScenario('dec-2010'), 1);
const advanceMinutes = (s: SimState, m: number) => {
  for (let i = 0; i < m * 6; i++) step(s);
};

describe('commands', () => {
  it.each([
    [null, 'not-an-object', 'command'],
    [{ type: 'launchNukes' }, 'unknown-type', 'type'],
    [{ type: 'deployMegaSupernodes', count: 10, region: 'mars', source: 'cloud' }, 'out-of-range', 'region'],
    [{ type: 'deployMegaSupernodes', count: -5, region: 'europe', source: 'cloud' }, 'out-of-range', 'count'],
    [{ type: 'deployMegaSupernodes', count: 2.5, region: 'europe', source: 'cloud' }, 'wrong-type', 'count'],
    [{ type: 'deployMegaSupernodes', region: 'europe', source: 'cloud' }, 'missing-field', 'count'],
    [{ type: 'throttleLogins', perSecond: 'lots' }, 'wrong-type', 'perSecond'],
    [{ type: 'pushHotfix', fix: 'everything', rolloutPctPerHour: 10 }, 'out-of-range', 'fix'],
    [{ type: 'setGroupVideo', enabled: 'no' }, 'wrong-type', 'enabled'],
    [{ type: 'crashWave', version: 'win-9', fraction: 0.5 }, 'out-of-range', 'version'],
    [{ type: 'setGroupVideo', enabled: false, colour: 'red' }, 'unknown-field', 'colour'],
  ])('%j is refused with %s naming %s, and changes nothing', (cmd, code, field) => {
    const s = fresh();
    advanceMinutes(s, 5);
    const before = checksum(s);
    const res = applyCommand(s, cmd);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe(code);
      expect(res.error.field).toBe(field);
      expect(res.error.message.length).toBeGreaterThan(5);
    }
    expect(checksum(s)).toBe(before);
  });

  it('mega-supernodes serve only after their lead time, then arrive at the source\'s rate', () => {
    const s = fresh();
    const cloud = s.scenario.services.mega.cloud; // 20 min lead, then 100/h
    expect(applyCommand(s, { type: 'deployMegaSupernodes', count: 100, region: 'europe', source: 'cloud' }).ok).toBe(true);
    expect(viewOf(s).metrics.megaSupernodesPending).toBe(100);
    advanceMinutes(s, cloud.provisionMin - 1);
    expect(viewOf(s).metrics.megaSupernodesUp).toBe(0);
    advanceMinutes(s, 31);
    const halfway = viewOf(s).metrics.megaSupernodesUp;
    expect(halfway).toBeGreaterThan(0.3 * cloud.perHour * 0.5);
    expect(halfway).toBeLessThan(100);
    advanceMinutes(s, 60);
    expect(viewOf(s).metrics.megaSupernodesUp).toBe(100);
    expect(viewOf(s).regions.find((r) => r.id === 'europe')!.megaUp).toBe(100);
  });

  it('Group Video servers can only be borrowed once Group Video is off, and must be returned before it comes back', () => {
    const s = fresh();
    const refused = applyCommand(s, { type: 'deployMegaSupernodes', count: 50, region: 'europe', source: 'groupVideo' });
    expect(refused.ok === false && refused.error.code === 'not-allowed-now' && refused.error.field === 'source').toBe(true);
    expect(applyCommand(s, { type: 'setGroupVideo', enabled: false }).ok).toBe(true);
    expect(applyCommand(s, { type: 'deployMegaSupernodes', count: 50, region: 'europe', source: 'groupVideo' }).ok).toBe(true);
    const back = applyCommand(s, { type: 'setGroupVideo', enabled: true });
    expect(back.ok).toBe(false);
    expect(viewOf(s).groupVideoEnabled).toBe(false);
  });

  it('a source cannot give more servers than it has', () => {
    const s = fresh();
    const r = applyCommand(s, { type: 'deployMegaSupernodes', count: 1001, region: 'europe', source: 'dedicated' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/1,000 dedicated servers/);
  });

  it('a login throttle lands after its config push and caps successful logins', () => {
    const s = fresh();
    applyCommand(s, { type: 'throttleLogins', perSecond: 100 });
    expect(s.services.throttleGlobal).toBe(null);
    advanceMinutes(s, 3);
    expect(s.services.throttleGlobal).toBe(100);
    advanceMinutes(s, 5);
    expect(viewOf(s).metrics.loginsOkPerS).toBeLessThanOrEqual(100.001);
  });

  it('a hotfix builds, then rolls out and moves users off the buggy build', () => {
    const s = fresh();
    applyCommand(s, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 50 });
    const build = s.scenario.hotfixes.imCrashFix.buildMin;
    advanceMinutes(s, build - 10);
    expect(viewOf(s).hotfixes[0].stage).toBe('building');
    expect(viewOf(s).metrics.hotfixedPct).toBe(0);
    advanceMinutes(s, 70);
    expect(viewOf(s).hotfixes[0].stage).toBe('rolling-out');
    expect(viewOf(s).metrics.hotfixedPct).toBeGreaterThan(5);
    expect(applyCommand(s, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 50 }).ok).toBe(false);
  });

  it('validation accepts every verb in its documented shape', () => {
    const good = [
      { type: 'deployMegaSupernodes', count: 10, region: 'europe', source: 'dedicated' },
      { type: 'withdrawMegaSupernodes', count: 10, region: 'europe' },
      { type: 'throttleLogins', perSecond: null },
      { type: 'throttleLogins', perSecond: 500, region: 'asia-pac' },
      { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 10 },
      { type: 'setOfflineImService', enabled: true, capacityPct: 150 },
      { type: 'setGroupVideo', enabled: true },
      { type: 'crashWave', version: 'win-5.0.0152', fraction: 0.1 },
      { type: 'rebootStorm', fraction: 0.3, overMinutes: 45 },
      { type: 'serviceOutage', service: 'login', fraction: 0.5, durationMin: 30 },
      { type: 'loginFlood', perSecond: 20000, durationMin: 60, region: 'europe' },
      { type: 'supernodeCrash', fraction: 0.2 },
    ];
    for (const c of good) expect(validateCommand(c, ['win-5.0.0152']).ok, JSON.stringify(c)).toBe(true);
  });
});

describe('offline-IM capacity past the cluster\'s own', () => {
  const capOf = (s: SimState) => s.services.imCapacityPct;
  it('is new servers: lands after offlineImGrowMin, not a config push, and is billed while it runs', () => {
    const s = fresh();
    const grow = s.scenario.commandDelays.offlineImGrowMin;
    expect(grow).toBeGreaterThan(s.scenario.commandDelays.offlineImMin);
    expect(applyCommand(s, { type: 'setOfflineImService', enabled: true, capacityPct: 400 }).ok).toBe(true);
    advanceMinutes(s, s.scenario.commandDelays.offlineImMin + 1);
    expect(capOf(s)).toBe(100);
    advanceMinutes(s, grow);
    expect(capOf(s)).toBe(400);
    // Three times the cluster again, for an hour: three hours' worth of one 100% at the stated price.
    const before = s.totals.costUsd;
    advanceMinutes(s, 60);
    const imPart = s.totals.costUsd - before;
    expect(imPart).toBeGreaterThanOrEqual(3 * s.scenario.prices.imExtraCapacityPerHourUsd - 1e-6);
  });

  it('is dropped by a later order that lands first: switched off meanwhile, the service stays off', () => {
    const s = fresh();
    applyCommand(s, { type: 'setOfflineImService', enabled: true, capacityPct: 300 });
    advanceMinutes(s, 60);
    applyCommand(s, { type: 'setOfflineImService', enabled: false });
    advanceMinutes(s, s.scenario.commandDelays.offlineImGrowMin + 10);
    expect(s.services.imEnabled).toBe(false);
    expect(capOf(s)).toBe(100);
    // No extra server ever ran: the bill is that of the switch-off alone, bit for bit.
    const offOnly = fresh();
    advanceMinutes(offOnly, 60);
    applyCommand(offOnly, { type: 'setOfflineImService', enabled: false });
    advanceMinutes(offOnly, s.scenario.commandDelays.offlineImGrowMin + 10);
    expect(s.totals.costUsd).toBe(offOnly.totals.costUsd);
  });

  it('costs nothing at or below 100%, and lowering it is a quick config push', () => {
    const s = fresh();
    expect(applyCommand(s, { type: 'setOfflineImService', enabled: true, capacityPct: 60 }).ok).toBe(true);
    advanceMinutes(s, s.scenario.commandDelays.offlineImMin + 1);
    expect(capOf(s)).toBe(60);
    expect(s.totals.costUsd).toBe(0);
  });
});

describe('a hotfix ordered faster than the update servers deliver', () => {
  /** The pager's line when a hotfix's rollout begins (step hands each tick's events out). */
  const readyLine = (pct: number) => {
    const s = createSim(getScenario('aug-2007'), 1);
    applyCommand(s, { type: 'pushHotfix', fix: 'selfHealingFix', rolloutPctPerHour: pct });
    for (let i = 0; i < (s.scenario.hotfixes.selfHealingFix.buildMin + 1) * 6; i++) {
      const ready = step(s).find((e) => e.code === 'hotfix-ready');
      if (ready) return ready.text;
    }
    return '';
  };
  it('says so when its rollout begins, with the pace they can keep', () => {
    expect(readyLine(100)).toMatch(/rollout begins at 100%\/h, but the update servers deliver only ~\d+(\.\d)?%\/h of the clients left/);
    // A pace they can keep is not remarked on.
    expect(readyLine(1)).toBe('Self-healing fix passed testing: rollout begins at 1%/h');
  });

  it('names the rollout already under way that shares the update servers with it', () => {
    const s = createSim(getScenario('dec-2010'), 1);
    applyCommand(s, { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 100 });
    applyCommand(s, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 100 });
    const lines: string[] = [];
    for (let i = 0; i < (s.scenario.hotfixes.jitteredBackoff.buildMin + 1) * 6; i++) lines.push(...step(s).filter((e) => e.code === 'hotfix-ready').map((e) => e.text));
    expect(lines[0]).toMatch(/^Offline-IM crash fix passed testing: .*of the clients left$/); // alone when it begins
    expect(lines[1]).toMatch(/^Jittered-backoff update passed testing: .*of the clients left, shared with the offline-IM crash fix$/);
  });
});

describe('a refusal never grows with what it refuses', () => {
  it('quotes an unknown key, type or value in a few dozen characters, control characters escaped', () => {
    const long = 'x'.repeat(15_000);
    for (const input of [
      { type: 'throttleLogins', perSecond: 5, [`${long}\n`]: 1 },
      { type: long },
      { type: 'throttleLogins', perSecond: 5, region: long },
      { type: 'pushHotfix', fix: long, rolloutPctPerHour: 10 },
    ]) {
      const r = validateCommand(input);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.message.length + r.error.field.length).toBeLessThan(400);
      expect(r.error.message + r.error.field).not.toMatch(/\n/);
    }
  });
});
