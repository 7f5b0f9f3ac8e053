// A relapse is a lesson of its own (megas withdrawn from a half-healed network): the end screen
// and the report name when the network fell back before recovering, from the re-simulated game,
// not only the pager's line.
import { describe, expect, it } from 'vitest';
import { buildDebrief, endDebriefOf, renderReport } from '../../src/debrief/index';
import { relapseText } from '../../src/shared/end-debrief';
import { FIGURE_ROWS } from '../../src/renderer/screens/end-figures';
import { megasWithdrawnHalfHealed } from '../sim/helpers';
import { CREATED, record } from '../replay/helpers';

const cell = (name: string) => FIGURE_ROWS.find(([n]) => n === name)![1];

describe('"Fell back before recovering"', () => {
  it('reads no, one time, or the first time and how many', () => {
    expect([relapseText([]), relapseText(undefined), relapseText([1196]), relapseText([1196, 1500])]).toEqual(['no', 'no', 'T+19:56', 'T+19:56, 2 times']);
  });

  it('names the fall after the megas are withdrawn from a half-healed aug-2007, on the end screen and in the report', () => {
    const rec = record('aug-2007', 21, megasWithdrawnHalfHealed());
    rec.commands.forEach((c) => (c.source = 'trainee'));
    const d = buildDebrief(rec, { everyMin: 60 });
    expect(d.run.figures.relapseMinutes).toHaveLength(1);
    const [minute] = d.run.figures.relapseMinutes;
    expect(minute).toBeGreaterThan(19 * 60); // 06:00 GMT on 17 Aug or later: the megas were gone at 23:00
    expect(minute).toBeLessThan(20 * 60);
    const [mine, none] = endDebriefOf(d).runs;
    expect(cell('Fell back before recovering')(mine)).toBe(relapseText([minute]));
    expect(cell('Fell back before recovering')(none)).toBe('no'); // no action never climbs back within the 21 hours
    expect(renderReport(d, { fileName: 'x.skyreplay', generatedAt: CREATED })).toContain(`Fell back before recovering</th><td>${relapseText([minute])}`);
  });
});
