// Is a point on land? Used once at start so supernodes and clients scatter over cities and
// countryside, not the sea. Bounding boxes first, then even-odd ray casting.
import continents from '../../../assets/map/continents.json';
import { project } from './projection';

interface Poly {
  pts: Float32Array;
  minX: number; minY: number; maxX: number; maxY: number;
}

function toPoly(ring: number[][]): Poly {
  const pts = new Float32Array(ring.length * 2);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  ring.forEach(([lon, lat], i) => {
    const p = project(lon, lat);
    pts[i * 2] = p.x;
    pts[i * 2 + 1] = p.y;
    minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
  });
  return { pts, minX, minY, maxX, maxY };
}

const LAND = continents.land.map((l) => toPoly(l.ring as number[][]));
const WATER = continents.water.map((w) => toPoly(w.ring as number[][]));

function inside(p: Poly, x: number, y: number): boolean {
  if (x < p.minX || x > p.maxX || y < p.minY || y > p.maxY) return false;
  const a = p.pts;
  let hit = false;
  for (let i = 0, j = a.length - 2; i < a.length; j = i, i += 2) {
    const yi = a[i + 1], yj = a[j + 1];
    if (yi > y !== yj > y && x < ((a[j] - a[i]) * (y - yi)) / (yj - yi) + a[i]) hit = !hit;
  }
  return hit;
}

export function onLand(x: number, y: number): boolean {
  return LAND.some((p) => inside(p, x, y)) && !WATER.some((p) => inside(p, x, y));
}
