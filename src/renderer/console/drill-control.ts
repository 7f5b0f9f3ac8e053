// The console's drill panel: pick a shipped drill (listDrills), choose check mode, start it;
// while it runs, its countdown, "start the clock" (drills start paused on the briefing) and
// End drill. Refusals show under the button that was pressed.
import type { Bridge } from '../bridge/bridge';
import type { DrillSummary } from '../../shared/drill-contract';
import { countdown, speedLabel } from '../hud/format';
import { busy, h, setText, showReply } from '../dom';
import { panel, type ConsoleFrame, type ConsolePanel } from './panel';
import { seedOf, worldWords } from './drill-world';

export class DrillControl implements ConsolePanel {
  readonly root: HTMLElement;
  private drills: DrillSummary[] = [];
  private readonly select = h('select', { id: 'drill-select', 'aria-label': 'Drill' });
  private readonly about = h('p', { class: 'cp-about', id: 'drill-about' });
  private readonly checkMode = h('input', { type: 'checkbox', id: 'check-mode' });
  // The world the drill runs in: its own seed, or one nobody has played (a varied drill's numbers move with it).
  private readonly seed = h('input', { type: 'text', inputmode: 'numeric', id: 'drill-seed', 'aria-label': 'Seed (the drill\'s world)', autocomplete: 'off', spellcheck: 'false' });
  private readonly newWorld = h('button', { type: 'button', id: 'drill-new-world', class: 'quiet small', title: 'A random seed: a world nobody has played' }, 'New world');
  private readonly start = h('button', { id: 'start-drill', class: 'go' }, 'Start drill');
  private readonly startError = h('p', { class: 'field-error', id: 'start-drill-error' });
  private readonly idle: HTMLElement;
  private readonly running: HTMLElement;
  private readonly name = h('div', { class: 'cp-drill-name', id: 'console-drill-name' });
  private readonly badge = h('span', { class: 'check-badge', id: 'console-check-badge' }, h('i', { class: 'lock-glyph' }), 'check mode');
  private readonly clock = h('div', { class: 'cp-countdown', id: 'console-countdown' }, '--:--');
  private readonly clockNote = h('div', { class: 'cp-clock-note', id: 'console-clock-note' });
  private readonly startClock = h('button', { id: 'start-clock', class: 'go', title: 'Runs the drill clock (the trainee sees the countdown move)' }, 'Run the clock');
  private readonly result = h('p', { class: 'cp-result', id: 'console-drill-result', hidden: true });
  private readonly end = h('button', { id: 'end-drill', class: 'danger' }, 'End drill');
  private readonly runError = h('p', { class: 'field-error', id: 'end-drill-error' });

  constructor(private readonly requests: Bridge, private readonly bridge: Bridge) {
    this.idle = h('div', { class: 'cp-idle' },
      this.result, this.select, this.about,
      h('label', { class: 'cp-check', title: 'An assessment: the trainee cannot pause or change speed and sees no hints. You still can.' }, this.checkMode, ' Check mode', h('small', {}, 'trainee cannot pause or see hints')),
      h('div', { class: 'cp-row cp-seed' }, h('label', { class: 'cp-label', for: 'drill-seed' }, 'Seed'), this.seed, this.newWorld),
      h('div', { class: 'cp-row' }, this.start), this.startError);
    this.running = h('div', { class: 'cp-running', hidden: true },
      h('div', { class: 'cp-row' }, this.name, this.badge),
      h('div', { class: 'cp-row cp-clock-row' }, this.clock, this.clockNote),
      h('div', { class: 'cp-row' }, this.startClock, this.end), this.runError);
    this.root = panel('console-drill', 'Drill', this.idle, this.running);
    this.select.addEventListener('change', () => this.describe());
    this.start.addEventListener('click', () => void busy(this.start, async () => {
      if (!this.select.value) return void (this.startError.textContent = 'No drill to start: the host listed none. Check the drills/ folder.');
      const seed = seedOf(this.seed.value);
      if (seed === null) return void (this.startError.textContent = 'The seed must be a whole number from 0 to 4294967295 (or empty for the drill\'s own).');
      showReply(this.startError, await this.requests.instructor({ act: 'startDrill', drillId: this.select.value, checkMode: this.checkMode.checked, ...(seed !== undefined ? { seed } : {}) }));
    }));
    this.newWorld.addEventListener('click', () => {
      this.seed.value = String(crypto.getRandomValues(new Uint32Array(1))[0]);
      this.describe(false);
    });
    this.seed.addEventListener('input', () => this.describe(false));
    this.startClock.addEventListener('click', () => void busy(this.startClock, async () => showReply(this.runError, await this.bridge.control({ action: 'resume' }))));
    this.end.addEventListener('click', () => void busy(this.end, async () => showReply(this.runError, await this.requests.instructor({ act: 'endDrill' }))));
    void this.load();
  }

  private async load(): Promise<void> {
    const reply = await this.requests.listDrills();
    if (!reply.ok) {
      showReply(this.startError, reply);
      setTimeout(() => void this.load(), 3000); // the host may still be starting
      return;
    }
    this.startError.textContent = '';
    this.drills = reply.data;
    this.select.replaceChildren(...this.drills.map((d) => new Option(d.name, d.id)));
    this.describe();
  }

  /** The picked drill's line; `fresh`: a newly picked drill starts on its own seed. */
  private describe(fresh = true): void {
    const d = this.drills.find((x) => x.id === this.select.value);
    if (d && fresh) this.seed.value = String(d.seed);
    setText(this.about, d ? `${d.scenarioId} · ${d.timeLimitRealMin} real min at ${speedLabel(d.timeCompression)} per second · ${worldWords(d, seedOf(this.seed.value))}\n${d.briefing}` : 'No drills installed.');
  }

  update(f: ConsoleFrame): void {
    const drill = f.mode?.mode === 'drill' ? f.mode.drill : null;
    const live = !!drill && !drill.ended;
    this.idle.hidden = live;
    this.running.hidden = !live;
    this.root.dataset.state = live ? 'running' : drill?.ended ? 'ended' : 'idle';
    this.result.hidden = !drill?.ended;
    if (!drill) return;
    if (drill.ended) {
      const why = drill.endReason === 'instructor' ? 'ended by you' : drill.endReason === 'time' ? 'time ran out' : 'every objective decided';
      setText(this.result, `${drill.name}: over (${why})${drill.score ? ` · score ${drill.score.total} / ${drill.score.maxTotal}` : ''}`);
      return;
    }
    setText(this.name, drill.name);
    this.badge.hidden = !drill.checkMode;
    setText(this.clock, countdown(drill.realSecondsLeft));
    this.clock.dataset.seconds = String(drill.realSecondsLeft);
    // A drill starts paused on the trainee's briefing: say so, and offer the one button that matters.
    const fresh = f.status.paused && drill.realSecondsLeft > 0;
    this.startClock.hidden = !fresh;
    setText(this.clockNote, f.status.paused ? 'paused' : `left · ${speedLabel(f.status.speed)}/s`);
    this.clock.dataset.paused = String(f.status.paused);
  }
}

