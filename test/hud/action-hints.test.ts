// The hints under the forms say what is true of the scenario being played: 16 Aug 2007 has no
// 5.0.0152 crash, no Group Video and no cloud, and its fix is the self-healing one.
import { describe, expect, it } from 'vitest';
import { applyCommand, createSim, getScenario, step, viewOf, type HotfixId, type MegaSource } from '../../src/sim/index';
import { actionHints, type HintInputs } from '../../src/renderer/hud/action-hints';

const hints = (scenarioId: string, over: Partial<HintInputs> = {}) =>
  actionHints(viewOf(createSim(getScenario(scenarioId), 1)), {
    deployCount: 10, deploySource: 'dedicated' as MegaSource, deployRegion: 'europe', throttleRegion: '', throttleRate: 1000, hotfix: 'imCrashFix' as HotfixId, ...over,
  });

describe('action hints in aug-2007', () => {
  it('the hotfix hint speaks of the self-healing fix and the builds it is for', () => {
    const h = hints('aug-2007', { hotfix: 'selfHealingFix' })['hotfix-hint'];
    expect(h).toMatch(/^Build takes 4 h.*For Skype for Windows 3\.x and Skype for Mac \(88% of users\)/);
    expect(h).not.toMatch(/buggy build/);
  });

  it('the offline-IM crash fix is for no client in 2007', () => {
    const h = hints('aug-2007', { hotfix: 'imCrashFix' })['hotfix-hint'];
    expect(h).toBe('No client in this scenario crashes on slow offline-IM replies: the offline-IM crash fix would change nothing.');
  });

  it('switching offline IM off only defers messages', () => {
    const h = hints('aug-2007')['offline-im-hint'];
    expect(h).toMatch(/^No client in this scenario crashes on slow replies: switching off only makes offline messages wait, a cost with no benefit\./);
    expect(h).not.toMatch(/5\.0\.0152/);
  });

  it('the Group Video switch frees re-imaged fleet servers, from the scenario\'s words', () => {
    const h = hints('aug-2007')['group-video-hint'];
    expect(h).toMatch(/^Off \(at once\) frees 400 servers to host mega-supernodes\. Group Video did not exist in 2007: these are re-imaged servers of Skype's own fleet/);
    expect(h).not.toMatch(/400 Group Video servers/);
  });

  it('deploying on those servers says what they are', () => {
    expect(hints('aug-2007', { deploySource: 'groupVideo' })['deploy-hint']).toMatch(/^Group Video: first up in 30 min .*\. Group Video did not exist in 2007: these are re-imaged servers/);
  });

  it('borrowing the fleet\'s servers is priced where the player chooses it, and the withdraw hint tells no 2010 story', () => {
    expect(hints('aug-2007')['group-video-hint']).toMatch(/ Off costs \$5,000\/h: their usual work waits\./);
    expect(hints('aug-2007', { deploySource: 'groupVideo' })['deploy-hint']).toMatch(/no running cost, but Group Video off costs \$5,000\/h/);
    const w = hints('aug-2007')['withdraw-hint'];
    expect(w).toBe('Give Group Video servers back first: Group Video stays off while any are borrowed, at $5,000/h.');
    expect(w).not.toMatch(/Christmas|Calling/);
  });

  it('cloud instances: none to be had, and why', () => {
    expect(hints('aug-2007', { deploySource: 'cloud' })['deploy-hint']).toBe('Cloud: none to be had in this scenario. There was no public cloud to rent at scale in August 2007.');
  });
});

describe('action hints in dec-2010 keep December\'s story', () => {
  it('the offline-IM crash fix and the switch name the crashing build', () => {
    const h = hints('dec-2010');
    expect(h['hotfix-hint']).toMatch(/^Build takes .*For Skype for Windows 5\.0\.0152 \(\d+% of users\)/);
    expect(h['offline-im-hint']).toMatch(/^Switching off stops the slow replies that crash Skype for Windows 5\.0\.0152; offline messages wait\./);
    expect(h['group-video-hint']).toMatch(/^Off \(at once\) frees [\d,.kK]+ Group Video servers to host mega-supernodes\./);
    expect(hints('dec-2010', { deploySource: 'cloud' })['deploy-hint']).toMatch(/^Cloud: first up in .*\$0\.80\/h each/);
  });

  it('Group Video off names its price, and giving its servers back first is what Skype did', () => {
    expect(hints('dec-2010')['group-video-hint']).toMatch(/ Off costs \$5,000\/h: a paid feature down\./);
    expect(hints('dec-2010')['withdraw-hint']).toBe('Give Group Video servers back first: Group Video stays off while any are borrowed, at $5,000/h. Skype gave them back and restored Group Video Calling in time for Christmas.');
  });

  it('the sandbox day tells no Christmas story: nothing happened on it', () => {
    expect(hints('normal-day')['withdraw-hint']).toBe('Give Group Video servers back first: Group Video stays off while any are borrowed, at $5,000/h.');
  });

  it('a fix no client here needs says so', () => {
    expect(hints('dec-2010', { hotfix: 'selfHealingFix' })['hotfix-hint']).toBe('No client in this scenario has the self-healing flaw: the self-healing fix would change nothing.');
  });
});

describe('action hints in an instructor’s own scenario (one this screen cannot read)', () => {
  // A dec-2010 copy under another id: the sim has its 1,000 dedicated servers and 5.0.0152's crash.
  const own = () => {
    const sc = { ...getScenario('dec-2010'), id: 'dec-2010-hard' };
    return actionHints(viewOf(createSim(sc, 1)), { deployCount: 10, deploySource: 'dedicated', deployRegion: 'europe', throttleRegion: '', throttleRate: 1000, hotfix: 'imCrashFix' });
  };

  it('claim nothing they cannot know: no "none to be had", no fix that "would change nothing", no free lunch', () => {
    const h = own();
    expect(h['deploy-hint']).not.toMatch(/none to be had/);
    expect(h['deploy-hint']).toMatch(/1,000 left/); // what the host says is left
    expect(h['hotfix-hint']).not.toMatch(/No client in this scenario/);
    expect(h['offline-im-hint']).not.toMatch(/a cost with no benefit/);
    expect(h['group-video-hint']).not.toMatch(/frees 0 /);
  });
});

describe('the hotfix hint while a rollout is held back', () => {
  /** dec-2010 with no build time: the fixes roll out from the first minute. */
  const rolling = (orders: { fix: HotfixId; pct: number }[], minutes: number) => {
    const sc = structuredClone(getScenario('dec-2010'));
    sc.hotfixes.imCrashFix.buildMin = 0;
    sc.hotfixes.jitteredBackoff.buildMin = 0;
    const s = createSim(sc, 1);
    for (const o of orders) expect(applyCommand(s, { type: 'pushHotfix', fix: o.fix, rolloutPctPerHour: o.pct }).ok).toBe(true);
    while (s.tick < minutes * 6) step(s);
    return (fix: HotfixId) => actionHints(viewOf(s), { deployCount: 10, deploySource: 'dedicated', deployRegion: 'europe', throttleRegion: '', throttleRate: 1000, hotfix: fix })['hotfix-hint'];
  };

  it('says the pace the update servers deliver when they cannot keep up, and that another rollout shares them', () => {
    const alone = rolling([{ fix: 'imCrashFix', pct: 100 }], 10)('imCrashFix');
    expect(alone).toMatch(/% done at 100%\/h, but the update servers deliver ~\d+(\.\d)?%\/h \(users offline/);
    const both = rolling([{ fix: 'imCrashFix', pct: 100 }, { fix: 'jitteredBackoff', pct: 100 }], 10);
    expect(both('jitteredBackoff')).toMatch(/at 100%\/h, but the update servers deliver ~\d+(\.\d)?%\/h, shared with another rollout/);
    // A pace they keep is not remarked on.
    expect(rolling([{ fix: 'imCrashFix', pct: 1 }], 10)('imCrashFix')).not.toMatch(/deliver/);
  });
});
