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

export class RegionLabels {
  readonly view = new Container({ label: 'region-labels' });
  private readonly labels = new Map<RegionId, Label>();
  private selected: RegionId | null = null;
  private placedFor = -1;
  /** Screen boxes of HUD panels over the map (the legend): a label that would sit under one moves above it. */
  private avoid: { x: number; y: number; w: number; h: number }[] = [];

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

  /** Follows the camera; cheap, and only runs when it moved. */
  place(camera: Camera): void {
    if (camera.version === this.placedFor) return;
    this.placedFor = camera.version;
    // Keep every label fully on screen: on wide windows the map's ends reach the edges.
    const w = window.innerWidth;
    const placed: { left: number; w: number; top: number; bottom: number }[] = [];
    for (const [id, l] of this.labels) {
      const p = camera.toScreen(labelAnchor(id).at);
      const half = l.align === 'center' ? BAR_W / 2 : 0;
      const x = l.align === 'left' ? Math.max(10, p.x) : l.align === 'right' ? Math.min(w - 10, p.x) : Math.max(10 + half, Math.min(w - 10 - half, p.x));
      let y = p.y;
      const tw = Math.max(BAR_W, l.name.width, l.load.width, l.online.width) + 16;
      const left = l.align === 'left' ? x - 8 : l.align === 'right' ? x - tw + 8 : x - tw / 2;
      for (const r of this.avoid) {
        const under = left < r.x + r.w && r.x < left + tw && y - 20 < r.y + r.h && r.y < y + 36;
        if (under) y = r.y - 40;
      }
      // Labels never cover each other: one that would lands just below the one already there.
      for (let tries = 0; tries < 6; tries++) {
        const hit = placed.find((b) => left < b.left + b.w && b.left < left + tw && y - 20 < b.bottom && b.top < y + 36);
        if (!hit) break;
        y = hit.bottom + 22;
      }
      placed.push({ left, w: tw, top: y - 20, bottom: y + 36 });
      l.root.position.set(Math.round(x), Math.round(y));
    }
  }

  setAvoid(rects: { x: number; y: number; w: number; h: number }[]): void {
    this.avoid = rects;
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
