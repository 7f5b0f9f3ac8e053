// A run that fell to about half its users but never collapsed (the play-tester's dec-2010 game:
// everything at T+00:15, the crash fix at 10%/h). The end screen said "The network held" and
// "Back to 90% online: never collapsed"; it was back at 90% around T+06:06.
import { describe, expect, it } from 'vitest';
import { getScenario, type TimedCommand } from '../../src/sim/index';
import { runScenario } from '../../src/cli/run';
import { SummaryWatch } from '../../src/cli/summary';
import { buildDebrief, endDebriefOf, renderReport } from '../../src/debrief/index';
import { FIGURE_ROWS } from '../../src/renderer/screens/end-figures';
import { endVerdict } from '../../src/renderer/screens/end-verdict';
import { back90Text, type EndRun } from '../../src/shared/end-debrief';
import { tPlus } from '../../src/shared/duration';
import { CREATED, record } from '../replay/helpers';

const at = 15.5;
const ACTIONS: TimedCommand[] = [
  { atMinute: at, command: { type: 'setOfflineImService', enabled: false } },
  { atMinute: at, command: { type: 'pushHotfix', fix: 'imCrashFix', rolloutPctPerHour: 10 } },
  { atMinute: at, command: { type: 'throttleLogins', perSecond: 8000 } },
  { atMinute: at, command: { type: 'deployMegaSupernodes', count: 400, region: 'europe', source: 'dedicated' } },
  { atMinute: at, command: { type: 'deployMegaSupernodes', count: 300, region: 'na-east', source: 'cloud' } },
  { atMinute: at, command: { type: 'setGroupVideo', enabled: false } },
  { atMinute: at, command: { type: 'deployMegaSupernodes', count: 1500, region: 'asia-pac', source: 'groupVideo' } },
];
const HOURS = 8;
const cell = (name: string, r: EndRun) => FIGURE_ROWS.find(([n]) => n === name)![1](r);

describe('a deep dip that did not collapse', () => {
  const rec = record('dec-2010', HOURS, ACTIONS);
  rec.commands.forEach((c) => (c.source = 'trainee'));
  const d = buildDebrief(rec, { everyMin: 10 });
  const mine = endDebriefOf(d).runs[0];

  it('shows when it was back at 90%, by the same measure as npm run sim --summary', () => {
    const watch = new SummaryWatch();
    const state = runScenario(getScenario('dec-2010'), 1, ACTIONS, HOURS, 1, (row) => watch.observe(row));
    const cli = watch.result(state);
    expect(mine.collapsedAtMinute).toBeNull();
    expect(cli.recovered90AtMinute).toBeGreaterThan(5 * 60);
    expect(mine.back90AtMinute).toBe(cli.recovered90AtMinute);
    expect(mine.lowestShare).toBeCloseTo(cli.lowestOnlineShare, 4);
    expect(mine.lowestShare).toBeLessThan(0.6);
    expect(cell('Back to 90% online', mine)).toBe(tPlus(cli.recovered90AtMinute!));
    // The report's row says the same.
    const html = renderReport(d, { fileName: 'x.skyreplay', generatedAt: CREATED });
    expect(html.match(/<tr><th>Recovered at \(90% online\)<\/th><td>(.*?)<\/td>/)![1]).toBe(tPlus(cli.recovered90AtMinute!));
  });

  it('is not called "held": the headline and summary say it bent, how low and when it was back', () => {
    const v = endVerdict({ scenarioId: 'dec-2010', endMinute: HOURS * 60, runs: [mine], orders: [], moves: [] })!;
    expect(v.title).not.toBe('The network held');
    expect(v.title).toBe('The network bent but did not break');
    expect(v.summary).toContain(`at worst ${Math.round(mine.lowestShare * 100)}% of a normal day's users were online; it was back at 90% at ${tPlus(mine.back90AtMinute!)}.`);
  });

  it('says "never below 90%" only for a run that was, and "not by the end" for one still down', () => {
    expect(back90Text({ lowestShare: 0.95, back90AtMinute: 0 })).toBe('never below 90%');
    expect(back90Text({ lowestShare: 0.5, back90AtMinute: null })).toBe('not by the end');
    const still = { ...mine, back90AtMinute: null };
    expect(endVerdict({ scenarioId: 'dec-2010', endMinute: 60, runs: [still], orders: [], moves: [] })!.summary).toMatch(/still below 90% when the shift ended\.$/);
  });
});
