// Runs debrief work off the host's main thread: a 48-hour drill's debrief re-simulates three
// runs (several seconds), and the host must keep sending 30 frames a second meanwhile. The
// end screen's "what would have helped" moves each re-simulate the whole game again: a host
// with cores to spare runs them in workers of their own, beside the debrief (debrief-job.ts).
import { parentPort } from 'node:worker_threads';
import type { Recording } from '../../replay/index';
import { buildDebrief, tryMove, type DebriefStage, type MoveRun } from '../../debrief/index';
import type { Drill } from '../../drill/index';

export type DebriefRequest = { job: 'debrief'; recording: Recording; drill?: Drill; moves?: boolean } | { job: 'move'; recording: Recording; index: number };
export type DebriefReply = { progress: number } | { debrief: ReturnType<typeof buildDebrief> } | { move: MoveRun | null } | { error: string };

const port = parentPort;

function debrief(m: Extract<DebriefRequest, { job: 'debrief' }>, post: (r: DebriefReply) => void): void {
  const stages = (m.recording.scenario.historical ? 3 : 2) + (m.moves ? 3 : 0); // the moves re-run the game several times
  const order: Record<DebriefStage, number> = { replay: 0, baseline: 1, historical: 2, moves: m.recording.scenario.historical ? 3 : 2 };
  const weight = (stage: DebriefStage) => (stage === 'moves' ? 3 : 1);
  post({ debrief: buildDebrief(m.recording, { drill: m.drill, moves: m.moves, onProgress: (stage, f) => post({ progress: (order[stage] + weight(stage) * f) / stages }) }) });
}

port?.on('message', (m: DebriefRequest) => {
  const post = (r: DebriefReply) => port.postMessage(r);
  try {
    if (m.job === 'move') post({ move: tryMove(m.recording, m.index, (f) => post({ progress: f })) });
    else debrief(m, post);
  } catch (e) {
    post({ error: (e as Error).message });
  }
});
