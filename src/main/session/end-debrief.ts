// The free-play debrief for the end screen (issue 8): built once per finished game in the
// debrief worker, so the host keeps sending frames while it re-simulates the game, no action,
// Skype's response and a few alternative moves; kept for every screen that asks and for
// "export report". Drills have their own score screen and the instructor's exports.
import { hashOf } from '../../replay/index';
import { endDebriefOf, renderReport, type Debrief } from '../../debrief/index';
import type { EndDebrief } from '../../shared/end-debrief';
import type { SimSession } from './sim-session';
import { debriefInWorker } from './debrief-job';
import { baseName } from './exports';

export type EndDebriefRefusal = { ok: false; message: string };

/** The latest debrief asked for; `cancel` stops it when a newer game's takes its place. */
interface Job {
  key: string;
  cancel: AbortController;
  answer: Promise<Debrief | EndDebriefRefusal>;
}
let last: Job | null = null;

const STOPPED: EndDebriefRefusal = { ok: false, message: 'that game’s debrief was stopped: the game was left (a newer game, a drill or the host closing)' };

/** The finished free game's debrief, or why there is none (yet). */
function debriefOf(session: SimSession, warn?: (line: string) => void): Promise<Debrief | EndDebriefRefusal> | EndDebriefRefusal {
  if (session.mode !== 'free') return { ok: false, message: session.mode === 'drill' ? 'a drill is scored on its own score screen; the instructor exports its report' : 'a replay is debriefed from the instructor console' };
  if (!session.status.ended) return { ok: false, message: 'the shift is not over yet; the debrief comes on the end screen' };
  const rec = session.recording();
  const key = hashOf(rec);
  if (last?.key === key) return last.answer;
  // A debrief replaced by a newer game's, or whose game the session left (a new game, the
  // host shutting down), stops: its workers are terminated and it says nothing more. Every
  // screen sees how far the latest has got (the end screen says so while it waits).
  last?.cancel.abort();
  const cancel = new AbortController();
  const signal = AbortSignal.any([cancel.signal, session.gameSignal]);
  const job = { key, cancel } as Job;
  const say = (f: number | null) => {
    if (last === job) session.setDebriefing(f);
  };
  signal.addEventListener(
    'abort',
    () => {
      if (last === job) last = null;
    },
    { once: true },
  );
  last = job;
  say(0);
  const debrief = debriefInWorker(rec, undefined, say, warn, { moves: true, signal });
  job.answer = debrief.then(
    (d) => {
      say(null);
      return d;
    },
    (e: unknown) => {
      if (signal.aborted) return STOPPED;
      say(null);
      if (last === job) last = null; // a failed build is tried again on the next ask
      throw e;
    },
  );
  return job.answer;
}

export async function endDebrief(session: SimSession, warn?: (line: string) => void): Promise<{ ok: true; debrief: EndDebrief } | EndDebriefRefusal> {
  const d = await debriefOf(session, warn);
  if ('ok' in d) return d;
  return { ok: true, debrief: endDebriefOf(d) };
}

/** The whole report (the instructor's HTML export) of the finished free game. */
export async function endReport(session: SimSession, generatedAt: string, warn?: (line: string) => void): Promise<{ ok: true; fileName: string; html: string } | EndDebriefRefusal> {
  const debrief = await debriefOf(session, warn);
  if ('ok' in debrief) return debrief;
  const name = baseName(debrief.recording);
  return { ok: true, fileName: `${name}-debrief.html`, html: renderReport(debrief, { fileName: `${name}.skyreplay`, generatedAt }) };
}
