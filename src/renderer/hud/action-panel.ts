// The player's verbs: one tab and form per command. Each submit becomes exactly one Command;
// a refusal from the host is shown beside the field its `error.field` names.
import type { Reply } from '../../shared/contract';
import type { Bridge } from '../bridge/bridge';
import type { Command, HotfixId, MegaSource } from '../../sim/commands';
import { REGIONS, type RegionId } from '../../sim/regions';
import type { SimView } from '../../sim/view-types';
import { hotfixName, upperFirst } from '../../sim/names';
import { actionHints } from './action-hints';
import { leafField, plainRefusal } from './refusal-words';
import { factsFor } from './scenario-facts';
import { doNothingRefusal, liftRefusal, serviceDefaults, serviceIntent, serviceOrderHolds, serviceOrderWords, type ServiceIntent } from './service-orders';
import { statusWords } from './status-words';
import { answerWithin, SendGuard } from './send-guard';

export const TABS = ['deploy', 'withdraw', 'throttle', 'hotfix', 'offline-im', 'group-video'] as const;
export type Tab = (typeof TABS)[number];

/** The sim verb each tab sends: a drill's allowedActions are verbs. */
export const TAB_VERB: Record<Tab, Command['type']> = {
  deploy: 'deployMegaSupernodes',
  withdraw: 'withdrawMegaSupernodes',
  throttle: 'throttleLogins',
  hotfix: 'pushHotfix',
  'offline-im': 'setOfflineImService',
  'group-video': 'setGroupVideo',
};

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const num = (id: string) => ($<HTMLInputElement>(id).value.trim() === '' ? Number.NaN : Number($<HTMLInputElement>(id).value));
const val = (id: string) => $<HTMLSelectElement>(id).value;

/** A form's fields by the command field names the sim uses in CommandError.field. */
const FIELD_IDS: Record<Tab, Record<string, string>> = {
  deploy: { count: 'deploy-count', region: 'deploy-region', source: 'deploy-source' },
  withdraw: { count: 'withdraw-count', region: 'withdraw-region', source: 'withdraw-source' },
  throttle: { perSecond: 'throttle-rate', region: 'throttle-region' },
  hotfix: { fix: 'hotfix-fix', rolloutPctPerHour: 'hotfix-rate' },
  'offline-im': { enabled: 'offline-im-enabled', capacityPct: 'offline-im-capacity' },
  'group-video': { enabled: 'group-video-enabled' },
};

/** Sim-minutes a refusal or a ✓ stays in the form and on the status line (the pager keeps it). */
const SAID_FOR_MIN = 60;
/** The Megas form's first count, where the scenario has that many (Skype's "hundreds" at first). */
const DEFAULT_MEGA_COUNT = 500;

/**
 * While the guided tour runs, orders are practice (tutorial.ts turns it on and off): a form is
 * checked and its order described, but nothing goes to the host, so the tour leaves nothing in
 * the graded shift (no order, no bill, no journal line). The queue's Cancel follows it too.
 */
let practice = false;
const practiceWatchers = new Set<(on: boolean) => void>();
export const practising = (): boolean => practice;
export function practiceOrders(on: boolean): void {
  if (practice === on) return;
  practice = on;
  document.getElementById('hud')?.toggleAttribute('data-practice', on);
  for (const w of practiceWatchers) w(on);
}

class LocalError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

export class ActionPanel {
  active: Tab = 'deploy';
  onResult: (ok: boolean, command: Command) => void = () => {};
  /** A refusal from the host, in the words shown beside the field (the pager logs it too). */
  onRefused: (words: string) => void = () => {};
  private lastView: SimView | null = null;
  private readonly status = $('action-status');
  /** The order the ✓ on the status line is about, and when a refusal or a ✓ was last said. */
  private statusCommand: Command | null = null;
  /** A view has shown the ✓'s order in the game (frames sent before it was taken do not count against it). */
  private statusSeen = false;
  private saidAtMinute: number | null = null;
  /** Forms the player has changed since they were last set from the game (their values are kept). */
  private readonly dirty = new Set<Tab>();
  /** The switches' state the service forms were last set from. */
  private serviceKey = '';
  /** The player typed a Megas count: it is theirs; until then the count follows what the source has left. */
  private countTyped = false;
  /** The scenario the forms were set up for (its fixes in the Hotfix list, a mega count it has). */
  private formsFor = '';
  /** Verbs this drill allows; null in free play (everything). */
  private allowed: ReadonlySet<string> | null = null;
  /** A form's order on its way to the host: a second press (a double-click, Enter after the click) waits for its answer; the form's buttons are off meanwhile. */
  private readonly guard = new SendGuard<Tab>((tab, on) => {
    for (const b of $(`form-${tab}`).querySelectorAll<HTMLButtonElement>('button')) b.disabled = on || !this.isAllowed(tab);
  });
  /** The order a form last sent, while the form is unchanged since: the same order again asks first. */
  private readonly lastSent = new Map<Tab, { key: string; asked: boolean }>();

