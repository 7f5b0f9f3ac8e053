// The first shift: a guided tour early on 22 Dec 2010, before the trouble starts. It points at
// the counter, the supernode clouds, the central services and each verb, and waits for the
// player to try each once (or skip it). Offered once per screen; finishing or skipping is
// remembered in localStorage; `?` has "Show me around again".
import type { Command } from '../../sim/commands';
import type { SimView } from '../../sim/view-types';
import type { Pick } from '../world/world';
import { h } from '../dom';
import type { Tab } from './action-panel';

const DONE_KEY = 'supernodeStorm.tutorial.done';
/** The tour is offered in a free-play December 2010 shift still in its first two sim-hours. */
const OFFER_BEFORE_MINUTE = 120;

interface Step {
  id: string;
  title: string;
  text: string;
  /** What to point at: a HUD element, or a place on the map. */
  target: { selector: string } | { place: Pick };
  tab?: Tab;
  /** The try: done when this command type is accepted, or this kind of place is picked. */
  tries?: { verb: Command['type'] } | { pick: 'region' | 'service' };
  tryText?: string;
}

const STEPS: Step[] = [
  { id: 'counter', title: 'People online', target: { selector: '.users-online' }, text: 'Skype\'s own counter: how many people are connected right now, and the share of a normal Wednesday. Everything you do is judged by this number.' },
  { id: 'clouds', title: 'The supernode clouds', target: { place: { kind: 'region', id: 'europe' } }, text: 'Each dot is a group of supernodes: ordinary users\' PCs that relay everyone\'s logins and calls. Cool blue is fine; hot, blinking dots are near their limit and will shut themselves down; grey ones are down.', tries: { pick: 'region' }, tryText: 'Click a region on the map (or press 1 to 6) to see its figures.' },
  { id: 'services', title: 'The central services', target: { place: { kind: 'service', id: 'offlineIm' } }, text: 'Skype\'s own servers: login, the offline-IM cluster (where 22 December began: it answers slowly, and one Windows build crashes on slow answers), updates and the mega-supernode pool.', tries: { pick: 'service' }, tryText: 'Click a service on the map (or press S).' },
  { id: 'deploy', title: 'Megas: mega-supernodes', target: { selector: '#form-deploy' }, tab: 'deploy', text: 'Big dedicated supernodes that each carry thousands of clients. They take time to come up and, except borrowed Group Video servers, cost money per hour.', tries: { verb: 'deployMegaSupernodes' }, tryText: 'Order a few (say 10 cloud instances for Europe) and press Deploy.' },
  { id: 'withdraw', title: 'Withdraw or cancel', target: { selector: '#order-queue:not([hidden]), #form-withdraw' }, tab: 'withdraw', text: 'Orders on their way are listed over the map with when they land. Cancelling what has not come up costs nothing; withdrawing running ones hands their clients back slowly.', tries: { verb: 'withdrawMegaSupernodes' }, tryText: 'Cancel your order in "On their way" (or withdraw some).' },
  { id: 'throttle', title: 'Throttle logins', target: { selector: '#form-throttle' }, tab: 'throttle', text: 'A cap on logins per second, worldwide or for one region. It paces a reconnect storm so supernodes can come back; a cap above what is trying does nothing. It lands after a config push.', tries: { verb: 'throttleLogins' }, tryText: 'Set a cap (or press Lift) to see it queued.' },
  { id: 'hotfix', title: 'Push a hotfix', target: { selector: '#form-hotfix' }, tab: 'hotfix', text: 'A fixed client build: it must be built and tested first, then rolls out at the speed you choose. Fast rollouts send everyone to the update servers at once.', tries: { verb: 'pushHotfix' }, tryText: 'Push the IM crash fix.' },
  { id: 'offline-im', title: 'The offline-IM service', target: { selector: '#form-offline-im' }, tab: 'offline-im', text: 'Switching it off stops the slow replies that crash Skype 5.0.0152; offline messages wait (that has a cost too).', tries: { verb: 'setOfflineImService' }, tryText: 'It is on, so the form offers Off: press Apply to queue it, then Cancel it in "On their way" if you want it kept on.' },
  { id: 'group-video', title: 'Group Video', target: { selector: '#form-group-video' }, tab: 'group-video', text: 'Switching Group Video Calling off frees its servers to host mega-supernodes, at the cost of the feature.', tries: { verb: 'setGroupVideo' }, tryText: 'It is on, so the form offers Off: press Apply (it goes off at once). The form then offers On: that takes 15 minutes to come back.' },
  { id: 'done', title: 'Your shift', target: { selector: '#help-button' }, text: 'The pager tells you what happens; the charts show the last hours. Press ? for every key, the gear for settings. Press Space to let time run. Good luck.' },
];

export interface TutorialDeps {
  openTab: (tab: Tab) => void;
  locate: (pick: Pick) => { x: number; y: number } | null;
  pause: () => void;
}

function remembered(): boolean {
  try {
    return localStorage.getItem(DONE_KEY) === 'true';
  } catch {
    return false;
  }
}

export class Tutorial {
  private readonly card = h('section', { id: 'tutorial', 'aria-live': 'polite', 'aria-labelledby': 'tutorial-title', hidden: true });
  private readonly ring = h('div', { id: 'tutorial-ring', 'aria-hidden': 'true', hidden: true });
  private step = -1; // -1: not running
  private offered = false;
  private tried = false;

