// The trainee's drill panel, down the left of the map: the countdown in real time, the
// objectives with their progress, and what the instructor has sent (hints only outside
// check mode: the host leaves them out, and we say so). In a small window (1024x640) it
// folds to a card at the bottom left, over the South Pacific, so the map gets the whole width
// and North America is not under it; one click unfolds it.
import type { SessionStatus } from '../../shared/contract';
import type { DrillView } from '../../shared/drill-contract';
import { countdown, duration, tPlus } from '../hud/format';
import { h, setText } from '../dom';
import { renderObjectives } from './objectives';

/** A window where the column would take a quarter of the map (drill.css says the same sizes). */
const SMALL_WINDOW = '(max-width: 1200px), (max-height: 660px)';

export class DrillPanel {
  readonly root: HTMLElement;
  private readonly name = h('h2', { id: 'drill-name' });
  private readonly check = h('span', { id: 'drill-check-badge', class: 'check-badge', title: 'An assessment: you cannot pause or change speed, and no hints will come.' }, h('i', { class: 'lock-glyph' }), 'check mode');
  private readonly clock = h('div', { id: 'drill-countdown', class: 'dp-countdown' }, '--:--');
  private readonly clockState = h('span', { id: 'drill-clock-state' });
  private readonly simLeft = h('span', { id: 'drill-sim-left' });
  private readonly objectives = h('ol', { id: 'drill-objectives', class: 'objectives' });
  private readonly messages = h('ol', { id: 'drill-messages', class: 'drill-messages' });
  private readonly empty = h('p', { class: 'dp-empty' });
  private readonly count = h('span', { class: 'pill', id: 'drill-message-count' }, '0');
  private readonly toggle = h('button', { id: 'drill-panel-toggle', class: 'quiet dp-toggle', type: 'button', 'aria-controls': 'drill-panel-body' });
  private readonly summary = h('p', { id: 'drill-summary', class: 'dp-summary' });
  private readonly small = window.matchMedia(SMALL_WINDOW);
  /** What the trainee chose in a small window; a large one always shows the whole panel. */
  private foldedWhenSmall = true;
  private shownMessages = 0;
  /** Called when the panel changes shape (folded or unfolded): the map is framed again. */
  onLayout: () => void = () => {};
  /** Called with each message or hint that arrives while the drill runs (sound, toast). */
  onMessage: (m: DrillView['messages'][number]) => void = () => {};

  constructor(parent: HTMLElement) {
    // Focusable: on a small screen its objectives and messages scroll, and a keyboard must reach them.
    this.root = h('aside', { id: 'drill-panel', class: 'drill-panel', hidden: true, 'aria-label': 'Drill', tabindex: 0 },
      h('div', { class: 'dp-kicker' }, h('span', {}, 'Drill'), this.check, this.toggle),
      this.name,
      h('div', { class: 'dp-clock' }, this.clock, h('div', { class: 'dp-clock-caption' }, this.clockState, ' · ', this.simLeft)),
      this.summary,
      h('div', { id: 'drill-panel-body', class: 'dp-body' },
        h('h3', {}, 'Objectives'),
        this.objectives,
        h('h3', {}, 'From your instructor', this.count),
        this.empty,
        this.messages));
    parent.append(this.root);
    this.toggle.addEventListener('click', () => {
      this.foldedWhenSmall = !this.folded;
      this.shape();
    });
    this.small.addEventListener('change', () => this.shape());
    this.root.addEventListener('scroll', () => this.markMore(), { passive: true });
    window.addEventListener('resize', () => this.markMore());
    this.shape();
  }

  /** A panel that scrolls says so at its foot while more lies below (a cut line alone does not). */
  private markMore(): void {
    const r = this.root;
    const more = String(r.scrollTop + r.clientHeight < r.scrollHeight - 2);
    if (r.dataset.more !== more) r.dataset.more = more;
  }

  /** Folded to the small card (a small window, and the trainee has not unfolded it). */
  get folded(): boolean {
    return this.small.matches && this.foldedWhenSmall;
  }

  private shape(): void {
    const was = this.root.dataset.folded;
    this.root.dataset.small = String(this.small.matches);
    this.root.dataset.folded = String(this.folded);
    this.toggle.hidden = !this.small.matches;
    this.toggle.setAttribute('aria-expanded', String(!this.folded));
    setText(this.toggle, this.folded ? 'Show all ▸' : '◂ Fold');
    this.toggle.title = this.folded ? 'Objectives and your instructor\'s messages' : 'Fold the panel to a small card: the whole map';
    if (was !== undefined && was !== this.root.dataset.folded) this.onLayout();
    this.markMore();
  }

  get visible(): boolean {
    return !this.root.hidden;
  }

  hide(): void {
    this.root.hidden = true;
  }

  /** A new drill: forget the last one's messages. */
  reset(): void {
    this.messages.replaceChildren();
    this.shownMessages = 0;
  }

  update(drill: DrillView, status: SessionStatus): void {
    this.root.hidden = false;
    this.root.dataset.checkMode = String(drill.checkMode);
    this.root.dataset.ended = String(drill.ended);
    this.check.hidden = !drill.checkMode;
    setText(this.name, drill.name);
    setText(this.clock, countdown(drill.realSecondsLeft));
    this.clock.dataset.seconds = String(drill.realSecondsLeft);
    const state = drill.ended ? 'drill over' : status.paused ? 'paused by your instructor' : 'left';
    this.clock.dataset.state = drill.ended ? 'ended' : status.paused ? 'paused' : drill.realSecondsLeft < 60 ? 'last-minute' : 'running';
    setText(this.clockState, state);
    setText(this.simLeft, `${duration(drill.simMinutesLeft)} sim`);
    renderObjectives(this.objectives, drill.objectives);
    this.renderMessages(drill);
    const met = drill.objectives.filter((o) => o.state === 'met').length;
    const missed = drill.objectives.filter((o) => o.state === 'missed').length;
    const n = drill.messages.length;
    setText(this.summary, `${met} of ${drill.objectives.length} objectives met${missed ? ` · ${missed} missed` : ''} · ${n} ${n === 1 ? 'message' : 'messages'}`);
    this.markMore();
  }

  private renderMessages(drill: DrillView): void {
    const list = drill.messages;
    setText(this.empty, list.length ? '' : drill.checkMode ? 'Nothing yet. Check mode: no hints, only messages.' : 'Nothing yet. Hints and messages appear here.');
    setText(this.count, String(list.length));
    if (list.length < this.shownMessages) {
      this.messages.replaceChildren();
      this.shownMessages = 0;
    }
    const fresh = this.shownMessages > 0 || list.length <= 1; // don't chime for a backlog on connect
    for (const m of list.slice(this.shownMessages)) {
      const li = h('li', { 'data-kind': m.kind, class: 'fresh' },
        h('span', { class: 't' }, tPlus(m.minute)),
        h('span', { class: 'kind' }, m.kind),
        h('span', { class: 'text' }, m.text));
      this.messages.prepend(li);
      if (fresh && !drill.ended) this.onMessage(m);
    }
    this.shownMessages = list.length;
  }
}
