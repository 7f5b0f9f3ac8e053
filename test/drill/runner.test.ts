// DrillRunner: injects fire once (on time or on a condition), the trainee keeps to the
// drill's verbs, objectives and score are judged, and the replay judges the same.
import { describe, expect, it } from 'vitest';
import { DrillRunner, DrillScorer, scoreReplay, type DrillSample } from '../../src/drill/index';
import { verify } from '../../src/replay/index';
import { smallDrill } from './fixtures';

const START = '2025-01-01T00:00:00Z';

function runToEnd(r: DrillRunner, orders: Record<number, unknown[]> = {}) {
  const fired: { id: string; minute: number }[] = [];
  const hints: string[] = [];
  while (!r.ended) {
    for (const c of orders[r.state.tick] ?? []) expect(r.command(c).ok).toBe(true);
    const t = r.tick();
    fired.push(...t.injected.map((i) => ({ id: i.id, minute: r.minute })));
    hints.push(...t.hints);
  }
  return { fired, hints };
}

describe('DrillRunner', () => {
  it('fires timed and conditional injects exactly once each, and gives timed hints', () => {
    const r = DrillRunner.start(smallDrill(), { createdAt: START });
    const { fired, hints } = runToEnd(r);
    expect(fired.map((f) => f.id).sort()).toEqual(['crash-at-30', 'flood-when-low']);
    expect(fired.find((f) => f.id === 'crash-at-30')!.minute).toBe(30);
    expect(fired.find((f) => f.id === 'flood-when-low')!.minute).toBeLessThan(30); // online share falls below 90% early
    expect(hints).toEqual(['Look at the offline-IM cluster']);
    const rec = r.finish();
    expect(rec.drillId).toBe('small');
    expect(rec.commands.filter((c) => c.source === 'instructor')).toHaveLength(2);
    expect(rec.marks).toEqual([{ tick: 60, kind: 'hint', text: 'Look at the offline-IM cluster' }]);
    expect(verify(rec).ok).toBe(true);
  });

  it('refuses verbs the drill does not allow (not-allowed-now, field "type"), but not the instructor', () => {
    const r = DrillRunner.start(smallDrill(), { createdAt: START });
    expect(r.command({ type: 'throttleLogins', perSecond: 100 })).toEqual({
      ok: false,
      error: { code: 'not-allowed-now', field: 'type', message: 'throttleLogins is not available in this drill; you may use deployMegaSupernodes, setOfflineImService' },
    });
    expect(r.command({ type: 'setOfflineImService', enabled: false }).ok).toBe(true);
    expect(r.command({ type: 'throttleLogins', perSecond: 100 }, 'instructor').ok).toBe(true);
    expect(r.command({ type: 'deployMegaSupernodes', count: -1, region: 'europe', source: 'cloud' })).toMatchObject({ ok: false, error: { code: 'out-of-range', field: 'count' } });
  });

  it('plays up to a late start with the trainee locked out, and counts only from the start', () => {
    const d = smallDrill({ startAtMinute: 20, objectives: [{ id: 'cheap', text: 'cheap', kind: 'costAtMost', usd: 50 }], scoring: { weights: {} } });
    const r = DrillRunner.start(d, { createdAt: START });
    expect(r.minute).toBe(20);
    expect(r.command({ type: 'setOfflineImService', enabled: false }).ok).toBe(true);
    runToEnd(r);
    expect(r.reason).toBe('time');
    expect(r.minute).toBe(20 + 120);
    expect(r.scorer.spent.userHoursLost).toBeGreaterThan(0);
    expect(r.scorer.spent.userHoursLost).toBeLessThan(r.state.totals.userHoursLost - 1000);
  });

  it('judges objectives and adds up the score: objective points + penalties = total', () => {
    const cheap = DrillRunner.start(smallDrill(), { createdAt: START });
    runToEnd(cheap);
    const [held, spend] = cheap.objectives();
    expect(held).toMatchObject({ id: 'held', state: 'missed', decidedAtMinute: 60 });
    expect(spend).toMatchObject({ id: 'cheap', state: 'met', decidedAtMinute: 120, value: 0 });
    const s = cheap.score();
    expect(s.objectives.map((o) => [o.id, o.points, o.maxPoints])).toEqual([['held', 0, 200], ['cheap', 100, 100]]);
    expect(s.penalties.map((p) => p.id)).toEqual(['userHoursLost', 'megaCost']);
    expect(s.total).toBeCloseTo(100 + s.penalties[0].points + s.penalties[1].points, 6);
    expect(s.maxTotal).toBe(300);

    const spender = DrillRunner.start(smallDrill(), { createdAt: START });
    runToEnd(spender, { 0: [{ type: 'deployMegaSupernodes', count: 1000, region: 'europe', source: 'cloud' }] });
    const cost = spender.objectives()[1];
    expect(cost.state).toBe('missed');
    expect(cost.decidedAtMinute).toBeLessThan(120);
    expect(spender.score().penalties[1].points).toBeLessThan(0);
  });

  it('ends as soon as every objective is decided', () => {
    const d = smallDrill({ objectives: [{ id: 'held', text: 'x', kind: 'onlineShareBy', share: 0.5, byMinute: 45 }], scoring: { weights: {} } });
    const r = DrillRunner.start(d, { createdAt: START });
    runToEnd(r);
    expect(r.reason).toBe('objectives');
    expect(r.minute).toBe(45);
    expect(r.tick()).toEqual({ events: [], injected: [], hints: [], ended: true });
    expect(r.command({ type: 'setOfflineImService', enabled: false })).toMatchObject({ ok: false, error: { code: 'not-allowed-now' } });
  });

  it('resumes after a crash or a take-over exactly where it was: same verdict, same replay', () => {
    const orders = { 30: [{ type: 'deployMegaSupernodes', count: 20, region: 'europe', source: 'cloud' }], 500: [{ type: 'setOfflineImService', enabled: false }] };
    const whole = DrillRunner.start(smallDrill(), { createdAt: START });
    runToEnd(whole, orders);

    const first = DrillRunner.start(smallDrill(), { createdAt: START });
    while (first.state.tick < 400) {
      for (const c of (orders as Record<number, unknown[]>)[first.state.tick] ?? []) first.command(c);
      first.tick();
    }
    const saved = first.recorder!.snapshotAt(first.state); // what the journal holds at the crash
    expect(saved.commands.filter((c) => c.injectId).map((c) => c.injectId).sort()).toEqual(['crash-at-30', 'flood-when-low']);
    const again = DrillRunner.resume(smallDrill(), saved, { createdAt: START });
    expect(again.state.tick).toBe(400);
    expect(again.objectives()).toEqual(first.objectives());
    expect([...again.firedInjects].sort()).toEqual(['crash-at-30', 'flood-when-low']);
    runToEnd(again, orders); // no inject fires twice, no hint is given twice
    expect(again.objectives()).toEqual(whole.objectives());
    expect(again.score()).toEqual(whole.score());
    expect(again.finish().finalChecksum).toBe(whole.finish().finalChecksum);
  });

  it('lets the instructor fire a scripted inject early, once, and end the drill', () => {
    const r = DrillRunner.start(smallDrill(), { createdAt: START });
    expect(r.fireInject('crash-at-30').ok).toBe(true);
    expect(r.fireInject('crash-at-30')).toMatchObject({ ok: false, error: { code: 'not-allowed-now', field: 'injectId' } });
    expect(r.fireInject('nope').ok).toBe(false);
    const { fired } = runToEnd(r, { 10: [] });
    expect(fired.map((f) => f.id)).not.toContain('crash-at-30');
    const s = DrillRunner.start(smallDrill(), { createdAt: START });
    for (let i = 0; i < 10; i++) s.tick();
    s.endNow();
    expect(s.ended).toBe(true);
    expect(s.reason).toBe('instructor');
    expect(s.objectives().every((o) => o.state !== 'pending')).toBe(true);
  });

  it('the debrief judges a drill replay exactly as the live runner did', () => {
    const r = DrillRunner.start(smallDrill(), { createdAt: START });
    runToEnd(r, { 30: [{ type: 'deployMegaSupernodes', count: 20, region: 'europe', source: 'cloud' }], 200: [{ type: 'setOfflineImService', enabled: false }] });
    const { scorer, result } = scoreReplay(r.drill, r.finish());
    expect(result.ok).toBe(true);
    expect(scorer.objectives()).toEqual(r.objectives());
    expect(scorer.score()).toEqual(r.score());
  });
});

