// Group Video Calling came in 2010: in aug-2007 "Group Video" is the scenario's name for Skype's
// own re-imaged fleet (its groupVideo note), so its pager lines, refusals and timelines must not
// speak of the feature; dec-2010 keeps the feature's name.
import { describe, expect, it } from 'vitest';
import { applyCommand, createSim, getScenario, type SimState } from '../../src/sim/index';
import { TICKS_PER_MINUTE } from '../../src/sim/time';
import { landPending } from '../../src/sim/apply';
import { describeCommand } from '../../src/replay/index';

/** Every pager line and refusal from switching Group Video off, borrowing too early, and back on. */
function wordsOf(id: string): { pager: string[]; refusal: string; comingBack: string; timeline: string[] } {
  const s: SimState = createSim(getScenario(id), 1);
  const early = applyCommand(s, { type: 'deployMegaSupernodes', count: 10, source: 'groupVideo', region: 'europe' });
  applyCommand(s, { type: 'setGroupVideo', enabled: false });
  landPending(s);
  applyCommand(s, { type: 'setGroupVideo', enabled: true });
  const late = applyCommand(s, { type: 'deployMegaSupernodes', count: 10, source: 'groupVideo', region: 'europe' });
  s.tick += s.scenario.commandDelays.groupVideoMin * TICKS_PER_MINUTE;
  landPending(s);
  return {
    pager: s.events.map((e) => e.text),
    refusal: early.ok ? '' : early.error.message,
    comingBack: late.ok ? '' : late.error.message,
    timeline: [false, true].map((enabled) => describeCommand({ type: 'setGroupVideo', enabled }, s.scenario)),
  };
}

describe('Group Video in each scenario\'s words', () => {
  it('aug-2007: the fleet\'s servers are freed and given back, never "Group Video Calling"', () => {
    const w = wordsOf('aug-2007');
    // Off takes effect at once: one line, no "queued" before it.
    expect(w.pager).toEqual([
      'Group Video servers freed for mega-supernodes',
      'Config push queued: Group Video servers back to their usual work', // on its way: the order's words
      'Group Video servers back on their usual work',
    ]);
    expect(w.refusal).toBe("Skype's own work still runs on those servers: turn Group Video off first");
    expect(w.comingBack).toBe('Those servers are going back to their usual work: cancel that order first');
    expect(w.timeline).toEqual(['Group Video servers taken off their usual work', 'Group Video servers back to their usual work']);
    expect(JSON.stringify(w)).not.toMatch(/Calling/);
  });

  it('dec-2010: the feature by name', () => {
    const w = wordsOf('dec-2010');
    expect(w.pager).toEqual([
      'Group Video Calling switched off',
      'Config push queued: Group Video Calling back on',
      'Group Video Calling restored',
    ]);
    expect(w.refusal).toBe('Group Video Calling still runs on those servers: turn Group Video off first');
    expect(w.comingBack).toBe('Group Video is coming back on those servers: cancel that order first');
    expect(w.timeline).toEqual(['Group Video Calling off', 'Group Video Calling back on']);
  });

  it('a timeline without its scenario keeps the feature\'s name', () => {
    expect(describeCommand({ type: 'setGroupVideo', enabled: false })).toBe('Group Video Calling off');
  });
});
