// The free-play debrief on the end screen (issue 8): your curve against no action and Skype's
// response, your orders on the time axis, the figures that decided it, the moves the model says
// would have helped, and the report to keep. The host builds it in its debrief worker; this only
// draws what comes back (and says so while it is being worked out).
import type { EndDebrief, EndRun } from '../../shared/end-debrief';
import type { Bridge } from '../bridge/bridge';
import { h, setText } from '../dom';
import { compact, duration, percent, tPlus, usd } from '../hud/format';
import { FIGURE_ROWS, runHeading } from './end-figures';
import { noneHelpedText } from './end-moves-words';
import { orderMarks, orderWords } from './end-order-marks';

/** Where the debrief comes from: the host, over the bridge (either wire); a message if it has none. */
export type EndDebriefSource = () => Promise<EndDebrief | string>;

export const debriefFrom =
  (bridge: Bridge): EndDebriefSource =>
  async () => {
    const r = await bridge.endDebrief();
    return r.ok ? r.data : `No debrief: ${r.error.message}.`;
  };

const SVG = 'http://www.w3.org/2000/svg';
const STYLE: Record<EndRun['kind'], { stroke: string; dash?: string; width: number }> = {
  run: { stroke: '#5fc3ff', width: 2.4 },
  baseline: { stroke: '#9aaec6', dash: '5 4', width: 1.6 },
  historical: { stroke: '#ffb020', width: 1.6 },
};
const MAX_ORDERS_SHOWN = 6;
const WORKING_OUT = "Working out what no action, Skype's response and a few other moves would have done…";

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export class EndDebriefPanel {
  readonly root = h('section', { id: 'end-debrief', class: 'end-debrief', 'data-state': 'idle', 'aria-label': 'Debrief: what else could have happened' });
  private readonly status = h('p', { class: 'end-debrief-status', role: 'status' });
  private readonly body = h('div', { class: 'end-debrief-body' });
  /** How far the host has got (it re-simulates the game up to six times); hidden until it says. */
  // Outside the status line (a live region): a screen reader hears the sentence once, not once per cent.
  private readonly bar = h('progress', { class: 'end-debrief-progress', max: 100, value: 0, hidden: true, 'aria-label': 'Debrief worked out' });
  private readonly pct = h('span', { class: 'end-debrief-pct', 'aria-hidden': 'true' });
  private generation = 0;
  /** The debrief is on screen: the end screen's own figures take its word. */
  onDrawn: (d: EndDebrief) => void = () => {};
  /** No debrief to draw (the host has none, or the ask failed). */
  onUnavailable: () => void = () => {};

  constructor(private readonly source: EndDebriefSource) {
    this.root.append(this.status, this.bar, this.pct, this.body);
  }

  /** Asks for the finished game's debrief; a newer ask (or hide) wins over a late answer. */
  load(): void {
    const gen = ++this.generation;
    this.body.replaceChildren();
    this.root.dataset.state = 'loading';
    setText(this.status, WORKING_OUT);
    this.hideBar();
    this.source().then(
      (d) => gen === this.generation && (typeof d === 'string' ? this.fail(d) : this.drawOrFail(d)),
      (e: unknown) => gen === this.generation && this.fail(`No debrief: ${(e as Error)?.message ?? String(e)}.`),
    );
  }

  /** The host's progress on this debrief (frames' `debriefing`), while it is being worked out. */
  progress(fraction: number | null): void {
    if (this.root.dataset.state !== 'loading' || fraction === null) return;
    const pct = Math.round(fraction * 100);
    if (!this.bar.hidden && this.bar.value === pct) return;
    this.bar.hidden = false;
    this.bar.value = pct;
    setText(this.pct, `${pct}%`);
  }

  private hideBar(): void {
    this.bar.hidden = true;
    setText(this.pct, '');
  }

  hide(): void {
    this.generation++;
    this.hideBar();
    this.root.dataset.state = 'idle';
    this.body.replaceChildren();
    setText(this.status, '');
  }

  private fail(message: string): void {
    this.root.dataset.state = 'unavailable';
    this.hideBar();
    setText(this.status, message);
    this.onUnavailable();
  }

  /** A debrief this screen cannot draw must not leave the end screen saying "…" for ever. */
  private drawOrFail(d: EndDebrief): void {
    try {
      this.draw(d);
    } catch (e) {
      this.body.replaceChildren();
      this.fail(`No debrief: it could not be drawn (${(e as Error)?.message ?? String(e)}).`);
    }
  }

  private draw(d: EndDebrief): void {
    this.root.dataset.state = 'ready';
    this.hideBar();
    setText(this.status, '');
    this.body.replaceChildren(
      h('h2', { class: 'side-label' }, d.runs.some((r) => r.kind === 'historical') ? 'Users online, against no action and Skype\'s response' : 'Users online, against no action'),
      legend(d.runs),
      chart(d),
      figures(d.runs),
      orders(d),
      moves(d),
      h('div', { class: 'end-export' }, h('a', { id: 'end-export', class: 'go', href: '/debrief/report.html', download: '', title: 'The whole debrief as one HTML page that opens offline and prints' }, 'Export report')),
    );
    this.onDrawn(d);
  }
}

