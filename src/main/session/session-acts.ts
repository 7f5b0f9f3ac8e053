// What the instructor's acts and the replay viewer's acts do to a session. Each checks that
// it makes sense now (a drill to end, a replay to seek) and answers with a Reply whose error
// names the field and says what to do instead.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ReplayError, branchAt, type Recording } from '../../replay/index';
import { findDrill, readDrill } from '../../drill/files';
import { DrillError, type Drill } from '../../drill/index';
import type { CommandError } from '../../sim/commands';
import type { Refusal, Reply } from '../../shared/contract';
import type { DrillSummary, InstructorAct, ReplayAct, Role } from '../../shared/drill-contract';
import { INSTRUCTOR_AUTHOR, MESSAGE_AUTHOR } from './game-log';
import { LiveGame, type GameContext } from './live-game';
import type { JournalStore, RecoveredGame } from './journal-store';
import { ReplayPlayback } from './replay-playback';
import { resumeDrill, resumeFree } from './resume';

/** The parts of SimSession the acts work on. */
export interface SessionCore {
  readonly live: LiveGame;
  readonly replay: ReplayPlayback | null;
  readonly ctx: GameContext;
  readonly journals: JournalStore | null;
  readonly drillsDir: string;
  recoverable: RecoveredGame[];
  readonly drillRunning: boolean;
  switchTo(game: LiveGame, opts?: { speed?: number; paused?: boolean }): void;
  showReplay(replay: ReplayPlayback | null): void;
  liveEnded(): void;
}

const OK: Reply = { ok: true };
const refuse = (code: CommandError['code'], field: string, message: string): Refusal => ({ ok: false, error: { code, field, message } });
const noDrill = () => refuse('not-allowed-now', 'act', 'no drill is running; start one first (startDrill)');

export function listDrills(core: SessionCore): Reply<DrillSummary[]> {
  const data: DrillSummary[] = [];
  let names: string[];
  try {
    names = readdirSync(core.drillsDir).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    return refuse('not-allowed-now', 'kind', `cannot read the drills folder ${core.drillsDir} (${(e as Error).message})`);
  }
  for (const n of names) {
    try {
      const d = readDrill(join(core.drillsDir, n));
      data.push({ id: d.id, name: d.name, briefing: d.briefing, scenarioId: d.scenarioId, timeLimitRealMin: d.timeLimitRealMin, timeCompression: d.timeCompression, seed: d.seed, vary: d.vary ?? 0 });
    } catch (e) {
      core.ctx.warn(`Supernode Storm: skipping a drill file: ${(e as Error).message}`);
    }
  }
  return { ok: true, data };
}

export function instructorAct(core: SessionCore, act: InstructorAct): Reply {
  const live = core.live;
  const drill = core.replay ? null : live.drill;
  const liveOpen = () => (core.replay ? refuse('not-allowed-now', 'act', 'a replay is showing; close it or take over first') : live.finished ? refuse('not-allowed-now', 'act', 'this game is over; start a new game or drill') : null);
  switch (act.act) {
    case 'startDrill': {
      let d: Drill;
      try {
        d = findDrill(act.drillId, core.drillsDir);
      } catch (e) {
        if (!(e instanceof DrillError)) throw e;
        return refuse('out-of-range', 'act.drillId', e.field === '(file)' ? `there is no drill "${act.drillId}" (list them with listDrills)` : e.message);
      }
      // Paused on the briefing: the clock starts when the instructor resumes.
      core.switchTo(LiveGame.drill(d, act.checkMode, core.ctx, act.seed ?? d.seed), { speed: d.timeCompression, paused: true });
      return OK;
    }
    case 'endDrill':
      if (!drill || !core.drillRunning) return noDrill();
      drill.runner.endNow();
      core.liveEnded();
      return OK;
    case 'inject': {
      const no = liveOpen();
      if (no) return no;
      const r = drill ? drill.inject(act.command) : live.command(act.command, 'instructor');
      return r.ok ? OK : { ok: false, error: { ...r.error, field: `act.command.${r.error.field}`.replace('act.command.command', 'act.command') } };
    }
    case 'fireInject': {
      if (!drill || !core.drillRunning) return noDrill();
      return drill.runner.fireInject(act.injectId) as Reply;
    }
    case 'bookmark':
    case 'note': {
      const no = liveOpen();
      if (no) return no;
      live.mark(act.act, act.text, INSTRUCTOR_AUTHOR);
      return OK;
    }
    case 'hint':
      if (!drill || !core.drillRunning) return noDrill();
      return drill.hint(act.index, act.text) as Reply;
    case 'message':
      if (!drill || !core.drillRunning) return noDrill();
      live.mark('note', act.text, MESSAGE_AUTHOR);
      return OK;
    default: {
      const never: never = act;
      return refuse('unknown-type', 'act.act', `unknown instructor act ${JSON.stringify(never)}`);
    }
  }
}

