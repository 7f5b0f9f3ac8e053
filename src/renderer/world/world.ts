// The world scene: owns the Pixi application, the layers, and input on the map. It reads the
// merged view and the list of what changed; it never holds sim state of its own.
import { Application, Container } from 'pixi.js';
import type { FrameChange } from '../bridge/frame-store';
import { REGIONS, type RegionId } from '../../sim/regions';
import type { ServiceId } from '../../sim/commands';
import type { SimView } from '../../sim/view-types';
import type { MapText, SceneStats } from '../test-hooks-types';
import { buildAtlas, type Atlas } from './atlas';
import { Basemap } from './basemap';
import { createGlContext } from './gl-context';
import { Camera, type ScreenRect } from './camera';
import { Flashes } from './flashes';
import { hubsOf, labelAnchor, SERVICE_PLACES } from './geography';
import { MegaLayer } from './mega-layer';
import { NightShade } from './night-shade';
import { project } from './projection';
import { RegionLabels } from './region-labels';
import { ServicePlaces } from './service-places';
import { StormFlows } from './storm-flows';
import { RegionCloud, supernodesPerDot, type CloudLayers } from './supernode-cloud';

/** Pixels per map unit of the flattened ground on a software rasterizer. */
const GROUND_CACHE_PX = 2;

export type Pick = { kind: 'region'; id: RegionId } | { kind: 'service'; id: ServiceId } | null;

export class WorldScene {
  readonly app = new Application();
  private atlas!: Atlas;
  private readonly world = new Container({ label: 'world' });
  private camera!: Camera;
  private readonly layers: CloudLayers = {
    ghost: new Container({ label: 'ghost' }),
    warming: new Container({ label: 'warming' }),
    calm: new Container({ label: 'calm' }),
    hot: new Container({ label: 'hot' }),
  };
  private readonly clouds = new Map<RegionId, RegionCloud>();
  private readonly ground = new Container({ label: 'ground' });
  private night!: NightShade;
  private megas!: MegaLayer;
  private flows!: StormFlows;
  private flashes!: Flashes;
  private services!: ServicePlaces;
  private labels!: RegionLabels;
  private basemap!: Basemap;
  private perDot = 10;
  private clock = 0;
  private free: ScreenRect = { x: 0, y: 0, w: 1, h: 1 };
  onPick: (pick: Pick) => void = () => {};
  glInfo = { renderer: '', software: false };

  async init(host: HTMLElement): Promise<void> {
    const gl = createGlContext();
    this.glInfo = { renderer: gl.renderer, software: gl.software };
    await this.app.init({
      canvas: gl.canvas,
      ...(gl.context ? { context: gl.context } : {}),
      resizeTo: host,
      background: 0x03060c,
      antialias: !gl.software,
      preference: 'webgl',
      autoDensity: true,
      resolution: Math.min(2, window.devicePixelRatio || 1),
      preserveDrawingBuffer: true, // lets tests and the bench read pixels back
    });
    // 30 fps is plenty for lights and sparks, and leaves CPU for the sim on small machines.
    this.app.ticker.maxFPS = 30;
    this.app.canvas.id = 'world-canvas';
    this.app.canvas.dataset.testid = 'world-canvas';
    host.appendChild(this.app.canvas);

    this.atlas = buildAtlas();
    this.camera = new Camera(this.world);
    this.night = new NightShade();
    this.megas = new MegaLayer(this.atlas);
    this.flows = new StormFlows(this.atlas);
    this.flashes = new Flashes(this.atlas);
    this.services = new ServicePlaces();
    this.labels = new RegionLabels();
    for (const r of REGIONS) this.clouds.set(r.id, new RegionCloud(r.id, this.atlas, this.layers));

    // The stage under the lights: ocean, land and daylight. On a software rasterizer it is
    // flattened into one texture (redrawn when daylight moves) to save five full-screen fills.
    this.basemap = new Basemap();
    this.ground.addChild(this.basemap.view, this.night.view);
    this.software = gl.software;
    this.groundCache();
    this.world.addChild(this.ground, this.layers.ghost, this.layers.warming, this.layers.calm,
      this.flows.view, this.layers.hot, this.megas.view, this.flashes.view, this.services.view);
    // Labels live in screen space above the world so they stay crisp and readable at any zoom.
    this.app.stage.addChild(this.world, this.services.tags, this.labels.view);
    this.bindInput(this.app.canvas);
    this.app.ticker.add((t) => this.tick(t.deltaMS / 1000));
  }

  /** The part of the screen not covered by HUD panels; the home view is framed inside it. */
  setFreeRect(rect: ScreenRect, rehome: boolean): void {
    this.free = rect;
    this.labels.setBounds(rect);
    if (rehome) this.camera.home(rect);
  }

