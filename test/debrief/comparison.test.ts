// A drill the instructor ends early: the debrief's comparison runs (no action, Skype's
// response) are judged by the same rules as the trainee, stopped at the same moment. Issue 8
// item 14: the comparisons were never closed, so "at most" objectives stayed undecided and
// Skype's response scored 248.5 where the same rules gave ~548.5.
import { describe, expect, it } from 'vitest';
import { historicalActions } from '../../src/sim/index';
import { stampAll } from '../../src/replay/index';
import { DrillRunner, scoreReplay } from '../../src/drill/index';
import { buildDebrief, renderReport } from '../../src/debrief/index';
import { OBJECTIVE_STATE_WORDS, objectiveStateText } from '../../src/shared/score';
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
    // Doing nothing spends nothing so far, but the budget covers the whole drill: ended early, not judged, no points.
    expect(d.drill!.compare[0].score.objectives.find((o) => o.id === 'cheap')).toMatchObject({ state: 'unjudged', points: 0 });
    expect(renderReport(d, { fileName: 'x.skyreplay', generatedAt: CREATED })).toContain('not judged');
  });
});

describe('objective states in the report', () => {
  it('are worded as the score screen and the drill panel word them, the reason for "not judged" included', () => {
    const { drill, rec } = endedEarly('none');
    const html = renderReport(buildDebrief(rec, { drill, everyMin: 15 }), { fileName: 'x.skyreplay', generatedAt: CREATED });
    const row = html.split('<tr>').find((r) => r.includes('Spend at most $50'))!;
    expect(row).toContain(`>${OBJECTIVE_STATE_WORDS.unjudged}</span>`);
    expect(row).toContain(objectiveStateText('unjudged'));
  });
});

describe('the report of a check-mode drill', () => {
  it('marks hints as not shown, lists refused orders with their reason, and says it was an assessment', () => {
    const r = DrillRunner.start(smallDrill(), { createdAt: CREATED, checkMode: true });
    while (r.minute < 20) r.tick();
    expect(r.command({ type: 'throttleLogins', perSecond: 3000 }).ok).toBe(false); // not one of this drill's verbs
    r.giveHint(0, 'Instructor');
    while (!r.ended && r.minute < 40) r.tick();
    r.endNow();
    const rec = r.finish();
    expect(rec.checkMode).toBe(true);
    const d = buildDebrief(rec, { drill: r.drill, everyMin: 15 });
    const hints = d.timeline.filter((e) => e.source === 'hint');
    expect(hints.length).toBeGreaterThan(0);
    expect(hints.every((e) => e.unseen)).toBe(true);
    const refused = d.timeline.filter((e) => e.source === 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0].text).toMatch(/^Throttle logins to 3,000\/s.*throttleLogins is not available in this drill/);
    const html = renderReport(d, { fileName: 'x.skyreplay', generatedAt: CREATED });
    expect(html).toContain('check mode</span> An assessment');
    expect(html.match(/not shown to the trainee \(check mode\)/g)).toHaveLength(hints.length);
    expect(html).toContain('1 refused</span>');
    // The same drill played openly: hints count as seen.
    const open = DrillRunner.start(smallDrill(), { createdAt: CREATED });
    while (!open.ended && open.minute < 20) open.tick();
    open.endNow();
    const od = buildDebrief(open.finish(), { drill: open.drill, everyMin: 15 });
    expect(od.timeline.some((e) => e.source === 'hint' && !e.unseen)).toBe(true);
    expect(renderReport(od, { fileName: 'x', generatedAt: CREATED })).not.toContain('not shown to the trainee');
  });
});
