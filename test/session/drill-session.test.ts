// Drills in the session: the instructor starts one, the trainee keeps to its verbs, check
// mode binds the trainee's clock, everything lands in the recording, and it ends on time.
import { describe, expect, it } from 'vitest';
import { verify } from '../../src/replay/index';
import { drillOf, drillsDir, session } from './helpers';

const drills = drillsDir();
const start = (checkMode = false) => {
  const s = session({ drillsDir: drills });
  expect(s.instructor({ act: 'startDrill', drillId: 'small', checkMode })).toEqual({ ok: true });
  return s;
};

describe('drill mode', () => {
  it('lists the drills and starts one paused on its briefing, at its time compression', () => {
    const s = session({ drillsDir: drills, speed: 3600 });
    const list = s.listDrills();
    expect(list).toMatchObject({ ok: true, data: [{ id: 'small', name: 'Small', scenarioId: 'dec-2010', timeLimitRealMin: 2, timeCompression: 60 }] });
    expect(s.instructor({ act: 'startDrill', drillId: 'nope', checkMode: false })).toMatchObject({ ok: false, error: { code: 'out-of-range', field: 'act.drillId' } });
    expect(s.mode).toBe('free');
    expect(s.instructor({ act: 'startDrill', drillId: 'small', checkMode: false })).toEqual({ ok: true });
    expect(s.mode).toBe('drill');
    expect(s.status).toMatchObject({ paused: true, speed: 60, scenarioId: 'dec-2010', seed: 1 });
    const d = drillOf(s.nextFrame());
    expect(d).toMatchObject({ drillId: 'small', checkMode: false, ended: false, endReason: null, score: null, allowedActions: ['deployMegaSupernodes', 'setOfflineImService'] });
    expect(d.realSecondsLeft).toBe(120); // two real minutes at 60x
    expect(d.simMinutesLeft).toBe(120);
    expect(d.objectives.map((o) => o.id)).toEqual(['held', 'cheap']);
  });

  it('runs in the world the instructor picks: another seed, recorded as such; none, the drill\'s own', () => {
    const s = session({ drillsDir: drills });
    expect(s.listDrills()).toMatchObject({ ok: true, data: [{ id: 'small', seed: 1, vary: 0 }] });
    expect(s.instructor({ act: 'startDrill', drillId: 'small', checkMode: false, seed: 4242 })).toEqual({ ok: true });
    expect(s.status).toMatchObject({ scenarioId: 'dec-2010', seed: 4242 });
    s.step(5);
    expect(s.recording()).toMatchObject({ drillId: 'small', seed: 4242 });
    expect(verify(s.recording()).ok).toBe(true);
    expect(s.instructor({ act: 'startDrill', drillId: 'small', checkMode: false })).toEqual({ ok: true });
    expect(s.status.seed).toBe(1);
  });

  it('refuses trainee verbs outside the drill, but not the instructor’s inject', () => {
    const s = start();
    const before = s.checksum();
    expect(s.applyCommand({ type: 'throttleLogins', perSecond: 100 }, 'trainee')).toMatchObject({ ok: false, error: { code: 'not-allowed-now', field: 'type' } });
    expect(s.applyCommand({ type: 'supernodeCrash', fraction: 0.5 }, 'trainee')).toMatchObject({ ok: false, error: { code: 'not-allowed-now' } });
    expect(s.checksum()).toBe(before);
    expect(s.recording().commands).toEqual([]);
    expect(s.applyCommand({ type: 'setOfflineImService', enabled: false }, 'trainee')).toEqual({ ok: true });
    expect(s.instructor({ act: 'inject', command: { type: 'throttleLogins', perSecond: 100 } })).toEqual({ ok: true });
    expect(s.recording().commands.map((c) => [c.source, c.command.type])).toEqual([['trainee', 'setOfflineImService'], ['instructor', 'throttleLogins']]);
  });

  it('check mode: the trainee can neither pause, resume, change speed, nor see hints; the instructor can', () => {
    const s = start(true);
    for (const c of [{ action: 'resume' }, { action: 'pause' }, { action: 'setSpeed', speed: 900 }, { action: 'step', minutes: 5 }, { action: 'newGame', scenarioId: 'dec-2010', seed: 2 }] as const)
      expect(s.control(c, 'trainee'), c.action).toMatchObject({ ok: false, error: { code: 'not-allowed-now', field: 'control.action' } });
    expect(s.status.paused).toBe(true);
    expect(s.control({ action: 'resume' }, 'instructor')).toEqual({ ok: true });
    expect(s.advance(1000).ticks).toBe(6);
    expect(s.control({ action: 'pause' }, 'trainee').ok).toBe(false);
    expect(s.control({ action: 'pause' }, 'instructor')).toEqual({ ok: true });
    expect(s.instructor({ act: 'hint', text: 'Try the offline-IM switch' })).toEqual({ ok: true });
    s.step(15); // the drill's own hint at minute 10 is given too
    expect(drillOf(s.nextFrame()).messages).toEqual([]); // hints hidden from the trainee
    expect(s.frameFor(s.fullFrame(), 'instructor').mode!.instructor!.marks.map((m) => m.kind)).toEqual(['hint', 'hint']);
    expect(s.instructor({ act: 'message', text: 'Ten minutes in: report status' })).toEqual({ ok: true });
    expect(drillOf(s.nextFrame()).messages).toEqual([{ minute: 16, kind: 'message', text: 'Ten minutes in: report status' }]) // 1 minute run + 15 stepped;

    const open = start(false); // outside check mode the trainee may pause and sees hints
    expect(open.control({ action: 'resume' }, 'trainee')).toEqual({ ok: true });
    expect(open.control({ action: 'pause' }, 'trainee')).toEqual({ ok: true });
    expect(open.control({ action: 'step', minutes: 5 }, 'trainee').ok).toBe(false); // skipping time is still the instructor's
    open.step(11);
    expect(drillOf(open.nextFrame()).messages).toEqual([{ minute: 10, kind: 'hint', text: 'Look at the offline-IM cluster' }]);
  });

  it('records instructor injects, scripted injects, bookmarks, notes and hints in the replay', () => {
    const s = start();
    s.step(5);
    expect(s.instructor({ act: 'bookmark', text: 'Trainee hesitates' })).toEqual({ ok: true });
    expect(s.instructor({ act: 'fireInject', injectId: 'crash-at-30' })).toEqual({ ok: true }); // early, by hand
    expect(s.instructor({ act: 'fireInject', injectId: 'crash-at-30' })).toMatchObject({ ok: false, error: { field: 'injectId' } });
    expect(s.instructor({ act: 'hint', index: 0 })).toEqual({ ok: true });
    expect(s.instructor({ act: 'hint', index: 5 })).toMatchObject({ ok: false, error: { code: 'out-of-range', field: 'act.index' } });
    expect(s.instructor({ act: 'note', text: 'Good call on IM' })).toEqual({ ok: true });
    s.step(40);
    const rec = s.recording();
    const crash = rec.commands.filter((c) => c.command.type === 'supernodeCrash');
    expect(crash).toEqual([{ tick: 30, source: 'instructor', command: { type: 'supernodeCrash', fraction: 0.1, region: 'latam' }, injectId: 'crash-at-30' }]); // not again at minute 30
    expect(rec.commands.some((c) => c.command.type === 'loginFlood')).toBe(true); // the conditional inject fired on its own
    expect(rec.marks).toEqual([
      { tick: 30, kind: 'bookmark', text: 'Trainee hesitates', author: 'instructor' },
      { tick: 30, kind: 'hint', text: 'Look at the offline-IM cluster', author: 'instructor' },
      { tick: 30, kind: 'note', text: 'Good call on IM', author: 'instructor' },
    ]); // the hint given by hand is not given again at minute 10
    const view = s.frameFor(s.fullFrame(), 'instructor').mode!.instructor!;
    expect(view.injects).toEqual([
      { id: 'crash-at-30', label: 'Supernode crash: 10% in Latin America (from minute 30)', fired: true },
      { id: 'flood-when-low', label: expect.stringContaining('Login flood'), fired: true },
    ]);
    expect(view.hints).toEqual([{ index: 0, text: 'Look at the offline-IM cluster', given: true }]);
    expect(view.timeline.map((t) => t.source)).toContain('instructor');
    expect(verify(rec).ok).toBe(true);
  });

  it('sends the instructor view only in instructor frames', () => {
    const s = start();
    s.instructor({ act: 'note', text: 'secret' });
    const shared = s.nextFrame()!;
    expect(shared.mode!.instructor).toBeUndefined();
    expect(s.frameFor(shared, 'trainee')).toBe(shared);
    expect(JSON.stringify(s.fullFrame('trainee'))).not.toContain('secret');
    expect(s.fullFrame('instructor').mode!.instructor!.marks).toEqual([{ tick: 0, minute: 0, kind: 'note', text: 'secret' }]);
  });

  it('ends at the time limit: paused, score shown, no more orders, replay sealed', () => {
    const s = start();
    s.control({ action: 'setSpeed', speed: 7200 }); // the instructor may change compression
    s.control({ action: 'resume' });
    for (let i = 0; i < 200 && !s.status.ended; i++) s.advance(1000);
    expect(s.status).toMatchObject({ ended: true, paused: true });
    expect(s.minute()).toBe(120);
    const d = drillOf(s.nextFrame());
    expect(d).toMatchObject({ ended: true, endReason: 'time', realSecondsLeft: 0, simMinutesLeft: 0 });
    expect(d.score!.maxTotal).toBe(300);
    expect(d.score!.objectives.map((o) => o.state)).toEqual(['missed', 'met']);
    expect(s.applyCommand({ type: 'setOfflineImService', enabled: false }, 'trainee')).toMatchObject({ ok: false, error: { code: 'not-allowed-now' } });
    expect(s.resume().ok).toBe(false);
    expect(s.recording().endTick).toBe(720);
  });

  it('ends when the instructor says so, judging what is still open', () => {
    const s = start();
    s.step(20);
    expect(s.instructor({ act: 'endDrill' })).toEqual({ ok: true });
    expect(s.instructor({ act: 'endDrill' }).ok).toBe(false);
    const d = drillOf(s.nextFrame());
    expect(d).toMatchObject({ ended: true, endReason: 'instructor' });
    expect(d.objectives.every((o) => o.state !== 'pending')).toBe(true);
    // The spend cap covers the whole drill: ended early, it is not judged and scores nothing.
    expect(d.score!.objectives.map((o) => [o.state, o.points])).toEqual([['missed', 0], ['unjudged', 0]]);
    expect(s.control({ action: 'newGame', scenarioId: 'dec-2010', seed: 3 }, 'trainee')).toEqual({ ok: true }); // over: free play again
    expect(s.mode).toBe('free');
  });
});
