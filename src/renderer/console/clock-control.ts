// The instructor's clock: pause / resume and time compression (SPEEDS). In check mode the
// trainee cannot touch these; the instructor always can. With a replay open they drive it.
import { SPEEDS } from '../../shared/contract';
import type { Bridge } from '../bridge/bridge';
import { speedLabel } from '../hud/format';
import { busy, h, setText, showReply } from '../dom';
import { panel, type ConsoleFrame, type ConsolePanel } from './panel';

export class ClockControl implements ConsolePanel {
  readonly root: HTMLElement;
  private readonly pause = h('button', { id: 'console-pause', class: 'go' }, 'Pause');
  private readonly speeds: HTMLButtonElement[];
  private readonly state = h('span', { class: 'cp-clock-state', id: 'console-clock-state' });
  private readonly error = h('p', { class: 'field-error', id: 'clock-error' });

  constructor(private readonly bridge: Bridge) {
    this.speeds = SPEEDS.map((s) => {
      const b = h('button', { class: 'speed-chip', id: `console-speed-${s}`, 'data-speed': s, title: `${s} sim-seconds per real second` }, speedLabel(s));
      b.addEventListener('click', () => void busy(b, async () => showReply(this.error, await this.bridge.control({ action: 'setSpeed', speed: s }))));
      return b;
    });
    this.root = panel('console-clock', 'Clock',
      h('div', { class: 'cp-row' }, this.pause, this.state),
      h('div', { class: 'speed-row', role: 'group', 'aria-label': 'Time compression, sim time per real second' }, ...this.speeds),
      this.error);
    this.pause.addEventListener('click', () => void busy(this.pause, async () => {
      const paused = this.pause.dataset.paused === 'true';
      showReply(this.error, await this.bridge.control({ action: paused ? 'resume' : 'pause' }));
    }));
  }

  update(f: ConsoleFrame): void {
    const { paused, speed, ended } = f.status;
    this.pause.dataset.paused = String(paused);
    setText(this.pause, paused ? 'Resume' : 'Pause');
    this.pause.disabled = ended && f.mode?.mode !== 'replay'; // nothing left to run; a replay can be played again after a seek
    const what = f.mode?.mode === 'replay' ? 'replay' : f.mode?.mode === 'drill' ? 'drill' : 'game';
    setText(this.state, ended ? `${what} over` : paused ? `${what} paused` : `${what} running at ${speedLabel(speed)} per second`);
    this.state.dataset.paused = String(paused);
    for (const b of this.speeds) b.classList.toggle('active', Number(b.dataset.speed) === speed);
  }
}
