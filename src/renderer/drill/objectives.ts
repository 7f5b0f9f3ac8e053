// One drill objective as a row: state glyph, text, a progress bar and the figure it is
// judged on. Shared by the trainee's drill panel and the instructor's progress panel.
import { OBJECTIVE_STATE_GLYPHS, objectiveStateText, type ObjectiveStatus } from '../../shared/score';
import { h, setText } from '../dom';
import { objectiveFigure } from './objective-figure';

export { objectiveFigure } from './objective-figure';

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
    setText(glyph, OBJECTIVE_STATE_GLYPHS[o.state]);
    glyph.title = objectiveStateText(o.state);
    setText(text, o.text);
    (bar.firstElementChild as HTMLElement).style.width = `${Math.round(Math.max(0, Math.min(1, o.progress)) * 100)}%`;
    setText(figure, objectiveFigure(o));
  });
  for (const stale of rows.values()) stale.remove();
}
