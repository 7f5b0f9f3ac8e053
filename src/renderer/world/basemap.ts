// The static stage: dark ocean, a faint graticule, low-poly continents with lit coastlines.
// Drawn once; only the coast's lines are redrawn as the zoom changes, so they stay thin lines
// on screen instead of growing into bands at deep zoom.
import { Container, FillGradient, Graphics } from 'pixi.js';
import continents from '../../../assets/map/continents.json';
import { COLOURS } from './stress-palette';
import { LAT_BOTTOM, LAT_TOP, project, UNITS_PER_DEG, WORLD_H, WORLD_W } from './projection';

type Ring = number[][];

function flat(ring: Ring): number[] {
  const out: number[] = [];
  for (const [lon, lat] of ring) {
    const p = project(lon, lat);
    out.push(p.x, p.y);
  }
  return out;
}

/** Zoom steps at which the coast is redrawn (a factor of 1.25 apart). */
const STEP = Math.log(1.25);

export class Basemap {
  readonly view: Container;
  private readonly shelf = new Graphics();
  private readonly coast = new Graphics();
  private step = NaN;
  /** The lines were redrawn since the owner last looked (a cached ground needs a new bitmap). */
  restroked = false;

  constructor() {
    this.view = buildBasemap(this.shelf, this.coast);
    this.zoomed(1);
  }

  /** Line widths for this zoom: the coast about a pixel, the shelf glow a few, at any scale. */
  zoomed(scale: number): void {
    const step = Math.round(Math.log(Math.max(0.05, scale)) / STEP);
    if (step === this.step) return;
    this.step = step;
    const s = Math.exp(step * STEP);
    stroke(this.shelf, { width: Math.min(5, 6 / s), color: 0x0d2238, alpha: 0.55, join: 'round' });
    stroke(this.coast, { width: Math.min(0.9, 1.1 / s), color: COLOURS.landEdge, alpha: 0.9, join: 'round' });
    this.restroked = true;
  }
}

function stroke(g: Graphics, style: { width: number; color: number; alpha: number; join: 'round' }): void {
  g.clear();
  for (const l of continents.land) g.poly(flat(l.ring as Ring), true);
  if (g.label === 'coast') for (const w of continents.water) g.poly(flat(w.ring as Ring), true);
  g.stroke(style);
}

function buildBasemap(shelf: Graphics, coast: Graphics): Container {
  const root = new Container({ label: 'basemap' });

  const ocean = new Graphics();
  const depth = new FillGradient({
    type: 'linear',
    start: { x: 0, y: 0 },
    end: { x: 0, y: 1 },
    colorStops: [
      { offset: 0, color: COLOURS.oceanDeep },
      { offset: 0.45, color: COLOURS.ocean },
      { offset: 1, color: COLOURS.oceanDeep },
    ],
  });
  // Past the map's edge the app background (the same deep ocean) shows, so no bleed is drawn.
  ocean.rect(0, 0, WORLD_W, WORLD_H).fill(depth);
  root.addChild(ocean);

  const grid = new Graphics();
  for (let lon = -180; lon <= 180; lon += 15) {
    grid.moveTo((lon + 180) * UNITS_PER_DEG, 0).lineTo((lon + 180) * UNITS_PER_DEG, WORLD_H);
  }
  for (let lat = -45; lat <= LAT_TOP; lat += 15) {
    if (lat < LAT_BOTTOM) continue;
    const y = (LAT_TOP - lat) * UNITS_PER_DEG;
    grid.moveTo(0, y).lineTo(WORLD_W, y);
  }
  grid.stroke({ width: 0.5, color: COLOURS.graticule, alpha: 0.9 });
  // The equator a touch brighter, like a chart's datum line.
  const eq = project(0, 0).y;
  grid.moveTo(0, eq).lineTo(WORLD_W, eq).stroke({ width: 0.8, color: 0x1c3550, alpha: 1 });
  root.addChild(grid);

  // A wide dim stroke under the coast reads as a shelf glow.
  root.addChild(shelf);

  const land = new Graphics();
  for (const l of continents.land) land.poly(flat(l.ring as Ring), true).fill(COLOURS.land);
  for (const w of continents.water) land.poly(flat(w.ring as Ring), true).fill(COLOURS.ocean);
  root.addChild(land);

  coast.label = 'coast';
  root.addChild(coast);

  return root;
}
