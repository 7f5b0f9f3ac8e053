// The trainee's drill panel, down the left of the map: the countdown in real time, the
// objectives with their progress, and what the instructor has sent (hints only outside
// check mode: the host leaves them out, and we say so).
import type { SessionStatus } from '../../shared/contract';
import type { DrillView } from '../../shared/drill-contract';
import { countdown, duration, tPlus } from '../hud/format';
import { h, setText } from '../dom';
import { renderObjectives } from './objectives';

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
  private shownMessages = 0;
  /** Called with each message or hint that arrives while the drill runs (sound, toast). */
  onMessage: (m: DrillView['messages'][number]) => void = () => {};

  constructor(parent: HTMLElement) {
    // Focusable: on a small screen its objectives and messages scroll, and a keyboard must reach them.
    this.root = h('aside', { id: 'drill-panel', class: 'drill-panel', hidden: true, 'aria-label': 'Drill', tabindex: 0 },
      h('div', { class: 'dp-kicker' }, h('span', {}, 'Drill'), this.check),
      this.name,
      h('div', { class: 'dp-clock' }, this.clock, h('div', { class: 'dp-clock-caption' }, this.clockState, ' · ', this.simLeft)),
      h('h3', {}, 'Objectives'),
      this.objectives,
      h('h3', {}, 'From your instructor', this.count),
      this.empty,
      this.messages);
    parent.append(this.root);
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
