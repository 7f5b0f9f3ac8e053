// The exported report's key figures read like the end screen's: the same total cost (the
// report had only "Mega-supernode cost") and lowest share online, and big numbers written one
// way (it printed "1190.22 M" user-hours where the end screen said "1.2B").
import { describe, expect, it } from 'vitest';
import { buildDebrief, endDebriefOf, renderReport } from '../../src/debrief/index';
import { FIGURE_ROWS } from '../../src/renderer/screens/end-figures';
import { CREATED, record } from '../replay/helpers';

/** The report's key-figures row `name`, one cell per run. */
const row = (html: string, name: string) => [...html.match(new RegExp(`<tr><th>${name}</th>(.*?)</tr>`))![1].matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);

describe('the report\'s key figures', () => {
  // Offline IM held back from T+00:15: most of the cost is for held messages, not megas.
  const rec = record('dec-2010', 8, [
    { atMinute: 15, command: { type: 'setOfflineImService', enabled: false } },
    { atMinute: 15, command: { type: 'deployMegaSupernodes', count: 200, region: 'europe', source: 'dedicated' } },
  ]);
  const d = buildDebrief(rec, { everyMin: 30 });
  const html = renderReport(d, { fileName: 'x.skyreplay', generatedAt: CREATED });
  const end = endDebriefOf(d);

  it('has the end screen\'s user-hours lost, lowest share online and total cost, cell for cell', () => {
    for (const name of ['User-hours lost', 'Lowest share online', 'Cost']) {
      const screen = FIGURE_ROWS.find(([n]) => n === name)![1];
      expect(row(html, name)).toEqual(end.runs.map(screen));
    }
    expect(end.runs[0].costUsd).toBeGreaterThan(2 * d.run.figures.megaCostUsd); // the total is not the megas' cost
  });

  it('writes big numbers as the end screen does, never "1190.22 M"', () => {
    const table = html.match(/<table class="fig">.*?<\/table>/s)![0];
    expect(table).not.toMatch(/\d M</);
    expect(row(html, 'User-hours lost')[1]).toMatch(/^\d+(\.\d)?[MB]$/); // no action: hundreds of millions
  });
});