function legend(runs: EndRun[]): HTMLElement {
  return h('p', { class: 'end-legend' }, ...runs.map((r) => h('span', { 'data-run': r.kind }, h('i', { style: `border-top: 3px ${STYLE[r.kind].dash ? 'dashed' : 'solid'} ${STYLE[r.kind].stroke}` }), r.label)));
}

function chart(d: EndDebrief): SVGSVGElement {
  const W = 560, H = 178, L = 50, R = 8, T = 6, B = 42;
  const end = Math.max(1, d.endMinute);
  const x = (m: number) => L + ((W - L - R) * Math.min(m, end)) / end;
  const y = (s: number) => T + (H - T - B) * (1 - Math.max(0, Math.min(1.05, s)));
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'end-chart', role: 'img', 'aria-label': `Users online as a share of a normal day over ${duration(end)}: ${d.runs.map((r) => r.label).join(', ')}` });
  for (const p of [0, 0.5, 1]) {
    root.append(svg('line', { x1: L, x2: W - R, y1: y(p), y2: y(p), class: 'grid' }), svg('text', { x: L - 4, y: y(p) + 4, 'text-anchor': 'end', class: 'ax' }, percent(p)));
  }
  const stepH = end > 24 * 60 ? 12 : end > 6 * 60 ? 3 : 1;
  for (let hr = 0; hr * 60 <= end; hr += stepH) {
    const last = (hr + stepH) * 60 > end; // the last label ends at the edge instead of running off it
    root.append(svg('text', { x: x(hr * 60), y: H - B + 13, 'text-anchor': last && hr > 0 ? 'end' : 'middle', class: 'ax' }, `${hr} h`));
  }
  for (const r of [...d.runs].reverse()) {
    const st = STYLE[r.kind];
    root.append(svg('polyline', { points: r.points.map(([m, s]) => `${x(m).toFixed(1)},${y(s).toFixed(1)}`).join(' '), fill: 'none', stroke: st.stroke, 'stroke-width': st.width, ...(st.dash && { 'stroke-dasharray': st.dash }), 'data-run': r.kind }));
  }
  // Your orders under the axis, each with its words on hover; refused ones in red on their own row.
  const laneY = H - B + 21;
  const refusedY = laneY + 11;
  root.append(svg('text', { x: L - 4, y: laneY + 4, 'text-anchor': 'end', class: 'ax' }, 'you'));
  if (d.orders.some((o) => o.refused)) root.append(svg('text', { x: L - 4, y: refusedY + 4, 'text-anchor': 'end', class: 'ax refused' }, 'refused'));
  for (const o of orderMarks(d.orders)) {
    const mark = svg('rect', { x: x(o.minute) - 1.5, y: (o.row === 'refused' ? refusedY : laneY) - 4.5, width: 3, height: 9, class: o.row === 'refused' ? 'order refused' : 'order' });
    mark.append(svg('title', {}, o.title));
    root.append(mark);
  }
  return root;
}

function figures(runs: EndRun[]): HTMLElement {
  return h('table', { class: 'end-figures', id: 'end-figures' },
    h('thead', {}, h('tr', {}, h('th', {}), ...runs.map((r) => h('th', { scope: 'col', 'data-run': r.kind }, runHeading(r))))),
    h('tbody', {}, ...FIGURE_ROWS.map(([name, f]) => h('tr', {}, h('th', { scope: 'row' }, name), ...runs.map((r) => h('td', { 'data-run': r.kind }, f(r)))))));
}

function orders(d: EndDebrief): HTMLElement {
  if (!d.orders.length) return h('p', { class: 'end-note', id: 'end-orders' }, 'You gave no orders.');
  const shown = d.orders.slice(0, MAX_ORDERS_SHOWN);
  return h('div', { id: 'end-orders' },
    h('h2', { class: 'side-label' }, 'Your orders'),
    h('ol', { class: 'end-orders' }, ...shown.map((o) => h('li', { class: o.refused ? 'refused' : '' }, h('b', {}, tPlus(o.minute)), ` ${orderWords(o)}`))),
    d.orders.length > shown.length ? h('p', { class: 'end-note' }, `and ${d.orders.length - shown.length} more in the report`) : null);
}

function moves(d: EndDebrief): HTMLElement {
  const mine = d.runs.find((r) => r.kind === 'run');
  return h('div', { id: 'end-moves' },
    h('h2', { class: 'side-label' }, 'What would have helped'),
    ...(d.moves.length
      ? [h('ul', { class: 'end-moves' }, ...d.moves.map((m) => h('li', {}, m.what, h('small', {}, ` — ${compact(m.userHoursSaved)} fewer user-hours lost${mine && mine.userHoursLost > 0 ? ` (${percent(m.userHoursSaved / mine.userHoursLost)})` : ''}, cost ${usd(m.costUsd)}`))))]
      : noneHelped(d.movesTried)));
}

/** Nothing helped: the sentence, then what was tried (if anything was). */
function noneHelped(tried: string[] | undefined): HTMLElement[] {
  const note = h('p', { class: 'end-note' }, noneHelpedText(tried));
  return tried?.length ? [note, h('ul', { class: 'end-moves end-tried' }, ...tried.map((w) => h('li', {}, w)))] : [note];
}