export function replayAct(core: SessionCore, act: ReplayAct, role: Role): Reply {
  const replay = core.replay;
  const needReplay = () => refuse('not-allowed-now', 'act', 'no replay is open; open a .skyreplay first');
  const busy = () => refuse('not-allowed-now', 'act', role === 'trainee' ? 'a drill is running; the instructor can end it' : 'a drill is running; end it first (endDrill)');
  switch (act.act) {
    case 'open': {
      if (core.drillRunning) return busy();
      let opened: ReplayPlayback;
      try {
        opened = ReplayPlayback.open(act.fileName, Buffer.from(act.dataBase64, 'base64'));
      } catch (e) {
        if (!(e instanceof ReplayError)) throw e;
        return refuse('wrong-type', 'act.dataBase64', `${e.message}. The game was left as it was.`);
      }
      core.showReplay(opened);
      return OK;
    }
    case 'play':
      return replay ? replay.play() : needReplay();
    case 'pause':
      return replay ? replay.pause() : needReplay();
    case 'speed':
      return replay ? replay.setSpeed(act.speed) : needReplay();
    case 'seek':
      return replay ? replay.seek(act.tick) : needReplay();
    case 'close':
      if (!replay) return needReplay();
      core.showReplay(null);
      return OK;
    case 'takeOver':
      return replay ? takeOver(core, replay, act.tick) : needReplay();
    case 'recover':
      return core.drillRunning ? busy() : recover(core, act.journalId);
    case 'dismissRecovery': {
      const i = core.recoverable.findIndex((r) => r.summary.journalId === act.journalId);
      if (i < 0) return refuse('out-of-range', 'act.journalId', `"${act.journalId}" is not an unfinished game this host found`);
      core.journals?.setAside(act.journalId, 'dismissed');
      core.recoverable.splice(i, 1);
      return OK;
    }
    default: {
      const never: never = act;
      return refuse('unknown-type', 'act.act', `unknown replay act ${JSON.stringify(never)}`);
    }
  }
}

/** A new game from the replay's state at `tick`: the drill again if it was one still running then, else free play. */
function takeOver(core: SessionCore, replay: ReplayPlayback, tick: number): Reply {
  if (tick > replay.endTick) return refuse('out-of-range', 'act.tick', `the replay ends at tick ${replay.endTick}, not ${tick}`);
  replay.replayer.stateAt(tick); // simulates (and verifies) up to it
  const d = replay.replayer.divergence;
  if (d && d.tick <= tick) return refuse('not-allowed-now', 'act.tick', `the replay diverged at tick ${d.tick}; take over at tick ${d.tick - 1} or earlier`);
  const branch = branchAt(replay.recording, tick, replay.replayer);
  const opts = { createdAt: core.ctx.createdAt(), checkMode: false, fileName: replay.fileName };
  try {
    const drill = branch.drillId ? lookUp(core, branch.drillId) : null;
    const game = (drill && resumeDrill(branch, drill, core.ctx, opts)) || resumeFree(withoutDrill(branch), core.ctx, opts);
    core.switchTo(game, { paused: true, speed: game.drill ? game.drill.drill.timeCompression : undefined });
    return OK;
  } catch (e) {
    if (!(e instanceof ReplayError)) throw e;
    return refuse('not-allowed-now', 'act.tick', e.message);
  }
}

function recover(core: SessionCore, journalId: string): Reply {
  const i = core.recoverable.findIndex((r) => r.summary.journalId === journalId);
  if (i < 0) return refuse('out-of-range', 'act.journalId', `"${journalId}" is not an unfinished game this host found`);
  const found = core.recoverable[i];
  if (!found.recording) return refuse('not-allowed-now', 'act.journalId', `cannot be recovered: ${found.summary.error}; dismiss it`);
  const rec = found.recording;
  const opts = { createdAt: rec.createdAt, checkMode: found.meta.checkMode, fileName: journalId };
  let game: LiveGame | null;
  try {
    if (rec.drillId) {
      const drill = lookUp(core, rec.drillId);
      if (!drill) return refuse('not-allowed-now', 'act.journalId', `the drill "${rec.drillId}" is no longer installed, so its game cannot go on; dismiss it`);
      game = resumeDrill(rec, drill, core.ctx, opts);
      if (!game) return refuse('not-allowed-now', 'act.journalId', 'that drill had already ended; nothing to resume; dismiss it');
    } else game = resumeFree(rec, core.ctx, opts);
  } catch (e) {
    if (!(e instanceof ReplayError)) throw e;
    return refuse('not-allowed-now', 'act.journalId', e.message);
  }
  core.journals?.setAside(journalId, 'recovered'); // the new journal holds all of it
  core.recoverable.splice(i, 1);
  core.switchTo(game, { paused: true, speed: game.drill ? game.drill.drill.timeCompression : undefined });
  return OK;
}

/** The installed drill of that id, or null (a replay may name a drill this machine lacks). */
function lookUp(core: SessionCore, id: string): Drill | null {
  try {
    return findDrill(id, core.drillsDir);
  } catch {
    return null;
  }
}

function withoutDrill(rec: Recording): Recording {
  const { drillId: _drop, ...rest } = rec;
  return rest;
}
