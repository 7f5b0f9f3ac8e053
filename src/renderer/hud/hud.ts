// The HUD as one piece: routes each merged view to the widgets that show it.
import type { SessionStatus } from '../../shared/contract';
import type { Bridge } from '../bridge/bridge';
import type { FrameChange } from '../bridge/frame-store';
import type { SimView } from '../../sim/view-types';
import { ActionPanel } from './action-panel';
import { History } from './history';
import { InfoPanel } from './info-panel';
import { OrderQueue } from './order-queue';
import { PagerFeed } from './pager-feed';
import { Sparklines } from './sparklines';
import { TopBar } from './top-bar';
import { grouped } from './format';

export class Hud {
  /** Ids of the panels over the map that region labels keep out from under (`avoidRects`). */
  /** A trainee's drill panel is over the map only when folded to its card; unfolded, the map is framed beside it. */
  static readonly OVER_MAP = ['legend', 'order-queue', 'phase-banner', 'drill-toast', 'drill-panel'];
  readonly history = new History();
  readonly top = new TopBar(this.history);
  readonly sparks = new Sparklines(this.history);
  readonly pager = new PagerFeed();
  readonly info = new InfoPanel();
  readonly actions: ActionPanel;
  readonly orders: OrderQueue;
  private readonly perDot = document.getElementById('legend-per-dot')!;

  constructor(bridge: Bridge) {
    this.actions = new ActionPanel(bridge);
    this.orders = new OrderQueue(bridge);
    this.actions.onRefused = (words) => {
      if (this.lastUtcMs !== null) this.pager.note(`Order refused: ${words}`, this.lastUtcMs);
    };
    this.orders.onRefused = (words) => {
      if (this.lastUtcMs !== null) this.pager.note(`Cancel refused: ${words}`, this.lastUtcMs);
    };
  }
  private lastUtcMs: number | null = null;

  reset(): void {
    this.history.clear();
    this.pager.clear();
    this.actions.clearAll();
    this.orders.clear();
  }

  /** Returns true when a panel over the map changed (the orders list): labels must keep off it again. */
  update(view: SimView, status: SessionStatus, change: FrameChange, perDot: number): boolean {
    const start = view.utcMs - view.minute * 60_000;
    if (change.history) {
      // The host's record of this game: what happened before this screen joined included.
      this.history.seed(change.history.samples);
      this.pager.seed(change.history.events, start);
    } else if (change.newGame) this.reset();
    this.lastUtcMs = view.utcMs;
    this.history.add(change.samples);
    this.history.record(view);
    this.top.update(view, status); // after the history: the banner's direction reads it
    this.sparks.draw();
    if (change.events.length && !change.history) this.pager.push(change.events, start);
    this.info.update(view);
    this.actions.updateHints(view);
    const moved = this.orders.update(view);
    this.perDot.textContent = grouped(perDot);
    return moved;
  }

  /** Panels that sit over the map (the legend, the orders on their way, the phase banner, a drill's message banner): labels keep out from under them. */
  avoidRects(): { x: number; y: number; w: number; h: number }[] {
    return Hud.OVER_MAP.flatMap((id) => {
      const el = document.getElementById(id);
      if (!el || el.hidden || el.getClientRects().length === 0) return [];
      const r = el.getBoundingClientRect();
      // A centred panel whose width follows its words says how wide it gets (data-avoid-width): keep clear of that.
      const w = Math.max(r.width, Number(el.dataset.avoidWidth ?? 0) || 0);
      return [{ x: r.left + (r.width - w) / 2, y: r.top, w, h: r.height }];
    });
  }

  /**
   * Screen area not covered by the top bar, the dock and the panels beside the map (a
   * trainee's drill panel, the replay bar, the instructor's console): where the map is framed.
   */
  freeRect(): { x: number; y: number; w: number; h: number } {
    const box = (id: string) => {
      const el = document.getElementById(id);
      return el && !el.hidden && el.getClientRects().length > 0 ? el.getBoundingClientRect() : null;
    };
    const top = document.getElementById('top-bar')!.getBoundingClientRect().bottom + 8;
    const bottom = Math.min(document.getElementById('dock')!.getBoundingClientRect().top, box('replay-bar')?.top ?? Infinity) - 6;
    // A folded drill panel is a card over the South Pacific: the map keeps the whole width.
    const column = document.getElementById('drill-panel')?.dataset.folded === 'true' ? null : box('drill-panel');
    const left = column ? column.right + 4 : 0;
    const right = box('console')?.left ?? window.innerWidth;
    return { x: left, y: top, w: Math.max(100, right - left), h: Math.max(100, bottom - top) };
  }
}
