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
/** How far (screen pixels) a label may move off its region to stay clear; past that it would name the wrong place. */
const REACH = 150;
/** Step of the search for a free spot round the anchor. */
const STEP = 10;

type Rect = { x: number; y: number; w: number; h: number };

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export class RegionLabels {
  readonly view = new Container({ label: 'region-labels' });
  private readonly labels = new Map<RegionId, Label>();
  private selected: RegionId | null = null;
  private placedFor = -1;
  private avoid: Rect[] = [];
  private obstacles: Rect[] = [];
  private hexes: Rect[] = [];
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
    // Hard: HUD panels, the services' names and labels placed before (a label under them is
    // unreadable); soft: the mega hexagons, which a label may cover if nothing near is free.
    const hard: Rect[] = [...this.avoid, ...this.obstacles];
    const soft = this.hexes;
    for (const [id, l] of this.labels) {
      const p = camera.toScreen(labelAnchor(id).at);
      const tw = Math.max(BAR_W, l.name.width, l.load.width, l.online.width) + 16;
      const inset = l.align === 'center' ? tw / 2 : l.align === 'left' ? 8 : tw - 8; // anchor to the box's left edge
      const clampX = (x: number) => Math.max(b.x + inset + 2, Math.min(b.x + b.w - (tw - inset) - 2, x));
      const clampY = (y: number) => Math.max(minY, Math.min(maxY, y));
      const x0 = clampX(p.x);
      const y0 = clampY(p.y);
      const offScreen = x0 !== p.x || y0 !== p.y;
      const box = (x: number, y: number): Rect => ({ x: x - inset, y: y - 20, w: tw, h: 56 });
      const clearOf = (rects: Rect[]) => (x: number, y: number) => !rects.some((r) => overlaps(box(x, y), r));
      // Where it wants to be, else the nearest spot within reach (a grid of steps round the
      // anchor, and beside, above or below whatever is in the way) clear of everything, else
      // clear of all but the hexagons: a label pushed across the map would name the wrong
      // region. A region off screen (deep zoom piles its label at an edge with others) takes the
      // nearest free spot anywhere when nothing near is free; one on screen stays by its region
      // (under a panel, if one covers it, like the region).
      const near: [number, number][] = [];
      for (let dy = -REACH - 56; dy <= REACH + 56; dy += STEP) {
        for (let dx = -REACH - tw; dx <= REACH + tw; dx += STEP) near.push([clampX(x0 + dx), clampY(y0 + dy)]);
      }
      const xs = [x0], ys = [y0];
      for (const r of [...hard, ...soft]) {
        xs.push(clampX(r.x + r.w + GAP + inset), clampX(r.x - GAP - (tw - inset)));
        ys.push(...[r.y - 36 - GAP, r.y + r.h + 20 + GAP].filter((c) => c >= minY && c <= maxY));
      }
      const edges = xs.flatMap((cx) => ys.map((cy): [number, number] => [cx, cy]));
      near.push(...edges);
      // How far a spot's box is from the region's anchor (0: the box still touches it), and a
      // little of how far it moved: a label flipped to the anchor's other side beats one pushed off.
      const ax = Math.max(b.x, Math.min(b.x + b.w, p.x)), ay = Math.max(b.y, Math.min(b.y + b.h, p.y));
      const away = (cx: number, cy: number) => {
        const r = box(cx, cy);
        const gap = Math.hypot(Math.max(r.x - ax, 0, ax - (r.x + r.w)), Math.max(r.y - ay, 0, ay - (r.y + r.h)));
        return gap + 0.2 * Math.hypot(cx - x0, cy - y0);
      };
      const nearest = (ok: (x: number, y: number) => boolean, spots = near, reach = REACH): [number, number] | null => {
        let best = reach, at: [number, number] | null = null;
        for (const [cx, cy] of spots) {
          const d = away(cx, cy);
          if (d < best && ok(cx, cy)) [best, at] = [d, [cx, cy]];
        }
        return at;
      };
      const all = clearOf([...hard, ...soft]);
      const [x, y] = all(x0, y0) ? [x0, y0] : nearest(all) ?? nearest(clearOf(hard)) ?? (offScreen ? nearest(clearOf(hard), edges, Infinity) : null) ?? [x0, y0];
      hard.push(box(x, y));
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

  /**
   * Other things on the map: the services' names (`names`, labels keep off them) and the mega
   * hexagons (`hexes`, labels keep off them unless that would take a label far from its region).
   */
  setObstacles(names: Rect[], hexes: Rect[]): void {
    this.obstacles = names;
    this.hexes = hexes;
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
