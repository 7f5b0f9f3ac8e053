// The first shift: a guided tour early in a free-play shift, before the trouble starts. It points at
// the counter, the supernode clouds, the central services and each verb, and waits for the
// player to try each once (or skip it). Offered once per screen, in whichever built-in scenario
// a newcomer starts (offersTour); finishing or skipping is remembered in localStorage; `?` has
// "Show me around again", in any scenario: the steps are worded from the scenario on screen (tour-steps.ts).
// The tour is practice: its tries are not sent (action-panel.ts), so the graded shift is as it was.
import type { Command } from '../../sim/commands';
import type { SimView } from '../../sim/view-types';
import type { Pick } from '../world/world';
import { h } from '../dom';
import { practiceOrders, type Tab } from './action-panel';
import { offersTour, tourSteps, type Step } from './tour-steps';

const DONE_KEY = 'supernodeStorm.tutorial.done';

export interface TutorialDeps {
  openTab: (tab: Tab) => void;
  locate: (pick: Pick) => { x: number; y: number } | null;
  /** Asks the host to pause; true only when this request paused the clock (the host confirmed it), false when it was paused already or refused. */
  pause: () => Promise<boolean>;
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
  /** The place the player opened for this step's try: the ring moves to it (S may pick another service than the ringed one). */
  private picked: Pick = null;
  /** The tour stopped the clock (the host confirmed the tour's own pause), so leaving it lets time run again. */
  private pausedByTour = false;
  /** Counts tours begun and left: a pause confirmed after its tour was left is not the tour's. */
  private run = 0;
  private readonly pauseButton = () => document.getElementById('pause-button');

  constructor(private readonly deps: TutorialDeps) {
    document.getElementById('hud')!.append(this.ring, this.card);
    // Before the HUD's keys (capture): Esc leaves the tour; Space must not run the clock under it.
    window.addEventListener('keydown', (e) => this.key(e), true);
  }

  private key(e: KeyboardEvent): void {
    if (!this.running || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target as HTMLElement;
    const typing = (t instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(t.type)) || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA';
    if (typing) return; // Esc leaves the field first; Space is a space
    if (e.key === 'Escape') this.finish();
    else if (e.key === ' ') {
      e.stopImmediatePropagation(); // not the HUD's pause key; a focused button still takes its press
      if (t.tagName !== 'BUTTON') e.preventDefault();
      this.sayClock();
    }
  }

  private sayClock(): void {
    const line = this.card.querySelector('.tutorial-clock') ?? this.card.insertBefore(h('p', { class: 'tutorial-clock' }), this.card.querySelector('.tutorial-buttons'));
    line.textContent = 'The clock waits while the tour runs: End tour (Esc) or finish it to let time run.';
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
    if (!t || !('pick' in t) || pick?.kind !== t.pick) return;
    this.picked = pick;
    this.markTried();
    this.place(); // the figures' panel has just opened: keep the card off it
  }

  start(): void {
    this.steps = tourSteps(this.scenarioId);
    if (!this.running) this.pausedByTour = false;
    const run = this.run;
    // Only a pause the host says the tour made is resumed by finish(): one the instructor or the player made stays.
    void this.deps.pause().then((ours) => {
      if (ours && this.running && this.run === run) this.pausedByTour = true;
    });
    practiceOrders(true);
    this.go(0);
  }

  /** Done, skipped or ended: remembered, and the shift as it was before the tour, its clock running if the tour stopped it. */
  finish(): void {
    try {
      localStorage.setItem(DONE_KEY, 'true');
    } catch {
      /* private mode: offered again next time */
    }
    const wasRunning = this.running;
    this.run++;
    this.step = -1;
    this.card.hidden = true;
    this.ring.hidden = true;
    if (!wasRunning) return;
    practiceOrders(false);
    // The tour has the HUD's own controls, not the host's: the pause button resumes as a click would.
    const pause = this.pauseButton();
    if (this.pausedByTour && pause?.dataset.paused === 'true') pause.click();
    this.pausedByTour = false;
  }

  /**
   * The shift changed under the tour (a new game, the game ended, the host restarted or the screen
   * reconnected, a shift started): the tour and its offer go, orders are real again, and the clock
   * is left as it is (not remembered as done: "Show me around again" is in `?`).
   */
  abort(): void {
    this.offered = false; // the next shift may offer it again (unless finished or skipped before)
    this.run++;
    this.step = -1;
    this.pausedByTour = false;
    this.card.hidden = true;
    this.ring.hidden = true;
    practiceOrders(false);
  }

  private offer(): void {
    const go = h('button', { class: 'go', type: 'button', id: 'tutorial-start' }, 'Show me around');
    const skip = h('button', { class: 'quiet', type: 'button', id: 'tutorial-skip' }, 'Skip');
    go.addEventListener('click', () => this.start());
    skip.addEventListener('click', () => this.finish());
    // The offer does not stop the clock: the game is shared, and a screen that joins early must
    // not pause it for everyone. Taking the tour pauses it (start), and the offer says so.
    this.card.replaceChildren(h('h2', { id: 'tutorial-title' }, 'First shift?'), h('p', {}, 'A short tour of the screen: the counter, the clouds, the services and each order, trying each once. The game pauses while the tour runs, and what you try is practice: no order is sent.'), h('div', { class: 'tutorial-buttons' }, go, skip));
    this.card.hidden = false;
    this.card.dataset.step = 'offer';
  }

  private go(i: number): void {
    if (i >= this.steps.length) return this.finish();
    this.step = i;
    this.tried = false;
    this.picked = null;
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

  /** Rings the target (or the place the player opened); the card sits in a corner clear of the ring and the figures' panel. */
  private place(): void {
    const s = this.steps[this.step];
    if (!s) return;
    let box: Box | null = null;
    if (this.picked) {
      const p = this.deps.locate(this.picked);
      if (p) box = { x: p.x - 40, y: p.y - 40, w: 80, h: 80 };
    } else if ('selector' in s.target) {
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
      this.ring.classList.toggle('round', !!this.picked || !('selector' in s.target));
    }
    this.corner(box);
  }

  /** The first corner of the map (the far side from the ring first) that covers neither the ring nor an open panel over the map. */
  private corner(ring: Box | null): void {
    const info = document.getElementById('info-panel');
    const keepClear = [ring, info && !info.hidden ? rectOf(info) : null].filter((b): b is Box => !!b);
    const area = document.getElementById('map-panels')?.getBoundingClientRect();
    const { width: w, height: ht } = this.card.getBoundingClientRect();
    const left = 14, right = window.innerWidth - 14 - w, top = area?.top ?? 70, bottom = (area?.bottom ?? window.innerHeight) - ht;
    const farRight = !!ring && ring.x + ring.w / 2 < window.innerWidth / 2;
    const corners: [string, Box][] = ([['', left, top], ['right', right, top], ['low', left, bottom], ['right low', right, bottom]] as const)
      .map(([cls, x, y]) => [cls, { x, y, w, h: ht }]);
    if (farRight) corners.sort((a, b) => Number(b[0].includes('right')) - Number(a[0].includes('right')));
    const fits = corners.find(([, c]) => !keepClear.some((k) => overlaps(c, k))) ?? corners[0];
    this.card.classList.toggle('right', fits[0].includes('right'));
    this.card.classList.toggle('low', fits[0].includes('low'));
  }
}

interface Box { x: number; y: number; w: number; h: number }
const rectOf = (el: Element): Box => {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, w: r.width, h: r.height };
};
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