  constructor(private readonly bridge: Bridge) {
    for (const sel of document.querySelectorAll<HTMLSelectElement>('.region-select')) {
      if (sel.dataset.any) sel.append(new Option(sel.dataset.any, ''));
      for (const r of REGIONS) sel.append(new Option(r.name, r.id));
      if (!sel.dataset.any) sel.value = 'europe';
    }
    // An error line inside each field's label, so a refusal sits right beside its input.
    for (const ids of Object.values(FIELD_IDS)) {
      for (const id of Object.values(ids)) {
        const span = document.createElement('span');
        span.className = 'field-error';
        span.id = `${id}-error`;
        span.dataset.testid = `${id}-error`;
        $(id).closest('label')?.append(span);
      }
    }
    // Any change to a form clears its refusal (it was about the old values) and recomputes its hints.
    for (const tab of TABS) {
      const form = $(`form-${tab}`);
      const changed = () => {
        this.dirty.add(tab);
        this.lastSent.delete(tab);
        this.syncCapacity();
        this.clearErrors(tab);
        if (this.lastView) this.updateHints(this.lastView);
      };
      form.addEventListener('input', changed);
      form.addEventListener('change', changed);
    }
    for (const b of document.querySelectorAll<HTMLButtonElement>('#verb-tabs button')) {
      b.addEventListener('click', () => this.open(b.dataset.tab as Tab, false));
    }
    for (const tab of TABS) {
      $(`form-${tab}`).addEventListener('submit', (e) => {
        e.preventDefault();
        void this.submit(tab);
      });
    }
    $('throttle-off-button').addEventListener('click', () => void this.submit('throttle', true));
    $('deploy-count').addEventListener('input', () => (this.countTyped = true));
    // Into practice: say so where the ✓ goes; out of it: the forms and that line as the game has them.
    practiceWatchers.add((on) => {
      this.clearAll();
      if (on) this.status.textContent = 'Tour: orders here are practice and are not sent.';
    });
  }

  /** A drill's allowedActions (null: free play). Other tabs are disabled with the reason as tooltip. */
  setAllowed(verbs: readonly string[] | null): void {
    const key = verbs ? verbs.join(',') : '*';
    if (this.allowedKey === key) return;
    this.allowedKey = key;
    this.allowed = verbs ? new Set(verbs) : null;
    this.status.textContent = ''; // a refusal from the last drill means nothing now
    for (const tab of TABS) {
      const ok = this.isAllowed(tab);
      const b = document.querySelector<HTMLButtonElement>(`#verb-tabs button[data-tab="${tab}"]`)!;
      b.disabled = !ok;
      b.title = ok ? '' : 'Not part of this drill: your instructor has not made this action available.';
      const form = $<HTMLFormElement>(`form-${tab}`);
      form.classList.toggle('locked', !ok);
      for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button')) el.disabled = !ok;
      form.title = b.title;
    }
    this.syncCapacity();
    if (!this.isAllowed(this.active)) {
      const first = TABS.find((t) => this.isAllowed(t));
      if (first) this.open(first, false);
    }
  }
  private allowedKey = '*';

  isAllowed(tab: Tab): boolean {
    return !this.allowed || this.allowed.has(TAB_VERB[tab]);
  }

  open(tab: Tab, focus = true): void {
    if (!this.isAllowed(tab)) {
      this.status.className = 'action-status';
      this.status.textContent = `✗ ${$(`form-${tab}`).title}`;
      return;
    }
    if (tab !== this.active) this.clearErrors(this.active);
    this.active = tab;
    for (const b of document.querySelectorAll<HTMLButtonElement>('#verb-tabs button')) b.classList.toggle('active', b.dataset.tab === tab);
    for (const f of document.querySelectorAll<HTMLFormElement>('.verb-form')) f.classList.toggle('active', f.dataset.tab === tab);
    if (focus) {
      const first = $(`form-${tab}`).querySelector<HTMLElement>('input, select');
      first?.focus();
      if (first instanceof HTMLInputElement) first.select();
    }
  }

