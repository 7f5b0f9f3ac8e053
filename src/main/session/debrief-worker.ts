// Runs buildDebrief off the host's main thread: a 48-hour drill's debrief re-simulates three
// runs (several seconds), and the host must keep sending 30 frames a second meanwhile.
import { parentPort } from 'node:worker_threads';
import type { Recording } from '../../replay/index';
import { buildDebrief } from '../../debrief/index';
import type { Drill } from '../../drill/index';

export type DebriefRequest = { recording: Recording; drill?: Drill };
export type DebriefReply = { progress: number } | { debrief: ReturnType<typeof buildDebrief> } | { error: string };

const port = parentPort;
port?.on('message', (m: DebriefRequest) => {
  const stages = m.recording.scenarioId === 'dec-2010' ? 3 : 2;
  const order = { replay: 0, baseline: 1, historical: 2 };
  const post = (r: DebriefReply) => port.postMessage(r);
  try {
    const debrief = buildDebrief(m.recording, { drill: m.drill, onProgress: (stage, f) => post({ progress: (order[stage] + f) / stages }) });
    post({ debrief });
  } catch (e) {
    post({ error: (e as Error).message });
  }
});