  home(): void {
    this.camera.home(this.free);
  }

  /** HUD panels over the map that region labels must not sit under. */
  setAvoid(rects: ScreenRect[]): void {
    this.labels.setAvoid(rects);
  }

  /** Keyboard panning, in screen pixels. */
  panBy(dx: number, dy: number): void {
    this.camera.panBy(dx, dy);
  }

  /** Keyboard zoom, about the middle of the free part of the screen. */
  zoomBy(factor: number): void {
    this.camera.zoomAt({ x: this.free.x + this.free.w / 2, y: this.free.y + this.free.h / 2 }, factor);
  }

  /** Reduced motion (settings or the system's): no blinking, no bursts, a slow storm. */
  setReducedMotion(on: boolean): void {
    this.reducedMotion = on;
  }
  private reducedMotion = false;
  private sawMegas = -1;
  private sawCamera = -1;
  private software = false;

  /**
   * The flattened ground is a bitmap of 2 pixels per map unit: past that zoom it would turn
   * blocky, so deep in the ground is drawn as vectors again (few of them are on screen then).
   */
  private groundCache(): void {
    if (!this.software) return;
    const s = this.camera.scale * this.app.renderer.resolution;
    const cached = this.ground.isCachedAsTexture;
    if (!cached && s < GROUND_CACHE_PX * 0.9) this.ground.cacheAsTexture({ resolution: GROUND_CACHE_PX, antialias: false });
    else if (cached && s > GROUND_CACHE_PX * 1.1) this.ground.cacheAsTexture(false);
    else if (cached && this.basemap.restroked) this.ground.updateCacheTexture();
    this.basemap.restroked = false;
  }

  apply(view: SimView, change: FrameChange): void {
    if (change.newGame || change.full) {
      const total = view.regions.reduce((s, r) => s + r.supernodesUp + r.supernodesWarming + r.supernodesDown, 0);
      this.perDot = supernodesPerDot(total);
    }
    const quiet = change.full || change.newGame; // no bursts when the whole picture is replaced
    for (const rv of view.regions) {
      if (!change.regions.has(rv.id)) continue;
      const cloud = this.clouds.get(rv.id);
      if (!cloud) continue;
      const ev = cloud.update(rv, this.perDot);
      if (!quiet && !this.reducedMotion) {
        if (ev.blinkedOut.length) this.flashes.spawn(ev.blinkedOut, 'out');
        if (ev.litUp.length) this.flashes.spawn(ev.litUp, 'up', 12);
      }
      this.megas.update(rv);
      this.labels.update(rv);
    }
    this.flows.apply(view, change);
    if (change.parts.has('services') && view.services) this.services.update(view.services);
    if (change.parts.has('utcMs') && this.night.update(view.utcMs) && this.ground.isCachedAsTexture) this.ground.updateCacheTexture();
  }

  select(pick: Pick, view: SimView | null): void {
    this.labels.select(pick?.kind === 'region' ? pick.id : null);
    for (const rv of view?.regions ?? []) this.labels.update(rv);
  }

  /** Region labels and service names as drawn (screen pixels), for tests. */
  mapText(): MapText[] {
    const box = (c: Container) => {
      const b = c.getBounds();
      return { x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(b.height) };
    };
    return [...this.labels.drawn().map(([id, c]) => ({ kind: 'region' as const, id, ...box(c), anchor: this.labelAnchorOnScreen(id) })), ...this.services.drawn().map(([id, c]) => ({ kind: 'service' as const, id, ...box(c) }))];
  }

  private labelAnchorOnScreen(id: RegionId): { x: number; y: number } {
    const p = this.camera.toScreen(labelAnchor(id).at);
    return { x: Math.round(p.x), y: Math.round(p.y) };
  }

  stats(): SceneStats {
    const s = { dots: 0, serving: 0, hot: 0, warming: 0, down: 0 };
    for (const c of this.clouds.values()) {
      s.serving += c.counts.serving;
      s.hot += c.counts.hot;
      s.warming += c.counts.warming;
      s.down += c.counts.down;
    }
    s.dots = s.serving + s.warming + s.down;
    return { ...s, megaHexes: this.megas.counts.up, megaPendingHexes: this.megas.counts.pending, sparks: this.flows.count, flashes: this.flashes.count, perDot: this.perDot };
  }

