// The central services as places on the map: a ring shows utilisation (demand / capacity).
// Past 100% the overflow wraps round again in magenta and the ring pulses.
import { Container, Graphics, Text } from 'pixi.js';
import type { ServiceId } from '../../sim/commands';
import type { ServiceView } from '../../sim/view-types';
import type { Camera } from './camera';
import { SERVICE_PLACES } from './geography';
import { placeLook } from './service-figure';
import { stressColour } from './stress-palette';
import { figureStyle, nameStyle } from './text-style';

const R = 9;

interface Place {
  root: Container;
  tag: Container; // screen-space name and figure
  ring: Graphics;
  halo: Graphics;
  figure: Text;
  key: string;
  over: boolean;
}

export class ServicePlaces {
  readonly view = new Container({ label: 'services' });
  /** Names and figures, in screen space (added to the stage, not the world). */
  readonly tags = new Container({ label: 'service-tags' });
  private readonly places = new Map<ServiceId, Place>();
  private placedFor = -1;

  constructor() {
    const links = new Graphics();
    // Thin backbone between the core's places: they are one data centre, not four.
    const ids = Object.keys(SERVICE_PLACES) as ServiceId[];
    for (let i = 1; i < ids.length; i++) {
      const a = SERVICE_PLACES[ids[i - 1]].at, b = SERVICE_PLACES[ids[i]].at;
      links.moveTo(a.x, a.y).lineTo(b.x, b.y);
    }
    links.stroke({ width: 0.6, color: 0x35587d, alpha: 0.6 });
    this.view.addChild(links);
    for (const id of ids) this.view.addChild(this.makePlace(id));
  }

  private makePlace(id: ServiceId): Container {
    const { at, label } = SERVICE_PLACES[id];
    const root = new Container({ x: at.x, y: at.y, label: `service-${id}` });
    const halo = new Graphics();
    const ring = new Graphics();
    const core = new Graphics();
    // A little rack icon: three stacked bars.
    for (let k = -1; k <= 1; k++) core.roundRect(-3.2, k * 2.2 - 0.8, 6.4, 1.6, 0.4);
    core.fill({ color: 0xcfe4ff, alpha: 0.9 });
    const tag = new Container();
    const name = new Text({ text: label, style: nameStyle(10, 0xa9c0dc), resolution: 2 });
    name.anchor.set(0, 1);
    const figure = new Text({ text: '', style: figureStyle(10, 0x7f98b6), resolution: 2 });
    figure.anchor.set(0, 0);
    figure.y = 1;
    tag.addChild(name, figure);
    this.tags.addChild(tag);
    root.addChild(halo, ring, core);
    this.places.set(id, { root, tag, ring, halo, figure, key: '', over: false });
    return root;
  }

  update(services: ServiceView[]): void {
    for (const s of services) {
      const place = this.places.get(s.id);
      if (!place) continue;
      const look = placeLook(s);
      if (look.key === place.key) continue;
      place.key = look.key;
      place.over = look.over;
      drawRing(place.ring, look.ring, s.enabled, s.degradedPct);
      place.halo.clear();
      if (place.over) place.halo.circle(0, 0, R + 3).fill({ color: 0xff4fd0, alpha: 0.18 });
      place.figure.text = look.figure;
      place.figure.style.fill = look.tone;
    }
  }

  place(camera: Camera): void {
    if (camera.version === this.placedFor) return;
    this.placedFor = camera.version;
    for (const [id, p] of this.places) {
      const at = camera.toScreen(SERVICE_PLACES[id].at);
      p.tag.position.set(Math.round(at.x + (R + 5) * camera.scale + 4), Math.round(at.y));
    }
  }

  /** Each service's name and figure, for tests. */
  drawn(): [ServiceId, Container][] {
    return [...this.places].map(([id, p]) => [id, p.tag]);
  }

  /** Each place's ring and name on screen (as last placed): region labels keep off them. */
  boxes(camera: Camera): { x: number; y: number; w: number; h: number }[] {
    return [...this.places.values()].map((p) => {
      const ring = (R + 4) * camera.scale;
      const left = p.tag.x - (R + 5) * camera.scale - 4 - ring;
      return { x: left, y: p.tag.y - 14, w: p.tag.x - left + p.tag.width + 4, h: 30 };
    });
  }

  tick(t: number): void {
    for (const p of this.places.values()) p.halo.alpha = p.over ? 0.5 + 0.5 * Math.sin(t * Math.PI * 3) : 1;
  }
}

function drawRing(g: Graphics, util: number, enabled: boolean, degradedPct: number): void {
  g.clear();
  g.circle(0, 0, R).stroke({ width: 2.2, color: 0x1a2c44, alpha: 1 });
  if (!enabled) {
    g.circle(0, 0, R).stroke({ width: 1, color: 0x5d6b80, alpha: 0.8 });
    return;
  }
  const start = -Math.PI / 2;
  const first = Math.min(1, util);
  if (first > 0.002) {
    g.arc(0, 0, R, start, start + first * Math.PI * 2).stroke({ width: 2.2, color: stressColour(util), cap: 'round' });
  }
  if (util > 1) {
    // Overflow lap, drawn just outside so both laps read.
    g.arc(0, 0, R + 2.6, start, start + Math.min(1, util - 1) * Math.PI * 2).stroke({ width: 1.4, color: 0xff4fd0, cap: 'round' });
  }
  if (degradedPct > 0) {
    // Capacity lost to an outage: a dashed grey stretch at the end of the circle.
    const lost = (Math.min(100, degradedPct) / 100) * Math.PI * 2;
    g.arc(0, 0, R - 3, start - lost, start).stroke({ width: 1, color: 0x8593a8, alpha: 0.9 });
  }
}
