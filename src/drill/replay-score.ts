// Judging a drill from its replay, for the debrief: the same scorer, fed the same samples
// at the same ticks as the live DrillRunner, stopping where the runner stopped.
import { TICK_SECONDS, type SimState } from '../sim/index';
import { runRecording, type VerifyResult } from '../replay/replayer';
import type { Recording } from '../replay/recording';
import type { Drill } from './drill';
import { DrillScorer, sampleOf } from './score';

const TICKS_PER_MINUTE = 60 / TICK_SECONDS;

/** Watches a re-simulation tick by tick (call after each step) the way DrillRunner does live. */
export function drillObserver(drill: Drill): { observe(state: SimState): void; finish(): DrillScorer } {
  const scorer = new DrillScorer(drill);
  const startTick = Math.round(scorer.startMinute * TICKS_PER_MINUTE);
  const endTick = Math.round(scorer.endMinute * TICKS_PER_MINUTE);
  let over = false;
  return {
    observe(state) {
      if (over) return;
      scorer.observe(sampleOf(state));
      // The runner checks for the end only after a step, never at tick 0.
      if (state.tick > 0 && (state.tick >= endTick || (state.tick >= startTick && scorer.allDecided))) {
        scorer.close();
        over = true;
      }
    },
    finish() {
      scorer.close(); // stopped early by the instructor: judge as things stood
      return scorer;
    },
  };
}

export function scoreReplay(drill: Drill, recording: Recording, onProgress?: (fraction: number) => void): { scorer: DrillScorer; result: VerifyResult } {
  const watch = drillObserver(drill);
  const { result } = runRecording(recording, { afterStep: watch.observe }, onProgress);
  return { scorer: watch.finish(), result };
}
