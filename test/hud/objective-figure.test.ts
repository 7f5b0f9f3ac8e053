// The drill panel's figure beside each objective's bar: what the objective is judged on, and
// for a whole-drill budget left unjudged by an early end, that it was not judged.
import { describe, expect, it } from 'vitest';
import { objectiveFigure } from '../../src/renderer/drill/objective-figure';
import { objectiveStateText, type ObjectiveStatus } from '../../src/shared/score';

const status = (over: Partial<ObjectiveStatus>): ObjectiveStatus => ({
  id: 'x', text: 'x', kind: 'costAtMost', state: 'pending', progress: 0, value: 0, target: 40_000, decidedAtMinute: null, ...over,
});

describe('objective figures', () => {
  it('a budget reads as used of its allowance', () => {
    expect(objectiveFigure(status({ value: 0 }))).toBe('$0 of $40.0k spent');
    expect(objectiveFigure(status({ kind: 'userHoursLostAtMost', value: 205.4e6, target: 296.5e6 }))).toBe('205.4M of 296.5M user-hours lost');
  });

  it('an unjudged budget says so, on the panel and on the score screen', () => {
    expect(objectiveFigure(status({ state: 'unjudged', value: 0, decidedAtMinute: 641 }))).toBe('$0 of $40.0k spent · not judged');
    expect(objectiveStateText('unjudged')).toMatch(/^not judged: the drill ended early/);
  });
});
