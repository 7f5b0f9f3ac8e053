// The top bar: the big "people online" counter, Pacific (PST or PDT) and GMT clocks, speed and pause, and the
// phase banner under it, in words of what is measured (phase-words.ts).
import { SPEEDS, type SessionStatus } from '../../shared/contract';
import { h } from '../dom';
import type { SimView } from '../../sim/view-types';
import { pacificTime } from '../../shared/pacific-time';
import { clockAt, dateAt, grouped, percent, speedLabel } from './format';
import type { History } from './history';
import { phaseWords } from './phase-words';
import { spendFigure, spendTitle } from './spend-words';

/**
 * The big counter. It shows the figure of the frame being drawn, never a tween toward it: at
 * 15 min/s a rolling counter trailed the charts and the regions by seconds (issue 8).
 */
class UsersOnline {
  private readonly el = document.getElementById('users-online')!;
  private readonly share = document.getElementById('users-online-share')!;
  private readonly dot = document.getElementById('users-online-dot')!;

  set(online: number, want: number, minute: number): void {
    const rounded = Math.round(online);
    // Which sim-minute the figure is from, so a reader can tell a later frame from a wrong figure.
    this.el.dataset.minute = String(minute);
    if (this.el.dataset.value !== String(rounded)) {
      this.el.dataset.value = String(rounded);
      this.el.textContent = grouped(rounded);
    }
    const s = want > 0 ? online / want : 1;
    const share = `${percent(s)} of normal`;
    if (this.share.textContent !== share) this.share.textContent = share;
    const cls = 'uo-dot' + (s < 0.6 ? ' bad' : s < 0.9 ? ' warn' : '');
    if (this.dot.className !== cls) this.dot.className = cls;
  }
}

/** A speed button at its end of the range: disabled (unless a lock already disables it). */
function limit(b: HTMLButtonElement, atLimit: boolean): void {
  b.dataset.limit = String(atLimit);
  b.disabled = atLimit || b.dataset.locked === 'true';
}

export class TopBar {
  private readonly users = new UsersOnline();
  private readonly pst = document.getElementById('clock-pst')!;
  private readonly pstZone = document.getElementById('clock-pst-zone')!;
  private readonly gmt = document.getElementById('clock-gmt')!;
  private readonly date = document.getElementById('clock-date')!;
  private readonly speed = document.getElementById('speed-value')!;
  private readonly pause = document.getElementById('pause-button')!;
  private readonly faster = document.getElementById('speed-up') as HTMLButtonElement;
  private readonly slower = document.getElementById('speed-down') as HTMLButtonElement;
  private readonly scenario = document.getElementById('scenario-name')!;
  private readonly banner = document.getElementById('phase-banner')!;
  private readonly phaseText = document.getElementById('phase-text')!;
  // What the shift has cost so far, beside the counter: the end screen is not the first place to see it.
  private readonly spendFigure = h('div', { class: 'spend-figure', id: 'spend-figure', 'data-testid': 'spend' }, '$0');
  private readonly spend = h('div', { class: 'spend', id: 'spend' }, this.spendFigure, h('div', { class: 'spend-caption' }, 'spent'));

  /** `history`: the HUD's record, for which way the share online went. */
  constructor(private readonly history: History) {
    document.querySelector('#top-bar .clocks')!.before(this.spend);
  }

  update(view: SimView, status: SessionStatus): void {
    this.users.set(view.metrics.onlineUsers, view.metrics.wantOnline, view.minute);
    const spent = spendFigure(view.metrics);
    if (this.spendFigure.textContent !== spent) this.spendFigure.textContent = spent;
    const why = spendTitle(view.metrics);
    if (this.spend.title !== why) this.spend.title = why;
    // The post-mortem tells the story in Pacific time and GMT; so do we, PDT in summer.
    const pacific = pacificTime(view.utcMs);
    this.pst.textContent = clockAt(view.utcMs, pacific.offsetH);
    if (this.pstZone.textContent !== pacific.zone) this.pstZone.textContent = pacific.zone;
    this.gmt.textContent = clockAt(view.utcMs, 0);
    this.date.textContent = dateAt(view.utcMs, 0) + ' · sim ' + Math.floor(view.minute / 60) + 'h' + String(Math.floor(view.minute % 60)).padStart(2, '0');
    this.setStatus(status);
    if (this.banner.dataset.phase !== view.phase) this.banner.dataset.phase = view.phase;
    const words = phaseWords(view, this.history.samples);
    if (this.phaseText.textContent !== words) this.phaseText.textContent = words;
  }

  setStatus(status: SessionStatus): void {
    this.speed.textContent = speedLabel(status.speed);
    this.speed.title = `${status.speed} sim-seconds per real second`;
    // Paused says so in words where the clock is, not only as a glyph (issue 8).
    this.pause.textContent = status.paused ? '▶ Paused' : '❚❚';
    this.pause.setAttribute('aria-label', status.paused ? 'Paused: resume' : 'Pause');
    this.pause.classList.toggle('paused', status.paused);
    this.pause.dataset.paused = String(status.paused);
    // The seed stays on one line with its number (it wrapped to "SEED / 2010" at 1280).
    const scenario = `${status.scenarioName} · seed ${status.seed}`;
    if (this.scenario.textContent !== scenario) this.scenario.replaceChildren(`${status.scenarioName} · `, h('span', { class: 'nowrap' }, `seed ${status.seed}`));
    // − at the slowest speed and + at the fastest do nothing: say so (a drill's check mode locks them too, mode-screens.ts).
    limit(this.slower, status.speed <= SPEEDS[0]);
    limit(this.faster, status.speed >= SPEEDS[SPEEDS.length - 1]);
  }
}
