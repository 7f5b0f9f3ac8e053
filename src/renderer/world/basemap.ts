// The static stage: dark ocean, a faint graticule, low-poly continents with lit coastlines.
// Drawn once; nothing here changes during a game.
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

export function buildBasemap(): Container {
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
  const shelf = new Graphics();
  for (const land of continents.land) shelf.poly(flat(land.ring as Ring), true);
  shelf.stroke({ width: 5, color: 0x0d2238, alpha: 0.55, join: 'round' });
  root.addChild(shelf);

  const land = new Graphics();
  for (const l of continents.land) land.poly(flat(l.ring as Ring), true).fill(COLOURS.land);
  for (const w of continents.water) land.poly(flat(w.ring as Ring), true).fill(COLOURS.ocean);
  root.addChild(land);

  const coast = new Graphics();
  for (const l of continents.land) coast.poly(flat(l.ring as Ring), true);
  for (const w of continents.water) coast.poly(flat(w.ring as Ring), true);
  coast.stroke({ width: 0.9, color: COLOURS.landEdge, alpha: 0.9, join: 'round' });
  root.addChild(coast);

  return root;
}
