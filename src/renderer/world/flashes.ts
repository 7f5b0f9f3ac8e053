// Short-lived bursts: a flare where a supernode shut itself down, a small pop where one came
// back. A bounded pool animated per tick; the cloud itself stays static.
import { Particle, ParticleContainer } from 'pixi.js';
import type { Atlas } from './atlas';

const POOL = 360;
const LIFE_S = 0.9;

interface Burst {
  p: Particle;
  age: number;
  grow: number;
}

export class Flashes {
  readonly view: ParticleContainer;
  private readonly free: Particle[] = [];
  private live: Burst[] = [];

  constructor(private readonly atlas: Atlas) {
    this.view = new ParticleContainer({
      texture: atlas.flare,
      dynamicProperties: { position: false, vertex: true, color: true, uvs: false, rotation: false },
    });
    this.view.blendMode = 'add';
    for (let i = 0; i < POOL; i++) this.free.push(new Particle({ texture: atlas.flare, anchorX: 0.5, anchorY: 0.5 }));
  }

  /** xy: flat x,y pairs. At most `cap` bursts per call so a collapse stays readable. */
  spawn(xy: number[], kind: 'out' | 'up', cap = 24): void {
    const n = Math.min(xy.length / 2, cap);
    const stride = Math.max(1, Math.floor(xy.length / 2 / Math.max(1, n)));
    for (let j = 0, i = 0; j < n; j++, i += stride) {
      const p = this.free.pop();
      if (!p) break;
      p.x = xy[i * 2];
      p.y = xy[i * 2 + 1];
      p.texture = kind === 'out' ? this.atlas.flare : this.atlas.spark;
      p.tint = kind === 'out' ? 0xffe3fa : 0x8fd0ff;
      p.alpha = 1;
      this.live.push({ p, age: -Math.random() * 0.6, grow: kind === 'out' ? 0.45 : 0.3 });
    }
    this.sync();
  }

  tick(dt: number): void {
    if (!this.live.length) return;
    let changed = false;
    const keep: Burst[] = [];
    for (const b of this.live) {
      b.age += dt;
      const t = b.age / LIFE_S;
      if (t >= 1) {
        this.free.push(b.p);
        changed = true;
        continue;
      }
      const k = Math.max(0, t);
      b.p.scaleX = b.p.scaleY = 0.12 + b.grow * k;
      b.p.alpha = b.age < 0 ? 0 : (1 - k) * (1 - k);
      keep.push(b);
    }
    this.live = keep;
    if (changed) this.sync();
  }

  get count(): number {
    return this.live.length;
  }

  private sync(): void {
    this.view.particleChildren = this.live.map((b) => b.p);
    this.view.update();
  }
}
