// Replays: recording a game, rebuilding any tick of it, proving it re-simulates exactly,
// taking it over. Pure (no Node, no DOM); the file and journal parts are in ./node.
export { canonicalJson, fnvHex, hashOf } from './hash';
export * from './recording';
export { REPLAY_SPEC, parseRecording } from './validate';
export { REPLAY_BOUNDS, checkReplayBounds } from './bounds';
export { Recorder, branchOrigin, type RecorderInit, type RecordingSink } from './recorder';
export { Playhead, stampAll, tickOfMinute, TICKS_PER_MINUTE, TICKS_PER_HOUR, type ApplyResult, type PlayheadHooks, type ScriptedCommand, type StampedCommand } from './playhead';
export { Witness, type Divergence, type VerifyResult } from './witness';
export { Replayer, verify, branchAt, runRecording, replayHead, DEFAULT_KEYFRAME_EVERY, type ReplayerOptions, type TickHooks } from './replayer';
export { describeCommand } from './describe';
export { recordScripted, refusal, ScriptRefusedError, type ScriptedRun } from './script';
