// The free-play debrief on the end screen, as the host sends it to a trainee's screen: the
// player's curve against no action and Skype's response, the player's orders, the figures that
// decided it and the moves that would have helped. Built by src/debrief (endDebriefOf).
import { duration, tPlus } from './duration';

export type EndRunKind = 'run' | 'baseline' | 'historical';

export interface EndRun {
  kind: EndRunKind;
  label: string;
  points: [minute: number, onlineShare: number][]; // every ~10 sim-minutes
  userHoursLost: number;
  lowestShare: number; // the lowest share of a normal day's users online
  costUsd: number; // megas, Group Video downtime, held offline messages
  collapsedAtMinute: number | null; // the network's first collapse (the pager's "collapsed"); null if it never collapsed
  recoveredAtMinute: number | null; // back at 90% of a normal day's users online after it; null if not by the end
  /** First whole minute back at 90% after the lowest point, collapse or not (the CLI's recovered90AtMinute): 0 if it never fell below, null if not by the end; absent from an older host. */
  back90AtMinute?: number | null;
  relapseMinutes?: number[]; // each fall back from a climb before recovering (absent from an older host)
  collapsed: boolean;
}

export interface EndDebrief {
  scenarioId: string;
  endMinute: number;
  runs: EndRun[]; // this run first, then no action, then Skype's response where the record has one
  orders: { minute: number; text: string; refused?: true }[]; // the player's, refused ones included
  moves: { what: string; userHoursSaved: number; costUsd: number }[]; // best first; empty if none helped
  /** Every move re-simulated on top of the player's orders, helped or not: empty when there was none left to try; absent from an older host. */
  movesTried?: string[];
}

/** "Fell back before recovering", as the end screen and the report put it: "no", "T+19:56", or "T+19:56, 2 times". */
export function relapseText(minutes: readonly number[] = []): string {
  if (!minutes.length) return 'no';
  return minutes.length === 1 ? tPlus(minutes[0]) : `${tPlus(minutes[0])}, ${minutes.length} times`;
}

/** A dip to below 90% of a normal day's users online: the network did not simply hold. */
export const DIPPED_BELOW = 0.9;

/** "Back to 90% online" for a run that did not collapse: "T+06:06", "not by the end", "never below 90%". */
export function back90Text(r: Pick<EndRun, 'lowestShare' | 'back90AtMinute'>): string {
  if (r.lowestShare >= DIPPED_BELOW || r.back90AtMinute === 0) return 'never below 90%';
  if (r.back90AtMinute === undefined) return '—'; // an older host did not say
  return r.back90AtMinute === null ? 'not by the end' : tPlus(r.back90AtMinute);
}

/** What "time to recover" measures, in the words every screen and the report use. */
export const TIME_TO_RECOVER_MEANS = 'from the network\'s collapse until users online were back at 90% of a normal day';

/**
 * Time to recover, the one definition for the end screen, its debrief table and the report:
 * minutes from the network's first collapse to users online back at 90% of a normal day, both
 * from the host's re-simulation of the whole game (every tick), never a screen's own history.
 * Whole minutes, from the two times cut to the minute as "Collapsed at" and "Back at" show
 * them (T+hh:mm), so it always equals their difference.
 * null: it never collapsed; Infinity: it collapsed and was not back by the end.
 */
export function timeToRecover(collapsedAtMinute: number | null, recoveredAtMinute: number | null): number | null {
  if (collapsedAtMinute === null) return null;
  return recoveredAtMinute === null ? Infinity : Math.floor(recoveredAtMinute) - Math.floor(collapsedAtMinute);
}

/** Time to recover as every screen and the report write it: "33 h 43 min", "not recovered", "never collapsed". */
export function timeToRecoverText(minutes: number | null): string {
  if (minutes === null) return 'never collapsed';
  if (!Number.isFinite(minutes)) return 'not recovered';
  return duration(minutes);
}
