// Orders on their way: every mega-supernode batch still provisioning, config push waiting on
// its delay and hotfix in build, with when it lands in sim time (GMT, like the pager) and a
// Cancel for each, priced by the model's rule (src/sim/cancel.ts): a mega order and a config
// push cost nothing to cancel, a hotfix loses its build time; what has landed stays.
import type { ReplyTo } from '../../shared/contract';
import type { Bridge } from '../bridge/bridge';
import type { Command } from '../../sim/commands';
import type { SimView } from '../../sim/view-types';
import { h, setText } from '../dom';
import { practising } from './action-panel';
import { plainRefusal } from './refusal-words';
import { orderRows, type Row } from './order-rows';


/** How long a refused cancel's words stay under the list (wall time: they are for reading). */
const ERROR_SHOWN_MS = 12_000;

export class OrderQueue {
  private readonly list = h('ol', { id: 'order-queue-list', tabindex: 0, 'aria-label': 'Orders on their way, newest first' });
  /** "+3 more below": the list holds whole rows only, and says what is out of sight. */
  private readonly more = h('p', { class: 'oq-more', id: 'order-queue-more', hidden: true });
  private readonly count = h('span', { class: 'pill', id: 'order-queue-count' }, '0');
  private readonly error = h('p', { class: 'field-error', id: 'order-queue-error', role: 'alert' });
  readonly root = h('section', { id: 'order-queue', 'aria-label': 'Orders on their way', hidden: true },
    h('h2', {}, 'On their way', this.count), this.list, this.more, this.error);
  private key = '';
  private shape = '';
  private errorTimer: ReturnType<typeof setTimeout> | undefined;
  /** `command`: the withdraw (a mega order) or cancelOrder (a config push or hotfix) that was sent. */
  onCancelled: (ok: boolean, command: Command) => void = () => {};
  /** A cancel the host refused, in the words shown under the queue (the pager says it too). */
  onRefused: (words: string) => void = () => {};

  constructor(private readonly bridge: Bridge) {
    document.getElementById('map-panels')!.append(this.root); // hud.css: its place in the grid over the map
    this.list.addEventListener('scroll', () => this.sayMore());
    window.addEventListener('resize', () => this.fit());
  }

  /** Returns true when the list's rows changed (its box on screen may have too). */
  update(view: SimView): boolean {
    const rows = orderRows(view);
    const key = `${Math.floor(view.minute)}|${rows.map((r) => r.key + r.what).join('|')}`;
    if (key === this.key) return false;
    const shape = rows.map((r) => r.key).join('|');
    const reshaped = shape !== this.shape;
    this.key = key;
    this.shape = shape;
    this.root.hidden = rows.length === 0 && !this.error.textContent;
    setText(this.count, String(rows.length));
    // Newest first: the order just given is the one a player looks for, and it stays in sight.
    this.list.replaceChildren(...[...rows].reverse().map((r) => {
      const li = h('li', { 'data-order': r.key }, h('span', { class: 'oq-what' }, r.what), h('span', { class: 'oq-when' }, r.when, r.note ? h('span', { class: 'oq-note' }, ` · ${r.note}`) : null));
      if (r.cancel) {
        const b = h('button', { class: 'quiet oq-cancel', type: 'button', 'aria-label': `Cancel: ${r.what}` }, 'Cancel');
        b.title = r.cost ?? '';
        b.addEventListener('click', () => void this.cancel(b, r.cancel!));
        li.append(b);
      }
      return li;
    }));
    this.fit();
    return reshaped;
  }

  /** As many whole rows as the panel has room for (none cut mid-line), and the cue for the rest. */
  private fit(): void {
    this.list.style.maxHeight = '';
    this.more.hidden = true;
    if (this.root.hidden || this.list.scrollHeight <= this.list.clientHeight + 1) return;
    this.more.hidden = false;
    this.more.textContent = '+';
    const room = this.list.clientHeight;
    const top = this.list.getBoundingClientRect().top - this.list.scrollTop;
    let fits = 0;
    for (const li of this.list.children) if (li.getBoundingClientRect().bottom - top <= room + 0.5) fits = li.getBoundingClientRect().bottom - top;
    this.list.style.maxHeight = `${Math.max(fits, 1)}px`;
    this.sayMore();
  }

  private sayMore(): void {
    if (this.more.hidden) return;
    const bottom = this.list.getBoundingClientRect().bottom;
    const below = [...this.list.children].filter((li) => li.getBoundingClientRect().bottom > bottom + 0.5).length;
    this.more.textContent = below ? `+${below} more below: scroll the list ▾` : '▴ newest at the top';
  }

  clear(): void {
    this.key = '';
    this.shape = '';
    this.list.replaceChildren();
    this.more.hidden = true;
    this.root.hidden = true;
    clearTimeout(this.errorTimer);
    this.error.textContent = '';
  }

  private async cancel(button: HTMLButtonElement, command: Command): Promise<void> {
    if (practising()) {
      // The tour changes nothing in the shift: the order stays on its way.
      this.say('Practice, not sent: in the tour this order stays on its way.');
      this.onCancelled(true, command);
      return;
    }
    button.disabled = true;
    const reply: ReplyTo<'command'> = await this.bridge.sendCommand(command);
    const words = reply.ok ? '' : plainRefusal(reply.error);
    this.say(words);
    if (!reply.ok) this.onRefused(words);
    this.onCancelled(reply.ok, command);
    if (!reply.ok) button.disabled = false;
  }

  /**
   * A refusal stays long enough to be read even when the order it names has just landed and
   * left the list (the queue stays open for it), then goes: it is about one click, not the shift.
   */
  private say(words: string): void {
    clearTimeout(this.errorTimer);
    this.error.textContent = words;
    if (!words) return;
    this.root.hidden = false;
    this.errorTimer = setTimeout(() => {
      this.error.textContent = '';
      this.root.hidden = this.list.childElementCount === 0;
    }, ERROR_SHOWN_MS);
  }
}
