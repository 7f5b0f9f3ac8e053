// What the shift has cost so far, for the top bar: every priced harm and resource the sim
// totals (metrics.costUsd). No DOM here, so the words can be checked without a browser.
import type { Metrics } from '../../sim/view-types';
import { usd } from './format';

export function spendFigure(m: Metrics): string {
  return usd(m.costUsd);
}

/** The tooltip: the megas' share apart; the rest is Group Video down, offline messages held and extra offline-IM servers. */
export function spendTitle(m: Metrics): string {
  const rest = Math.max(0, m.costUsd - m.megaCostUsd);
  return `Spent so far: ${usd(m.costUsd)}. Mega-supernodes ${usd(m.megaCostUsd)}; Group Video off, offline messages held and extra offline-IM servers ${usd(rest)}.`;
}
