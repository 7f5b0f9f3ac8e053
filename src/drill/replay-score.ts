// Judging a drill from its replay, for the debrief: the same DrillJudge as the live
// runner, fed the same states at the same ticks, stopping where the runner stopped.
import type { SimState } from '../sim/index';
import { runRecording } from '../replay/replayer';
import type { VerifyResult } from '../replay/witness';
import type { Recording } from '../replay/recording';
import type { Drill } from './drill';
import { DrillJudge } from './judge';
import type { DrillScorer } from './score';

/** Watches a re-simulation tick by tick (call after each step) the way DrillRunner does live. */
export function drillObserver(drill: Drill): { observe(state: SimState): void; finish(): DrillScorer } {
  const judge = new DrillJudge(drill);
  return {
    observe: (state) => judge.observe(state),
    finish() {
      judge.end('instructor'); // stopped early by the instructor: judge as things stood
      return judge.scorer;
    },
  };
}

export function scoreReplay(drill: Drill, recording: Recording, onProgress?: (fraction: number) => void): { scorer: DrillScorer; result: VerifyResult } {
  const watch = drillObserver(drill);
  const { result } = runRecording(recording, { afterStep: watch.observe }, onProgress);
  return { scorer: watch.finish(), result };
}