  private tick(dt: number): void {
    this.clock += dt;
    const t = this.clock;
    // Supernodes past the blink threshold flash at 1.6 Hz; warming rings breathe slowly.
    // With reduced motion both hold still (hot ones stay bright: their colour says it).
    this.layers.hot.alpha = this.reducedMotion ? 1 : 0.4 + 0.6 * (0.5 + 0.5 * Math.sin(t * Math.PI * 2 * 1.6));
    this.layers.warming.alpha = this.reducedMotion ? 0.8 : 0.6 + 0.4 * Math.sin(t * Math.PI * 0.8);
    const moved = this.camera.version !== this.sawCamera;
    if (moved) {
      this.sawCamera = this.camera.version;
      this.services.place(this.camera);
      this.basemap.zoomed(this.camera.scale);
      this.groundCache();
    }
    if (moved || this.megas.version !== this.sawMegas) {
      this.sawMegas = this.megas.version;
      this.labels.setObstacles(this.services.boxes(this.camera), this.megas.boxes(this.camera));
    }
    this.labels.place(this.camera);
    this.megas.tick(t);
    this.services.tick(t);
    this.flows.tick(this.reducedMotion ? dt * 0.25 : dt);
    this.flashes.tick(dt);
  }

  private bindInput(canvas: HTMLCanvasElement): void {
    let drag: { x: number; y: number; moved: number } | null = null;
    canvas.addEventListener('pointerdown', (e) => {
      drag = { x: e.clientX, y: e.clientY, moved: 0 };
      canvas.setPointerCapture(e.pointerId);
    });
    canvas.addEventListener('pointermove', (e) => {
      if (!drag) {
        // The labels read like cards: over one, the pointer says it can be clicked.
        canvas.style.cursor = this.labelAt(e.clientX, e.clientY) ? 'pointer' : '';
        return;
      }
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      drag.moved += Math.abs(dx) + Math.abs(dy);
      drag.x = e.clientX;
      drag.y = e.clientY;
      this.camera.panBy(dx, dy);
      canvas.style.cursor = 'grabbing';
    });
    canvas.addEventListener('pointerup', (e) => {
      const wasClick = drag !== null && drag.moved < 5;
      drag = null;
      canvas.style.cursor = '';
      if (wasClick) this.onPick(this.pickAt(e.clientX, e.clientY));
    });
    canvas.addEventListener('wheel', (e) => {
      e.preventDefault();
      this.camera.zoomAt({ x: e.clientX, y: e.clientY }, Math.exp(-e.deltaY * 0.0015));
    }, { passive: false });
    canvas.addEventListener('dblclick', () => this.home());
  }

  /** A region's label or a service's name under a screen point (they are written over the map in screen space). */
  private labelAt(clientX: number, clientY: number): Pick {
    const hit = (c: Container) => {
      const b = c.getBounds();
      return clientX >= b.x && clientX <= b.x + b.width && clientY >= b.y && clientY <= b.y + b.height;
    };
    for (const [id, c] of this.services.drawn()) if (hit(c)) return { kind: 'service', id };
    for (const [id, c] of this.labels.drawn()) if (hit(c)) return { kind: 'region', id };
    return null;
  }

  /** A label or a service's name under the pointer; else services (small targets), then the nearest population hub within reach. */
  pickAt(clientX: number, clientY: number): Pick {
    const label = this.labelAt(clientX, clientY);
    if (label) return label;
    const p = this.camera.toWorld({ x: clientX, y: clientY });
    const reach = 14 / Math.max(0.5, this.camera.scale) + 6;
    for (const [id, place] of Object.entries(SERVICE_PLACES) as [ServiceId, (typeof SERVICE_PLACES)[ServiceId]][]) {
      if (Math.hypot(place.at.x - p.x, place.at.y - p.y) < reach + 6) return { kind: 'service', id };
    }
    let best: Pick = null;
    let bestD = 40;
    for (const r of REGIONS) {
      for (const h of hubsOf(r.id)) {
        const d = Math.hypot(h.at.x - p.x, h.at.y - p.y);
        if (d < bestD) {
          bestD = d;
          best = { kind: 'region', id: r.id };
        }
      }
    }
    return best;
  }

  /** Where a place (degrees of longitude and latitude) is drawn now, in screen pixels: for tests. */
  placeOnScreen(lon: number, lat: number): { x: number; y: number } {
    const p = this.camera.toScreen(project(lon, lat));
    return { x: Math.round(p.x), y: Math.round(p.y) };
  }

  /** Screen position of a world place, for anchoring DOM panels. */
  screenOf(pick: Pick): { x: number; y: number } | null {
    if (!pick) return null;
    const at = pick.kind === 'service' ? SERVICE_PLACES[pick.id].at : hubsOf(pick.id)[0].at;
    return this.camera.toScreen(at);
  }
}
