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

let last: { key: string; debrief: Promise<Debrief> } | null = null;

/** The finished free game's debrief, or why there is none (yet). */
function debriefOf(session: SimSession, warn?: (line: string) => void): Promise<Debrief> | EndDebriefRefusal {
  if (session.mode !== 'free') return { ok: false, message: session.mode === 'drill' ? 'a drill is scored on its own score screen; the instructor exports its report' : 'a replay is debriefed from the instructor console' };
  if (!session.status.ended) return { ok: false, message: 'the shift is not over yet; the debrief comes on the end screen' };
  const rec = session.recording();
  const key = hashOf(rec);
  if (last?.key !== key) {
    // Every screen sees how far it has got (the end screen says so while it waits); only the
    // latest debrief speaks: one replaced by a newer game's must not move or clear its bar.
    const job = { key } as { key: string; debrief: Promise<Debrief> };
    const say = (f: number | null) => {
      if (last === job) session.setDebriefing(f);
    };
    last = job;
    say(0);
    job.debrief = debriefInWorker(rec, undefined, say, warn, { moves: true });
    job.debrief.then(
      () => say(null),
      () => {
        say(null);
        if (last === job) last = null; // a failed build is tried again on the next ask
      },
    );
  }
  return last.debrief;
}

export async function endDebrief(session: SimSession, warn?: (line: string) => void): Promise<{ ok: true; debrief: EndDebrief } | EndDebriefRefusal> {
  const d = debriefOf(session, warn);
  if ('ok' in d) return d;
  return { ok: true, debrief: endDebriefOf(await d) };
}

/** The whole report (the instructor's HTML export) of the finished free game. */
export async function endReport(session: SimSession, generatedAt: string, warn?: (line: string) => void): Promise<{ ok: true; fileName: string; html: string } | EndDebriefRefusal> {
  const d = debriefOf(session, warn);
  if ('ok' in d) return d;
  const debrief = await d;
  const name = baseName(debrief.recording);
  return { ok: true, fileName: `${name}-debrief.html`, html: renderReport(debrief, { fileName: `${name}.skyreplay`, generatedAt }) };
}
