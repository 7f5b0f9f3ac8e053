// A drill as the session runs it: the DrillRunner (injects, hints, allowed verbs, score)
// plus what only a live host knows: check mode, the instructor's acts, and the two views
// (the trainee's DrillView and the instructor's InstructorView).
import { TICK_SECONDS, type Command, type Scenario } from '../../sim/index';
import type { ApplyResult } from '../../sim/apply';
import { canonicalJson, describeCommand } from '../../replay/index';
import type { DrillRunner, Inject, ScoreBreakdown } from '../../drill/index';
import type { DrillView, InstructorView } from '../../shared/drill-contract';
import type { DrillRules } from '../../shared/role-policy';
import { INSTRUCTOR_AUTHOR, MESSAGE_AUTHOR, type GameLog } from './game-log';

import { TICKS_PER_MINUTE } from '../../shared/facts';
/** The console shows the latest entries; the whole log is in the replay. */
const MAX_VIEW_ENTRIES = 300;

export const NO_SCORE: ScoreBreakdown = { objectives: [], penalties: [], total: 0, maxTotal: 0 };

export class DrillPlay {
  constructor(
    readonly runner: DrillRunner,
    readonly checkMode: boolean,
    private readonly log: GameLog,
  ) {}

  get drill() {
    return this.runner.drill;
  }

  /** The rules the trainee is held to now (role-policy.ts), with this session's check mode; null once over. */
  get rules(): DrillRules | null {
    const r = this.runner.rules;
    return r && { ...r, checkMode: this.checkMode };
  }

  /**
   * The instructor's inject: a command equal to one of the drill's scripted injects not yet
   * fired counts as firing it (so it does not fire again later, live or when resumed).
   */
  inject(command: Command): ApplyResult {
    const key = canonicalJson(command);
    const scripted = this.drill.injects.find((i) => !this.runner.firedInjects.has(i.id) && canonicalJson(i.command) === key);
    return scripted ? this.runner.fireInject(scripted.id) : this.runner.command(command, 'instructor');
  }

  hint(index: number | undefined, text: string | undefined): ApplyResult {
    if (this.runner.ended) return { ok: false, error: { code: 'not-allowed-now', field: 'act', message: 'the drill is over' } };
    if (index !== undefined) {
      if (index >= this.drill.hints.length)
        return { ok: false, error: { code: 'out-of-range', field: 'act.index', message: `this drill has ${this.drill.hints.length} hints (index 0 to ${this.drill.hints.length - 1}), not ${index + 1}` } };
      this.runner.giveHint(index, INSTRUCTOR_AUTHOR);
      return { ok: true };
    }
    // Free text that is one of the drill's hints is that hint (same rule as resume uses).
    const i = this.drill.hints.findIndex((h) => h.text === text);
    if (i >= 0) this.runner.giveHint(i, INSTRUCTOR_AUTHOR);
    else this.runner.hint(text!, INSTRUCTOR_AUTHOR);
    return { ok: true };
  }

  /** What the trainee sees. In check mode hints are left out; the score only once it is over. */
  view(speed: number): DrillView {
    const r = this.runner;
    const ticksLeft = Math.max(0, r.endTick - r.state.tick);
    const messages: DrillView['messages'] = [];
    for (const m of this.log.marks) {
      const minute = m.tick / TICKS_PER_MINUTE;
      if (m.kind === 'hint' && !this.checkMode) messages.push({ minute, kind: 'hint', text: m.text });
      else if (m.kind === 'note' && m.author === MESSAGE_AUTHOR) messages.push({ minute, kind: 'message', text: m.text });
    }
    return {
      drillId: this.drill.id,
      name: this.drill.name,
      briefing: this.drill.briefing,
      checkMode: this.checkMode,
      realSecondsLeft: r.ended ? 0 : Math.round((ticksLeft * TICK_SECONDS) / speed),
      simMinutesLeft: r.ended ? 0 : ticksLeft / TICKS_PER_MINUTE,
      objectives: r.objectives(),
      allowedActions: [...this.drill.allowedActions],
      messages: messages.slice(-MAX_VIEW_ENTRIES),
      ended: r.ended,
      endReason: r.reason,
      score: r.ended ? r.score() : null,
    };
  }

  instructorView(journalPath: string | null): InstructorView {
    return {
      ...instructorBasics(this.log, journalPath, this.runner.state.scenario),
      score: this.runner.score(),
      injects: this.drill.injects.map((i) => ({ id: i.id, label: injectLabel(i, this.runner.state.scenario), fired: this.runner.firedInjects.has(i.id) })),
      hints: this.drill.hints.map((h, index) => ({ index, text: h.text, given: this.runner.givenHints.has(index) })),
    };
  }

  /** Changes whenever the instructor's view would, apart from the sim state itself. */
  get key(): string {
    return `${this.runner.firedInjects.size}/${this.runner.givenHints.size}/${this.runner.reason ?? ''}`;
  }
}

/** The console's timeline and marks, for drills and free games alike. */
export function instructorBasics(log: GameLog, journalPath: string | null, scenario: Scenario): Pick<InstructorView, 'timeline' | 'marks' | 'journalPath'> {
  return {
    timeline: log.commands.slice(-MAX_VIEW_ENTRIES).map((c) => ({ tick: c.tick, minute: c.tick / TICKS_PER_MINUTE, source: c.source, text: describeCommand(c.command, scenario) })),
    marks: log.marks.slice(-MAX_VIEW_ENTRIES).map((m) => ({
      tick: m.tick,
      minute: m.tick / TICKS_PER_MINUTE,
      kind: m.kind === 'note' && m.author === MESSAGE_AUTHOR ? 'message' : m.kind,
      text: m.text,
    })),
    journalPath,
  };
}

function injectLabel(i: Inject, scenario: Scenario): string {
  const when = [i.atMinute !== undefined ? `from minute ${i.atMinute}` : '', i.when !== undefined ? 'on a condition' : ''].filter(Boolean).join(', ');
  return `${describeCommand(i.command, scenario)}${when ? ` (${when})` : ''}`;
}
