// Four trend charts over the last six sim-hours, drawn with canvas 2D. Drawn in the same
// animation frame as the counter and the map (the HUD applies frames once per refresh), so
// the figures beside the charts never trail the counter.
import type { History, Sample } from './history';
import { compact } from './format';

/** The charts show up to six sim-hours, starting at one hour and widening as the shift runs. */
const MAX_HOURS = 6;

interface Series {
  pick: (s: Sample) => number;
  colour: string;
  fill?: boolean;
  dashed?: boolean;
}

interface Chart {
  canvas: HTMLCanvasElement;
  value: HTMLElement;
  series: Series[];
  floorZero: boolean;
  label: (s: Sample) => string;
  reference?: (s: Sample) => number; // a faint "normal" line, e.g. users who want to be online
  size?: { w: number; h: number }; // the canvas's laid-out size, kept by a ResizeObserver
}

export class Sparklines {
  private readonly charts: Chart[];

  constructor(private readonly history: History) {
    const el = (id: string) => document.getElementById(id)!;
    this.charts = [
      { canvas: el('spark-online') as HTMLCanvasElement, value: el('spark-online-value'), floorZero: true, series: [{ pick: (s) => s.online, colour: '#5fc3ff', fill: true }], reference: (s) => s.want, label: (s) => compact(s.online) },
      { canvas: el('spark-supernodes') as HTMLCanvasElement, value: el('spark-supernodes-value'), floorZero: true, series: [{ pick: (s) => s.supernodes, colour: '#4c9dff', fill: true }, { pick: (s) => s.megas, colour: '#dff8ff', dashed: true }], label: (s) => compact(s.supernodes) + (s.megas ? ` +${compact(s.megas)}⬢` : '') },
      { canvas: el('spark-load') as HTMLCanvasElement, value: el('spark-load-value'), floorZero: true, series: [{ pick: (s) => s.load, colour: '#ffb020', fill: true }], reference: () => 1, label: (s) => s.load.toFixed(2) + '×' },
      { canvas: el('spark-logins') as HTMLCanvasElement, value: el('spark-logins-value'), floorZero: true, series: [{ pick: (s) => s.attempts, colour: '#ffb020' }, { pick: (s) => s.ok, colour: '#5fc3ff', fill: true }], label: (s) => `${compact(s.ok)}/${compact(s.attempts)}` },
    ];
  }


  private watching = false;

  /**
   * Canvas sizes come from a ResizeObserver, not clientWidth: reading layout after the HUD has
   * written its figures forced a synchronous layout of the whole page on every frame.
   */
  private watchSizes(): void {
    if (this.watching) return;
    this.watching = true;
    for (const c of this.charts) c.size = { w: c.canvas.clientWidth, h: c.canvas.clientHeight }; // once, before the first draw
    if (typeof ResizeObserver === 'undefined') return;
    const byCanvas = new Map(this.charts.map((c) => [c.canvas as Element, c]));
    const watcher = new ResizeObserver((entries) => {
      for (const e of entries) {
        const c = byCanvas.get(e.target);
        if (c) c.size = { w: e.contentRect.width, h: e.contentRect.height };
      }
      this.draw(); // redraw at the new size without waiting for the next frame from the host
    });
    for (const c of this.charts) watcher.observe(c.canvas);
  }

  draw(): void {
    this.watchSizes();
    const all = this.history.samples;
    const span = all.length ? all[all.length - 1].minute - all[0].minute : 0;
    const hours = Math.max(1, Math.min(MAX_HOURS, Math.ceil(span / 60)));
    const data = this.history.window(hours);
    for (const c of this.charts) drawChart(c, data, hours);
  }
}

function drawChart(c: Chart, data: Sample[], hours: number): void {
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  const w = Math.max(10, c.size?.w ?? 0), h = Math.max(10, c.size?.h ?? 0);
  if (c.canvas.width !== Math.round(w * dpr) || c.canvas.height !== Math.round(h * dpr)) {
    c.canvas.width = Math.round(w * dpr);
    c.canvas.height = Math.round(h * dpr);
  }
  const ctx = c.canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  // Hour ticks along the baseline, newest at the right.
  ctx.fillStyle = '#1c3048';
  for (let k = 0; k <= hours; k++) ctx.fillRect(Math.round((k / hours) * (w - 1)), h - 4, 1, 4);
  ctx.fillRect(0, h - 1, w, 1);
  const last = data[data.length - 1];
  // The figure beside the chart is the newest sample: the same frame as the counter.
  const label = last ? c.label(last) : '';
  if (c.value.textContent !== label) c.value.textContent = label;
  c.value.dataset.value = last ? String(c.series[0].pick(last)) : '';
  c.value.dataset.minute = last ? String(last.minute) : '';
  if (data.length < 2) return;

  const t1 = last.minute, t0 = t1 - hours * 60;
  let max = 0;
  for (const s of data) for (const ser of c.series) max = Math.max(max, ser.pick(s), c.reference?.(s) ?? 0);
  max = max * 1.08 || 1;
  const x = (m: number) => ((m - t0) / (t1 - t0)) * (w - 1);
  const y = (v: number) => h - 2 - (v / max) * (h - 6);

  if (c.reference) {
    ctx.setLineDash([2, 3]);
    ctx.strokeStyle = 'rgba(159, 182, 209, 0.35)';
    ctx.lineWidth = 1;
    ctx.beginPath();
    data.forEach((s, i) => (i ? ctx.lineTo(x(s.minute), y(c.reference!(s))) : ctx.moveTo(x(s.minute), y(c.reference!(s)))));
    ctx.stroke();
    ctx.setLineDash([]);
  }
  for (const ser of c.series) {
    ctx.beginPath();
    data.forEach((s, i) => (i ? ctx.lineTo(x(s.minute), y(ser.pick(s))) : ctx.moveTo(x(s.minute), y(ser.pick(s)))));
    if (ser.fill) {
      ctx.save();
      ctx.lineTo(x(last.minute), h - 1);
      ctx.lineTo(x(data[0].minute), h - 1);
      ctx.closePath();
      const g = ctx.createLinearGradient(0, 0, 0, h);
      g.addColorStop(0, ser.colour + '55');
      g.addColorStop(1, ser.colour + '05');
      ctx.fillStyle = g;
      ctx.fill();
      ctx.restore();
      ctx.beginPath();
      data.forEach((s, i) => (i ? ctx.lineTo(x(s.minute), y(ser.pick(s))) : ctx.moveTo(x(s.minute), y(ser.pick(s)))));
    }
    ctx.setLineDash(ser.dashed ? [3, 2] : []);
    ctx.strokeStyle = ser.colour;
    ctx.lineWidth = 1.4;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  // The newest value as a bright point.
  const s0 = c.series[0];
  ctx.fillStyle = s0.colour;
  ctx.beginPath();
  ctx.arc(x(last.minute), y(s0.pick(last)), 2.2, 0, Math.PI * 2);
  ctx.fill();
}
