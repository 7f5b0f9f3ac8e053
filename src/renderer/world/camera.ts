// Pan and zoom over the world container. Pointer input comes from DOM events on the canvas
// (cheaper than Pixi's event system for one draggable surface).
import type { Container } from 'pixi.js';
import { HOME_VIEW, project, WORLD_H, WORLD_W, type Point } from './projection';

export interface ScreenRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class Camera {
  private minScale = 0.2;
  /** Bumped on every pan or zoom, so screen-space labels know when to follow. */
  version = 0;
  private readonly maxScale = 14;

  constructor(private readonly world: Container) {}

  get scale(): number {
    return this.world.scale.x;
  }

  /** Frames the home view (Seattle to Tokyo) inside the free part of the screen. */
  home(free: ScreenRect): void {
    const a = project(HOME_VIEW.lonMin, HOME_VIEW.latMax);
    const b = project(HOME_VIEW.lonMax, HOME_VIEW.latMin);
    const s = Math.min((free.w * 0.94) / (b.x - a.x), free.h / (b.y - a.y));
    this.minScale = Math.min(s, free.w / WORLD_W) * 0.8;
    this.world.scale.set(s);
    this.world.position.set(free.x + (free.w - (b.x - a.x) * s) / 2 - a.x * s, free.y + (free.h - (b.y - a.y) * s) / 2 - a.y * s);
    this.version++;
  }

  panBy(dx: number, dy: number): void {
    this.world.x += dx;
    this.world.y += dy;
    this.clamp();
  }

  zoomAt(screen: Point, factor: number): void {
    const s0 = this.scale;
    const s1 = Math.max(this.minScale, Math.min(this.maxScale, s0 * factor));
    const wx = (screen.x - this.world.x) / s0;
    const wy = (screen.y - this.world.y) / s0;
    this.world.scale.set(s1);
    this.world.x = screen.x - wx * s1;
    this.world.y = screen.y - wy * s1;
    this.clamp();
  }

  toWorld(screen: Point): Point {
    return { x: (screen.x - this.world.x) / this.scale, y: (screen.y - this.world.y) / this.scale };
  }

  toScreen(world: Point): Point {
    return { x: world.x * this.scale + this.world.x, y: world.y * this.scale + this.world.y };
  }

  /** Keep at least a third of the map on screen so nobody gets lost in the ocean. */
  private clamp(): void {
    this.version++;
    const s = this.scale;
    const vw = window.innerWidth, vh = window.innerHeight;
    this.world.x = Math.min(vw * 0.66, Math.max(vw * 0.33 - WORLD_W * s, this.world.x));
    this.world.y = Math.min(vh * 0.66, Math.max(vh * 0.33 - WORLD_H * s, this.world.y));
  }
}
