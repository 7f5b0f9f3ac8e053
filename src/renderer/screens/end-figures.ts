// The end screen's table of the figures that decided the game, one column per run: its
// headings and cells in words, no DOM, so a test reads what the player reads.
import { back90Text, relapseText, timeToRecover, timeToRecoverText, type EndRun } from '../../shared/end-debrief';
import { compact, percent, tPlus, usd } from '../hud/format';

/** A column's heading: the player's and no action's in short; Skype's by its run's own label, whose year is the scenario's. */
export const runHeading = (r: EndRun): string => (r.kind === 'run' ? 'You' : r.kind === 'baseline' ? 'No action' : r.label);

/** Each row's name and what it shows for a run. */
export const FIGURE_ROWS: readonly (readonly [name: string, cell: (r: EndRun) => string])[] = [
  ['User-hours lost', (r) => compact(r.userHoursLost)],
  ['Lowest share online', (r) => percent(r.lowestShare)],
  ['Cost', (r) => usd(r.costUsd)],
  ['Collapsed at', (r) => (r.collapsedAtMinute !== null ? tPlus(r.collapsedAtMinute) : 'never')],
  ['Fell back before recovering', (r) => relapseText(r.relapseMinutes)],
  ['Back to 90% online', (r) => (r.recoveredAtMinute !== null ? tPlus(r.recoveredAtMinute) : r.collapsed ? 'not recovered' : back90Text(r))],
  ['Time to recover', (r) => timeToRecoverText(timeToRecover(r.collapsedAtMinute, r.recoveredAtMinute))],
];
