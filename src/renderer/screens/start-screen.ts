// The start screen: pick a scenario and a seed, then start the shift (control newGame, then
// resume). While a shift is under way it offers the way back to it, and starting another asks
// first, naming what would be lost and who else is watching. Beside it: the drills an
// instructor can run (they start from the console, and the drill then opens here by itself),
// "Open replay…", and any unfinished game to recover (after a host restart, said so on top).
import { SCENARIO_IDS, type SessionStatus } from '../../shared/contract';
import type { Bridge } from '../bridge/bridge';
import type { RecoverableGame, Role, SessionMode } from '../../shared/drill-contract';
import { h } from '../dom';
import { tPlus } from '../hud/format';
import { replayOpener } from '../replay/replay-file';
import { RecoveryList } from '../replay/recovery-list';
import { hostChoice, scenarioIntro } from './start-choice';

export class StartScreen {
  private readonly root = document.getElementById('start-screen')!;
  private readonly button = document.getElementById('start-button') as HTMLButtonElement;
  private readonly seed = document.getElementById('seed-input') as HTMLInputElement;
  private readonly error = document.getElementById('start-error')!;
  private readonly intro = document.getElementById('start-intro')!;
  private readonly drills = h('ul', { class: 'start-drills', id: 'start-drills' });
  private readonly recovery: RecoveryList;
  private readonly notice = h('p', { class: 'start-notice', id: 'start-notice', role: 'status', hidden: true });
  private readonly back = h('button', { id: 'start-continue', class: 'go', hidden: true }, 'Back to the running shift');
  private readonly askText = h('p', { id: 'start-replace-text' });
  private readonly askYes = h('button', { id: 'start-replace-confirm', class: 'danger' }, 'End it and start a new shift');
  private readonly askNo = h('button', { id: 'start-replace-cancel', class: 'quiet' }, 'Keep it running');
  private readonly ask = h('div', { id: 'start-replace', class: 'start-replace', role: 'alertdialog', 'aria-labelledby': 'start-replace-text', hidden: true }, this.askText, h('div', { class: 'screen-row' }, this.askYes, this.askNo));
  private status: SessionStatus | null = null;
  private minute = 0;
  private mode: SessionMode = 'free';
  private filledFor: string | null = null; // the host (hostSince) whose scenario and seed the pickers were set to
  private touched = false; // the player picked a scenario or typed a seed
  onStarted: () => void = () => {};
  /** "Back to the running shift": the screen goes to the game as it is. */
  onBack: () => void = () => {};

