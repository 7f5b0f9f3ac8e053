// Where things sit on the map: region anchors, the population hubs supernodes cluster
// around, and the central services' places. Positions are deterministic per slot.
import hubsJson from '../../../assets/map/hubs.json';
import { REGIONS, type RegionId } from '../../sim/regions';
import type { ServiceId } from '../../sim/commands';
import { gaussian, hashString, mulberry32 } from './rng';
import { onLand } from './land-mask';
import { project, UNITS_PER_DEG, type Point } from './projection';

type HubRow = [number, number, number, string];
interface Hub {
  at: Point;
  weight: number;
  name: string;
}

const HUBS: Record<RegionId, Hub[]> = {} as Record<RegionId, Hub[]>;
for (const r of REGIONS) {
  const rows = (hubsJson.hubs as unknown as Record<string, HubRow[]>)[r.id] ?? [[r.lon, r.lat, 1, r.name]];
  HUBS[r.id] = rows.map(([lon, lat, weight, name]) => ({ at: project(lon, lat), weight, name }));
}

export function hubsOf(region: RegionId): readonly Hub[] {
  return HUBS[region];
}

function pickHub(hubs: Hub[], rand: () => number): Hub {
  const total = hubs.reduce((s, h) => s + h.weight, 0);
  let x = rand() * total;
  for (const h of hubs) if ((x -= h.weight) <= 0) return h;
  return hubs[hubs.length - 1];
}

/**
 * `count` scatter points around a region's hubs: tight city cores plus a thin rural haze.
 * Slot i always gets the same point, so a growing cloud only adds dots at the edge of the list.
 */
export function scatter(region: RegionId, count: number, salt = 'cloud'): Float32Array {
  const hubs = HUBS[region];
  const out = new Float32Array(count * 2);
  const rand = mulberry32(hashString(region + ':' + salt));
  for (let i = 0; i < count; i++) {
    const hub = pickHub(hubs, rand);
    const rural = rand() < 0.18;
    // Spread in degrees: big cities sprawl, the countryside is a thin haze around them.
    const sigma = (rural ? 4.5 : 0.7 + 0.8 * Math.sqrt(hub.weight)) * UNITS_PER_DEG * (0.6 + 0.4 * rand());
    let x = hub.at.x, y = hub.at.y;
    for (let tries = 0; tries < 10; tries++) {
      x = hub.at.x + gaussian(rand) * sigma;
      y = hub.at.y + gaussian(rand) * sigma * 0.8;
      if (onLand(x, y)) break;
    }
    out[i * 2] = x;
    out[i * 2 + 1] = y;
  }
  return out;
}

/** Central services: Skype's own servers, drawn as places in the mid-Atlantic "core". */
export const SERVICE_PLACES: Record<ServiceId, { at: Point; label: string }> = {
  login: { at: project(-41, 33), label: 'LOGIN SERVERS' },
  offlineIm: { at: project(-27, 21), label: 'OFFLINE-IM CLUSTER' },
  update: { at: project(-43, 11), label: 'UPDATE SERVERS' },
  megaPool: { at: project(-28, -1), label: 'MEGA-SUPERNODE POOL' },
};

/** Where a region's mega-supernodes are stacked: on open water beside it, so they never hide its cloud. */
const MEGA_OFFSETS: Record<RegionId, [number, number]> = {
  'na-west': [-129, 35], // Pacific off California
  'na-east': [-68, 33], // Atlantic off the Carolinas
  latam: [-31, -22], // South Atlantic off Brazil
  europe: [18.5, 35.5], // Ionian Sea
  'africa-me': [62, 2], // Arabian Sea
  'asia-pac': [115, 13], // South China Sea
};

export function megaAnchor(region: RegionId): Point {
  const [lon, lat] = MEGA_OFFSETS[region];
  return project(lon, lat);
}

/** Where the region's name and figures are written, on open water beside the region. */
const LABEL_AT: Record<RegionId, { lon: number; lat: number; align: 'left' | 'right' | 'center' }> = {
  'na-west': { lon: -128, lat: 58, align: 'left' }, // Gulf of Alaska
  'na-east': { lon: -62, lat: 59, align: 'left' }, // Labrador Sea
  latam: { lon: -84, lat: -2, align: 'right' }, // Pacific off Ecuador
  europe: { lon: -13, lat: 47, align: 'right' }, // Bay of Biscay, out to sea
  'africa-me': { lon: 3, lat: -18, align: 'right' }, // South Atlantic off Angola
  'asia-pac': { lon: 158, lat: 17, align: 'right' }, // Philippine Sea
};

export function labelAnchor(region: RegionId): { at: Point; align: 'left' | 'right' | 'center' } {
  const l = LABEL_AT[region];
  return { at: project(l.lon, l.lat), align: l.align };
}
