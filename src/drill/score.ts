// Judging a drill: objectives met / missed / pending / unjudged and the score breakdown. Fed one
// sample per tick, live (DrillRunner) or while re-simulating a replay (the debrief), so
// both reach the same verdict at the same tick.
import { TICK_SECONDS, viewOf, type SimState } from '../sim/index';
import { drillEndMinute, type Condition, type Drill, type DrillMetric, type Objective } from './drill';
import type { ObjectiveKind, ObjectiveState, ObjectiveStatus, ScoreBreakdown } from '../shared/score';

/** The figures a drill looks at, taken right after a step. */
export interface DrillSample {
  minute: number;
  onlineShare: number;
  onlineUsers: number;
  supernodesUp: number;
  megaSupernodesUp: number;
  supernodeTrafficX: number;
  loginAttemptsPerS: number;
  userHoursLost: number;
  megaCostUsd: number;
  phase: string;
  collapsed: boolean; // the network is down and has not yet recovered
  recovered: boolean; // it fell and came back (users online >= 90% of normal)
}

export function sampleOf(state: SimState): DrillSample {
  const v = viewOf(state);
  const m = v.metrics;
  return {
    minute: v.minute,
    onlineShare: m.wantOnline > 0 ? m.onlineUsers / m.wantOnline : 1,
    onlineUsers: m.onlineUsers,
    supernodesUp: m.supernodesUp,
    megaSupernodesUp: m.megaSupernodesUp,
    supernodeTrafficX: m.supernodeTrafficX,
    loginAttemptsPerS: m.loginAttemptsPerS,
    userHoursLost: m.userHoursLost,
    megaCostUsd: m.megaCostUsd,
    phase: v.phase,
    collapsed: state.alarms.collapsed,
    recovered: state.alarms.recovered,
  };
}

export function holds(c: Condition, s: DrillSample): boolean {
  const v = s[c.metric as DrillMetric];
  if (c.op === '=') return v === c.value;
  if (typeof v !== 'number' || typeof c.value !== 'number') return false;
  return c.op === '<' ? v < c.value : v > c.value;
}

export type { ObjectiveKind, ObjectiveState, ObjectiveStatus, ScoreBreakdown } from '../shared/score';

