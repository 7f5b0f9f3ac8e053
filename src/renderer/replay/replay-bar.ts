// The replay viewer's timeline across the bottom: play/pause, speed, the clock, a track with
// the recorded orders as ticks and bookmarks/notes/hints as flags, scrubbing by click or drag
// (each move sends a seek), "Take over from here" and close. A checksum that disagreed shows
// above it, naming the tick where playback stopped.
import { SPEEDS, type Reply } from '../../shared/contract';
import type { Bridge } from '../bridge/bridge';
import type { ReplayAct, ReplayView } from '../../shared/drill-contract';
import { TICKS_PER_MINUTE, TICKS_PER_HOUR } from '../../shared/facts';
import { speedLabel, tPlus } from '../hud/format';
import { busy, h, setText, showReply } from '../dom';

/** Seeks while dragging go out at most this often: each is a keyframe copy plus steps on the host. */
const DRAG_SEEK_MS = 120;

export class ReplayBar {
  readonly root: HTMLElement;
  private readonly play = h('button', { id: 'replay-play', class: 'icon-button', title: 'Play / pause (Space)' }, '▶');
  private readonly speed = h('select', { id: 'replay-speed', title: 'Replay speed: sim time per real second', 'aria-label': 'Replay speed' });
  private readonly time = h('b', { id: 'replay-time' }, 'T+00:00');
  private readonly end = h('span', { id: 'replay-end' });
  private readonly track = h('div', { id: 'replay-track', class: 'rb-track', role: 'slider', tabIndex: 0, 'aria-label': 'Replay position' });
  private readonly fill = h('div', { class: 'rb-fill' });
  private readonly built = h('div', { class: 'rb-built' }); // how far the host has simulated: seeks up to here land at once
  private readonly target = h('div', { class: 'rb-target', hidden: true }); // a seek waiting for the host to get there
  private readonly head = h('div', { class: 'rb-head' });
  private readonly ticks = h('div', { class: 'rb-ticks' });
  private readonly marks = h('div', { class: 'rb-marks' });
  private readonly hover = h('div', { class: 'rb-hover', hidden: true });
  private readonly takeOver = h('button', { id: 'replay-take-over', class: 'go', title: 'Start a new game from this exact moment; the replay stays as it was' }, 'Take over from here');
  private readonly close = h('button', { id: 'replay-close', class: 'quiet' }, 'Close');
  private readonly error = h('div', { id: 'replay-error', class: 'replay-error', role: 'alert', hidden: true });
  private readonly actError = h('p', { id: 'replay-act-error', class: 'field-error' });
  private readonly file = h('span', { id: 'replay-file-name', class: 'rb-file' });
  private readonly status = h('span', { id: 'replay-status', class: 'rb-status', role: 'status' });
  private view: ReplayView | null = null;
  private drawnKey = '';
  private drag: { tick: number; sentAt: number; sent: number } | null = null;
  /** After this screen closed the replay (not when someone else did). */
  onClosed: () => void = () => {};

  constructor(parent: HTMLElement, private readonly requests: Bridge) {
    for (const s of SPEEDS) this.speed.append(new Option(`${speedLabel(s)} / s`, String(s)));
    this.track.append(h('div', { class: 'rb-rail' }), this.built, this.fill, this.ticks, this.marks, this.target, this.head, this.hover);
    this.root = h('section', { id: 'replay-bar', class: 'replay-bar', hidden: true, 'aria-label': 'Replay' },
      this.error,
      h('div', { class: 'rb-row' },
        this.play, this.speed,
        h('div', { class: 'rb-time' }, this.time, this.end),
        this.track,
        this.takeOver, this.close),
      h('div', { class: 'rb-foot' }, this.file, this.status, this.actError));
    parent.append(this.root);

    this.play.addEventListener('click', () => void this.togglePlay());
    this.speed.addEventListener('change', () => void this.act({ act: 'speed', speed: Number(this.speed.value) }));
    this.takeOver.addEventListener('click', () => void busy(this.takeOver, () => this.act({ act: 'takeOver', tick: this.view?.tick ?? 0 })));
    this.close.addEventListener('click', () => void busy(this.close, async () => {
      if ((await this.act({ act: 'close' })).ok) this.onClosed();
    }));
    this.bindScrub();
  }

  get visible(): boolean {
    return !this.root.hidden;
  }

  hide(): void {
    this.root.hidden = true;
    this.view = null;
  }

  update(view: ReplayView): void {
    this.view = view;
    this.root.hidden = false;
    const end = Math.max(1, view.endTick);
    const tick = this.drag ? this.drag.tick : view.tick;
    const pct = `${(Math.min(end, tick) / end) * 100}%`;
    this.head.style.left = pct;
    this.fill.style.width = pct;
    this.track.setAttribute('aria-valuemin', '0');
    this.track.setAttribute('aria-valuemax', String(view.endTick));
    this.track.setAttribute('aria-valuenow', String(view.tick));
    this.track.dataset.tick = String(view.tick);
    setText(this.time, tPlus(tick / TICKS_PER_MINUTE));
    setText(this.end, ` / ${tPlus(view.endTick / TICKS_PER_MINUTE)}`);
    setText(this.play, view.playing ? '❚❚' : '▶');
    this.play.dataset.playing = String(view.playing);
    if (document.activeElement !== this.speed) this.speed.value = String(view.speed);
    setText(this.file, view.fileName);
    this.built.style.width = `${(Math.min(end, view.builtTo) / end) * 100}%`;
    const to = view.seekingTo;
    this.target.hidden = to === null;
    if (to !== null) this.target.style.left = `${(Math.min(end, to) / end) * 100}%`;
    this.root.classList.toggle('seeking', to !== null);
    // A seek past what the host has simulated waits for it: say where it is going and how far along.
    setText(this.status, to === null ? '' : `Simulating up to ${tPlus(to / TICKS_PER_MINUTE)} · ${Math.min(99, Math.floor((100 * view.builtTo) / Math.max(1, to)))}%`);
    this.error.hidden = !view.error;
    setText(this.error, view.error ? `Playback stopped · ${view.error}` : '');
    this.root.classList.toggle('diverged', !!view.error);
    this.drawMarkers(view);
  }

