// Live objective progress and the score so far (InstructorView.score): the instructor sees
// the breakdown while the trainee sees it only at the end.
import type { ScoreBreakdown } from '../../shared/score';
import { renderObjectives } from '../drill/objectives';
import { h, setText } from '../dom';
import { panel, type ConsoleFrame, type ConsolePanel } from './panel';

export class ProgressPanel implements ConsolePanel {
  readonly root: HTMLElement;
  private readonly objectives = h('ol', { class: 'objectives', id: 'console-objectives' });
  private readonly label = h('span', { class: 'cp-label' }, 'Score so far');
  private readonly total = h('b', { id: 'live-score-total' }, '—');
  private readonly max = h('span', { id: 'live-score-max' });
  private readonly rows = h('ul', { class: 'score-lines', id: 'live-score-lines' });
  private readonly empty = h('p', { class: 'cp-empty' }, 'Free play: no objectives. Start a drill to score a trainee.');
  private scoreKey = '';

  constructor() {
    this.root = panel('console-progress', 'Objectives & score',
      this.empty, this.objectives,
      h('div', { class: 'live-score' }, this.label, this.total, this.max),
      this.rows);
    this.root.dataset.active = 'false'; // until a frame says a drill runs
  }

  update(f: ConsoleFrame): void {
    const drill = f.mode?.mode === 'drill' ? f.mode.drill : null;
    this.root.dataset.active = String(!!drill);
    this.empty.hidden = !!drill;
    setText(this.empty, f.mode?.mode === 'replay' ? 'Watching a replay: its objectives and score are in the debrief report.' : 'Free play: no objectives. Start a drill to score a trainee.');
    if (!drill) {
      this.objectives.replaceChildren();
      this.rows.replaceChildren();
      setText(this.total, '—');
      setText(this.max, '');
      return;
    }
    renderObjectives(this.objectives, drill.objectives);
    setText(this.label, drill.ended ? 'Final score' : 'Score so far');
    const score = f.mode?.instructor?.score ?? drill.score;
    if (score) this.renderScore(score);
  }

  private renderScore(s: ScoreBreakdown): void {
    const key = JSON.stringify(s);
    if (key === this.scoreKey) return;
    this.scoreKey = key;
    setText(this.total, String(s.total));
    setText(this.max, ` / ${s.maxTotal}`);
    this.rows.replaceChildren(
      ...s.objectives.map((o) => h('li', { 'data-state': o.state }, h('span', {}, o.text), h('b', {}, `${o.points}/${o.maxPoints}`))),
      ...s.penalties.map((p) => h('li', { 'data-state': 'penalty' }, h('span', {}, p.text), h('b', {}, String(p.points)))));
  }
}