  /** Forgets every refusal, the status line and what was typed: a new game, the end screen, a new scenario. */
  clearAll(): void {
    this.lastSent.clear();
    for (const tab of TABS) this.clearErrors(tab);
    this.clearStatus();
    this.resetForms();
  }

  /**
   * The forms as this scenario needs them: the Hotfix list offers the fixes some client here
   * needs (aug-2007's self-healing fix; not December's crash fix), the first one chosen; the
   * Megas count starts at what the first source has, not more.
   */
  private setUpFor(scenarioId: string): void {
    this.formsFor = scenarioId;
    const facts = factsFor(scenarioId);
    const fix = $<HTMLSelectElement>('hotfix-fix');
    fix.replaceChildren(...facts.fixes.map((f, i) => new Option(upperFirst(hotfixName(f)), f, i === 0, i === 0)));
    const available = facts.mega.dedicated.available;
    $<HTMLInputElement>('deploy-count').defaultValue = String(available > 0 ? Math.min(DEFAULT_MEGA_COUNT, available) : DEFAULT_MEGA_COUNT);
    $<HTMLFormElement>('form-hotfix').reset();
    if (!this.dirty.has('deploy')) $<HTMLFormElement>('form-deploy').reset();
  }

  /** Every form back to its first values; the service switches are set from the game on the next view. */
  private resetForms(): void {
    for (const tab of TABS) $<HTMLFormElement>(`form-${tab}`).reset();
    for (const sel of document.querySelectorAll<HTMLSelectElement>('.region-select')) if (!sel.dataset.any) sel.value = 'europe';
    this.dirty.clear();
    this.countTyped = false;
    this.serviceKey = '';
    this.syncCapacity();
  }

  private clearStatus(): void {
    this.status.textContent = '';
    this.status.className = 'action-status';
    this.statusCommand = null;
  }

  /** Capacity % means something only for "On": off, it is disabled and not sent. */
  private syncCapacity(): void {
    $<HTMLInputElement>('offline-im-capacity').disabled = val('offline-im-enabled') === 'false' || !this.isAllowed('offline-im');
  }

  private intent(view: SimView): ServiceIntent {
    return serviceIntent(view, factsFor(view.scenarioId).imCapacityPerS);
  }

  /**
   * Keeps the forms and lines about the game now: a new game (another scenario, or time gone
   * back) starts with fresh forms; the switches' forms offer the other position whenever the
   * switches change (unless the player is editing them); a refusal about a switch goes when the
   * switch changes; a ✓ goes when what it says no longer holds; both go after a sim-hour.
   */
  private follow(view: SimView): void {
    const prev = this.lastView;
    if (prev && (prev.scenarioId !== view.scenarioId || view.minute < prev.minute)) this.clearAll();
    if (view.scenarioId !== this.formsFor) this.setUpFor(view.scenarioId);
    const intent = this.intent(view);
    const key = JSON.stringify([intent.im.enabled, intent.im.capacityPct, intent.groupVideo]);
    if (key !== this.serviceKey) {
      const first = this.serviceKey === '';
      this.serviceKey = key;
      const d = serviceDefaults(intent);
      if (!this.dirty.has('offline-im')) {
        $<HTMLSelectElement>('offline-im-enabled').value = String(d.imEnabled);
        $<HTMLInputElement>('offline-im-capacity').value = String(d.imCapacityPct);
      }
      if (!this.dirty.has('group-video')) $<HTMLSelectElement>('group-video-enabled').value = String(d.groupVideoEnabled);
      this.syncCapacity();
      if (!first) {
        this.clearErrors('offline-im');
        this.clearErrors('group-video');
      }
    }
    const c = this.statusCommand;
    if (c) {
      const holds = commandHolds(c, view, intent);
      if (holds) this.statusSeen = true;
      else if (this.statusSeen) this.clearStatus();
    }
    if (this.saidAtMinute !== null && view.minute - this.saidAtMinute >= SAID_FOR_MIN) {
      this.saidAtMinute = null;
      for (const tab of TABS) this.clearErrors(tab);
      if (this.status.textContent?.startsWith('✓')) this.clearStatus();
    }
  }

