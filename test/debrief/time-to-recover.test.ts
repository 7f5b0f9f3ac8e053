// Time to recover, one definition everywhere (review: the end screen said 14 h 43 min from its own
// 36-hour history, a late-joining screen 31 h 29 min, the report 33.7 h, and the summary told a
// player 10 hours slower than Skype that they had beaten "about 24 hours"). Now the end screen, its
// debrief table and the report all take it from the host's re-simulation of the whole game: from
// the network's collapse until users online are back at 90% of a normal day, Skype's too.
import { describe, expect, it } from 'vitest';
import { historicalActions } from '../../src/sim/index';
import { buildDebrief, endDebriefOf, renderReport } from '../../src/debrief/index';
import { timeToRecover, timeToRecoverText, type EndDebrief, type EndRun } from '../../src/shared/end-debrief';
import { endVerdict } from '../../src/renderer/screens/end-verdict';
import { FIGURE_ROWS } from '../../src/renderer/screens/end-figures';
import { CREATED, record } from '../replay/helpers';

const run = (kind: EndRun['kind'], label: string, collapsedAtMinute: number | null, recoveredAtMinute: number | null): EndRun => ({
  kind, label, points: [], userHoursLost: 0, lowestShare: 0, costUsd: 0, collapsedAtMinute, recoveredAtMinute, collapsed: collapsedAtMinute !== null,
});
const debrief = (...runs: EndRun[]): EndDebrief => ({ scenarioId: 'dec-2010', endMinute: 3600, runs, orders: [], moves: [] });
const SKYPE = "Skype's response, Dec 2010";

describe('time to recover on the end screen', () => {
  it('the review\'s game: 33 h 43 min against Skype\'s 18 h 18 min, by the same measure, and never "faster"', () => {
    // Collapsed T+00:57, back at 90% T+34:40; Skype's response collapsed T+01:18, back T+19:36.
    const v = endVerdict(debrief(run('run', 'This run', 57, 34 * 60 + 40), run('baseline', 'No action', 53, null), run('historical', SKYPE, 78, 19 * 60 + 36)))!;
    expect(v.title).toBe('The network recovered');
    expect(v.recovery).toBe('33 h 43 min');
    expect(v.summary).toContain('from the network\'s collapse until users online were back at 90% of a normal day: yours 33 h 43 min.');
    expect(v.summary).toContain(`${SKYPE} (replayed in this model): 18 h 18 min.`);
    expect(v.summary).toContain('You took 15 h 25 min longer than Skype.');
    expect(v.summary).not.toMatch(/faster|beat|about 24 hours/);
  });

  it('says faster only when it was, and never when the player was not back at all', () => {
    expect(endVerdict(debrief(run('run', 'This run', 60, 600), run('historical', SKYPE, 78, 1176)))!.summary).toContain('You were 9 h 18 min faster than Skype.');
    const down = endVerdict(debrief(run('run', 'This run', 60, null), run('historical', SKYPE, 78, 1176)))!;
    expect(down).toMatchObject({ title: 'The network never came back', recovery: 'not recovered' });
    expect(down.summary).toContain(`${SKYPE} (replayed in this model) took 18 h 18 min from the network's collapse until users online were back at 90% of a normal day.`);
    expect(down.summary).not.toMatch(/faster/);
    const held = endVerdict(debrief({ ...run('run', 'This run', null, null), lowestShare: 0.95 }, run('historical', SKYPE, 78, 1176)))!; // never below 90%
    expect(held).toMatchObject({ title: 'The network held', recovery: 'never collapsed' });
  });

  it('is the difference of the "Collapsed at" and "Back at" times shown beside it, to the minute', () => {
    // 10-second ticks: collapsed at 57 min 10 s, back at 118 min 50 s. Rounded, 61 min 40 s read
    // "1 h 02 min" beside T+00:57 and T+01:58, which are 61 minutes apart.
    const mine = run('run', 'This run', 57 + 1 / 6, 118 + 5 / 6);
    const cell = (name: string) => FIGURE_ROWS.find(([n]) => n === name)![1](mine);
    expect([cell('Collapsed at'), cell('Back to 90% online'), cell('Time to recover')]).toEqual(['T+00:57', 'T+01:58', '1 h 01 min']);
    expect(endVerdict(debrief(mine))!.recovery).toBe('1 h 01 min');
  });

  it('the end screen, its debrief table and the report give the same figures, from the re-simulated game', () => {
    // The player does what Skype did, two hours late: both collapse and come back within the 30 hours.
    const late = historicalActions().map((a) => ({ ...a, atMinute: a.atMinute + 120 }));
    const rec = record('dec-2010', 30, late);
    rec.commands.forEach((c) => (c.source = 'trainee'));
    const d = buildDebrief(rec, { everyMin: 60 });
    const end = endDebriefOf(d);
    const [mine, , skype] = end.runs;
    expect(skype.kind).toBe('historical');
    for (const [r, full] of [[mine, d.run], [skype, d.historical!]] as const) {
      expect(r.collapsedAtMinute).toBe(full.figures.collapseMinute);
      expect(r.recoveredAtMinute).toBe(full.figures.recoveredAtMinute);
    }
    const you = timeToRecover(mine.collapsedAtMinute, mine.recoveredAtMinute)!;
    const them = timeToRecover(skype.collapsedAtMinute, skype.recoveredAtMinute)!;
    expect(Number.isFinite(you) && Number.isFinite(them)).toBe(true);
    expect(you).toBeGreaterThan(them); // late is slower here
    const v = endVerdict(end)!;
    expect(v.recovery).toBe(timeToRecoverText(you));
    expect(v.summary).toContain(`(replayed in this model): ${timeToRecoverText(them)}.`);
    expect(v.summary).toMatch(/longer than Skype\.$/);
    // The report's row: this run, no action, Skype's response.
    const html = renderReport(d, { fileName: 'x.skyreplay', generatedAt: CREATED });
    const row = html.match(/<tr><th>Time to recover<\/th>(.*?)<\/tr>/)![1];
    expect([...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1])).toEqual([timeToRecoverText(you), 'not recovered', timeToRecoverText(them)]);
  });
});
