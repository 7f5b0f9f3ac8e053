// Day and night from the story's UTC clock: the subsolar point moves 15 degrees an hour and
// sits near 23.4S at the December solstice. Redrawn only when sim time moves a few minutes.
import { Container, Graphics } from 'pixi.js';
import { LAT_BOTTOM, LAT_TOP, project, UNITS_PER_DEG, WORLD_W } from './projection';
import { COLOURS } from './stress-palette';

const REDRAW_EVERY_MS = 4 * 60_000;
/** Twilight bands: how far past the terminator (degrees of sun depression) and how dark. */
const BANDS: [number, number][] = [
  [-2, 0.14],
  [4, 0.14],
  [10, 0.14],
];

export function subsolarPoint(utcMs: number): { lon: number; lat: number } {
  const d = new Date(utcMs);
  const dayOfYear = (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 0)) / 86_400_000;
  const decl = -23.44 * Math.cos(((2 * Math.PI) / 365) * (dayOfYear + 10));
  const hours = d.getUTCHours() + d.getUTCMinutes() / 60 + d.getUTCSeconds() / 3600;
  let lon = (12 - hours) * 15;
  if (lon < -180) lon += 360;
  return { lon, lat: decl };
}

export class NightShade {
  readonly view = new Container({ label: 'night' });
  private readonly bands: Graphics[] = BANDS.map(() => new Graphics());
  private readonly line = new Graphics();
  private readonly day = new Graphics();
  private drawnAt = Number.NaN;

  constructor() {
    // Daylight lifts the sunlit side a touch; night bands deepen the other. Both are subtle
    // because the supernode lights must stay the brightest thing on the map.
    this.day.blendMode = 'add';
    this.view.addChild(this.day);
    for (const b of this.bands) this.view.addChild(b);
    this.view.addChild(this.line);
  }

  /** Returns true when it redrew. */
  update(utcMs: number): boolean {
    if (Math.abs(utcMs - this.drawnAt) < REDRAW_EVERY_MS) return false;
    this.drawnAt = utcMs;
    const sun = subsolarPoint(utcMs);
    BANDS.forEach(([depression, alpha], i) => {
      const g = this.bands[i].clear();
      g.poly(nightPolygon(sun, depression), true).fill({ color: COLOURS.night, alpha });
    });
    this.day.clear().poly(nightPolygon(sun, 0, true), true).fill({ color: 0x16324f, alpha: 0.55 });
    const pts = terminator(sun, 0);
    this.line.clear();
    this.line.moveTo(pts[0], pts[1]);
    for (let i = 2; i < pts.length; i += 2) this.line.lineTo(pts[i], pts[i + 1]);
    this.line.stroke({ width: 1.2, color: 0x6c84b8, alpha: 0.22 });
    return true;
  }
}

/** Latitude where the sun is `depression` degrees below the horizon, per longitude step. */
function terminator(sun: { lon: number; lat: number }, depression: number): number[] {
  const out: number[] = [];
  const dec = (sun.lat * Math.PI) / 180;
  const h = (-depression * Math.PI) / 180;
  for (let lon = -180; lon <= 180; lon += 3) {
    const H = ((lon - sun.lon) * Math.PI) / 180;
    // Solve sin(h) = sin(lat)sin(dec) + cos(lat)cos(dec)cos(H) for lat.
    const a = Math.sin(dec);
    const b = Math.cos(dec) * Math.cos(H);
    const r = Math.hypot(a, b);
    const psi = Math.atan2(b, a);
    const s = Math.asin(Math.max(-1, Math.min(1, Math.sin(h) / r)));
    // Two roots per meridian; the one inside [-90, 90] is the terminator.
    let lat = wrap(s - psi);
    if (Math.abs(lat) > Math.PI / 2) lat = wrap(Math.PI - s - psi);
    lat *= 180 / Math.PI;
    const p = project(lon, Math.max(LAT_BOTTOM - 2, Math.min(LAT_TOP + 2, lat)));
    out.push(p.x, p.y);
  }
  return out;
}

function nightPolygon(sun: { lon: number; lat: number }, depression: number, daySide = false): number[] {
  const line = terminator(sun, depression);
  // In northern winter the north pole is dark: close the shape over the top, else the bottom.
  const darkNorth = (sun.lat < 0) !== daySide;
  const edgeY = darkNorth ? project(0, LAT_TOP + 10).y : project(0, LAT_BOTTOM - 10).y;
  return [...line, WORLD_W + 2 * UNITS_PER_DEG, line[line.length - 1], WORLD_W + 2 * UNITS_PER_DEG, edgeY, -2 * UNITS_PER_DEG, edgeY, -2 * UNITS_PER_DEG, line[1]];
}

function wrap(a: number): number {
  while (a > Math.PI) a -= 2 * Math.PI;
  while (a <= -Math.PI) a += 2 * Math.PI;
  return a;
}
