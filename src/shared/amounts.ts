// Big numbers, money and shares as the player reads them: one way on the HUD, the end screen
// and the exported report (the report wrote "1190.22 M" where the end screen wrote "1.2B").
import { grouped } from '../sim/names';

/** 25,013,402 -> "25.0M"; 48,200 -> "48.2k"; 1,190,219,929 -> "1.2B". */
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

/** A share as a percentage: 0.532 -> "53%". */
export function percent(x: number, digits = 0): string {
  return (x * 100).toFixed(digits) + '%';
}
