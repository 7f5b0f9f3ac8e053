// Runs buildDebrief off the host's main thread: a 48-hour drill's debrief re-simulates three
// runs (several seconds), and the host must keep sending 30 frames a second meanwhile.
import { parentPort } from 'node:worker_threads';
import type { Recording } from '../../replay/index';
import { buildDebrief, type DebriefStage } from '../../debrief/index';
import type { Drill } from '../../drill/index';

export type DebriefRequest = { recording: Recording; drill?: Drill; moves?: boolean };
export type DebriefReply = { progress: number } | { debrief: ReturnType<typeof buildDebrief> } | { error: string };

const port = parentPort;
port?.on('message', (m: DebriefRequest) => {
  const stages = (m.recording.scenario.historical ? 3 : 2) + (m.moves ? 3 : 0); // the moves re-run the game several times
  const order: Record<DebriefStage, number> = { replay: 0, baseline: 1, historical: 2, moves: m.recording.scenario.historical ? 3 : 2 };
  const weight = (stage: DebriefStage) => (stage === 'moves' ? 3 : 1);
  const post = (r: DebriefReply) => port.postMessage(r);
  try {
    const debrief = buildDebrief(m.recording, { drill: m.drill, moves: m.moves, onProgress: (stage, f) => post({ progress: (order[stage] + weight(stage) * f) / stages }) });
    post({ debrief });
  } catch (e) {
    post({ error: (e as Error).message });
  }
});