/** A drill file's objective kinds are the contract's (a compile-time check, both ways). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const kindsAgree: Same<Objective['kind'], ObjectiveKind> = true;
void kindsAgree;

const POINTS_PER_OBJECTIVE = 100;
const MEGA_HOURS_PER_TICK = TICK_SECONDS / 3600;
const round1 = (x: number) => Math.round(x * 10) / 10;

export class DrillScorer {
  readonly startMinute: number;
  readonly endMinute: number;
  megaHours = 0;
  private base: { userHoursLost: number; megaCostUsd: number } | null = null;
  private last: DrillSample | null = null;
  private readonly status: ObjectiveStatus[];
  private closed = false;

  constructor(readonly drill: Drill) {
    this.startMinute = drill.startAtMinute ?? 0;
    this.endMinute = drillEndMinute(drill);
    this.status = drill.objectives.map((o) => ({
      id: o.id,
      text: o.text,
      kind: o.kind,
      state: 'pending',
      progress: 0,
      value: 0,
      target: targetOf(o),
      decidedAtMinute: null,
    }));
  }

  /** Feed one sample per tick, in order; samples before the drill starts are ignored. */
  observe(s: DrillSample): void {
    if (this.closed || s.minute < this.startMinute) return;
    this.base ??= { userHoursLost: s.userHoursLost, megaCostUsd: s.megaCostUsd };
    if (this.last) this.megaHours += s.megaSupernodesUp * MEGA_HOURS_PER_TICK;
    this.last = s;
    this.drill.objectives.forEach((o, i) => this.judge(o, this.status[i], s, null));
  }

  /**
   * The drill is over: targets whose moment never came are missed. A budget over the whole
   * drill (user-hours, spend, mega-hours) kept to the end is met; kept only until the drill
   * was stopped `early` it is not judged (0 points), since nobody knows what the rest would have cost.
   */
  close(early: boolean): void {
    if (this.closed || !this.last) return;
    const s = this.last;
    this.drill.objectives.forEach((o, i) => this.judge(o, this.status[i], s, early ? 'early' : 'end'));
    this.closed = true;
  }

  get allDecided(): boolean {
    return this.status.every((o) => o.state !== 'pending');
  }

  objectives(): ObjectiveStatus[] {
    return this.status.map((o) => ({ ...o }));
  }

  /** User-hours lost and mega spend since the drill started. */
  get spent(): { userHoursLost: number; megaCostUsd: number; megaHours: number } {
    const s = this.last;
    if (!s || !this.base) return { userHoursLost: 0, megaCostUsd: 0, megaHours: 0 };
    return { userHoursLost: s.userHoursLost - this.base.userHoursLost, megaCostUsd: s.megaCostUsd - this.base.megaCostUsd, megaHours: this.megaHours };
  }

  score(): ScoreBreakdown {
    const w = this.drill.scoring;
    const objectives = this.status.map((o) => {
      const weight = w.weights[o.id] ?? 1;
      const maxPoints = POINTS_PER_OBJECTIVE * weight;
      return { id: o.id, text: o.text, state: o.state, weight, points: o.state === 'met' ? maxPoints : 0, maxPoints }; // unjudged scores nothing
    });
    const spent = this.spent;
    const penalties: ScoreBreakdown['penalties'] = [];
    if (w.userHoursLostPenaltyPerMillion)
      penalties.push({ id: 'userHoursLost', text: `${round1(spent.userHoursLost / 1e6)} M user-hours lost x ${w.userHoursLostPenaltyPerMillion}`, points: -round1((spent.userHoursLost / 1e6) * w.userHoursLostPenaltyPerMillion) });
    if (w.costPenaltyPer10k)
      penalties.push({ id: 'megaCost', text: `$${Math.round(spent.megaCostUsd).toLocaleString('en')} on mega-supernodes x ${w.costPenaltyPer10k} per $10k`, points: -round1((spent.megaCostUsd / 1e4) * w.costPenaltyPer10k) });
    const total = round1(objectives.reduce((a, o) => a + o.points, 0) + penalties.reduce((a, p) => a + p.points, 0));
    return { objectives, penalties, total, maxTotal: objectives.reduce((a, o) => a + o.maxPoints, 0) };
  }

  /** `finalAt`: null while it runs; 'end' when the drill ran its full time (or every objective was decided), 'early' when stopped before. */
  private judge(o: Objective, st: ObjectiveStatus, s: DrillSample, finalAt: 'end' | 'early' | null): void {
    const spent = this.spent;
    if (st.state !== 'pending') {
      // A broken budget keeps counting: the trainee sees how far over it went (64 M of 60 M), as the penalty does.
      if (st.state === 'missed') st.value = budgetSpent(o, spent) ?? st.value;
      return;
    }
    const final = finalAt !== null;
    const decide = (state: ObjectiveState) => {
      st.state = state;
      st.decidedAtMinute = s.minute;
      if (state === 'met') st.progress = 1;
    };
    // A budget's bar is its own measure: the share of the allowance used (full = all of it).
    const budget = (value: number, limit: number) => {
      st.value = value;
      if (value > limit) decide('missed');
      else if (finalAt === 'end') decide('met');
      else if (finalAt === 'early') decide('unjudged');
      st.progress = limit > 0 ? Math.min(1, Math.max(0, value / limit)) : value > 0 ? 1 : 0;
    };
    switch (o.kind) {
      case 'onlineShareBy':
        st.value = s.onlineShare;
        st.progress = Math.min(1, s.onlineShare / Math.max(1e-9, o.share));
        // Judged at its moment; a drill ended before that moment never reached it: missed.
        if (s.minute >= o.byMinute) decide(s.onlineShare >= o.share ? 'met' : 'missed');
        else if (final) decide('missed');
        return;
      case 'recoveredBy':
        st.value = s.minute;
        st.progress = s.collapsed ? Math.min(1, s.onlineShare / 0.9) : Math.min(1, (s.minute - this.startMinute) / Math.max(1, o.byMinute - this.startMinute));
        if (s.recovered && s.minute <= o.byMinute) decide('met');
        else if (s.minute >= o.byMinute || final) decide(s.collapsed ? 'missed' : 'met');
        return;
      case 'megaHoursAtMost':
      case 'userHoursLostAtMost':
      case 'costAtMost':
        return budget(budgetSpent(o, spent)!, targetOf(o));
      default: {
        const never: never = o;
        throw new Error(`unknown objective ${JSON.stringify(never)}`);
      }
    }
  }
}

/** What a budget objective counts (null for the others). */
function budgetSpent(o: Objective, spent: { userHoursLost: number; megaCostUsd: number; megaHours: number }): number | null {
  return o.kind === 'megaHoursAtMost' ? spent.megaHours : o.kind === 'userHoursLostAtMost' ? spent.userHoursLost : o.kind === 'costAtMost' ? spent.megaCostUsd : null;
}

function targetOf(o: Objective): number {
  switch (o.kind) {
    case 'onlineShareBy':
      return o.share;
    case 'recoveredBy':
      return o.byMinute;
    case 'megaHoursAtMost':
    case 'userHoursLostAtMost':
      return o.hours;
    case 'costAtMost':
      return o.usd;
  }
}
