// "What would have helped": single moves from the strategy table, tried on top of the
// player's own orders; only those that saved user-hours, best first, none the player made.
import { describe, expect, it } from 'vitest';
import type { TimedCommand } from '../../src/sim/index';
import { buildDebrief, endDebriefOf, movesPicked, movesRan, movesThatHelp, tryMove } from '../../src/debrief/index';
import { noneHelpedText } from '../../src/renderer/screens/end-moves-words';
import { record } from '../replay/helpers';

const asTrainee = (id: string, hours: number, actions: TimedCommand[]) => {
  const rec = record(id, hours, actions);
  rec.commands.forEach((c) => (c.source = 'trainee'));
  return rec;
};

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

  it('order only the dedicated servers the scenario has (aug-2007: 400, not 1,000), less the player\'s own', () => {
    const fresh = record('aug-2007', 1);
    const ask = movesPicked(fresh, 10).find((w) => /dedicated mega-supernodes/.test(w))!;
    expect(ask).toMatch(/^Order 400 dedicated/);
    expect(tryMove(fresh, movesPicked(fresh, 10).indexOf(ask), undefined, 10)).not.toBeNull(); // the sim takes it (it refused 1,000)
    const some = asTrainee('aug-2007', 1, [{ atMinute: 20, command: { type: 'deployMegaSupernodes', count: 300, region: 'europe', source: 'dedicated' } }]);
    const rest = movesPicked(some, 10).findIndex((w) => /dedicated mega-supernodes/.test(w));
    expect(movesPicked(some, 10)[rest]).toMatch(/^Order the other 100 dedicated mega-supernodes at T\+00:10, on top of your 300/);
    expect(tryMove(some, rest, undefined, 10)).not.toBeNull(); // the player's 300 still land
  });

  it('never pick a move the sim would refuse, and name only the moves really re-run', () => {
    // 300 dedicated, withdrawn, 300 again (aug-2007 has 400): all at T+00:10 would be 600 of 400.
    const rec = asTrainee('aug-2007', 3, [
      { atMinute: 60, command: { type: 'deployMegaSupernodes', count: 300, region: 'europe', source: 'dedicated' } },
      { atMinute: 90, command: { type: 'withdrawMegaSupernodes', count: 300, region: 'europe' } },
      { atMinute: 120, command: { type: 'deployMegaSupernodes', count: 300, region: 'europe', source: 'dedicated' } },
    ]);
    expect(rec.commands).toHaveLength(3);
    const picked = movesPicked(rec);
    picked.forEach((_, i) => expect(tryMove(rec, i)).not.toBeNull());
    const d = buildDebrief(rec, { everyMin: 60, moves: true });
    expect(endDebriefOf(d).movesTried).toEqual(picked);
    // A move the sim refused is not named as re-run.
    expect(endDebriefOf({ ...d, movesRun: movesRan([null, { what: 'x', userHoursLost: 1, costUsd: 0 }]) }).movesTried).toEqual(['x']);
  });

  it('try the player\'s own late, slow fix again at the start and at full speed, and it saves user-hours', () => {
    // The play-tester's aug-2007 game: the self-healing fix at T+05:00, 20% of users an hour.
    const rec = asTrainee('aug-2007', 12, [{ atMinute: 300, command: { type: 'pushHotfix', fix: 'selfHealingFix', rolloutPctPerHour: 20 } }]);
    const picked = movesPicked(rec, 10);
    const i = picked.findIndex((w) => /self-healing fix at the start/.test(w));
    expect(picked[i]).toBe('Push the self-healing fix at the start, 100% of users an hour (you pushed it at T+05:00, 20% an hour)');
    const own = buildDebrief(rec, { everyMin: 60 }).run.figures.userHoursLost;
    const faster = tryMove(rec, i, undefined, 10)!; // not refused as "already pushed": it stands in for the player's push
    expect(faster).not.toBeNull();
    expect(faster.userHoursLost).toBeLessThan(own * 0.99);
  });

  it('when the player already made every move, early, none is re-run and the screen says so, not "none would have saved 1%"', () => {
    const rec = asTrainee('dec-2010', 1, [
      { atMinute: 1, command: { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 100 } },
      { atMinute: 1, command: { type: 'pushHotfix', fix: 'jitteredBackoff', rolloutPctPerHour: 100 } },
      { atMinute: 2, command: { type: 'setOfflineImService', enabled: false } },
      { atMinute: 3, command: { type: 'throttleLogins', perSecond: 6000 } },
      { atMinute: 4, command: { type: 'deployMegaSupernodes', count: 1000, region: 'europe', source: 'dedicated' } },
    ]);
    expect(rec.commands).toHaveLength(5); // all accepted
    expect(movesPicked(rec)).toEqual([]);
    const end = endDebriefOf({ ...buildDebrief(rec, { everyMin: 30 }), moves: [] });
    expect(end.movesTried).toEqual([]);
    const words = noneHelpedText(end.movesTried);
    expect(words).toMatch(/^No other move was re-run/);
    expect(words).not.toMatch(/would have saved|strategy table/);
    // Moves that were run and did not help are named as tried, in plain words.
    expect(noneHelpedText(['a', 'b'])).toBe('None of these 2 moves, each added to your orders on its own, would have saved more than 1% of the user-hours you lost:');
  });
});
