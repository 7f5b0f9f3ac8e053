// Runs debrief work off the host's main thread: a 48-hour drill's debrief re-simulates three
// runs (several seconds), and the host must keep sending 30 frames a second meanwhile. The
// end screen's "what would have helped" moves each re-simulate the whole game again: a host
// with cores to spare runs them in workers of their own, beside the debrief (debrief-job.ts).
import { parentPort } from 'node:worker_threads';
import type { Recording } from '../../replay/index';
import { buildDebrief, comparisonRun, overallProgress, tryMove, type MoveRun, type RunSummary } from '../../debrief/index';
import type { Drill } from '../../drill/index';

export type DebriefRequest =
  | { job: 'debrief'; recording: Recording; drill?: Drill; moves?: boolean; compared?: { baseline: RunSummary; historical: RunSummary | null } }
  | { job: 'comparison'; recording: Recording; which: 'baseline' | 'historical' }
  | { job: 'move'; recording: Recording; index: number };
export type DebriefReply = { progress: number } | { debrief: ReturnType<typeof buildDebrief> } | { comparison: RunSummary | null } | { move: MoveRun | null } | { error: string };

const port = parentPort;

function debrief(m: Extract<DebriefRequest, { job: 'debrief' }>, post: (r: DebriefReply) => void): void {
  const onProgress = overallProgress(m.recording, m, (f) => post({ progress: f }));
  post({ debrief: buildDebrief(m.recording, { drill: m.drill, moves: m.moves, compared: m.compared, onProgress }) });
}

port?.on('message', (m: DebriefRequest) => {
  const post = (r: DebriefReply) => port.postMessage(r);
  try {
    const progress = (f: number) => post({ progress: f });
    if (m.job === 'move') post({ move: tryMove(m.recording, m.index, progress) });
    else if (m.job === 'comparison') post({ comparison: comparisonRun(m.recording, m.which, undefined, progress) });
    else debrief(m, post);
  } catch (e) {
    post({ error: (e as Error).message });
  }
});
