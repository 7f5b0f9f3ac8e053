// A region's supernodes as a cloud of lights. Each dot stands for `perDot` real supernodes.
// Slots keep a fixed place; a frame only decides each slot's state. Order along the slot list:
// serving (most robust class first), then warming, then down, so when the weakest class
// shuts down the change happens at one boundary and shows as dots blinking out.
import { Container, Particle, ParticleContainer } from 'pixi.js';
import type { RegionId } from '../../sim/regions';
import type { RegionView } from '../../sim/view-types';
import type { Atlas } from './atlas';
import { scatter } from './geography';
import { BLINK_STRESS, COLOURS, mix, stressColour } from './stress-palette';

export const MAX_SLOTS_PER_REGION = 4000;

const enum SlotState {
  Unused = 0,
  Serving = 1,
  Warming = 2,
  Down = 3,
}

export interface CloudLayers {
  ghost: Container;
  warming: Container;
  calm: Container;
  hot: Container;
}

export interface SlotEvents {
  blinkedOut: number[]; // x, y pairs of dots that stopped serving
  litUp: number[]; // x, y pairs of dots that started serving
}

function staticLayer(parent: Container, atlas: Atlas, blend: 'add' | 'normal'): ParticleContainer {
  // Nothing moves: every property is static and uploaded only when update() is called.
  const pc = new ParticleContainer({
    texture: atlas.glow,
    dynamicProperties: { position: false, vertex: false, rotation: false, uvs: false, color: false },
  });
  pc.blendMode = blend;
  parent.addChild(pc);
  return pc;
}

export class RegionCloud {
  private readonly positions: Float32Array;
  private readonly particles: Particle[] = [];
  private readonly states = new Uint8Array(MAX_SLOTS_PER_REGION);
  private readonly ghost: ParticleContainer;
  private readonly warming: ParticleContainer;
  private readonly calm: ParticleContainer;
  private readonly hot: ParticleContainer;
  counts = { serving: 0, warming: 0, down: 0, hot: 0 };

  constructor(readonly region: RegionId, private readonly atlas: Atlas, layers: CloudLayers) {
    this.positions = scatter(region, MAX_SLOTS_PER_REGION);
    this.ghost = staticLayer(layers.ghost, atlas, 'normal');
    this.warming = staticLayer(layers.warming, atlas, 'add');
    this.calm = staticLayer(layers.calm, atlas, 'add');
    // Hot dots blend normally: piled-up additive light would wash a busy city out to plain
    // white and lose the ramp's amber and magenta.
    this.hot = staticLayer(layers.hot, atlas, 'normal');
  }

  private particle(i: number): Particle {
    while (this.particles.length <= i) {
      const k = this.particles.length;
      this.particles.push(new Particle({ texture: this.atlas.glow, x: this.positions[k * 2], y: this.positions[k * 2 + 1], anchorX: 0.5, anchorY: 0.5 }));
    }
    return this.particles[i];
  }

  /** Re-derives every slot from the region's figures; returns where dots blinked out or lit up. */
  update(rv: RegionView, perDot: number): SlotEvents {
    const events: SlotEvents = { blinkedOut: [], litUp: [] };
    const total = Math.min(MAX_SLOTS_PER_REGION, Math.round((rv.supernodesUp + rv.supernodesWarming + rv.supernodesDown) / perDot));
    const nServing = Math.min(total, Math.round(rv.supernodesUp / perDot));
    const nWarming = Math.min(total - nServing, Math.round(rv.supernodesWarming / perDot));
    const classOfSlot = this.classBoundaries(rv, nServing);
    // A supernode "up" while its region's users cannot get online serves nobody: as the region
    // falls below a tenth of its normal users its lights fade to the grey of a dead network, and
    // under 1% they stop blinking (a dead network must not look busy; issue 8). Above that a
    // cascade still shows its hot, blinking supernodes.
    const served = Math.max(0, Math.min(1, rv.wantOnline > 0 ? rv.online / rv.wantOnline / 0.1 : 1));

    const ghost: Particle[] = [];
    const warming: Particle[] = [];
    const calm: Particle[] = [];
    const hot: Particle[] = [];
    const limit = Math.max(total, this.particles.length);
    for (let i = 0; i < limit; i++) {
      const next = i < nServing ? SlotState.Serving : i < nServing + nWarming ? SlotState.Warming : i < total ? SlotState.Down : SlotState.Unused;
      const prev = this.states[i] as SlotState;
      this.states[i] = next;
      if (next === SlotState.Unused) continue;
      const p = this.particle(i);
      if (prev === SlotState.Serving && next !== SlotState.Serving) events.blinkedOut.push(p.x, p.y);
      else if (prev !== SlotState.Serving && prev !== SlotState.Unused && next === SlotState.Serving) events.litUp.push(p.x, p.y);

      if (next === SlotState.Serving) {
        const k = classOfSlot(i);
        const threshold = rv.thresholds[k] > 0 ? rv.thresholds[k] : 1;
        const stress = rv.load / threshold;
        p.texture = this.atlas.glow;
        p.tint = mix(COLOURS.idle, stressColour(stress), served);
        // Stressed supernodes swell: size carries the signal as well as colour.
        const s = 0.17 + 0.1 * Math.min(1.2, stress) * served;
        p.scaleX = p.scaleY = s;
        if (stress >= BLINK_STRESS && served > 0.1) {
          p.alpha = 0.9;
          hot.push(p);
        } else {
          p.alpha = (0.42 + 0.3 * Math.min(1, stress)) * (0.45 + 0.55 * served);
          calm.push(p);
        }
      } else if (next === SlotState.Warming) {
        p.texture = this.atlas.ring;
        p.tint = COLOURS.warming;
        p.alpha = 0.55;
        p.scaleX = p.scaleY = 0.16;
        warming.push(p);
      } else {
        p.texture = this.atlas.dot;
        p.tint = COLOURS.ghost;
        p.alpha = 0.8;
        p.scaleX = p.scaleY = 0.11;
        ghost.push(p);
      }
    }
    this.assign(this.ghost, ghost);
    this.assign(this.warming, warming);
    this.assign(this.calm, calm);
    this.assign(this.hot, hot);
    this.counts = { serving: nServing, warming: nWarming, down: total - nServing - nWarming, hot: hot.length };
    return events;
  }

  /** Serving slots run from the most robust class (highest index) down to the weakest. */
  private classBoundaries(rv: RegionView, nServing: number): (slot: number) => number {
    const classes = rv.serving.length;
    const totalServing = rv.serving.reduce((a, b) => a + b, 0);
    const ends: number[] = [];
    let cum = 0;
    for (let k = classes - 1; k >= 0; k--) {
      cum += rv.serving[k];
      ends.push(totalServing > 0 ? Math.round((cum / totalServing) * nServing) : nServing);
    }
    return (slot: number) => {
      for (let j = 0; j < ends.length; j++) if (slot < ends[j]) return classes - 1 - j;
      return 0;
    };
  }

  private assign(pc: ParticleContainer, list: Particle[]): void {
    pc.particleChildren = list;
    pc.update();
  }

  get dotCount(): number {
    return this.counts.serving + this.counts.warming + this.counts.down;
  }
}

/** Picks how many real supernodes one dot stands for: a round number giving ~7000 dots. */
export function supernodesPerDot(totalSupernodes: number): number {
  const target = Math.max(1, totalSupernodes / 7000);
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
  return steps.find((s) => s >= target) ?? 1000;
}
