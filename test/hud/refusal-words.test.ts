// Every refusal a trainee can meet reads as a sentence with the form's words: no codes, no
// command field names in quotes.
import { describe, expect, it } from 'vitest';
import { applyCommand, createSim, getScenario } from '../../src/sim/index';
import { plainRefusal } from '../../src/renderer/hud/refusal-words';

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
