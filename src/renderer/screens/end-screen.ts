// The end screen: how the shift went, in the post-mortem's own terms, and beside it the
// debrief: what no action, Skype's response and a few other moves would have done.
import type { SimView } from '../../sim/view-types';
import type { History } from '../hud/history';
import { grouped, percent, usd } from '../hud/format';
import { EndDebriefPanel, type EndDebriefSource } from './end-debrief';
import { endVerdict } from './end-verdict';

export class EndScreen {
  private readonly root = document.getElementById('end-screen')!;
  private readonly debrief: EndDebriefPanel;
  onPlayAgain: () => void = () => {};

  /** `source`: where a free game's debrief comes from (debriefFrom(bridge)). */
  constructor(source: EndDebriefSource) {
    this.debrief = new EndDebriefPanel(source);
    this.debrief.onDrawn = (d) => {
      const mine = d.runs.find((r) => r.kind === 'run');
      if (mine) set('end-low', percent(mine.lowestShare));
      const v = endVerdict(d);
      if (!v) return this.debriefGone();
      set('end-title', v.title);
      set('end-recovery', v.recovery);
      set('end-summary', v.summary);
    };
    this.debrief.onUnavailable = () => this.debriefGone();
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
    set('end-user-hours', grouped(m.userHoursLost));
    set('end-cost', usd(m.costUsd)); // every priced lever, as the debrief table's Cost row
    // A share of a normal day, like the debrief's "Lowest share online"; its own figure replaces this one when it comes.
    // Unknown ("…") if this screen missed minutes of the game: only the debrief can say then.
    const low = history.lowestShare();
    set('end-low', low === null ? '…' : percent(low));
    // The time to recover, the title and the comparison with Skype come with the debrief: the host's
    // re-simulation of the whole game, not this screen's history (which forgets, or began late).
    set('end-title', 'How it went');
    set('end-recovery', '…');
    set('end-summary', 'Working out the time to recover from the whole game…');
    this.root.hidden = false;
    this.debrief.load();
  }

  /** The host's progress on the debrief (frames' `debriefing`). */
  debriefing(fraction: number | null): void {
    if (this.visible) this.debrief.progress(fraction);
  }

  /** No debrief: no time to recover either (this screen's own history cannot give it). */
  private debriefGone(): void {
    set('end-title', 'How it went');
    set('end-recovery', '—');
    set('end-summary', '');
    if (document.getElementById('end-low')!.textContent === '…') set('end-low', '—');
  }
}

function set(id: string, text: string): void {
  const el = document.getElementById(id)!;
  el.textContent = text;
  // Words, not a figure ("never collapsed", "not recovered"): the stylesheet sets them smaller.
  el.toggleAttribute('data-words', /[a-z]{4,}/i.test(text));
}
