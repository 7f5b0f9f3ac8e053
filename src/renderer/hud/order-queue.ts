// Orders on their way: every mega-supernode batch still provisioning, config push waiting on
// its delay and hotfix in build, with when it lands in sim time (GMT, like the pager) and a
// Cancel for each, priced by the model's rule (src/sim/cancel.ts): a mega order and a config
// push cost nothing to cancel, a hotfix loses its build time; what has landed stays.
import type { ReplyTo } from '../../shared/contract';
import type { Bridge } from '../bridge/bridge';
import { CANCELLABLE, type CancellableOrder, type Command, type HotfixId } from '../../sim/commands';
import { hotfixName, megaSourceName, regionName } from '../../sim/names';
import type { OrderView, SimView } from '../../sim/view-types';
import { h, setText } from '../dom';
import { clockAt, duration, grouped, perSecond } from './format';
import { plainRefusal } from './refusal-words';
import { factsFor } from './scenario-facts';
import { serviceOrderWords, stateBeforeEach, type ServiceIntent } from './service-orders';


interface Row { key: string; what: string; when: string; cancel?: Command; cost?: string; note?: string } // note: what a cancel costs, in short

/** How long a refused cancel's words stay under the list (wall time: they are for reading). */
const ERROR_SHOWN_MS = 12_000;

const MEGA_COST = 'Cancel what has not come up yet: not billed (servers already serving stay; withdraw them instead)';
const CONFIG_COST = 'Call it back before it lands: nothing has changed yet, so it costs nothing';
const HOTFIX_COST = 'Stop the build: the build time so far is lost and a new push starts over; once it rolls out it cannot be recalled';

/** A config push a cancel can reach (switching Group Video off is immediate: nothing to call back). */
const cancellable = (c: Command): c is CancellableOrder =>
  (CANCELLABLE as readonly string[]).includes(c.type) && !(c.type === 'setGroupVideo' && !c.enabled);

/** `before`: the switches as this order will find them when it lands. */
function configWords(c: Command, before: ServiceIntent): string {
  if (c.type === 'throttleLogins') return c.perSecond === null ? `Lift the login throttle (${regionName(c.region)})` : `Cap logins at ${perSecond(c.perSecond)} (${regionName(c.region)})`;
  if (c.type === 'setOfflineImService' || c.type === 'setGroupVideo') return serviceOrderWords(c, before);
  return c.type;
}

export function orderRows(view: SimView): Row[] {
  const start = view.utcMs - view.minute * 60_000;
  const at = (m: number) => `${clockAt(start + m * 60_000, 0)} GMT`;
  const inMin = (m: number) => (m > view.minute ? ` (in ${duration(m - view.minute)})` : '');
  const rows: Row[] = [];
  const before = stateBeforeEach(view, factsFor(view.scenarioId).imCapacityPerS);
  (view.orders ?? []).forEach((o: OrderView, i) => {
    if (o.kind === 'mega') {
      const first = o.landsAtMinute > view.minute ? `first up ${at(o.landsAtMinute)}${inMin(o.landsAtMinute)}, ` : 'coming up now, ';
      rows.push({
        key: `mega:${o.region}:${o.source}:${o.landsAtMinute}`,
        what: `${grouped(o.count)} ${megaSourceName(o.source)} mega-supernodes → ${regionName(o.region)}`,
        when: `${first}all by ~${at(o.doneAtMinute)}`,
        cancel: { type: 'withdrawMegaSupernodes', count: o.count, region: o.region, source: o.source, ordersOnly: true },
        cost: MEGA_COST,
      });
    } else {
      const c = o.command;
      rows.push({
        key: `config:${i}:${o.landsAtMinute}`,
        what: configWords(c, before[i]),
        when: `lands ${at(o.landsAtMinute)}${inMin(o.landsAtMinute)}`,
        ...(cancellable(c) ? { cancel: { type: 'cancelOrder', order: c, landsAtMinute: o.landsAtMinute }, cost: CONFIG_COST, note: 'free to cancel until then' } : {}),
      });
    }
  });
  for (const fx of view.hotfixes ?? []) {
    if (fx.stage !== 'building') continue;
    const order: CancellableOrder = { type: 'pushHotfix', fix: fx.fix as HotfixId, rolloutPctPerHour: fx.rolloutPctPerHour };
    rows.push({
      key: `hotfix:${fx.fix}`,
      what: `Hotfix: ${hotfixName(fx.fix)} in build and test`,
      when: `rollout starts ${at(fx.readyAtMinute)}${inMin(fx.readyAtMinute)}`,
      note: 'cancel loses the build time',
      cancel: { type: 'cancelOrder', order, landsAtMinute: fx.readyAtMinute },
      cost: HOTFIX_COST,
    });
  }
  return rows;
}

export class OrderQueue {
  private readonly list = h('ol', { id: 'order-queue-list', tabindex: 0, 'aria-label': 'Orders on their way, oldest first' });
  private readonly count = h('span', { class: 'pill', id: 'order-queue-count' }, '0');
  private readonly error = h('p', { class: 'field-error', id: 'order-queue-error', role: 'alert' });
  readonly root = h('section', { id: 'order-queue', 'aria-label': 'Orders on their way', hidden: true },
    h('h2', {}, 'On their way', this.count), this.list, this.error);
  private key = '';
  private shape = '';
  private errorTimer: ReturnType<typeof setTimeout> | undefined;
  /** `command`: the withdraw (a mega order) or cancelOrder (a config push or hotfix) that was sent. */
  onCancelled: (ok: boolean, command: Command) => void = () => {};
  /** A cancel the host refused, in the words shown under the queue (the pager says it too). */
  onRefused: (words: string) => void = () => {};

  constructor(private readonly bridge: Bridge) {
    document.getElementById('hud')!.append(this.root);
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
    this.list.replaceChildren(...rows.map((r) => {
      const li = h('li', { 'data-order': r.key }, h('span', { class: 'oq-what' }, r.what), h('span', { class: 'oq-when' }, r.when, r.note ? h('span', { class: 'oq-note' }, ` · ${r.note}`) : null));
      if (r.cancel) {
        const b = h('button', { class: 'quiet oq-cancel', type: 'button', 'aria-label': `Cancel: ${r.what}` }, 'Cancel');
        b.title = r.cost ?? '';
        b.addEventListener('click', () => void this.cancel(b, r.cancel!));
        li.append(b);
      }
      return li;
    }));
    return reshaped;
  }

  clear(): void {
    this.key = '';
    this.shape = '';
    this.list.replaceChildren();
    this.root.hidden = true;
    clearTimeout(this.errorTimer);
    this.error.textContent = '';
  }

  private async cancel(button: HTMLButtonElement, command: Command): Promise<void> {
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
