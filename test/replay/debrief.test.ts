// The debrief: three curves for dec-2010 (two otherwise), the timeline with notes, the
// drill verdict, a report that needs nothing from the network, and a CSV like npm run sim's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDebrief, debriefCsv, renderReport, SIM_CSV_COLUMNS } from '../../src/debrief/index';
import { replayJsonSchema } from '../../src/replay/validate';
import { DrillRunner, drillJsonSchema } from '../../src/drill/index';
import { smallDrill } from '../drill/fixtures';
import { CREATED, record } from './helpers';
import { decodeReplay, encodeReplay } from '../../src/replay/codec';
import { recordScripted } from '../../src/replay/index';
import { tinyScenario } from '../fixtures/tiny';
import { simCli } from '../../src/cli/sim';
import { runCli } from '../cli/run-cli';

const meta = { fileName: 'run.skyreplay', generatedAt: '2025-01-02T00:00:00Z' };

describe('a replay whose own scenario carries a historical response at minute 1e300', () => {
  it('opens and is debriefed (the response never lands), instead of hanging the debrief', () => {
    const scenario = { ...tinyScenario(), historical: [{ atMinute: 1e300, command: { type: 'throttleLogins' as const, perSecond: 50 } }] };
    const bytes = encodeReplay(recordScripted({ scenario, seed: 1, actions: [], endTick: 30, createdAt: CREATED, checksumEveryTicks: 10 }));
    const rec = decodeReplay(bytes, 'far.skyreplay'); // the file's checks let it through: any minute >= 0
    const d = buildDebrief(rec, { everyMin: 1 });
    expect(d.verdict.ok).toBe(true);
    expect(d.historical?.figures.userHoursLost).toBeCloseTo(d.baseline.figures.userHoursLost, 6);
  });
});

describe('buildDebrief + renderReport', () => {
  const rec = record('dec-2010', 3, 'historical');
  rec.marks.push({ tick: 100, kind: 'note', text: '<script>alert("pwned")</script> & <img src=http://evil/x>', author: 'Mallory "M" O\'Brien' });
  const d = buildDebrief(rec, { everyMin: 30 });
  const html = renderReport(d, meta);

  it('compares this run with the no-action baseline and the historical response', () => {
    expect(d.verdict.ok).toBe(true);
    expect([d.run.label, d.baseline.label, d.historical?.label]).toEqual(['This run', 'No action (baseline)', "Skype's response, Dec 2010"]);
    expect(d.run.rows.map((r) => r.minute)).toEqual([0, 30, 60, 90, 120, 150, 180]);
    expect(d.run.figures.userHoursLost).toBeCloseTo(d.historical!.figures.userHoursLost, 3); // this run IS the historical response
    expect(d.baseline.figures.megaCostUsd).toBe(0);
    expect(d.run.figures.collapseMinute).toBeGreaterThan(0);
    // No scripted outage any more: the first order on the timeline is Skype's first.
    expect(d.timeline.find((e) => e.source === 'script')).toEqual({ minute: 20, source: 'script', text: 'Offline-IM service off' });
    expect(d.timeline.some((e) => e.source === 'note' && e.author?.startsWith('Mallory'))).toBe(true);
    expect(html.match(/<polyline /g)).toHaveLength(3 * 4); // three runs on each of the four charts
  });

  it('is one self-contained page: no scripts, no external resources, and notes are escaped', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const note = '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &lt;img src=http://evil/x&gt;';
    expect(html).toContain(note);
    expect(html.replaceAll(note, '')).not.toMatch(/<script|<img|<link|@import|url\(|https?:\/\//i);
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(html).toMatch(/User-hours lost/);
    expect(html).toMatch(/verified/);
    expect(html).toMatch(/Notes, bookmarks, the recording time, who gave each order and the drill name are not sealed/); // what "verified" does not cover (issue 11)
  });

  it('shows two curves when there is no historical response to compare with', () => {
    const calm = buildDebrief(record('normal-day', 2), { everyMin: 60 });
    expect(calm.historical).toBeNull();
    expect(renderReport(calm, meta).match(/<polyline /g)).toHaveLength(2 * 4);
  });

  it('includes the drill verdict and score when the replay is a drill', () => {
    const r = DrillRunner.start(smallDrill(), { createdAt: CREATED });
    while (!r.ended) r.tick();
    const dd = buildDebrief(r.finish(), { drill: r.drill, everyMin: 60 });
    expect(dd.drill?.score).toEqual(r.score());
    expect(dd.drill?.objectives).toEqual(r.objectives());
    const page = renderReport(dd, meta);
    expect(page).toMatch(/Drill: Small/);
    expect(page).toMatch(/class="badge bad">missed/);
    expect(page).toContain(`${r.score().total} / 300`);
    expect(dd.timeline.filter((e) => e.source === 'instructor')).toHaveLength(2);
    expect(dd.timeline.some((e) => e.source === 'hint')).toBe(true);
  });

  it('writes the CSV with npm run sim\'s columns plus source, rows equal to npm run sim\'s', async () => {
    const csv = debriefCsv(d).trim().split('\n');
    expect(csv[0]).toBe([...SIM_CSV_COLUMNS, 'source'].join(','));
    const sim = await runCli(simCli, ['--scenario', 'dec-2010', '--actions', 'historical', '--hours', '3', '--every', '30']);
    const simLines = sim.stdout.trim().split('\n');
    // npm run sim prints the documented columns first, then the levers' state.
    const documented = (l: string) => l.split(',').slice(0, SIM_CSV_COLUMNS.length).join(',');
    expect(documented(simLines[0])).toBe(SIM_CSV_COLUMNS.join(','));
    expect(csv.filter((l) => l.endsWith(',historical')).map((l) => l.replace(/,historical$/, ''))).toEqual(simLines.slice(1).map(documented));
    expect(csv.filter((l) => l.endsWith(',run'))).toHaveLength(7);
    expect(csv.filter((l) => l.endsWith(',baseline'))).toHaveLength(7);
  });
});

describe('published schemas', () => {
  it('docs/replay.schema.json and docs/drill.schema.json match the validators (npx tsx scripts/write-replay-schemas.ts)', () => {
    expect(JSON.parse(readFileSync('docs/replay.schema.json', 'utf8'))).toEqual(replayJsonSchema());
    expect(JSON.parse(readFileSync('docs/drill.schema.json', 'utf8'))).toEqual(drillJsonSchema());
  });
});

