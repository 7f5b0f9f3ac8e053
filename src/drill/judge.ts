// The one rule for judging a drill and saying when it is over, used live (DrillRunner),
// when a drill is resumed from its recording, and when a replay is scored for a debrief.
// Fed the state right after each step (and once at tick 0), before that tick's commands.
import type { SimState } from '../sim/index';
import { TICKS_PER_MINUTE } from '../replay/playhead';
import type { Drill } from './drill';
import { DrillScorer, sampleOf, type DrillSample } from './score';

export type DrillEndReason = 'objectives' | 'time' | 'instructor';

export class DrillJudge {
  readonly scorer: DrillScorer;
  readonly startTick: number;
  readonly endTick: number;
  private endReason: DrillEndReason | null = null;
  private last: DrillSample | null = null;

  constructor(readonly drill: Drill) {
    this.scorer = new DrillScorer(drill);
    this.startTick = Math.round(this.scorer.startMinute * TICKS_PER_MINUTE);
    this.endTick = Math.round(this.scorer.endMinute * TICKS_PER_MINUTE);
  }

  get ended(): boolean {
    return this.endReason !== null;
  }

  get reason(): DrillEndReason | null {
    return this.endReason;
  }

  /** The figures seen at the last observed tick. */
  get sample(): DrillSample | null {
    return this.last;
  }

  /** Judges `state`; the end is checked only after a step (never at tick 0). */
  observe(state: SimState): void {
    if (this.ended) return;
    this.last = sampleOf(state);
    this.scorer.observe(this.last);
    if (state.tick === 0) return;
    if (state.tick >= this.endTick) this.end('time');
    else if (state.tick >= this.startTick && this.scorer.allDecided) this.end('objectives');
  }

  /**
   * Over now (the instructor, or a replay that stops here): pending objectives are judged as
   * things stand; budgets over the whole drill are judged only if it ran its full time.
   */
  end(reason: DrillEndReason): void {
    if (this.ended) return;
    this.scorer.close(reason !== 'time');
    this.endReason = reason;
  }
}
