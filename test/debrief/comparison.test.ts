// A drill the instructor ends early: the debrief's comparison runs (no action, Skype's
// response) are judged by the same rules as the trainee, stopped at the same moment. Issue 8
// item 14: the comparisons were never closed, so "at most" objectives stayed undecided and
// Skype's response scored 248.5 where the same rules gave ~548.5.
import { describe, expect, it } from 'vitest';
import { historicalActions } from '../../src/sim/index';
import { stampAll } from '../../src/replay/index';
import { DrillRunner, scoreReplay } from '../../src/drill/index';
import { buildDebrief } from '../../src/debrief/index';
import { smallDrill } from '../drill/fixtures';
import { CREATED } from '../replay/helpers';

/** The small dec-2010 drill with a budget that only the drill's end decides; ended by the instructor at minute 45. */
function endedEarly(orders: 'none' | 'historical') {
  const drill = smallDrill({
    objectives: [
      { id: 'held', text: 'Half online at minute 60', kind: 'onlineShareBy', share: 0.5, byMinute: 60 },
      { id: 'cheap', text: 'Spend at most $50', kind: 'costAtMost', usd: 50 },
      { id: 'few-megas', text: 'At most 1,000,000 mega-supernode-hours', kind: 'megaHoursAtMost', hours: 1e6 },
    ],
    allowedActions: ['deployMegaSupernodes', 'withdrawMegaSupernodes', 'throttleLogins', 'pushHotfix', 'setOfflineImService', 'setGroupVideo'],
  });
  const r = DrillRunner.start(drill, { createdAt: CREATED });
  if (orders === 'historical') r.play(stampAll(historicalActions(), 'trainee'), 45 * 6);
  else while (r.minute < 45) r.tick();
  r.endNow();
  return { drill, rec: r.finish(), score: r.score() };
}

describe('drill comparisons in a debrief', () => {
  it('a comparison that gives the trainee\'s own orders scores exactly what the trainee scored, budgets decided', () => {
    for (const orders of ['none', 'historical'] as const) {
      const { drill, rec, score } = endedEarly(orders);
      expect(score.objectives.find((o) => o.id === 'cheap')?.state).not.toBe('pending');
      const d = buildDebrief(rec, { drill, everyMin: 15 });
      const same = d.drill!.compare[orders === 'none' ? 0 : 1];
      expect(same.label).toMatch(orders === 'none' ? /^No action/ : /^Skype's Dec 2010 response/);
      expect(same.score.objectives.map((o) => o.state)).toEqual(score.objectives.map((o) => o.state));
      expect(same.total).toBe(score.total);
      // The trainee's own verdict, from the replay, agrees too (one judge).
      expect(d.drill!.score.total).toBe(score.total);
      expect(scoreReplay(drill, rec).scorer.score().total).toBe(score.total);
    }
  });

  it('no comparison objective is left pending when the drill ends early', () => {
    const { drill, rec } = endedEarly('none');
    const d = buildDebrief(rec, { drill, everyMin: 15 });
    expect(d.drill!.compare).toHaveLength(2);
    for (const c of d.drill!.compare) expect(c.score.objectives.filter((o) => o.state === 'pending')).toEqual([]);
    // Doing nothing spends nothing: the cost budget is met, 100 points, in every run that bought no megas.
    expect(d.drill!.compare[0].score.objectives.find((o) => o.id === 'cheap')?.state).toBe('met');
  });
});
