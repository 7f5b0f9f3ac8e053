// The world as Skype's user base saw it in 2010, cut into six regions.
// Shares of concurrent users are a stated assumption: Skype reported its user base was
// strongest in Europe, then the Americas, then Asia (the post-mortem's 1800 GMT daily peak,
// seed 000, is when Europe's evening overlaps the Americas' working day).

export const REGION_IDS = ['na-west', 'na-east', 'latam', 'europe', 'africa-me', 'asia-pac'] as const;
export type RegionId = (typeof REGION_IDS)[number];

export interface RegionInfo {
  id: RegionId;
  name: string;
  /** Hours from GMT, used for the diurnal curve and the map's day/night. */
  utcOffsetH: number;
  /** Longitude/latitude of the region's centre on the map, degrees. */
  lon: number;
  lat: number;
}

export const REGIONS: readonly RegionInfo[] = [
  { id: 'na-west', name: 'North America West', utcOffsetH: -8, lon: -118, lat: 40 },
  { id: 'na-east', name: 'North America East', utcOffsetH: -5, lon: -78, lat: 40 },
  { id: 'latam', name: 'Latin America', utcOffsetH: -3, lon: -58, lat: -15 },
  { id: 'europe', name: 'Europe', utcOffsetH: 1, lon: 12, lat: 50 },
  { id: 'africa-me', name: 'Africa & Middle East', utcOffsetH: 3, lon: 32, lat: 8 },
  { id: 'asia-pac', name: 'Asia-Pacific', utcOffsetH: 8, lon: 115, lat: 20 },
];

export function isRegionId(x: unknown): x is RegionId {
  return typeof x === 'string' && (REGION_IDS as readonly string[]).includes(x);
}
