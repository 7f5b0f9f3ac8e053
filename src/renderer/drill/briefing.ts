// The briefing card a trainee sees when the instructor starts a drill: the situation, what
// counts, what they may do, and whether this is an assessment (check mode).
import type { SessionStatus } from '../../shared/contract';
import type { DrillView } from '../../shared/drill-contract';
import { TABS, TAB_VERB } from '../hud/action-panel';
import { countdown } from '../hud/format';
import { h, setText } from '../dom';

const VERB_NAMES: Record<string, string> = {
  deployMegaSupernodes: 'deploy mega-supernodes',
  withdrawMegaSupernodes: 'withdraw them',
  throttleLogins: 'throttle logins',
  pushHotfix: 'push hotfixes',
  setOfflineImService: 'switch the offline-IM service',
  setGroupVideo: 'switch Group Video',
};

export class Briefing {
  private readonly root: HTMLElement;
  private readonly name = h('h1', { id: 'briefing-name' });
  private readonly text = h('p', { class: 'screen-lede', id: 'briefing-text' });
  private readonly objectives = h('ul', { class: 'briefing-objectives', id: 'briefing-objectives' });
  private readonly rules = h('p', { class: 'briefing-rules', id: 'briefing-rules' });
  private readonly clock = h('p', { class: 'briefing-clock', id: 'briefing-clock' });
  private shownFor = '';
  private readonly go: HTMLButtonElement;

  constructor(parent: HTMLElement) {
    const go = (this.go = h('button', { id: 'briefing-go', class: 'go big' }, 'To work'));
    go.addEventListener('click', () => this.hide());
    this.root = h('div', { id: 'briefing-screen', class: 'screen briefing', hidden: true, 'data-testid': 'briefing-screen' },
      h('div', { class: 'screen-card' },
        h('div', { class: 'screen-kicker' }, 'Drill · started by your instructor'),
        this.name, this.text,
        h('div', { class: 'briefing-label' }, 'What counts'), this.objectives,
        this.rules,
        h('div', { class: 'screen-row' }, this.clock, go)));
    parent.append(this.root);
  }

  get visible(): boolean {
    return !this.root.hidden;
  }

  hide(): void {
    this.root.hidden = true;
  }

  /** Shows the card once per drill (key: the drill and when this page first saw it). */
  offer(key: string, drill: DrillView, status: SessionStatus): void {
    if (this.shownFor !== key) {
      this.shownFor = key;
      if (drill.ended) return;
      setText(this.name, drill.name);
      setText(this.text, drill.briefing);
      this.objectives.replaceChildren(...drill.objectives.map((o) => h('li', {}, o.text)));
      const allowed = TABS.map((t) => TAB_VERB[t]).filter((v) => drill.allowedActions.includes(v)).map((v) => VERB_NAMES[v] ?? v);
      setText(this.rules, `${allowed.length ? `You may ${allowed.join(', ')}.` : 'You may only watch.'} ${drill.checkMode ? 'Check mode: this is an assessment. You cannot pause or change speed, and no hints will come.' : 'Your instructor may send hints.'}`);
      this.root.dataset.checkMode = String(drill.checkMode);
      this.root.hidden = false;
      this.go.focus(); // Enter or Space gets to work
    }
    if (this.visible) setText(this.clock, status.paused ? 'The clock is stopped until your instructor starts it.' : `The clock is running: ${countdown(drill.realSecondsLeft)} left.`);
  }

  reset(): void {
    this.shownFor = '';
    this.hide();
  }
}
