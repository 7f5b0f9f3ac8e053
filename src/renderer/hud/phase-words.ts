// The phase banner's words: the phase, and what put the network there as measured now (the sim's
// own lines, view.phaseWhy), with which way the share online went when the history shows it.
// No DOM here, so the words can be checked without a browser.
import type { HistorySample } from '../../shared/contract';
import type { PhaseReason, SimView } from '../../sim/view-types';
import { percent } from './format';

const PHASE_WORD: Record<SimView['phase'], string> = {
  calm: 'All quiet',
  degraded: 'Degraded',
  cascade: 'Cascade',
  collapse: 'Collapse',
  recovering: 'Recovering',
  relapse: 'Relapse',
};

/** How far back the direction looks, the least history that says anything, and the most (a gap in it says nothing). */
const TREND_MINUTES = 30;
const TREND_MIN_MINUTES = 10;
const TREND_MAX_MINUTES = 45;
/** A move in the share online smaller than this is no direction. */
const TREND_STEP = 0.01;

/** ↑ or ↓ when the share online moved over the last half hour of sim time, '' when flat or unknown. */
export function onlineTrend(share: number, minute: number, past: readonly HistorySample[]): string {
  let then: HistorySample | undefined;
  for (const s of past) {
    if (s.minute > minute - TREND_MIN_MINUTES) break;
    if (s.want <= 0 || s.minute < minute - TREND_MAX_MINUTES) continue;
    if (!then || s.minute <= minute - TREND_MINUTES) then = s;
  }
  if (!then) return '';
  const d = share - then.online / then.want;
  return d >= TREND_STEP ? ' ↑' : d <= -TREND_STEP ? ' ↓' : '';
}

/** A share as the banner says it: 11,005 of 19M online is not "0%". */
function shareWords(x: number): string {
  if (x <= 0 || x >= 0.01) return percent(x);
  return x < 0.001 ? '<0.1%' : percent(x, 1);
}

/** "Cascade · 46% of supernodes lost · 58% online ↑": short enough for the banner at 960 px. */
export function phaseWords(view: SimView, past: readonly HistorySample[]): string {
  const why = view.phaseWhy;
  const m = view.metrics;
  const share = m.wantOnline > 0 ? m.onlineUsers / m.wantOnline : 1;
  const online = `${shareWords(share)} online${onlineTrend(share, view.minute, past)}`;
  const said: Record<PhaseReason, string> = {
    supernodes: `${percent(1 - why.supernodeShare)} of supernodes lost`,
    online,
    login: 'login overload',
    offlineIm: 'offline-IM overload',
  };
  // Two reasons at most; the share online, the headline, stays if it is one of them.
  let reasons = why.reasons.slice(0, 2);
  if (why.reasons.includes('online') && !reasons.includes('online')) reasons = [reasons[0], 'online'];
  const words = reasons.length ? reasons.map((r) => said[r]) : [online];
  return [PHASE_WORD[view.phase] ?? view.phase, ...words].join(' · ');
}