  constructor(
    private readonly bridge: Bridge,
    role: Role,
  ) {
    this.button.addEventListener('click', () => void this.start());
    // Space is the game's pause key: pressed on a focused Start (or End it), it must not start a
    // graded shift. Enter or a click do; Space says so instead.
    for (const b of [this.button, this.askYes]) {
      for (const type of ['keydown', 'keyup'] as const) {
        b.addEventListener(type, (e) => {
          if (e.key !== ' ') return;
          e.preventDefault(); // a button clicks on Space's keyup
          if (type === 'keyup') this.error.textContent = `Space pauses a running shift. To begin, press Enter or click ${b.textContent}.`;
        });
      }
    }
    this.seed.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') void this.start();
    });
    this.seed.addEventListener('input', () => (this.touched = true));
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="scenario"]')) {
      radio.addEventListener('change', () => {
        this.touched = true;
        this.showIntro();
      });
    }
    this.showIntro();
    this.recovery = new RecoveryList(bridge, 'start');
    this.back.addEventListener('click', () => {
      this.hide();
      this.onBack();
    });
    this.askYes.addEventListener('click', () => void this.start(true));
    this.askNo.addEventListener('click', () => {
      this.ask.hidden = true;
      this.button.disabled = false;
      this.button.focus();
    });
    this.button.closest('.screen-row')!.after(this.ask);
    this.button.after(this.back);
    this.root.querySelector('.screen-card')!.prepend(this.notice);
    if (role === 'trainee') this.buildSide();
  }

  /** The right-hand column: drills (run by an instructor), replays, recovery. */
  private buildSide(): void {
    const opener = replayOpener(this.bridge, 'start-replay-file', 'Open replay…');
    const side = h('div', { class: 'start-side' },
      h('div', { class: 'side-label' }, 'Drills'),
      h('p', { class: 'side-text' }, 'An instructor runs these from the instructor console (the second address ', h('code', {}, 'npm run web'), ' prints, or Window ▸ Instructor Console in the app). When they start one, it opens here.'),
      this.drills,
      h('div', { class: 'side-label' }, 'Debrief'),
      h('p', { class: 'side-text' }, 'Watch a recorded game: seek anywhere, take over from any moment.'),
      opener.root,
      this.recovery.root);
    const card = this.root.querySelector('.screen-card')!;
    const main = h('div', { class: 'start-main' }, ...Array.from(card.children).filter((c) => !c.classList.contains('screen-keys')));
    card.classList.add('start-card');
    card.prepend(h('div', { class: 'start-columns' }, main, side));
    void this.loadDrills();
  }

  private async loadDrills(): Promise<void> {
    const reply = await this.bridge.listDrills();
    if (!reply.ok) {
      this.drills.replaceChildren(h('li', { class: 'side-text' }, `Drills are not available here: ${reply.error.message}`));
      return;
    }
    const list = reply.data;
    this.recovery.setDrillNames(new Map(list.map((d) => [d.id, d.name])));
    this.drills.replaceChildren(...list.map((d) => h('li', { 'data-drill': d.id }, h('b', {}, d.name), h('span', {}, `${d.scenarioId} · ${d.timeLimitRealMin} min`))));
  }

  get visible(): boolean {
    return !this.root.hidden;
  }

  /** Unfinished games offered for recovery (ModeFrame.recoverable; absent from older hosts). */
  updateRecovery(games: readonly RecoverableGame[] | undefined): void {
    this.recovery.update(games);
  }

  show(): void {
    this.root.hidden = false;
    this.button.disabled = false;
    this.ask.hidden = true;
    this.button.focus();
  }

  /** What the host is running now: whether a shift is under way, and who else watches. */
  update(status: SessionStatus, minute: number, mode: SessionMode): void {
    this.status = status;
    this.minute = minute;
    this.mode = mode;
    this.back.hidden = !this.shiftRunning;
    this.preselect(status);
  }

  /** The pickers on what the host runs, until the player picks for themselves. */
  private preselect(status: SessionStatus): void {
    const pick = hostChoice(status, this.filledFor, this.touched);
    if (!pick) return;
    this.filledFor = status.hostSince;
    const radio = document.getElementById(`scenario-${pick.scenarioId}`) as HTMLInputElement | null;
    if (radio) radio.checked = true;
    this.seed.value = String(pick.seed);
    this.showIntro();
  }

  private showIntro(): void {
    this.intro.textContent = scenarioIntro(this.scenario());
  }

  /** A line on top of the card (a host restart: what happened and what to do). */
  say(text: string | null): void {
    this.notice.textContent = text ?? '';
    this.notice.hidden = !text;
  }

  /** A shift someone started that has not ended (a replay on screen hides it: take over or close first). */
  get shiftRunning(): boolean {
    const s = this.status;
    return !!s && s.started && !s.ended && this.mode !== 'replay';
  }

  /** The question before replacing the running shift: what ends, and who else sees it end. */
  private askFirst(hostSays?: string): void {
    const s = this.status!;
    const others = Math.max(0, s.screens - 1);
    this.askText.textContent = hostSays
      ? `The host says: ${hostSays}.`
      : `A shift is under way: ${s.scenarioName} at ${tPlus(this.minute)}, ${s.orders} order${s.orders === 1 ? '' : 's'} given. Starting a new one ends it for everyone (its replay is kept). ` +
        (others ? `${others} other screen${others === 1 ? ' is' : 's are'} watching it.` : 'No other screen is watching it.');
    this.ask.hidden = false;
    this.askNo.focus();
  }

  hide(): void {
    this.root.hidden = true;
  }

  private scenario(): string {
    const checked = document.querySelector<HTMLInputElement>('input[name="scenario"]:checked');
    return checked?.value ?? SCENARIO_IDS[0];
  }

  async start(replace = false): Promise<void> {
    this.error.textContent = '';
    // An empty field is not seed 0 (Number('') is 0): the player is told, not given a game they did not pick.
    const seed = this.seed.value.trim() === '' ? Number.NaN : Number(this.seed.value);
    if (!Number.isInteger(seed) || seed < 0) {
      this.error.textContent = `${this.seed.value.trim() === '' ? 'Enter a seed' : 'The seed must be a whole number'}: 0 or more. Any number works; the same seed plays the same shift again.`;
      this.seed.classList.add('invalid');
      return;
    }
    this.seed.classList.remove('invalid');
    if (!replace && this.shiftRunning) return this.askFirst();
    this.ask.hidden = true;
    this.button.disabled = true;
    const made = await this.bridge.control({ action: 'newGame', scenarioId: this.scenario(), seed, ...(replace ? { replace } : {}) });
    if (!made.ok) {
      // Someone started a shift meanwhile: ask about that one.
      if (made.error.field === 'control.replace') this.askFirst(made.error.message);
      else this.error.textContent = made.error.message;
      this.button.disabled = false;
      return;
    }
    this.say(null);
    const resumed = await this.bridge.control({ action: 'resume' });
    if (!resumed.ok) this.error.textContent = resumed.error.message;
    this.hide();
    this.onStarted();
  }
}
