// Colour-blind-safe stress ramp: blue (idle) -> sky -> amber -> magenta -> white (past its
// self-protection threshold). Never red against green; size and blinking carry it too.
const STOPS: [number, number][] = [
  [0.0, 0x2a56c6],
  [0.5, 0x4c9dff],
  [0.8, 0xffb020],
  [0.95, 0xff4fd0],
  [1.15, 0xffeafb],
];

export function stressColour(stress: number): number {
  const s = Math.max(0, Math.min(1.15, stress));
  for (let i = 1; i < STOPS.length; i++) {
    const [s1, c1] = STOPS[i];
    const [s0, c0] = STOPS[i - 1];
    if (s <= s1) return mix(c0, c1, (s - s0) / (s1 - s0));
  }
  return STOPS[STOPS.length - 1][1];
}

/** Same ramp as a CSS colour, for the HUD's legend and charts. */
export function stressCss(stress: number): string {
  return '#' + stressColour(stress).toString(16).padStart(6, '0');
}

export function mix(a: number, b: number, t: number): number {
  const k = Math.max(0, Math.min(1, t));
  const r = ((a >> 16) & 255) + (((b >> 16) & 255) - ((a >> 16) & 255)) * k;
  const g = ((a >> 8) & 255) + (((b >> 8) & 255) - ((a >> 8) & 255)) * k;
  const bl = (a & 255) + ((b & 255) - (a & 255)) * k;
  return (Math.round(r) << 16) | (Math.round(g) << 8) | Math.round(bl);
}

/** Stress at which a dot starts to blink: it is about to protect itself and shut down. */
export const BLINK_STRESS = 0.9;

export const COLOURS = {
  ocean: 0x050a13,
  oceanDeep: 0x03060c,
  land: 0x0e1a2a,
  landEdge: 0x2a4d6e,
  graticule: 0x14263a,
  night: 0x000208,
  ghost: 0x39465e,
  idle: 0x4a556a, // up but serving nobody (its region's users cannot get online)
  warming: 0x7d9bd8,
  mega: 0xdff8ff,
  megaPending: 0xffc861,
  stormRetry: 0xffa630,
  stormOk: 0x63d3ff,
  label: 0x9fb6d1,
};
