// A command in a timeline (the console, a replay, the debrief report) reads in the player's
// words: a crash wave names the client build as the scenario calls it, not by its id.
import { describe, expect, it } from 'vitest';
import { getScenario } from '../../src/sim/index';
import { describeCommand } from '../../src/replay/index';

describe('describeCommand', () => {
  it('a crash wave names the build by its name in the scenario', () => {
    const c = { type: 'crashWave', version: 'win-5.0.0152', fraction: 0.4, region: 'na-east' } as const;
    expect(describeCommand(c, getScenario('dec-2010'))).toBe('Crash wave: 40% of Skype for Windows 5.0.0152 clients in North America East');
    expect(describeCommand({ type: 'crashWave', version: 'win-3.x', fraction: 0.1 }, getScenario('aug-2007'))).toBe('Crash wave: 10% of Skype for Windows 3.x clients');
  });

  it('without the scenario, or for a build it lacks, the id is all there is', () => {
    expect(describeCommand({ type: 'crashWave', version: 'win-5.0.0152', fraction: 0.4 })).toBe('Crash wave: 40% of win-5.0.0152 clients');
  });

  it('fixes, sources and regions by their display names', () => {
    expect(describeCommand({ type: 'pushHotfix', fix: 'selfHealingFix', rolloutPctPerHour: 20 })).toBe('Push the self-healing fix at 20%/h');
    expect(describeCommand({ type: 'deployMegaSupernodes', count: 100, source: 'groupVideo', region: 'asia-pac' })).not.toMatch(/groupVideo|asia-pac/);
  });
});
