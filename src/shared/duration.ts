// A span of game time in words, the one way the HUD, the end screen and the report write it.

/** Sim minutes as "3 h 20 min" (to the nearest minute; never below 0). */
export function duration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  return h > 0 ? `${h} h ${String(m % 60).padStart(2, '0')} min` : `${m} min`;
}
