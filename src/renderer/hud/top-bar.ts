// The top bar: the big "people online" counter, PST/GMT clocks, speed and pause, and the
// phase banner under it.
import type { SessionStatus } from '../../shared/contract';
import type { SimView } from '../../sim/view-types';
import { clockAt, dateAt, grouped, percent, speedLabel } from './format';

const PHASE_TEXT: Record<SimView['phase'], string> = {
  calm: 'All quiet · network healthy',
  degraded: 'Degraded · supernode load rising',
  cascade: 'Cascade · supernodes shutting themselves down',
  collapse: 'Collapse · the P2P cloud is failing',
  recovering: 'Recovering · supernodes coming back',
};

/** Tweens the counter toward the latest figure so it rolls like the client's did. */
class UsersOnline {
  private readonly el = document.getElementById('users-online')!;
  private readonly share = document.getElementById('users-online-share')!;
  private readonly dot = document.getElementById('users-online-dot')!;
  private shown = 0;
  private target = 0;
  private raf = 0;

  set(online: number, want: number): void {
    this.target = online;
    this.el.dataset.value = String(Math.round(online));
    const s = want > 0 ? online / want : 1;
    this.share.textContent = `${percent(s)} of normal`;
    this.dot.className = 'uo-dot' + (s < 0.6 ? ' bad' : s < 0.9 ? ' warn' : '');
    if (!this.raf) this.raf = requestAnimationFrame(() => this.step());
  }

  private step(): void {
    const d = this.target - this.shown;
    this.shown = Math.abs(d) < 50 ? this.target : this.shown + d * 0.25;
    this.el.textContent = grouped(this.shown);
    this.raf = this.shown === this.target ? 0 : requestAnimationFrame(() => this.step());
  }
}

export class TopBar {
  private readonly users = new UsersOnline();
  private readonly pst = document.getElementById('clock-pst')!;
  private readonly gmt = document.getElementById('clock-gmt')!;
  private readonly date = document.getElementById('clock-date')!;
  private readonly speed = document.getElementById('speed-value')!;
  private readonly pause = document.getElementById('pause-button')!;
  private readonly scenario = document.getElementById('scenario-name')!;
  private readonly banner = document.getElementById('phase-banner')!;
  private readonly phaseText = document.getElementById('phase-text')!;
  private shownPhase = '';

  update(view: SimView, status: SessionStatus): void {
    this.users.set(view.metrics.onlineUsers, view.metrics.wantOnline);
    // The post-mortem tells the story in PST and GMT; so do we (no DST in late December).
    this.pst.textContent = clockAt(view.utcMs, -8);
    this.gmt.textContent = clockAt(view.utcMs, 0);
    this.date.textContent = dateAt(view.utcMs, 0) + ' · sim ' + Math.floor(view.minute / 60) + 'h' + String(Math.floor(view.minute % 60)).padStart(2, '0');
    this.setStatus(status);
    if (this.shownPhase !== view.phase) {
      this.shownPhase = view.phase;
      this.banner.dataset.phase = view.phase;
      this.phaseText.textContent = PHASE_TEXT[view.phase] ?? view.phase;
    }
  }

  setStatus(status: SessionStatus): void {
    this.speed.textContent = speedLabel(status.speed);
    this.speed.title = `${status.speed} sim-seconds per real second`;
    this.pause.textContent = status.paused ? '▶' : '❚❚';
    this.pause.classList.toggle('paused', status.paused);
    this.pause.dataset.paused = String(status.paused);
    this.scenario.textContent = `${status.scenarioName} · seed ${status.seed}`;
  }
}
