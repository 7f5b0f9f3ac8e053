// "What would have helped": single moves from the strategy table, tried on top of the
// player's own orders; only those that saved user-hours, best first, none the player made.
import { describe, expect, it } from 'vitest';
import { buildDebrief, movesThatHelp } from '../../src/debrief/index';
import { record } from '../replay/helpers';

describe('moves that would have helped', () => {
  it('are computed from the model: each saves user-hours against the run, best first', () => {
    const rec = record('dec-2010', 3);
    const d = buildDebrief(rec, { everyMin: 60, moves: true });
    expect(d.moves).not.toBeNull();
    expect(d.moves!.length).toBeGreaterThan(0);
    for (const m of d.moves!) {
      expect(m.userHoursSaved).toBeGreaterThan(0);
      expect(m.userHoursLost + m.userHoursSaved).toBeCloseTo(d.run.figures.userHoursLost, 3);
    }
    expect(d.moves!.map((m) => m.userHoursSaved)).toEqual([...d.moves!.map((m) => m.userHoursSaved)].sort((a, b) => b - a));
  });

  it('never suggest what the player already did', () => {
    const rec = record('dec-2010', 2, [{ atMinute: 30, command: { type: 'throttleLogins', perSecond: 1000 } }]);
    rec.commands.forEach((c) => (c.source = 'trainee'));
    const moves = movesThatHelp(rec, 1e12, { keep: 10 }); // a huge "own" loss: every move tried counts as helping
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.some((m) => /Throttle/.test(m.what))).toBe(false); // the first move offered to anyone else
  });

  it('suggest a move the player ordered but called back before it landed: it was never tried', () => {
    const throttle = { type: 'throttleLogins', perSecond: 1000 } as const;
    const rec = record('dec-2010', 2, [
      { atMinute: 30, command: throttle },
      { atMinute: 31, command: { type: 'cancelOrder', order: throttle, landsAtMinute: 32 } },
    ]);
    rec.commands.forEach((c) => (c.source = 'trainee'));
    expect(rec.commands.map((c) => c.command.type)).toEqual(['throttleLogins', 'cancelOrder']); // both accepted
    const moves = movesThatHelp(rec, 1e12, { keep: 10 });
    expect(moves.some((m) => /Throttle/.test(m.what))).toBe(true);
  });
});
