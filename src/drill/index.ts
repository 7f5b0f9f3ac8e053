// Drills: an instructor's timed exercise over a scenario. Pure; files are read in ../replay/files.
export * from './drill';
export { DrillScorer, sampleOf, holds, type DrillSample, type ObjectiveState, type ObjectiveStatus, type ScoreBreakdown } from './score';
export { DrillRunner, type DrillTick, type DrillEndReason } from './runner';
export { drillObserver, scoreReplay } from './replay-score';
