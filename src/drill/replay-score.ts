// Judging a drill from its replay, for the debrief: the same DrillJudge as the live
// runner, fed the same states at the same ticks, stopping where the runner stopped.
import { createSim, type SimState } from '../sim/index';
import { runRecording } from '../replay/replayer';
import { Recorder } from '../replay/recorder';
import type { VerifyResult } from '../replay/witness';
import type { Recording } from '../replay/recording';
import type { Drill } from './drill';
import { DrillJudge } from './judge';
import { DrillRunner, type DrillOrder } from './runner';
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

/**
 * The drill of `like` played again with `orders` as the trainee's (refused ones skipped),
 * stopped where `like` stopped and judged as scoreReplay judges `like`: a comparison run
 * (no action, Skype's response) faces the same rules as the trainee, early end included.
 */
export function playDrillLike(drill: Drill, like: Recording, orders: readonly DrillOrder[]): { recording: Recording; scorer: DrillScorer } {
  const recorder = new Recorder({ scenario: like.scenario, seed: like.seed, createdAt: like.createdAt, drillId: drill.id });
  const runner = new DrillRunner(drill, createSim(like.scenario, like.seed), recorder);
  runner.play(orders, like.endTick);
  runner.endNow(); // no-op if it ended on its own; else pending objectives are judged as things stand
  return { recording: runner.finish(), scorer: runner.scorer };
}
