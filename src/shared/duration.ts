// A span of game time in words, and the game clock "T+05:20": the one way the HUD, the end
// screen, the host's messages and the report write them.

/** Sim minutes as "3 h 20 min" (to the nearest minute; never below 0). */
export function duration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  return h > 0 ? `${h} h ${String(m % 60).padStart(2, '0')} min` : `${m} min`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Sim-minutes since the start as "T+05:20", cut to the minute (never below T+00:00): every clock, timeline and report. */
export function tPlus(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes));
  return `T+${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}
