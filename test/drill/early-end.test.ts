// An instructor who ends a drill early must not hand out objectives nobody could reach yet:
// a target whose moment never came is missed, and a budget over the whole drill (user-hours,
// spend) is not judged, since nobody knows what the rest of the drill would have cost.
import { describe, expect, it } from 'vitest';
import { DrillRunner, DrillScorer, type DrillSample } from '../../src/drill/index';
import { smallDrill } from './fixtures';

describe('ending a drill early', () => {
  it('misses a "share online by minute M" target whose moment never came, leaves budgets that held unjudged, 0 points', () => {
    const run = DrillRunner.start(smallDrill(), { createdAt: '2026-01-01T00:00:00Z' });
    for (let i = 0; i < 6 * 10; i++) run.tick(); // ten sim-minutes: still nearly everyone online
    run.endNow();
    const byId = Object.fromEntries(run.objectives().map((o) => [o.id, o.state]));
    expect(byId.held).toBe('missed');
    expect(byId.cheap).toBe('unjudged');
    const score = run.score();
    expect(score.objectives.map((o) => [o.id, o.state, o.points])).toEqual([['held', 'missed', 0], ['cheap', 'unjudged', 0]]);
    expect(score.total).toBeLessThanOrEqual(0); // penalties only
    expect(score.maxTotal).toBe(300);
  });

  it('a budget already broken when the drill is ended early stays missed', () => {
    const run = DrillRunner.start(smallDrill(), { createdAt: '2026-01-01T00:00:00Z' });
    expect(run.command({ type: 'deployMegaSupernodes', count: 1000, region: 'europe', source: 'cloud' }).ok).toBe(true);
    while (run.objectives()[1].state === 'pending') run.tick();
    run.endNow();
    expect(run.objectives()[1].state).toBe('missed');
  });
});

describe('a whole-drill budget', () => {
  const sample = (minute: number, over: Partial<DrillSample> = {}): DrillSample => ({
    minute, onlineShare: 0, onlineUsers: 0, supernodesUp: 0, megaSupernodesUp: 0, supernodeTrafficX: 1, loginAttemptsPerS: 0,
    userHoursLost: 0, megaCostUsd: 0, phase: 'collapse', collapsed: true, recovered: false, ...over,
  });
  const drill = smallDrill({
    objectives: [
      { id: 'hours', text: 'Lose at most 100 user-hours', kind: 'userHoursLostAtMost', hours: 100 },
      { id: 'spend', text: 'Spend at most $40,000', kind: 'costAtMost', usd: 40_000 },
    ],
    scoring: { weights: {} },
  });

  it('shows its own measure on the bar (used of the allowance), not the share of the drill elapsed', () => {
    const s = new DrillScorer(drill); // minutes 0 to 120
    s.observe(sample(0));
    s.observe(sample(60, { userHoursLost: 25, megaCostUsd: 0 })); // half the drill gone, a quarter of the hours, no money
    const [hours, spend] = s.objectives();
    expect(hours).toMatchObject({ state: 'pending', value: 25, target: 100, progress: 0.25 });
    expect(spend).toMatchObject({ state: 'pending', value: 0, target: 40_000, progress: 0 });
    s.observe(sample(90, { userHoursLost: 25, megaCostUsd: 30_000 }));
    expect(s.objectives()[1].progress).toBeCloseTo(0.75, 9);
  });

  it('is met only when the drill ran its full time; ended early with the network down it is not judged', () => {
    const early = new DrillScorer(drill);
    early.observe(sample(0));
    early.observe(sample(60, { userHoursLost: 25 }));
    early.close(true);
    expect(early.objectives().map((o) => o.state)).toEqual(['unjudged', 'unjudged']);
    expect(early.score().objectives.map((o) => o.points)).toEqual([0, 0]);

    const full = new DrillScorer(drill);
    full.observe(sample(0));
    full.observe(sample(120, { userHoursLost: 25 }));
    full.close(false);
    expect(full.objectives()).toMatchObject([{ state: 'met', progress: 0.25 }, { state: 'met', progress: 0 }]);
    expect(full.score().objectives.map((o) => o.points)).toEqual([100, 100]);
  });
});
