// The reconnect storm made visible: sparks from each region's users arcing to the login
// servers, and sparks rushing into the cloud as clients hunt for a supernode. Density follows
// the share of users seeking and the login rate, so a healthy network is nearly still.
// The sparks themselves live in storm-sparks.ts; this only hands them Pixi particles.
import { Particle, ParticleContainer } from 'pixi.js';
import type { FrameChange } from '../bridge/frame-store';
import type { SimView } from '../../sim/view-types';
import type { Atlas } from './atlas';
import { StormSparks } from './storm-sparks';

const POOL = 2600;

export class StormFlows {
  readonly view: ParticleContainer;
  private readonly sparks: StormSparks<Particle>;
  private shown = 0; // the sparks' version last handed to the container

  constructor(atlas: Atlas) {
    this.view = new ParticleContainer({
      texture: atlas.streak,
      dynamicProperties: { position: true, vertex: false, color: true, uvs: false, rotation: true },
    });
    this.view.blendMode = 'add';
    const pool: Particle[] = [];
    for (let i = 0; i < POOL; i++) pool.push(new Particle({ texture: atlas.streak, anchorX: 0.85, anchorY: 0.5 }));
    this.sparks = new StormSparks(pool);
  }

  apply(view: SimView, change: FrameChange): void {
    this.sparks.apply(view, change);
    this.show();
  }

  tick(dt: number): void {
    this.sparks.tick(dt);
    this.show();
  }

  get count(): number {
    return this.sparks.count;
  }

  private show(): void {
    if (this.sparks.version === this.shown) return;
    this.shown = this.sparks.version;
    this.view.particleChildren = this.sparks.sprites;
    this.view.update();
  }
}
