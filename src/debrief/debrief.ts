// What a debrief needs from a replay: this run, the no-action baseline and (for
// dec-2010) Skype's historical response, sampled every few sim-minutes; the timeline of
// commands, injects and notes; key figures; and the drill's verdict if it was a drill.
import { createSim, historicalFor, viewOf, TICK_SECONDS, type Metrics, type SimState, type TimedCommand } from '../sim/index';
import { describeCommand, runRecording, stampAll, TICKS_PER_MINUTE, type CommandSource, type MarkKind, type RecordedCommand, type Recording, type VerifyResult } from '../replay/index';
import { movesRan, movesThatHelped, tryMoves, type MoveTried } from './moves';
import { drillObserver, playDrillLike, type Drill, type ObjectiveStatus, type ScoreBreakdown } from '../drill/index';

export interface SeriesRow {
  minute: number;
  utc: string; // e.g. 2010-12-22T16:00Z
  m: Metrics;
  phase: string;
}

export interface KeyFigures {
  endMinute: number;
  userHoursLost: number;
  collapseMinute: number | null; // first minute the network counted as collapsed
  recoveredAtMinute: number | null; // back at 90% of normal online after the collapse; null if not, or down again at the end
  relapseMinutes: number[]; // each time it fell back from a climb before recovering (the pager's "falling again")
  lowestShare: number; // users online / a normal day's, at its lowest whole minute (the CLI's lowestOnlineShare)
  back90AtMinute: number | null; // first whole minute back at 90% after that low (the CLI's recovered90AtMinute); 0 if never below
  peakTrafficX: number;
  costUsd: number; // every priced harm and resource: megas, Group Video downtime, held offline messages
  megaCostUsd: number;
  megaHours: number; // mega-supernode-hours used
  minSupernodes: number;
  crashedClients: number;
}

export interface RunSummary {
  label: string;
  rows: SeriesRow[];
  figures: KeyFigures;
}

export interface TimelineEntry {
  minute: number;
  source: CommandSource | MarkKind;
  text: string;
  author?: string;
  unseen?: true; // a hint the trainee never saw (check mode)
}

export interface Debrief {
  recording: Recording;
  verdict: VerifyResult; // did the replay re-simulate as recorded?
  run: RunSummary;
  baseline: RunSummary;
  historical: RunSummary | null;
  timeline: TimelineEntry[];
  drill: {
    drill: Drill;
    objectives: ObjectiveStatus[];
    score: ScoreBreakdown;
    spent: { userHoursLost: number; megaCostUsd: number; megaHours: number };
    compare: DrillComparison[]; // what the comparison runs would have scored, by the same rules
  } | null;
  /** Free play, when asked for: single moves from the strategy table that would have saved user-hours. */
  moves: MoveTried[] | null;
  /** The moves re-run for it (those the sim refused left out), so a screen never names a run not made. */
  movesRun?: string[] | null;
}

/** A comparison run's verdict in the same drill, stopped where the trainee's stopped. */
export interface DrillComparison {
  label: string;
  total: number;
  score: ScoreBreakdown;
}

export type DebriefStage = 'replay' | 'baseline' | 'historical' | 'moves';

export interface DebriefOptions {
  drill?: Drill;
  everyMin?: number; // sampling interval (default 10, like npm run sim)
  moves?: boolean; // also try the strategy table's single moves on top of this run's orders (slow: one re-run each)
  onProgress?: (stage: DebriefStage, fraction: number) => void;
  /** Free play: the comparison runs, already made (`comparisonRun`), so only this run re-simulates. */
  compared?: { baseline: RunSummary; historical: RunSummary | null };
}

