// Mega-supernodes: Skype's own dedicated instances, drawn as bright hexagons stacked in a
// honeycomb beside each region's cloud. Ordered ones still provisioning are hollow and blink.
import { Container, Particle, ParticleContainer } from 'pixi.js';
import { REGIONS, type RegionId } from '../../sim/regions';
import type { RegionView } from '../../sim/view-types';
import type { Atlas } from './atlas';
import type { Camera } from './camera';
import { megaAnchor } from './geography';
import { COLOURS } from './stress-palette';

export const MEGAS_PER_HEX = 10;
const MAX_HEXES = 420;
const SPACING = 5.4;

/** Axial hex-lattice spiral: ring 0 is the centre, ring n has 6n cells. */
function honeycomb(n: number): Float32Array {
  const out = new Float32Array(n * 2);
  // Axial neighbours in walking order round a ring (redblobgames.com/grids/hexagons).
  const dirs = [[1, 0], [1, -1], [0, -1], [-1, 0], [-1, 1], [0, 1]];
  let i = 0;
  const put = (q: number, r: number) => {
    if (i >= n) return;
    out[i * 2] = SPACING * (q + r / 2);
    out[i * 2 + 1] = SPACING * r * 0.866;
    i++;
  };
  put(0, 0);
  for (let ring = 1; i < n; ring++) {
    let q = -ring, r = ring; // start at a corner, walk the six sides
    for (const [dq, dr] of dirs) for (let s = 0; s < ring; s++, q += dq, r += dr) put(q, r);
  }
  return out;
}

const CELLS = honeycomb(MAX_HEXES);
/** HEX_HALF: a hexagon's half-width as drawn (the atlas hex at scale 0.2), so a box holds it whole. */
const HEX_HALF = 3;
/** REACH[n]: how far (world units, either axis) the first n cells of the honeycomb reach from its centre. */
const REACH = (() => {
  const out = new Float32Array(MAX_HEXES + 1);
  for (let i = 0; i < MAX_HEXES; i++) out[i + 1] = Math.max(out[i], Math.abs(CELLS[i * 2]), Math.abs(CELLS[i * 2 + 1]));
  return out;
})();

export class MegaLayer {
  readonly view = new Container({ label: 'megas' });
  readonly pendingRoot = new Container({ label: 'megas-pending' });
  private readonly up = new Map<RegionId, ParticleContainer>();
  private readonly pending = new Map<RegionId, ParticleContainer>();
  counts = { up: 0, pending: 0 };
  /** Moves whenever a honeycomb grows or shrinks (the labels then keep off its new size). */
  version = 0;
  private readonly perRegion = new Map<RegionId, { up: number; pending: number }>();

  constructor(private readonly atlas: Atlas) {
    for (const r of REGIONS) {
      const make = (parent: Container) => {
        const pc = new ParticleContainer({ texture: atlas.hex, dynamicProperties: { position: false, vertex: false, color: false, uvs: false, rotation: false } });
        parent.addChild(pc);
        return pc;
      };
      this.up.set(r.id, make(this.view));
      this.pending.set(r.id, make(this.pendingRoot));
    }
    this.view.addChild(this.pendingRoot);
  }

  update(rv: RegionView): void {
    const at = megaAnchor(rv.id);
    const nUp = Math.min(MAX_HEXES, Math.ceil(rv.megaUp / MEGAS_PER_HEX));
    const nPending = Math.min(MAX_HEXES - nUp, Math.ceil(rv.megaPending / MEGAS_PER_HEX));
    const before = this.perRegion.get(rv.id);
    if (before && before.up === nUp && before.pending === nPending) return; // most frames: nothing to redo
    const up: Particle[] = [];
    const pending: Particle[] = [];
    for (let i = 0; i < nUp + nPending; i++) {
      const isUp = i < nUp;
      const p = new Particle({
        texture: isUp ? this.atlas.hex : this.atlas.hexHollow,
        x: at.x + CELLS[i * 2],
        y: at.y + CELLS[i * 2 + 1],
        anchorX: 0.5,
        anchorY: 0.5,
        scaleX: 0.2,
        scaleY: 0.2,
        tint: isUp ? COLOURS.mega : COLOURS.megaPending,
        alpha: isUp ? 0.95 : 0.85,
      });
      (isUp ? up : pending).push(p);
    }
    const upPc = this.up.get(rv.id)!;
    const pendingPc = this.pending.get(rv.id)!;
    upPc.particleChildren = up;
    upPc.update();
    pendingPc.particleChildren = pending;
    pendingPc.update();
    this.perRegion.set(rv.id, { up: nUp, pending: nPending });
    this.version++;
    this.counts = { up: 0, pending: 0 };
    for (const c of this.perRegion.values()) {
      this.counts.up += c.up;
      this.counts.pending += c.pending;
    }
  }

  /** Each region's honeycomb on screen: region labels keep off them (a bright hexagon under text hides it). */
  boxes(camera: Camera): { x: number; y: number; w: number; h: number }[] {
    const out: { x: number; y: number; w: number; h: number }[] = [];
    for (const [id, c] of this.perRegion) {
      const n = c.up + c.pending;
      if (n === 0) continue;
      const at = megaAnchor(id);
      const e = REACH[n] + HEX_HALF;
      const a = camera.toScreen({ x: at.x - e, y: at.y - e });
      const b = camera.toScreen({ x: at.x + e, y: at.y + e });
      out.push({ x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y });
    }
    return out;
  }

  tick(t: number): void {
    // Provisioning blinks at a calm 1 Hz: a promise, not an alarm.
    this.pendingRoot.alpha = 0.35 + 0.65 * (0.5 + 0.5 * Math.sin(t * Math.PI * 2));
  }
}
