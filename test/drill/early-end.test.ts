// An instructor who ends a drill early must not hand out objectives nobody could reach yet.
import { describe, expect, it } from 'vitest';
import { DrillRunner } from '../../src/drill/index';
import { smallDrill } from './fixtures';

describe('ending a drill early', () => {
  it('misses a "share online by minute M" target whose moment never came, keeps budgets that held', () => {
    const run = DrillRunner.start(smallDrill(), { createdAt: '2026-01-01T00:00:00Z' });
    for (let i = 0; i < 6 * 10; i++) run.tick(); // ten sim-minutes: still nearly everyone online
    run.endNow();
    const byId = Object.fromEntries(run.objectives().map((o) => [o.id, o.state]));
    expect(byId.held).toBe('missed');
    expect(byId.cheap).toBe('met');
    expect(run.score().objectives.find((o) => o.id === 'held')!.points).toBe(0);
  });
});