  /** Space and the speed keys act on the replay while it is open. */
  async togglePlay(): Promise<void> {
    await this.act({ act: this.view?.playing ? 'pause' : 'play' });
  }

  async stepSpeed(dir: 1 | -1): Promise<void> {
    const list = [...SPEEDS] as number[];
    const i = Math.max(0, list.indexOf(this.view?.speed ?? 60));
    await this.act({ act: 'speed', speed: list[Math.max(0, Math.min(list.length - 1, i + dir))] });
  }

  private async act(act: ReplayAct): Promise<Reply> {
    const reply = await this.requests.replay(act);
    showReply(this.actError, reply);
    return reply;
  }

  /** Orders as ticks under the rail, marks as flags above it; redrawn only when they change. */
  private drawMarkers(view: ReplayView): void {
    const key = `${view.endTick}:${(view.timeline ?? []).length}:${(view.marks ?? []).length}`;
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    const end = Math.max(1, view.endTick);
    // CSSOM, not a style attribute: the CSP (style-src 'self') blocks inline style attributes.
    const at = (el: HTMLElement, tick: number) => (el.style.left = `${((tick / end) * 100).toFixed(3)}%`);
    this.ticks.replaceChildren(...(view.timeline ?? []).map((c) => {
      const i = h('i', { class: `cmd ${c.source}`, title: `${tPlus(c.tick / TICKS_PER_MINUTE)} · ${c.source}: ${c.text}` });
      at(i, c.tick);
      return i;
    }));
    this.marks.replaceChildren(...(view.marks ?? []).map((m) => {
      const b = h('b', { class: `mark ${m.kind}`, 'data-kind': m.kind, 'data-tick': m.tick, title: `${tPlus(m.tick / TICKS_PER_MINUTE)} · ${m.kind}: ${m.text}` });
      at(b, m.tick);
      return b;
    }));
  }

  private tickAt(clientX: number): number {
    const r = this.track.getBoundingClientRect();
    const x = Math.max(0, Math.min(1, (clientX - r.left) / Math.max(1, r.width)));
    return Math.round(x * (this.view?.endTick ?? 0));
  }

  private bindScrub(): void {
    const t = this.track;
    const seek = (tick: number) => void this.act({ act: 'seek', tick });
    t.addEventListener('pointerdown', (e) => {
      if (!this.view || e.button !== 0) return;
      // A click on a flag jumps to the flag itself, not to the pixel under the pointer.
      const flag = (e.target as HTMLElement).closest<HTMLElement>('.mark');
      const tick = flag ? Number(flag.dataset.tick) : this.tickAt(e.clientX);
      t.setPointerCapture(e.pointerId);
      this.drag = { tick, sentAt: performance.now(), sent: tick };
      seek(tick);
      if (this.view) this.update(this.view);
    });
    t.addEventListener('pointermove', (e) => {
      const tick = this.tickAt(e.clientX);
      this.hover.hidden = false;
      this.hover.style.left = `${(tick / Math.max(1, this.view?.endTick ?? 1)) * 100}%`;
      setText(this.hover, tPlus(tick / TICKS_PER_MINUTE));
      if (!this.drag) return;
      this.drag.tick = tick;
      if (performance.now() - this.drag.sentAt > DRAG_SEEK_MS && tick !== this.drag.sent) {
        this.drag.sentAt = performance.now();
        this.drag.sent = tick;
        seek(tick);
      }
      if (this.view) this.update(this.view);
    });
    const finish = (e: PointerEvent) => {
      if (!this.drag) return;
      const d = this.drag;
      this.drag = null;
      if (t.hasPointerCapture(e.pointerId)) t.releasePointerCapture(e.pointerId);
      if (d.tick !== d.sent) seek(d.tick);
    };
    t.addEventListener('pointerup', finish);
    t.addEventListener('pointercancel', finish);
    t.addEventListener('pointerleave', () => (this.hover.hidden = true));
    t.addEventListener('keydown', (e) => {
      if (!this.view) return;
      const stepTicks = e.shiftKey ? TICKS_PER_MINUTE * 10 : TICKS_PER_HOUR;
      if (e.key === 'ArrowRight') seek(Math.min(this.view.endTick, this.view.tick + stepTicks));
      else if (e.key === 'ArrowLeft') seek(Math.max(0, this.view.tick - stepTicks));
      else if (e.key === 'Home') seek(0);
      else if (e.key === 'End') seek(this.view.endTick);
      else return;
      e.preventDefault();
      e.stopPropagation();
    });
  }
}
