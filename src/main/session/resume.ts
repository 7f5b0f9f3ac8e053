// Rebuilding a live game from a recording: a recovered journal (the host was killed) or a
// replay's branch (take over). A free game is re-simulated and carries on recording; a drill
// goes through DrillRunner.resume, which rebuilds its verdict so far and knows which
// injects and hints are spent. Either way the new journal starts with the whole history.
import { Recorder, ReplayError, runRecording, type Recording } from '../../replay/index';
import { DrillRunner, type Drill } from '../../drill/index';
import { DrillPlay } from './drill-play';
import { GameLog } from './game-log';
import { LiveGame, logFor, startJournal, type GameContext } from './live-game';

export interface ResumeOptions {
  createdAt: string; // the original's for a recovery, now for a take-over (a new recording)
  checkMode: boolean;
  fileName: string; // names the source in errors
}

/** A free game continuing `rec` from its last tick; `rec.finalChecksum` must be the state there. */
export function resumeFree(rec: Recording, ctx: GameContext, opts: ResumeOptions): LiveGame {
  const { state, result } = runRecording(rec);
  if (!result.ok) throw new ReplayError(opts.fileName, `tick ${result.tick}`, `does not re-simulate as recorded (expected ${result.expected}, got ${result.actual})`);
  const recorder = Recorder.continueFrom(rec, opts.createdAt);
  const log = logFor(recorder, ctx);
  return LiveGame.rebuilt(state, recorder, log, null, startJournal(recorder, log, ctx, false, state.tick));
}

/** The drill `rec` was recording, continued from its last tick; null if it had already ended by then. */
export function resumeDrill(rec: Recording, drill: Drill, ctx: GameContext, opts: ResumeOptions): LiveGame | null {
  const log = new GameLog(ctx.warn); // journaled only once rebuilt: a failed rebuild leaves no file
  let runner: DrillRunner;
  try {
    runner = DrillRunner.resume(drill, rec, { createdAt: opts.createdAt, sink: log });
  } catch (e) {
    throw new ReplayError(opts.fileName, '', (e as Error).message);
  }
  if (runner.ended) return null;
  const recorder = runner.recorder!;
  const path = startJournal(recorder, log, ctx, opts.checkMode, runner.state.tick);
  return LiveGame.rebuilt(runner.state, recorder, log, new DrillPlay(runner, opts.checkMode, log), path);
}
