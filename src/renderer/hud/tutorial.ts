// The first shift: a guided tour early in a free-play shift, before the trouble starts. It points at
// the counter, the supernode clouds, the central services and each verb, and waits for the
// player to try each once (or skip it). Offered once per screen, in whichever built-in scenario
// a newcomer starts (offersTour); finishing or skipping is remembered in localStorage; `?` has
// "Show me around again", in any scenario: the steps are worded from the scenario on screen (tour-steps.ts).
import type { Command } from '../../sim/commands';
import type { SimView } from '../../sim/view-types';
import type { Pick } from '../world/world';
import { h } from '../dom';
import type { Tab } from './action-panel';
import { offersTour, tourSteps, type Step } from './tour-steps';

const DONE_KEY = 'supernodeStorm.tutorial.done';

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
  private scenarioId = '';
  private steps: Step[] = [];

  constructor(private readonly deps: TutorialDeps) {
    document.getElementById('hud')!.append(this.ring, this.card);
  }

  get running(): boolean {
    return this.step >= 0;
  }

  /** Each frame: offer the tour once in an early free-play shift (offersTour). */
  update(view: SimView, freePlayTrainee: boolean): void {
    this.scenarioId = view.scenarioId;
    if (this.running) this.place();
    if (this.offered || !freePlayTrainee || !offersTour(view.scenarioId, view.minute) || remembered()) return;
    this.offered = true;
    this.offer();
  }

  /** A verb the host accepted, or a place the player picked: ticks off the step's try. */
  noteCommand(type: Command['type']): void {
    const t = this.steps[this.step]?.tries;
    if (t && 'verb' in t && t.verb === type) this.markTried();
  }

  notePick(pick: Pick): void {
    const t = this.steps[this.step]?.tries;
    if (t && 'pick' in t && pick?.kind === t.pick) this.markTried();
  }

  start(): void {
    this.steps = tourSteps(this.scenarioId);
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
    if (i >= this.steps.length) return this.finish();
    this.step = i;
    this.tried = false;
    const s = this.steps[i];
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
    const s = this.steps[this.step];
    const last = this.step === this.steps.length - 1;
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
      h('div', { class: 'tutorial-count' }, `${this.step + 1} / ${this.steps.length}`),
      h('h2', { id: 'tutorial-title' }, s.title),
      h('p', {}, s.text),
      tryLine,
      h('div', { class: 'tutorial-buttons' }, next, waiting ? skipStep : null, last ? null : end),
    );
    this.card.hidden = false;
  }

  /** Rings the target; the card sits on the other side of the screen from it. */
  private place(): void {
    const s = this.steps[this.step];
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
