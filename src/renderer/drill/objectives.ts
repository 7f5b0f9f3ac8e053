// One drill objective as a row: state glyph, text, a progress bar and the figure it is
// judged on. Shared by the trainee's drill panel and the instructor's progress panel.
import type { ObjectiveStatus } from '../../shared/score';
import { compact, percent, tPlus, usd } from '../hud/format';
import { h, setText } from '../dom';

const GLYPH: Record<ObjectiveStatus['state'], string> = { pending: '○', met: '●', missed: '◆' };

/** "62% of 90%", "$12.4k of $40.0k": what the objective is judged on, against its target. */
export function objectiveFigure(o: ObjectiveStatus): string {
  switch (o.kind) {
    case 'onlineShareBy':
      return `${percent(o.value)} online · need ${percent(o.target)}`;
    case 'recoveredBy':
      return o.state === 'met' ? `recovered by ${tPlus(o.decidedAtMinute ?? o.value)}` : `deadline ${tPlus(o.target)}`;
    case 'megaHoursAtMost':
      return `${compact(o.value)} of ${compact(o.target)} mega-hours`;
    case 'userHoursLostAtMost':
      return `${compact(o.value)} of ${compact(o.target)} user-hours lost`;
    case 'costAtMost':
      return `${usd(o.value)} of ${usd(o.target)} spent`;
    default:
      return `${compact(o.value)} / ${compact(o.target)}`;
  }
}

/** Keeps `list` showing `objectives`, reusing rows by id so the bars animate instead of flicker. */
export function renderObjectives(list: HTMLElement, objectives: readonly ObjectiveStatus[]): void {
  const rows = new Map<string, HTMLElement>();
  for (const li of Array.from(list.children) as HTMLElement[]) rows.set(li.dataset.id ?? '', li);
  objectives.forEach((o, i) => {
    let li = rows.get(o.id);
    if (!li) {
      li = h('li', { class: 'objective', 'data-id': o.id },
        h('span', { class: 'obj-glyph' }),
        h('span', { class: 'obj-text' }),
        h('span', { class: 'obj-bar' }, h('i')),
        h('span', { class: 'obj-figure' }));
    }
    if (list.children[i] !== li) list.insertBefore(li, list.children[i] ?? null);
    rows.delete(o.id);
    li.dataset.state = o.state;
    const [glyph, text, bar, figure] = Array.from(li.children) as HTMLElement[];
    setText(glyph, GLYPH[o.state]);
    glyph.title = o.state;
    setText(text, o.text);
    (bar.firstElementChild as HTMLElement).style.width = `${Math.round(Math.max(0, Math.min(1, o.progress)) * 100)}%`;
    setText(figure, objectiveFigure(o));
  });
  for (const stale of rows.values()) stale.remove();
}