describe('DrillScorer', () => {
  const sample = (minute: number, over: Partial<DrillSample> = {}): DrillSample => ({
    minute, onlineShare: 1, onlineUsers: 1, supernodesUp: 1, megaSupernodesUp: 0, supernodeTrafficX: 1, loginAttemptsPerS: 0,
    userHoursLost: 0, megaCostUsd: 0, phase: 'calm', collapsed: false, recovered: false, ...over,
  });

  it('recoveredBy: met on recovery before the deadline, missed if still collapsed at it, met if it never fell', () => {
    const d = smallDrill({ objectives: [{ id: 'r', text: 'r', kind: 'recoveredBy', byMinute: 100 }], scoring: { weights: {} } });
    const a = new DrillScorer(d);
    a.observe(sample(0));
    a.observe(sample(50, { collapsed: true, onlineShare: 0.45 }));
    expect(a.objectives()[0]).toMatchObject({ state: 'pending', progress: 0.5 });
    a.observe(sample(90, { recovered: true }));
    expect(a.objectives()[0]).toMatchObject({ state: 'met', decidedAtMinute: 90 });
    const b = new DrillScorer(d);
    b.observe(sample(100, { collapsed: true }));
    expect(b.objectives()[0].state).toBe('missed');
    const c = new DrillScorer(d);
    c.observe(sample(100));
    expect(c.objectives()[0].state).toBe('met');
  });

  it('megaHoursAtMost integrates mega-supernodes over ticks from the drill start', () => {
    const d = smallDrill({ objectives: [{ id: 'm', text: 'm', kind: 'megaHoursAtMost', hours: 100 }], scoring: { weights: {} } });
    const s = new DrillScorer(d);
    for (let t = 0; t <= 360; t++) s.observe(sample(t / 6, { megaSupernodesUp: 50 }));
    expect(s.megaHours).toBeCloseTo(50, 6); // 50 servers for one hour
    expect(s.objectives()[0].state).toBe('pending');
    for (let t = 361; t <= 1200; t++) s.observe(sample(t / 6, { megaSupernodesUp: 50 }));
    expect(s.objectives()[0]).toMatchObject({ state: 'missed' });
  });
});
