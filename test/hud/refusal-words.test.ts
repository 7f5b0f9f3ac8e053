// Every refusal a trainee can meet reads as a sentence with the form's words: no codes, no
// command field names in quotes.
import { describe, expect, it } from 'vitest';
import { applyCommand, createSim, getScenario } from '../../src/sim/index';
import { plainRefusal } from '../../src/renderer/hud/refusal-words';
import { refusedOrderWords } from '../../src/shared/refusal-words';
import { describeCommand } from '../../src/replay/index';

const refusals: [unknown, RegExp][] = [
  [{ type: 'deployMegaSupernodes', count: 0, region: 'europe', source: 'cloud' }, /^Count must be between 1 and 20,000 \(you entered 0\)\.$/],
  [{ type: 'deployMegaSupernodes', count: 2.5, region: 'europe', source: 'cloud' }, /^Count must be a whole number\.$/],
  [{ type: 'deployMegaSupernodes', count: 6000, region: 'europe', source: 'cloud' }, /^Only 5,000 cloud servers are left: order 5,000 or fewer\.$/],
  [{ type: 'deployMegaSupernodes', count: 10, region: 'europe', source: 'groupVideo' }, /switch Group Video off first/],
  [{ type: 'withdrawMegaSupernodes', count: 10, region: 'europe' }, /no mega-supernodes in this region to withdraw/],
  [{ type: 'throttleLogins', perSecond: 0 }, /^Logins per second must be between 1 and 10,000,000/],
  [{ type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 500 }, /^Rollout % per hour must be between 0\.1 and 100/],
  [{ type: 'setOfflineImService', enabled: true, capacityPct: 900 }, /^Capacity % must be between 0 and 400/],
];

describe('refusals in plain words', () => {
  it.each(refusals)('%j', (cmd, words) => {
    const s = createSim(getScenario('dec-2010'), 1);
    const res = applyCommand(s, cmd);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const text = plainRefusal(res.error);
    expect(text).toMatch(words);
    expect(text).not.toMatch(/not-allowed-now|out-of-range|wrong-type|"/);
  });

  it('a pushed hotfix cannot be pushed twice, said so', () => {
    const s = createSim(getScenario('dec-2010'), 1);
    applyCommand(s, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 10 });
    const res = applyCommand(s, { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 10 });
    expect(!res.ok && plainRefusal(res.error)).toBe('The offline-IM crash fix is already on its way: it cannot be pushed twice.');
  });

  it('a drill\'s refusal names the instructor, not the verb', () => {
    expect(plainRefusal({ code: 'not-allowed-now', field: 'type', message: 'setGroupVideo is not available in this drill; you may use throttleLogins' }))
      .toBe('Your instructor has not made this action available in this drill.');
  });
});

describe('a refusal from the wire\'s door', () => {
  it('names the form field under "command."', () => {
    expect(plainRefusal({ code: 'out-of-range', field: 'command.count', message: '"count" must be between 1 and 20000, got 0' }))
      .toBe('Count must be between 1 and 20,000 (you entered 0).');
  });
});

describe('refused orders as the end screen and the report list them', () => {
  it("aug-2007: borrowing Skype's own fleet too early names the fleet, not the 2010 feature", () => {
    const s = createSim(getScenario('aug-2007'), 1);
    const r = applyCommand(s, { type: 'deployMegaSupernodes', count: 10, region: 'europe', source: 'groupVideo' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(plainRefusal(r.error)).toBe("Skype's own work still runs on those servers: take them off it first (the Group Video switch).");
  });

  it('a refused cancel names the order it tried to call back, then why', () => {
    const s = createSim(getScenario('dec-2010'), 1);
    const order = { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 100 } as const;
    expect(applyCommand(s, order).ok).toBe(true);
    s.tick += s.scenario.hotfixes.jitteredBackoff.buildMin * 6 + 6;
    const r = applyCommand(s, { type: 'cancelOrder', order, landsAtMinute: s.scenario.hotfixes.jitteredBackoff.buildMin });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // As the recorder keeps it: "<the order described>: <the sim's reason>".
    const text = `${describeCommand({ type: 'cancelOrder', order, landsAtMinute: 0 }, s.scenario)}: ${r.error.message}`;
    expect(refusedOrderWords(text)).toBe('Refused: Cancel “Push the jittered-backoff update at 100%/h” before it lands. The jittered-backoff update is already rolling out: clients have installed it, and an installed update cannot be recalled.');
  });
});
