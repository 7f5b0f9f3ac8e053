// The end screen's share of a debrief: small enough for one message to a screen.
import type { EndDebrief, EndRun, EndRunKind } from '../shared/end-debrief';
import type { Debrief, RunSummary } from './debrief';

const MAX_ORDERS = 200; // a screen lists the first ones; the exported report has them all

export function endDebriefOf(d: Debrief): EndDebrief {
  const runs: EndRun[] = [run(d.run, 'run'), run(d.baseline, 'baseline'), ...(d.historical ? [run(d.historical, 'historical')] : [])];
  const orders = d.timeline
    .filter((e) => e.source === 'trainee' || e.source === 'refused')
    .slice(0, MAX_ORDERS)
    .map((e) => ({ minute: e.minute, text: e.text, ...(e.source === 'refused' && { refused: true as const }) }));
  return {
    scenarioId: d.recording.scenarioId,
    endMinute: d.run.figures.endMinute,
    runs,
    orders,
    moves: (d.moves ?? []).map((m) => ({ what: m.what, userHoursSaved: m.userHoursSaved, costUsd: m.costUsd })),
    // What was re-run, so the screen never claims runs that were not made.
    ...(d.moves && { movesTried: d.movesRun ?? [] }),
  };
}

function run(r: RunSummary, kind: EndRunKind): EndRun {
  const share = (m: RunSummary['rows'][number]['m']) => (m.wantOnline > 0 ? m.onlineUsers / m.wantOnline : 1);
  return {
    kind,
    label: r.label,
    points: r.rows.map((row) => [row.minute, Math.round(share(row.m) * 1000) / 1000]),
    userHoursLost: r.figures.userHoursLost,
    lowestShare: r.figures.lowestShare, // every minute, not only the chart's points
    back90AtMinute: r.figures.back90AtMinute,
    costUsd: r.figures.costUsd,
    collapsedAtMinute: r.figures.collapseMinute,
    recoveredAtMinute: r.figures.recoveredAtMinute,
    relapseMinutes: r.figures.relapseMinutes,
    collapsed: r.figures.collapseMinute !== null,
  };
}