  constructor(private readonly deps: TutorialDeps) {
    document.getElementById('hud')!.append(this.ring, this.card);
  }

  get running(): boolean {
    return this.step >= 0;
  }

  /** Each frame: offer the tour once in an early free-play December 2010 shift. */
  update(view: SimView, freePlayTrainee: boolean): void {
    if (this.running) this.place();
    if (this.offered || !freePlayTrainee || view.scenarioId !== 'dec-2010' || view.minute >= OFFER_BEFORE_MINUTE || remembered()) return;
    this.offered = true;
    this.offer();
  }

  /** A verb the host accepted, or a place the player picked: ticks off the step's try. */
  noteCommand(type: Command['type']): void {
    const t = STEPS[this.step]?.tries;
    if (t && 'verb' in t && t.verb === type) this.markTried();
  }

  notePick(pick: Pick): void {
    const t = STEPS[this.step]?.tries;
    if (t && 'pick' in t && pick?.kind === t.pick) this.markTried();
  }

  start(): void {
    this.deps.pause();
    this.go(0);
  }

  finish(): void {
    try {
      localStorage.setItem(DONE_KEY, 'true');
    } catch {
      /* private mode: offered again next time */
    }
    this.step = -1;
    this.card.hidden = true;
    this.ring.hidden = true;
  }

  private offer(): void {
    const go = h('button', { class: 'go', type: 'button', id: 'tutorial-start' }, 'Show me around');
    const skip = h('button', { class: 'quiet', type: 'button', id: 'tutorial-skip' }, 'Skip');
    go.addEventListener('click', () => this.start());
    skip.addEventListener('click', () => this.finish());
    // The offer does not stop the clock: the game is shared, and a screen that joins early must
    // not pause it for everyone. Taking the tour pauses it (start), and the offer says so.
    this.card.replaceChildren(h('h2', { id: 'tutorial-title' }, 'First shift?'), h('p', {}, 'A short tour of the screen: the counter, the clouds, the services and each order, trying each once. The game pauses while the tour runs.'), h('div', { class: 'tutorial-buttons' }, go, skip));
    this.card.hidden = false;
    this.card.dataset.step = 'offer';
  }

  private go(i: number): void {
    if (i >= STEPS.length) return this.finish();
    this.step = i;
    this.tried = false;
    const s = STEPS[i];
    if (s.tab) this.deps.openTab(s.tab);
    this.render();
    this.place();
  }

  private markTried(): void {
    if (this.tried) return;
    this.tried = true;
    this.render();
  }

  private render(): void {
    const s = STEPS[this.step];
    const last = this.step === STEPS.length - 1;
    const next = h('button', { class: 'go', type: 'button', id: 'tutorial-next' }, last ? 'Start the shift' : 'Next');
    const skipStep = h('button', { class: 'quiet', type: 'button', id: 'tutorial-skip-step' }, 'Skip this');
    const end = h('button', { class: 'quiet', type: 'button', id: 'tutorial-end' }, 'End tour');
    const waiting = !!s.tries && !this.tried;
    next.disabled = waiting;
    next.addEventListener('click', () => this.go(this.step + 1));
    skipStep.addEventListener('click', () => this.go(this.step + 1));
    end.addEventListener('click', () => this.finish());
    this.card.dataset.step = s.id;
    this.card.dataset.tried = String(!s.tries || this.tried);
    const tryLine = s.tries ? h('p', { class: this.tried ? 'tutorial-try done' : 'tutorial-try' }, this.tried ? '✓ Done.' : `Try it: ${s.tryText ?? ''}`) : '';
    this.card.replaceChildren(
      h('div', { class: 'tutorial-count' }, `${this.step + 1} / ${STEPS.length}`),
      h('h2', { id: 'tutorial-title' }, s.title),
      h('p', {}, s.text),
      tryLine,
      h('div', { class: 'tutorial-buttons' }, next, waiting ? skipStep : null, last ? null : end),
    );
    this.card.hidden = false;
  }

  /** Rings the target; the card sits on the other side of the screen from it. */
  private place(): void {
    const s = STEPS[this.step];
    if (!s) return;
    let box: { x: number; y: number; w: number; h: number } | null = null;
    if ('selector' in s.target) {
      const el = document.querySelector<HTMLElement>(s.target.selector);
      const r = el && el.getClientRects().length ? el.getBoundingClientRect() : null;
      if (r) box = { x: r.left - 4, y: r.top - 4, w: r.width + 8, h: r.height + 8 };
    } else {
      const p = this.deps.locate(s.target.place);
      if (p) box = { x: p.x - 40, y: p.y - 40, w: 80, h: 80 };
    }
    this.ring.hidden = !box;
    if (box) {
      this.ring.style.left = `${Math.round(box.x)}px`;
      this.ring.style.top = `${Math.round(box.y)}px`;
      this.ring.style.width = `${Math.round(box.w)}px`;
      this.ring.style.height = `${Math.round(box.h)}px`;
      this.ring.classList.toggle('round', !('selector' in s.target));
    }
    this.card.classList.toggle('right', !!box && box.x + box.w / 2 < window.innerWidth / 2);
  }
}
