// Number and time formatting shared by the HUD and the map labels.
import { grouped } from '../../sim/names';

/** Grouped digits, the way Skype's client wrote "users online", and a rate a player set: one way everywhere (src/sim/names.ts). */
export { grouped, perSecond } from '../../sim/names';
/** Sim minutes as "3 h 20 min", and the clock "T+05:20", as the end screen, the host and the report write them. */
export { duration, tPlus } from '../../shared/duration';

/** 25,013,402 -> "25.0M"; 48,200 -> "48.2k". */
export function compact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return (n / 1e9).toFixed(1) + 'B';
  if (a >= 1e6) return (n / 1e6).toFixed(a >= 1e7 ? 1 : 2) + 'M';
  if (a >= 1e4) return (n / 1e3).toFixed(0) + 'k';
  if (a >= 1e3) return (n / 1e3).toFixed(1) + 'k';
  return Math.round(n).toString();
}

/** Money as it is: $0.50 stays $0.50 (a cloud instance's hourly price), $250 stays $250. */
export function usd(n: number): string {
  if (n >= 1e6) return '$' + (n / 1e6).toFixed(2) + 'M';
  if (n >= 1e4) return '$' + (n / 1e3).toFixed(1) + 'k';
  if (n >= 1e3) return '$' + grouped(n);
  return '$' + (Number.isInteger(Math.round(n * 100) / 100) ? String(Math.round(n)) : n.toFixed(2));
}

export function percent(x: number, digits = 0): string {
  return (x * 100).toFixed(digits) + '%';
}

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
