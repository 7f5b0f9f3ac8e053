// The figure beside an objective's bar: what it is judged on, against its target. No DOM,
// so the unit tests can read it.
import { OBJECTIVE_STATE_WORDS, type ObjectiveStatus } from '../../shared/score';
import { compact, percent, tPlus, usd } from '../hud/format';

/** "62% of 90%", "$12.4k of $40.0k": what the objective is judged on, against its target. */
export function objectiveFigure(o: ObjectiveStatus): string {
  const figure = figureOf(o);
  return o.state === 'unjudged' ? `${figure} · ${OBJECTIVE_STATE_WORDS.unjudged}` : figure;
}

function figureOf(o: ObjectiveStatus): string {
  switch (o.kind) {
    case 'onlineShareBy':
      return `${percent(o.value)} online · need ${percent(o.target)}`;
    case 'recoveredBy':
      return o.state === 'met' ? `recovered by ${tPlus(o.decidedAtMinute ?? o.value)}` : `deadline ${tPlus(o.target)}`;
    case 'megaHoursAtMost':
      return `${compact(o.value)} of ${compact(o.target)} mega-hours`;
    case 'userHoursLostAtMost':
      return `${compact(o.value)} of ${compact(o.target)} user-hours lost`;
    case 'costAtMost':
      return `${usd(o.value)} of ${usd(o.target)} spent`;
    default:
      return `${compact(o.value)} / ${compact(o.target)}`;
  }
}
