// The score screen at the end of a drill: each objective met, missed or not judged (a
// whole-drill budget when the drill was ended early) with its points,
// the penalties, and the total out of the maximum (the host's ScoreBreakdown, as is).
import type { DrillView } from '../../shared/drill-contract';
import { OBJECTIVE_STATE_GLYPHS, objectiveStateText, type ScoreBreakdown } from '../../shared/score';
import { h, setText } from '../dom';

const REASON: Record<NonNullable<DrillView['endReason']>, string> = {
  objectives: 'every objective decided',
  time: 'time is up',
  instructor: 'ended by your instructor',
};

const pts = (n: number) => (n > 0 ? `+${n}` : String(n));

export class ScoreScreen {
  private readonly root: HTMLElement;
  private readonly kicker = h('div', { class: 'screen-kicker', id: 'score-reason' });
  private readonly title = h('h1', { id: 'score-title' });
  private readonly rows = h('tbody', { id: 'score-rows' });
  private readonly total = h('span', { id: 'score-total', class: 'score-total' });
  private readonly max = h('span', { id: 'score-max', class: 'score-max' });
  private readonly meter = h('i');
  private shownFor = '';
  onNewShift: () => void = () => {};

  constructor(parent: HTMLElement) {
    const back = h('button', { id: 'score-close', class: 'quiet' }, 'Back to the map');
    const again = h('button', { id: 'score-new-shift', class: 'go big' }, 'New shift');
    back.addEventListener('click', () => this.hide());
    again.addEventListener('click', () => {
      this.hide();
      this.onNewShift();
    });
    this.root = h('div', { id: 'score-screen', class: 'screen score', hidden: true, 'data-testid': 'score-screen' },
      h('div', { class: 'screen-card' },
        this.kicker, this.title,
        h('div', { class: 'score-head' }, h('span', { class: 'score-label' }, 'Score'), this.total, this.max),
        h('div', { class: 'score-meter' }, this.meter),
        h('table', { class: 'score-table' }, this.rows),
        h('div', { class: 'screen-row' }, back, again)));
    parent.append(this.root);
  }

  get visible(): boolean {
    return !this.root.hidden;
  }

  hide(): void {
    this.root.hidden = true;
  }

  /** Shows the breakdown once per ended drill (`key`), and keeps it current while open. */
  show(key: string, drill: DrillView): void {
    const score = drill.score;
    if (!score) return;
    if (this.shownFor !== key) {
      this.shownFor = key;
      this.root.hidden = false;
    }
    if (this.visible) this.render(drill, score);
  }

  reset(): void {
    this.shownFor = '';
    this.hide();
  }

  private render(drill: DrillView, s: ScoreBreakdown): void {
    setText(this.kicker, `Drill over · ${drill.endReason ? REASON[drill.endReason] : 'finished'}${drill.checkMode ? ' · check mode' : ''}`);
    setText(this.title, drill.name);
    setText(this.total, String(s.total));
    setText(this.max, `/ ${s.maxTotal}`);
    this.meter.style.width = `${s.maxTotal > 0 ? Math.max(0, Math.min(100, (s.total / s.maxTotal) * 100)) : 0}%`;
    const rows = [
      ...s.objectives.map((o) =>
        h('tr', { 'data-state': o.state, 'data-id': o.id },
          h('td', { class: 'st' }, OBJECTIVE_STATE_GLYPHS[o.state]),
          h('td', { class: 'what' }, o.text, h('small', {}, objectiveStateText(o.state), o.weight !== 1 ? ` · weight ${o.weight}` : '')),
          h('td', { class: 'pts' }, `${o.points}`, h('small', {}, ` / ${o.maxPoints}`)))),
      ...s.penalties.map((p) =>
        h('tr', { 'data-state': 'penalty', 'data-id': p.id },
          h('td', { class: 'st' }, '−'),
          h('td', { class: 'what' }, p.id === 'megaCost' ? 'Mega-supernode spend' : 'User-hours lost', h('small', {}, p.text)),
          h('td', { class: 'pts' }, pts(p.points)))),
    ];
    this.rows.replaceChildren(...rows);
  }
}
