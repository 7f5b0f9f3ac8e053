// The reconnect storm's sparks without Pixi: where each one is, when they spawn and die, and
// when the picture is replaced. storm-flows.ts hands it Pixi particles to move; tests hand it
// plain objects.
import type { FrameChange } from '../bridge/frame-store';
import { REGIONS, type RegionId } from '../../sim/regions';
import type { RegionView, SimView } from '../../sim/view-types';
import { SERVICE_PLACES, scatter } from './geography';
import { COLOURS, mix } from './stress-palette';

const SOURCES_PER_REGION = 600;
/** Sparks per second per region when a quarter of its users are hunting for a supernode. */
const MAX_RATE = 260;

/** What a spark's sprite needs (a Pixi Particle has all of it). */
export interface SparkSprite {
  x: number; y: number; rotation: number; alpha: number; tint: number; scaleX: number; scaleY: number;
}

interface Spark<P> {
  p: P;
  x0: number; y0: number; cx: number; cy: number; x1: number; y1: number;
  t: number;
  speed: number;
}

interface RegionStorm {
  sources: Float32Array; // scattered client positions
  rate: number; // sparks per second
  loginShare: number; // share of sparks that go to the login servers
  okShare: number; // share of login attempts that succeed
  carry: number; // fractional spark owed from the last tick
}

export class StormSparks<P extends SparkSprite> {
  private live: Spark<P>[] = [];
  private readonly storms = new Map<RegionId, RegionStorm>();
  private seed = 1;
  /** Bumped whenever the set of live sparks changes: the drawing list is rebuilt then. */
  version = 0;

  constructor(private readonly free: P[]) {
    for (const r of REGIONS) this.storms.set(r.id, { sources: scatter(r.id, SOURCES_PER_REGION, 'clients'), rate: 0, loginShare: 0.5, okShare: 1, carry: 0 });
  }

  apply(view: SimView, change: Pick<FrameChange, 'full' | 'newGame' | 'regions'>): void {
    // A new game (or a replay's new moment) replaces the whole picture: the last game's
    // storm must not go on running into the login servers at minute 0.
    if (change.full || change.newGame) this.clear();
    for (const rv of view.regions) if (change.regions.has(rv.id)) this.update(rv, view);
  }

  private update(rv: RegionView, view: SimView): void {
    const s = this.storms.get(rv.id);
    if (!s) return;
    const seekShare = rv.seeking / Math.max(1, rv.wantOnline);
    // Square-root response: a small storm is already visible, a huge one saturates.
    const intensity = Math.min(1, Math.sqrt(Math.max(0, seekShare) / 0.25));
    s.rate = MAX_RATE * intensity;
    const m = view.metrics;
    s.okShare = m.loginAttemptsPerS > 0 ? Math.min(1, m.loginsOkPerS / m.loginAttemptsPerS) : 1;
    s.loginShare = 0.35 + 0.3 * intensity;
  }

  /** Every spark gone and nothing owed: the next frame's storm starts from still. */
  clear(): void {
    for (const k of this.live) this.free.push(k.p);
    if (this.live.length) this.version++;
    this.live = [];
    for (const s of this.storms.values()) {
      s.rate = 0;
      s.carry = 0;
    }
  }

  tick(dt: number): void {
    const step = Math.min(dt, 0.1);
    const before = this.live.length;
    for (const s of this.storms.values()) {
      s.carry += s.rate * step;
      while (s.carry >= 1) {
        s.carry -= 1;
        if (!this.spawn(s)) s.carry = 0;
      }
    }
    const keep: Spark<P>[] = [];
    for (const k of this.live) {
      k.t += step * k.speed;
      if (k.t >= 1) {
        this.free.push(k.p);
        continue;
      }
      const t = k.t, u = 1 - t;
      k.p.x = u * u * k.x0 + 2 * u * t * k.cx + t * t * k.x1;
      k.p.y = u * u * k.y0 + 2 * u * t * k.cy + t * t * k.y1;
      // Point the comet along the curve's tangent.
      k.p.rotation = Math.atan2(u * (k.cy - k.y0) + t * (k.y1 - k.cy), u * (k.cx - k.x0) + t * (k.x1 - k.cx));
      k.p.alpha = Math.sin(Math.PI * t) * 0.85;
      keep.push(k);
    }
    if (keep.length !== this.live.length || this.live.length !== before) this.version++;
    this.live = keep;
  }

  get count(): number {
    return this.live.length;
  }

  get sprites(): P[] {
    return this.live.map((k) => k.p);
  }

  private rand(): number {
    // Cosmetic only, but deterministic so screenshots are comparable.
    this.seed = (Math.imul(this.seed, 1664525) + 1013904223) >>> 0;
    return this.seed / 4294967296;
  }

  private spawn(s: RegionStorm): boolean {
    const p = this.free.pop();
    if (!p) return false;
    const i = Math.floor(this.rand() * SOURCES_PER_REGION);
    const x0 = s.sources[i * 2], y0 = s.sources[i * 2 + 1];
    let x1: number, y1: number, cx: number, cy: number, speed: number;
    if (this.rand() < s.loginShare) {
      // A login attempt: a long arc to the login servers in the core.
      const login = SERVICE_PLACES.login.at;
      x1 = login.x + (this.rand() - 0.5) * 6;
      y1 = login.y + (this.rand() - 0.5) * 6;
      cx = (x0 + x1) / 2;
      cy = Math.min(y0, y1) - Math.abs(x1 - x0) * 0.25 - 20;
      speed = 0.45 + this.rand() * 0.3;
      const ok = this.rand() < s.okShare;
      p.tint = ok ? COLOURS.stormOk : COLOURS.stormRetry;
      p.scaleX = ok ? 0.5 : 0.6;
      p.scaleY = 0.5;
    } else {
      // A client hunting for a supernode: a short rush inward from the outskirts.
      const a = this.rand() * Math.PI * 2;
      const r = 14 + this.rand() * 18;
      x1 = x0;
      y1 = y0;
      const sx = x0 + Math.cos(a) * r, sy = y0 + Math.sin(a) * r;
      cx = (sx + x1) / 2 + Math.sin(a) * r * 0.3;
      cy = (sy + y1) / 2 - Math.cos(a) * r * 0.3;
      speed = 1.1 + this.rand() * 0.8;
      p.tint = mix(COLOURS.stormRetry, 0xffffff, 0.35);
      p.scaleX = 0.32;
      p.scaleY = 0.4;
      this.live.push({ p, x0: sx, y0: sy, cx, cy, x1, y1, t: 0, speed });
      return true;
    }
    this.live.push({ p, x0, y0, cx, cy, x1, y1, t: 0, speed });
    return true;
  }
}