  updateHints(view: SimView): void {
    this.follow(view);
    this.lastView = view;
    this.countFromLeft(view);
    const hints = actionHints(view, {
      deployCount: num('deploy-count'),
      deploySource: val('deploy-source') as MegaSource,
      deployRegion: val('deploy-region') as RegionId,
      throttleRegion: val('throttle-region') as RegionId | '',
      throttleRate: num('throttle-rate'),
      hotfix: val('hotfix-fix') as HotfixId,
    });
    // What Apply will do with the switches, from the state it will land on.
    const intent = this.intent(view);
    for (const tab of ['offline-im', 'group-video'] as const) {
      const c = this.serviceCommand(tab);
      const id = `${tab}-hint`;
      if (hints[id]) hints[id] = `${doNothingRefusal(c, intent) ? 'Apply: changes nothing now.' : `Apply: ${serviceOrderWords(c, intent)}.`} ${hints[id]}`;
    }
    for (const [id, html] of Object.entries(hints)) {
      const el = document.getElementById(id);
      if (el && el.dataset.last !== html) {
        el.dataset.last = html;
        el.textContent = html;
      }
    }
  }

  private build(tab: Tab, lift: boolean): Command {
    const need = (id: string, field: string, what: string) => {
      const v = num(id);
      if (!Number.isFinite(v)) throw new LocalError(field, `Enter ${what}.`);
      return v;
    };
    switch (tab) {
      case 'deploy':
        return { type: 'deployMegaSupernodes', count: need('deploy-count', 'count', 'how many mega-supernodes to start'), region: val('deploy-region') as RegionId, source: val('deploy-source') as MegaSource };
      case 'withdraw': {
        const source = val('withdraw-source');
        return { type: 'withdrawMegaSupernodes', count: need('withdraw-count', 'count', 'how many to withdraw'), region: val('withdraw-region') as RegionId, ...(source ? { source: source as MegaSource } : {}) };
      }
      case 'throttle': {
        const region = val('throttle-region');
        const perSecond = lift ? null : need('throttle-rate', 'perSecond', 'a login rate per second (or press Lift)');
        // A Lift where no cap is in force or on its way would be queued, billed a config push and change nothing.
        const refused = lift && this.lastView ? liftRefusal(this.lastView, region as RegionId | '') : null;
        if (refused) throw new LocalError('region', refused);
        return { type: 'throttleLogins', perSecond, ...(region ? { region: region as RegionId } : {}) };
      }
      case 'hotfix':
        return { type: 'pushHotfix', fix: val('hotfix-fix') as HotfixId, rolloutPctPerHour: need('hotfix-rate', 'rolloutPctPerHour', 'a rollout speed in percent per hour') };
      case 'offline-im':
      case 'group-video': {
        // "On" needs a capacity: an empty field (or letters the number field dropped) is not "no change".
        if (tab === 'offline-im' && val('offline-im-enabled') === 'true') need('offline-im-capacity', 'capacityPct', 'a Capacity % (a number from 0 to 400), or choose Off');
        const c = this.serviceCommand(tab);
        const nothing = this.lastView ? doNothingRefusal(c, this.intent(this.lastView)) : null;
        if (nothing) throw new LocalError(nothing.field, nothing.message);
        return c;
      }
    }
  }

  /**
   * An untyped Megas count offers what the chosen source can give (500 at most, Skype's first
   * "hundreds"): aug-2007 has 400 dedicated servers, and fewer once some are ordered.
   */
  private countFromLeft(view: SimView): void {
    if (this.countTyped) return;
    const source = val('deploy-source') as MegaSource;
    const left = view.megaLeft?.[source] ?? factsFor(view.scenarioId).mega[source]?.available ?? 0;
    const count = $<HTMLInputElement>('deploy-count');
    if (left > 0 && count.value !== String(Math.min(DEFAULT_MEGA_COUNT, left))) count.value = String(Math.min(DEFAULT_MEGA_COUNT, left)); // same value: the caret stays
  }

  /** The switch order the form holds; Capacity % only with "On". */
  private serviceCommand(tab: 'offline-im' | 'group-video'): Extract<Command, { type: 'setOfflineImService' | 'setGroupVideo' }> {
    if (tab === 'group-video') return { type: 'setGroupVideo', enabled: val('group-video-enabled') === 'true' };
    const enabled = val('offline-im-enabled') === 'true';
    const cap = num('offline-im-capacity');
    return { type: 'setOfflineImService', enabled, ...(enabled && Number.isFinite(cap) ? { capacityPct: cap } : {}) };
  }

  /** Sends the form's order; null when nothing was sent (a press while one is on its way, or a repeat that asks first). */
  submit(tab: Tab, lift = false): Promise<Reply | null> {
    return this.guard.submit(tab, () => this.send(tab, lift));
  }

