// Who may do what (src/shared/role-policy.ts): the rules themselves, and that a screen's
// message, the session and a drill's scripted orders all get the same answer from them.
import { describe, expect, it } from 'vitest';
import { drillRulesOf, mayDo, orderVerb, refuseForRole, roleOfSource, type Ask, type DrillRules } from '../../src/shared/role-policy';
import { askHost } from '../../src/main/session/dispatch';
import { DrillRunner } from '../../src/drill/index';
import { smallDrill } from '../drill/fixtures';
import { drillsDir, session } from './helpers';

const drill: DrillRules = { checkMode: false, verbs: ['deployMegaSupernodes', 'setOfflineImService'], startMinute: 0, started: true };
const checked: DrillRules = { ...drill, checkMode: true };
const message = (ask: Ask, d: DrillRules | null) => refuseForRole(ask, 'trainee', d)?.error.message ?? 'allowed';

describe('role policy', () => {
  it('lets the instructor do anything, and the trainee everything but instructor acts in free play', () => {
    const asks: Ask[] = [
      { kind: 'order', verb: 'throttleLogins' },
      { kind: 'control', action: 'pause' },
      { kind: 'control', action: 'newGame' },
      { kind: 'instructor' },
      { kind: 'instructorView' },
      { kind: 'replay', act: 'recover' },
    ];
    for (const ask of asks) for (const d of [null, drill, checked]) expect(refuseForRole(ask, 'instructor', d), ask.kind).toBeNull();
    expect(asks.map((a) => message(a, null))).toEqual([
      'allowed',
      'allowed',
      'allowed',
      expect.stringContaining('only the instructor console may do this'),
      "only the instructor console sees the instructor's view",
      'allowed',
    ]);
  });

  it('in a running drill holds the trainee to its verbs and start, off new games, skips and recovery, and in check mode off the clock', () => {
    expect(message({ kind: 'order', verb: 'throttleLogins' }, drill)).toBe('throttleLogins is not available in this drill; you may use deployMegaSupernodes, setOfflineImService');
    expect(message({ kind: 'order', verb: 'setOfflineImService' }, drill)).toBe('allowed');
    expect(message({ kind: 'order', verb: 'setOfflineImService' }, { ...drill, started: false, startMinute: 30 })).toBe('the drill starts at minute 30');
    expect(message({ kind: 'order', verb: 'throttleLogins' }, { ...drill, verbs: [] })).toContain('you may use no actions');
    expect(message({ kind: 'control', action: 'newGame' }, drill)).toContain('starting another game is up to them');
    expect(message({ kind: 'control', action: 'step' }, drill)).toContain('skipping time is up to them');
    expect(message({ kind: 'control', action: 'pause' }, drill)).toBe('allowed');
    for (const action of ['pause', 'resume', 'setSpeed'] as const) expect(message({ kind: 'control', action }, checked)).toContain('check mode (an assessment)');
    expect(message({ kind: 'replay', act: 'recover' }, drill)).toContain('up to the instructor');
    expect(message({ kind: 'replay', act: 'dismissRecovery' }, drill)).toContain('up to the instructor');
    expect(message({ kind: 'replay', act: 'open' }, drill)).toBe('allowed');
  });

  it('lets a trainee call back an order of a verb the drill allows, and no other', () => {
    const cancel = (type: string) => ({ type: 'cancelOrder', order: { type }, landsAtMinute: 40 });
    expect(message({ kind: 'order', verb: orderVerb(cancel('setOfflineImService')) }, drill)).toBe('allowed');
    expect(message({ kind: 'order', verb: orderVerb(cancel('throttleLogins')) }, drill)).toContain('throttleLogins is not available in this drill');
    expect(orderVerb({ type: 'throttleLogins', perSecond: 1000 })).toBe('throttleLogins');
    for (const junk of [null, 7, 'cancelOrder', { type: 'cancelOrder' }, { type: 'cancelOrder', order: null }]) expect(orderVerb(junk)).not.toBe('setOfflineImService');
  });

  it("gives orders from a recording the authority of their source: only the trainee's are held", () => {
    expect(['trainee', 'instructor', 'scenario', 'script'].map(roleOfSource)).toEqual(['trainee', 'instructor', 'instructor', 'instructor']);
  });

  it("answers a screen's message, the session and a scripted drill order alike, and the replay keeps the trainee's refusal", async () => {
    const words = message({ kind: 'order', verb: 'throttleLogins' }, drill);
    const s = session({ drillsDir: drillsDir() });
    expect(s.instructor({ act: 'startDrill', drillId: 'small', checkMode: true })).toEqual({ ok: true });
    const trainee = { role: 'trainee' as const, subscribe: () => {} };
    const order = { kind: 'command', id: 1, command: { type: 'throttleLogins', perSecond: 100 } };
    expect((await askHost(s, order, trainee)).reply).toEqual({ ok: false, error: { code: 'not-allowed-now', field: 'type', message: words } });
    expect((await askHost(s, { kind: 'control', id: 2, control: { action: 'resume' } }, trainee)).reply).toMatchObject({ ok: false, error: { message: message({ kind: 'control', action: 'resume' }, checked) } });
    expect(s.status.paused).toBe(true);
    expect(s.recording().marks.filter((m) => m.kind === 'refused').map((m) => m.text)).toEqual([expect.stringContaining(words)]);
    // A screen asking from its own frame gets the same answer: the trainee's pause button is off.
    const seen = drillRulesOf(s.frameFor(s.fullFrame(), 'trainee').mode?.drill);
    expect(mayDo({ kind: 'control', action: 'pause' }, 'trainee', seen)).toBe(false);
    expect(mayDo({ kind: 'order', verb: 'deployMegaSupernodes' }, 'trainee', seen)).toBe(true);
    expect(mayDo({ kind: 'order', verb: 'throttleLogins' }, 'trainee', seen)).toBe(false);
    // The trainee's frames never carry the instructor's view; the console's do.
    expect(s.frameFor(s.fullFrame(), 'trainee').mode?.instructor).toBeUndefined();
    expect(s.frameFor(s.fullFrame(), 'instructor').mode?.instructor?.score).toBeDefined();

    const scripted = DrillRunner.start(smallDrill(), { createdAt: '2025-01-01T00:00:00Z' });
    const verdicts: string[] = [];
    scripted.play([{ tick: 6, command: { type: 'throttleLogins', perSecond: 100 } }], 12, (_o, r) => verdicts.push(r.ok ? 'ok' : r.error.message));
    expect(verdicts).toEqual([words]);
  });
});
