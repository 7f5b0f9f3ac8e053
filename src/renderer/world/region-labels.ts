// Each region's name and figures, in screen space beside its cloud: crisp at any zoom.
import { Container, Graphics, Text } from 'pixi.js';
import { REGIONS, type RegionId } from '../../sim/regions';
import type { RegionView } from '../../sim/view-types';
import type { Camera } from './camera';
import { labelAnchor } from './geography';
import { stressColour } from './stress-palette';
import { figureStyle, nameStyle } from './text-style';
import { compact } from '../hud/format';

interface Label {
  root: Container;
  name: Text;
  load: Text;
  online: Text;
  bar: Graphics;
  key: string;
  align: 'left' | 'right' | 'center';
}

const BAR_W = 120;
const GAP = 3;

type Rect = { x: number; y: number; w: number; h: number };

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export class RegionLabels {
  readonly view = new Container({ label: 'region-labels' });
  private readonly labels = new Map<RegionId, Label>();
  private selected: RegionId | null = null;
  private placedFor = -1;
  private avoid: Rect[] = [];
  private obstacles: Rect[] = [];
  private bounds: Rect | null = null;

  constructor() {
    for (const r of REGIONS) {
      const { align } = labelAnchor(r.id);
      const root = new Container();
      const ax = align === 'left' ? 0 : align === 'right' ? 1 : 0.5;
      const name = new Text({ text: r.name.toUpperCase(), style: nameStyle(), resolution: 2 });
      const load = new Text({ text: '', style: figureStyle(10), resolution: 2 });
      const online = new Text({ text: '', style: figureStyle(10, 0x8ea3bf), resolution: 2 });
      const bar = new Graphics();
      name.anchor.set(ax, 1);
      load.anchor.set(ax, 0);
      online.anchor.set(ax, 0);
      load.y = 6;
      online.y = 19;
      root.addChild(bar, name, load, online);
      this.view.addChild(root);
      this.labels.set(r.id, { root, name, load, online, bar, key: '', align });
    }
  }

  /** Follows the camera (or new obstacles); cheap, and only runs when one of them moved. */
  place(camera: Camera): void {
    if (camera.version === this.placedFor) return;
    this.placedFor = camera.version;
    // Every label stays on the free part of the screen, whatever the zoom: a region whose
    // anchor is off screen keeps its label at the nearest edge (deep zoom used to lose them all).
    const b = this.bounds ?? { x: 0, y: 0, w: window.innerWidth, h: window.innerHeight };
    const minY = b.y + 22, maxY = b.y + b.h - 40;
    const taken: Rect[] = [...this.avoid, ...this.obstacles];
    for (const [id, l] of this.labels) {
      const p = camera.toScreen(labelAnchor(id).at);
      const tw = Math.max(BAR_W, l.name.width, l.load.width, l.online.width) + 16;
      const inset = l.align === 'center' ? tw / 2 : l.align === 'left' ? 8 : tw - 8; // anchor to the box's left edge
      const clampX = (x: number) => Math.max(b.x + inset + 2, Math.min(b.x + b.w - (tw - inset) - 2, x));
      const x0 = clampX(p.x);
      const y0 = Math.max(minY, Math.min(maxY, p.y));
      const box = (x: number, y: number): Rect => ({ x: x - inset, y: y - 20, w: tw, h: 56 });
      const clear = (x: number, y: number) => !taken.some((r) => overlaps(box(x, y), r));
      // Where it wants to be, else the nearest spot beside, above or below whatever is in the way.
      let x = x0, y = y0;
      if (!clear(x, y)) {
        const xs = [x0, ...taken.flatMap((r) => [r.x + r.w + GAP + inset, r.x - GAP - (tw - inset)]).map(clampX)];
        const ys = [y0, ...taken.flatMap((r) => [r.y - 36 - GAP, r.y + r.h + 20 + GAP]).filter((c) => c >= minY && c <= maxY)];
        let best = Infinity;
        for (const cx of xs) {
          for (const cy of ys) {
            const d = Math.abs(cx - x0) + Math.abs(cy - y0);
            if (d < best && clear(cx, cy)) [best, x, y] = [d, cx, cy];
          }
        }
      }
      taken.push(box(x, y));
      l.root.position.set(Math.round(x), Math.round(y));
    }
  }

  /** Each label's container (its plate, name and figures), for tests. */
  drawn(): [RegionId, Container][] {
    return [...this.labels].map(([id, l]) => [id, l.root]);
  }

  /** Screen boxes of HUD panels over the map (the legend): labels keep out from under them. */
  setAvoid(rects: Rect[]): void {
    this.avoid = rects;
    this.placedFor = -1;
  }

  /** Other things written on the map (the services' names): labels keep off them too. */
  setObstacles(rects: Rect[]): void {
    this.obstacles = rects;
    this.placedFor = -1;
  }

  /** The part of the screen the map shows in (not under the dock, the drill panel or the console). */
  setBounds(rect: Rect): void {
    this.bounds = rect;
    this.placedFor = -1;
  }

  update(rv: RegionView): void {
    const l = this.labels.get(rv.id);
    if (!l) return;
    const loadText = `load ${rv.load.toFixed(2)}×  ${compact(rv.supernodesUp)} SN`;
    const onlineText = `${compact(rv.online)} of ${compact(rv.wantOnline)} online`;
    const key = loadText + onlineText + (this.selected === rv.id);
    if (key === l.key) return;
    l.key = key;
    l.load.text = loadText;
    l.load.style.fill = stressColour(rv.load / 1.6);
    l.online.text = onlineText;
    // A health bar under the name: the share of users who want to be online and are.
    const share = rv.wantOnline > 0 ? Math.min(1, rv.online / rv.wantOnline) : 1;
    const x0 = l.align === 'left' ? 0 : l.align === 'right' ? -BAR_W : -BAR_W / 2;
    l.bar.clear();
    // A dark plate under every label keeps it readable over storm flows and mega hexagons.
    const selected = this.selected === rv.id;
    const tw = Math.max(BAR_W, l.name.width, l.load.width, l.online.width);
    const px = l.align === 'left' ? 0 : l.align === 'right' ? -tw : -tw / 2;
    l.bar.roundRect(px - 8, -20, tw + 16, 56, 3).fill({ color: 0x06101e, alpha: selected ? 0.8 : 0.62 });
    if (selected) l.bar.roundRect(px - 8, -20, tw + 16, 56, 3).stroke({ width: 1, color: 0x5fc3ff, alpha: 0.9 });
    l.bar.rect(x0, 2, BAR_W, 2).fill({ color: 0x1d3049 });
    l.bar.rect(x0, 2, BAR_W * share, 2).fill({ color: share > 0.9 ? 0x4c9dff : share > 0.6 ? 0xffb020 : 0xff4fd0 });
  }

  select(id: RegionId | null): void {
    this.selected = id;
    for (const l of this.labels.values()) l.key = '';
  }
}