  private async send(tab: Tab, lift: boolean): Promise<Reply | null> {
    this.clearErrors(tab);
    let command: Command;
    try {
      command = this.build(tab, lift);
    } catch (e) {
      if (!(e instanceof LocalError)) throw e;
      const reply: Reply = { ok: false, error: { code: 'missing-field', field: e.field, message: e.message } };
      this.showError(tab, reply);
      return reply;
    }
    const before = this.lastView ? this.intent(this.lastView) : null;
    if (practising()) {
      this.status.className = 'action-status ok';
      this.status.textContent = `✓ Not sent (tour practice): ${statusWords(command, before)}`;
      this.statusCommand = null;
      this.onResult(true, command); // the tour's try is done (and the confirm sound plays)
      return { ok: true };
    }
    // The very order this form just sent, the form untouched since: a slip, most likely. Ask once.
    const key = JSON.stringify(command);
    const last = this.lastSent.get(tab);
    if (last?.key === key && !last.asked) {
      last.asked = true;
      const button = (lift ? $('throttle-off-button') : $(`form-${tab}`).querySelector('button[type="submit"]'))?.textContent ?? 'it';
      $(`${tab}-error`).textContent = `You have just sent this same order. Press ${button} again to send it once more.`;
      this.clearStatus(); // the question stands beside the button, alone
      return null;
    }
    // A host that never answers (a lost reply) must not lock the form: after 10 s it is said so.
    const reply = await answerWithin(this.bridge.sendCommand(command));
    this.onResult(reply.ok, command);
    if (reply.ok) {
      this.status.className = 'action-status ok';
      this.status.textContent = '✓ ' + statusWords(command, before);
      this.statusCommand = command;
      this.statusSeen = false;
      this.saidAtMinute = this.lastView?.minute ?? null;
      this.dirty.delete(tab); // the form follows the game again
      this.lastSent.set(tab, { key, asked: false });
    } else this.showError(tab, reply);
    return reply;
  }

  private showError(tab: Tab, reply: Reply): void {
    if (reply.ok) return;
    const leaf = leafField(reply.error.field);
    const id = Object.hasOwn(FIELD_IDS[tab], leaf) ? FIELD_IDS[tab][leaf] : undefined;
    const words = reply.error.code === 'missing-field' && !reply.error.message.startsWith('"') ? reply.error.message : plainRefusal(reply.error);
    // Shown in the form's line under the fields; the field's own span says it to screen readers.
    $(`${tab}-error`).textContent = words;
    if (id) {
      $(`${id}-error`).textContent = words;
      $(id).classList.add('invalid');
      $(id).setAttribute('aria-invalid', 'true');
      $(id).setAttribute('aria-describedby', `${id}-error`);
    }
    this.status.className = 'action-status';
    this.status.textContent = `✗ Not done: ${words}`;
    this.statusCommand = null;
    this.saidAtMinute = this.lastView?.minute ?? null;
    this.onRefused(words);
  }

  private clearErrors(tab: Tab): void {
    $(`${tab}-error`).textContent = '';
    if (this.status.textContent?.startsWith('✗')) this.status.textContent = '';
    for (const id of Object.values(FIELD_IDS[tab])) {
      $(`${id}-error`).textContent = '';
      $(id).classList.remove('invalid');
      $(id).removeAttribute('aria-invalid');
    }
  }
}


/** Whether what a ✓ says of `c` still holds: a switch or throttle as ordered, a hotfix or mega order not called back. */
function commandHolds(c: Command, view: SimView, intent: ServiceIntent): boolean {
  switch (c.type) {
    case 'setOfflineImService':
    case 'setGroupVideo':
      return serviceOrderHolds(c, intent);
    case 'throttleLogins': {
      const pending = (view.orders ?? []).filter((o) => o.kind === 'config' && o.command.type === 'throttleLogins' && o.command.region === c.region);
      const last = pending.at(-1);
      if (last && last.kind === 'config' && last.command.type === 'throttleLogins') return last.command.perSecond === c.perSecond;
      const now = c.region ? view.regions.find((r) => r.id === c.region)?.throttlePerS ?? null : view.metrics.throttleGlobalPerS;
      return now === c.perSecond;
    }
    case 'pushHotfix':
      return view.hotfixes.some((h) => h.fix === c.fix);
    case 'deployMegaSupernodes':
      return (view.orders ?? []).some((o) => o.kind === 'mega' && o.region === c.region && o.source === c.source) ||
        (view.regions.find((r) => r.id === c.region)?.megaUp ?? 0) > 0;
    default:
      return true;
  }
}