export function buildDebrief(rec: Recording, opts: DebriefOptions = {}): Debrief {
  const every = Math.max(1, Math.round((opts.everyMin ?? 10) * TICKS_PER_MINUTE));
  const watch = opts.drill ? drillObserver(opts.drill) : null;
  const runPass = sampleRun(rec, every, 'This run', watch?.observe, (f) => opts.onProgress?.('replay', f));
  // In a drill the comparisons face the same drill: its injects fire on their own conditions.
  const d = opts.drill;
  const compare: DrillComparison[] = [];
  const other = (actions: TimedCommand[], label: string) => {
    if (!d) return comparison(rec, actions);
    const { recording, scorer } = playDrillLike(d, rec, stampAll(actions, 'trainee'));
    const score = scorer.score();
    compare.push({ label, total: score.total, score });
    return recording;
  };
  const baseLabel = baselineLabel(d !== undefined);
  const given = !d ? opts.compared : undefined;
  const baseline = given?.baseline ?? sampleRun(other([], baseLabel), every, baseLabel, undefined, (f) => opts.onProgress?.('baseline', f)).summary;
  let historical: RunSummary | null = given ? given.historical : null;
  const record = historicalFor(rec.scenario);
  if (record && !given) {
    const label = historicalLabel(rec, d !== undefined);
    historical = sampleRun(other(record, label), every, label, undefined, (f) => opts.onProgress?.('historical', f)).summary;
  }
  const scorer = watch?.finish();
  const tried = opts.moves && !d ? tryMoves(rec, { onProgress: (f) => opts.onProgress?.('moves', f) }) : null;
  const moves = tried && movesThatHelped(tried, runPass.summary.figures.userHoursLost);
  return {
    recording: rec,
    verdict: runPass.verdict,
    run: runPass.summary,
    baseline,
    historical,
    timeline: timelineOf(rec),
    drill: d && scorer ? { drill: d, objectives: scorer.objectives(), score: scorer.score(), spent: scorer.spent, compare } : null,
    moves,
    movesRun: tried && movesRan(tried),
  };
}

/**
 * buildDebrief's per-stage progress as one overall fraction that only climbs: each stage
 * re-simulates the game once, the moves three times (movesThatHelp tries up to three).
 */
export function overallProgress(rec: Recording, opts: Pick<DebriefOptions, 'drill' | 'moves' | 'compared'>, report: (fraction: number) => void): (stage: DebriefStage, fraction: number) => void {
  const comparisons = opts.compared && !opts.drill ? 0 : historicalFor(rec.scenario) ? 2 : 1;
  const moves = opts.moves && !opts.drill ? 3 : 0;
  const runs = 1 + comparisons + moves;
  const first: Record<DebriefStage, number> = { replay: 0, baseline: 1, historical: 2, moves: 1 + comparisons };
  let shown = 0;
  return (stage, f) => {
    const overall = Math.min(1, (first[stage] + (stage === 'moves' ? moves : 1) * Math.min(1, Math.max(0, f))) / runs);
    if (overall < shown) return;
    shown = overall;
    report(overall);
  };
}

const baselineLabel = (drill: boolean) => (drill ? 'No action (same drill)' : 'No action (baseline)');
function historicalLabel(rec: Recording, drill: boolean): string {
  const when = rec.scenarioId === 'aug-2007' ? 'Aug 2007' : rec.scenarioId === 'dec-2010' ? 'Dec 2010' : 'as recorded';
  return drill ? `Skype's ${when} response (same drill)` : `Skype's response, ${when}`;
}

/**
 * A free game's comparison run on its own (no action, or Skype's recorded response; null if the
 * scenario has none), as buildDebrief samples it: a host may run each in a worker of its own
 * and hand them to buildDebrief as `compared`.
 */
export function comparisonRun(rec: Recording, which: 'baseline' | 'historical', everyMin = 10, onProgress?: (f: number) => void): RunSummary | null {
  const every = Math.max(1, Math.round(everyMin * TICKS_PER_MINUTE));
  if (which === 'baseline') return sampleRun(comparison(rec, []), every, baselineLabel(false), undefined, onProgress).summary;
  const record = historicalFor(rec.scenario);
  return record ? sampleRun(comparison(rec, record), every, historicalLabel(rec, false), undefined, onProgress).summary : null;
}

/** Same scenario, seed and length, other commands: a comparison run (its checksums are not ours). */
function comparison(rec: Recording, actions: TimedCommand[]): Recording {
  const commands: RecordedCommand[] = stampAll(actions, 'script')
    .filter((c) => c.tick <= rec.endTick)
    .map((c) => ({ tick: c.tick, source: c.source, command: c.command }));
  return { ...rec, commands, checksums: [], marks: [] };
}

