// Replays: recording a game, rebuilding any tick of it, proving it re-simulates exactly,
// taking it over, and the debrief built from it. Pure (no Node, no DOM); the file, journal
// and PDF parts are in ./node.
export { canonicalJson, fnvHex, hashOf } from './hash';
export * from './recording';
export { REPLAY_SPEC, parseRecording } from './validate';
export { Recorder, branchOrigin, type RecorderInit, type RecordingSink } from './recorder';
export { Replayer, verify, branchAt, runRecording, DEFAULT_KEYFRAME_EVERY, type VerifyResult, type ReplayerOptions, type TickHooks } from './replayer';
export { describeCommand } from './describe';
export { recordScripted, tickOfMinute, ScriptRefusedError, type ScriptedRun } from './script';
export { buildDebrief, type Debrief, type DebriefOptions, type KeyFigures, type RunSummary, type SeriesRow, type TimelineEntry } from './debrief';
export { debriefCsv, csvRow, SIM_CSV_COLUMNS, DEBRIEF_CSV_COLUMNS } from './csv';
export { renderReport, type ReportMeta } from './report';
