// The end screen's verdict (title, time to recover, the summary against Skype), worked out from
// the host's debrief alone: the re-simulation of the whole game, the same on every screen
// however long it watched, and the same figures as the debrief table and the exported report.
import { back90Text, DIPPED_BELOW, TIME_TO_RECOVER_MEANS, timeToRecover, timeToRecoverText, type EndDebrief, type EndRun } from '../../shared/end-debrief';
import { duration, percent } from '../hud/format';

export interface EndVerdict {
  title: string;
  recovery: string; // the "Time to recover" figure
  summary: string;
}

const recoveryOf = (r: EndRun) => timeToRecover(r.collapsedAtMinute, r.recoveredAtMinute);

/** null when the debrief has no run of the player's (it always has one). */
export function endVerdict(d: EndDebrief): EndVerdict | null {
  const mine = d.runs.find((r) => r.kind === 'run');
  if (!mine) return null;
  const you = recoveryOf(mine);
  const skypeRun = d.runs.find((r) => r.kind === 'historical');
  const skype = skypeRun ? recoveryOf(skypeRun) : undefined;
  // Not collapsing is not holding: a run that fell to half its users bent, and the title says so.
  const dipped = mine.lowestShare < DIPPED_BELOW;
  const title = you === null ? (dipped ? 'The network bent but did not break' : 'The network held') : Number.isFinite(you) ? 'The network recovered' : 'The network never came back';
  let summary: string;
  if (you === null) {
    summary = `The network never collapsed${dipped ? ', but' : ':'} at worst ${percent(mine.lowestShare)} of a normal day's users were online${dipped ? backAt(mine) : ''}.`;
    if (skypeRun && skype !== null) summary += ` ${skypeRun.label} (replayed in this model) collapsed; its time to recover, ${TIME_TO_RECOVER_MEANS}: ${timeToRecoverText(skype!)}.`;
  } else if (!Number.isFinite(you)) {
    summary = 'When the shift ended, users were still unable to connect: the network was not back at 90% of a normal day after its collapse.';
    if (skypeRun && skype !== null && skype !== undefined) {
      summary += Number.isFinite(skype)
        ? ` ${skypeRun.label} (replayed in this model) took ${timeToRecoverText(skype)} ${TIME_TO_RECOVER_MEANS}.`
        : ` ${skypeRun.label} (replayed in this model) was not back by then either.`;
    }
  } else {
    summary = `Time to recover, ${TIME_TO_RECOVER_MEANS}: yours ${timeToRecoverText(you)}.`;
    if (skypeRun && skype !== undefined) summary += ` ${skypeRun.label} (replayed in this model): ${timeToRecoverText(skype)}. ${comparison(you, skype)}`;
  }
  return { title, recovery: timeToRecoverText(you), summary: summary.trim() };
}

/** When a dip that did not collapse was over, by the CLI's recovered90AtMinute. */
function backAt(r: EndRun): string {
  const t = back90Text(r);
  if (t === '—') return '';
  return t === 'not by the end' ? '; it was still below 90% when the shift ended' : `; it was back at 90% at ${t}`;
}

/** You (back by the end) against Skype's response, by the same measure; never "faster" unless it was. */
function comparison(you: number, skype: number | null): string {
  if (skype === null) return ''; // its figure already says it never collapsed
  if (!Number.isFinite(skype)) return 'Yours came back; Skype\'s had not by the end of the shift.';
  const diff = Math.round(you) - Math.round(skype);
  if (diff === 0) return 'The same time as Skype\'s.';
  return diff > 0 ? `You took ${duration(diff)} longer than Skype.` : `You were ${duration(-diff)} faster than Skype.`;
}
