// The start screen: pick a scenario and a seed, then start the shift
// (control newGame, then resume).
import { SCENARIO_IDS, type Bridge } from '../../shared/contract';

export class StartScreen {
  private readonly root = document.getElementById('start-screen')!;
  private readonly button = document.getElementById('start-button') as HTMLButtonElement;
  private readonly seed = document.getElementById('seed-input') as HTMLInputElement;
  private readonly error = document.getElementById('start-error')!;
  onStarted: () => void = () => {};

  constructor(private readonly bridge: Bridge) {
    this.button.addEventListener('click', () => void this.start());
    this.seed.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') void this.start();
    });
  }

  get visible(): boolean {
    return !this.root.hidden;
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
