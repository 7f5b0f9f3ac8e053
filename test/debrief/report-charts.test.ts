// The report's charts: a run that spent nothing still gets a cost axis with distinct labels
// (it read "$0 $0 $1 $1 $1").
import { describe, expect, it } from 'vitest';
import { buildDebrief, renderReport } from '../../src/debrief/index';
import { CREATED, record } from '../replay/helpers';

/** The labels up a chart's value axis, bottom to top. */
function axis(html: string, caption: string): string[] {
  const fig = html.split('<figure class="chart">').find((f) => f.includes(`<figcaption>${caption}`))!;
  return [...fig.matchAll(/class="ax" text-anchor="end">([^<]*)</g)].map((m) => m[1]);
}

describe('report charts', () => {
  it('a $0 run gets a cost axis with distinct labels from $0', () => {
    const d = buildDebrief(record('normal-day', 1), { everyMin: 10 });
    expect(Math.max(...d.run.rows.map((r) => r.m.costUsd))).toBe(0);
    const labels = axis(renderReport(d, { fileName: 'x.skyreplay', generatedAt: CREATED }), 'Cost so far');
    expect(labels).toEqual(['$0', '$25', '$50', '$75', '$100']);
  });
});
