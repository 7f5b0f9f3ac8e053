// Drills: an instructor's timed exercise over a scenario. Pure; files are read in ./node.
export * from './drill';
export { DrillScorer, sampleOf, holds, type DrillSample, type ObjectiveState, type ObjectiveStatus, type ScoreBreakdown } from './score';
export { DrillRunner, type DrillTick, type DrillOrder } from './runner';
export { DrillJudge, type DrillEndReason } from './judge';
export { drillObserver, playDrillLike, scoreReplay } from './replay-score';