function sampleRun(rec: Recording, every: number, label: string, observe?: (s: SimState) => void, onProgress?: (f: number) => void): { summary: RunSummary; verdict: VerifyResult } {
  const rows: SeriesRow[] = [];
  let collapseMinute: number | null = null;
  const relapseMinutes: number[] = [];
  let relapsing = false;
  let megaHours = 0;
  const low = new LowWatch();
  const { state, result } = runRecording(
    rec,
    {
      afterStep: (s) => {
        observe?.(s);
        if (s.tick > 0) megaHours += (megaUp(s) * TICK_SECONDS) / 3600;
        // The tick that raised the alarm is the one just stepped (step counts the tick on after it).
        if (collapseMinute === null && s.alarms.collapsed) collapseMinute = (s.tick - 1) / TICKS_PER_MINUTE;
        if (s.alarms.relapsing && !relapsing) relapseMinutes.push((s.tick - 1) / TICKS_PER_MINUTE);
        relapsing = s.alarms.relapsing;
      },
      // Sampled after the tick's commands, as npm run sim does, so the CSVs agree.
      settled: (s) => {
        if (s.tick % TICKS_PER_MINUTE === 0) low.observe(s);
        if (s.tick % every !== 0 && s.tick !== rec.endTick) return;
        const v = viewOf(s);
        rows.push({ minute: v.minute, utc: new Date(v.utcMs).toISOString().slice(0, 16) + 'Z', m: v.metrics, phase: v.phase });
      },
    },
    onProgress,
  );
  const t = state.totals;
  const figures: KeyFigures = {
    endMinute: state.tick / TICKS_PER_MINUTE,
    userHoursLost: t.userHoursLost,
    collapseMinute,
    // The sim keeps the latest recovery's minute, so time to recover runs from the first collapse to
    // the recovery that lasted; not recovered if it collapsed again and was still down at the end.
    recoveredAtMinute: t.recoveredAtMinute >= 0 && !state.alarms.collapsed ? t.recoveredAtMinute : null,
    relapseMinutes,
    lowestShare: low.lowest,
    back90AtMinute: low.back90,
    peakTrafficX: t.peakTrafficX,
    costUsd: viewOf(state).metrics.costUsd,
    megaCostUsd: t.megaCostUsd,
    megaHours,
    minSupernodes: t.minSupernodes,
    crashedClients: t.crashedClients,
  };
  return { summary: { label, rows, figures }, verdict: result };
}

/** The low and the way back to 90% as `npm run sim -- --summary` reckons them (src/cli/summary.ts): every whole minute. */
class LowWatch {
  lowest = 1;
  back90: number | null = 0;

  observe(s: SimState): void {
    const m = viewOf(s).metrics;
    const share = m.wantOnline > 0 ? m.onlineUsers / m.wantOnline : 1;
    if (share < this.lowest) {
      this.lowest = share;
      this.back90 = share >= 0.9 ? 0 : null;
    } else if (this.back90 === null && share >= 0.9) this.back90 = s.tick / TICKS_PER_MINUTE;
  }
}

function megaUp(s: SimState): number {
  let n = 0;
  for (const counts of Object.values(s.megaUp)) for (const c of counts) n += c;
  return n;
}

function timelineOf(rec: Recording): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const e of rec.scenario.timeline) if (e.atMinute * TICKS_PER_MINUTE <= rec.endTick) out.push({ minute: e.atMinute, source: 'scenario', text: describeCommand(e.command, rec.scenario) });
  for (const c of rec.commands) out.push({ minute: c.tick / TICKS_PER_MINUTE, source: c.source, text: describeCommand(c.command, rec.scenario) });
  for (const m of rec.marks) {
    // In check mode the host never shows hints to the trainee: say so, or the debrief would credit them.
    const unseen = m.kind === 'hint' && rec.checkMode === true;
    out.push({ minute: m.tick / TICKS_PER_MINUTE, source: m.kind, text: m.text, ...(m.author !== undefined && { author: m.author }), ...(unseen && { unseen: true }) });
  }
  // Stable: same-minute entries keep scenario, commands, marks order.
  const sorted = out.map((e, i) => ({ e, i })).sort((a, b) => a.e.minute - b.e.minute || a.i - b.i).map((x) => x.e);
  // One row per minute and source for orders (Skype returned servers region by region); notes stay apart.
  const rows: TimelineEntry[] = [];
  for (const e of sorted) {
    const prev = rows[rows.length - 1];
    const isOrder = e.source === 'trainee' || e.source === 'instructor' || e.source === 'script' || e.source === 'scenario';
    if (prev && isOrder && prev.minute === e.minute && prev.source === e.source) prev.text += `; ${e.text}`;
    else rows.push({ ...e });
  }
  return rows;
}
