// A refused order on the end screen and in the report: the same words in both (the end screen
// said "refused: …. Only 1,500 …: order 1,500 or fewer." where the report printed the sim's
// "…: only 1,500 Group Video servers are left to deploy"), and on the end chart a refused mark
// no longer hides an accepted order given the same minute.
import { describe, expect, it } from 'vitest';
import { buildDebrief, endDebriefOf, renderReport } from '../../src/debrief/index';
import { orderMarks, orderWords } from '../../src/renderer/screens/end-order-marks';
import { CREATED, record } from '../replay/helpers';

describe('a refused order', () => {
  const rec = record('dec-2010', 1, [{ atMinute: 15, command: { type: 'setGroupVideo', enabled: false } }]);
  rec.commands.forEach((c) => (c.source = 'trainee'));
  // The play-tester's: too many Group Video servers, the same minute as an accepted order.
  rec.marks.push({ tick: 15 * 6, kind: 'refused', text: 'Deploy 5,000 Group Video mega-supernodes in Europe: only 1,500 Group Video servers are left to deploy' });
  const d = buildDebrief(rec, { everyMin: 30 });
  const end = endDebriefOf(d);

  it('reads the same on the end screen and in the report', () => {
    const refused = end.orders.find((o) => o.refused)!;
    const words = orderWords(refused);
    expect(words).toBe('Refused: Deploy 5,000 Group Video mega-supernodes in Europe. Only 1,500 Group Video servers are left: order 1,500 or fewer.');
    const html = renderReport(d, { fileName: 'x.skyreplay', generatedAt: CREATED });
    const row = html.match(/<span class="src"[^>]*>refused<\/span><\/td><td>(.*?)<\/td>/)![1];
    expect(row).toBe(words);
    expect(html).not.toContain('servers are left to deploy');
  });

  it('and an accepted order the same minute both keep a mark of their own on the end chart', () => {
    const marks = orderMarks(end.orders).filter((m) => Math.floor(m.minute) === 15);
    expect(marks).toHaveLength(2);
    expect(new Set(marks.map((m) => m.row))).toEqual(new Set(['you', 'refused']));
    expect(marks.find((m) => m.row === 'you')!.title).toBe('T+00:15 Group Video Calling off');
  });
});
