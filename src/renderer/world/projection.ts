// Plate carrée, cropped to where people live: the terminator is a simple curve in it and
// every place is one multiply away.
export const UNITS_PER_DEG = 4;
export const LAT_TOP = 80;
export const LAT_BOTTOM = -58;
export const WORLD_W = 360 * UNITS_PER_DEG;
export const WORLD_H = (LAT_TOP - LAT_BOTTOM) * UNITS_PER_DEG;

export interface Point {
  x: number;
  y: number;
}

export function project(lon: number, lat: number): Point {
  return { x: (lon + 180) * UNITS_PER_DEG, y: (LAT_TOP - lat) * UNITS_PER_DEG };
}

export function unproject(x: number, y: number): { lon: number; lat: number } {
  return { lon: x / UNITS_PER_DEG - 180, lat: LAT_TOP - y / UNITS_PER_DEG };
}

/** The part of the world the camera frames at start: from Seattle to Tokyo, Oslo to Sydney. */
export const HOME_VIEW = { lonMin: -128, lonMax: 158, latMax: 65, latMin: -42 };
