// The end screen: how the shift went, in the post-mortem's own terms, and beside it the
// debrief: what no action, Skype's response and a few other moves would have done.
import type { SimView } from '../../sim/view-types';
import type { History } from '../hud/history';
import { duration, grouped, percent, usd } from '../hud/format';
import { EndDebriefPanel, type EndDebriefSource } from './end-debrief';

export class EndScreen {
  private readonly root = document.getElementById('end-screen')!;
  private readonly debrief: EndDebriefPanel;
  onPlayAgain: () => void = () => {};

  /** `source`: where a free game's debrief comes from (debriefFrom(bridge)). */
  constructor(source: EndDebriefSource) {
    this.debrief = new EndDebriefPanel(source);
    this.debrief.onDrawn = (d) => {
      const mine = d.runs.find((r) => r.kind === 'run');
      if (mine) document.getElementById('end-low')!.textContent = percent(mine.lowestShare);
    };
    const card = this.root.querySelector('.screen-card')!;
    card.classList.add('end-card');
    card.append(this.debrief.root);
    document.getElementById('play-again')!.addEventListener('click', () => {
      this.hide();
      this.onPlayAgain();
    });
  }

  get visible(): boolean {
    return !this.root.hidden;
  }

  hide(): void {
    this.root.hidden = true;
    this.debrief.hide();
  }

  show(view: SimView, history: History): void {
    const m = view.metrics;
    const rec = history.recoveryMinutes();
    const set = (id: string, text: string) => (document.getElementById(id)!.textContent = text);
    set('end-user-hours', grouped(m.userHoursLost));
    set('end-recovery', rec === null ? 'never fell' : Number.isFinite(rec) ? duration(rec) : 'not recovered');
    set('end-cost', usd(m.megaCostUsd));
    // A share of a normal day, like the debrief's "Lowest share online"; its own figure replaces this one when it comes.
    const low = history.lowestShare();
    set('end-low', low === null ? '—' : percent(low));
    set('end-title', rec === null ? 'The network held' : Number.isFinite(rec) ? 'The network recovered' : 'The network never came back');
    // Skype's real night: about 24 hours of disruption (seed 000) — the yardstick for the player.
    set('end-summary', rec !== null && Number.isFinite(rec)
      ? `Skype's own recovery in December 2010 took about 24 hours. Yours took ${duration(rec!)}.`
      : rec === null ? 'Users barely noticed. Whatever you did, keep doing it.' : 'When the shift ended, users were still unable to connect.');
    this.root.hidden = false;
    this.debrief.load();
  }
}
