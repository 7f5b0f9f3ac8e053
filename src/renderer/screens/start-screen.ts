// The start screen: pick a scenario and a seed, then start the shift (control newGame, then
// resume). Beside it: the drills an instructor can run (they start from the console, and the
// drill then opens here by itself), "Open replay…", and any unfinished game to recover.
import { SCENARIO_IDS } from '../../shared/contract';
import type { Bridge } from '../bridge/bridge';
import type { RecoverableGame, Role } from '../../shared/drill-contract';
import { h } from '../dom';
import { replayOpener } from '../replay/replay-file';
import { RecoveryList } from '../replay/recovery-list';

export class StartScreen {
  private readonly root = document.getElementById('start-screen')!;
  private readonly button = document.getElementById('start-button') as HTMLButtonElement;
  private readonly seed = document.getElementById('seed-input') as HTMLInputElement;
  private readonly error = document.getElementById('start-error')!;
  private readonly drills = h('ul', { class: 'start-drills', id: 'start-drills' });
  private readonly recovery: RecoveryList;
  onStarted: () => void = () => {};

  constructor(
    private readonly bridge: Bridge,
    role: Role,
  ) {
    this.button.addEventListener('click', () => void this.start());
    this.seed.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') void this.start();
    });
    this.recovery = new RecoveryList(bridge, 'start');
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
    this.button.focus();
  }

  hide(): void {
    this.root.hidden = true;
  }

  private scenario(): string {
    const checked = document.querySelector<HTMLInputElement>('input[name="scenario"]:checked');
    return checked?.value ?? SCENARIO_IDS[0];
  }

  async start(): Promise<void> {
    this.error.textContent = '';
    const seed = Number(this.seed.value);
    if (!Number.isInteger(seed) || seed < 0) {
      this.error.textContent = 'The seed must be a whole number, 0 or more. Any number works; the same seed replays the same night.';
      this.seed.classList.add('invalid');
      return;
    }
    this.seed.classList.remove('invalid');
    this.button.disabled = true;
    const made = await this.bridge.control({ action: 'newGame', scenarioId: this.scenario(), seed });
    if (!made.ok) {
      this.error.textContent = made.error.message;
      this.button.disabled = false;
      return;
    }
    const resumed = await this.bridge.control({ action: 'resume' });
    if (!resumed.ok) this.error.textContent = resumed.error.message;
    this.hide();
    this.onStarted();
  }
}
