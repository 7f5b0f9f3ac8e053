// Number and time formatting shared by the HUD and the map labels.

/** Grouped digits, the way Skype's client wrote "users online", and a rate a player set: one way everywhere (src/sim/names.ts). */
export { grouped, perSecond } from '../../sim/names';
/** Sim minutes as "3 h 20 min", and the clock "T+05:20", as the end screen, the host and the report write them. */
export { duration, tPlus } from '../../shared/duration';

/** Big numbers, money and shares: the same on the end screen and in the report (src/shared/amounts.ts). */
export { compact, percent, usd } from '../../shared/amounts';

const PAD = (n: number) => n.toString().padStart(2, '0');

/** "18:42" at the given offset (hours from UTC; Pacific time's from src/shared/pacific-time.ts). */
export function clockAt(utcMs: number, offsetH: number): string {
  const d = new Date(utcMs + offsetH * 3_600_000);
  return `${PAD(d.getUTCHours())}:${PAD(d.getUTCMinutes())}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function dateAt(utcMs: number, offsetH: number): string {
  const d = new Date(utcMs + offsetH * 3_600_000);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Real seconds as "12:05" (or "1:02:05"): the drill countdown. */
export function countdown(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const hh = Math.floor(s / 3600), mm = Math.floor((s % 3600) / 60), ss = s % 60;
  return hh > 0 ? `${hh}:${PAD(mm)}:${PAD(ss)}` : `${PAD(mm)}:${PAD(ss)}`;
}

/** A speed in sim-seconds per real second, short: 60 -> "1m", 3600 -> "1h". */
export function speedLabel(speed: number): string {
  return speed >= 3600 ? `${speed / 3600}h` : speed >= 60 ? `${speed / 60}m` : `${speed}s`;
}
