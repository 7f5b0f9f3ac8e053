// One host's game: what the screens are shown (the live game, live-mode.ts, or a replay,
// replay-mode.ts, each with its own clock), the real-time driver and the frame stream. Imports
// nothing from Electron, so the Electron main, the browser host, the CLI and tests all run
// the same session. Who may do what: shared/role-policy.ts. Acts on drills and replays: session-acts.ts.
import { TICK_SECONDS, SCENARIO_LIST, checksum, endMinuteOf, getScenario, minuteOf, viewOf, type SimState, type TimedCommand } from '../../sim/index';
import type { SimEvent, SimView } from '../../sim/view-types';
import type { Command, CommandError } from '../../sim/commands';
import type { Recording } from '../../replay/index';
import { DRILLS_DIR } from '../../drill/files';
import { NORMAL_SPEED, SPEEDS, type ControlAction, type Frame, type Reply, type SessionStatus } from '../../shared/contract';
import type { DrillSummary, InstructorAct, InstructorView, ModeFrame, ReplayAct, Role, SessionMode } from '../../shared/drill-contract';
import { FrameProducer } from './frames';
import { toWire } from '../../shared/frame-wire';
import { tPlus } from '../../shared/duration';
import { runClock, type ClockHandle } from './clock';
import { mayDo, refuseForRole, type Ask, type DrillRules } from '../../shared/role-policy';
import { LiveGame, type GameContext } from './live-game';
import { JournalStore, type RecoveredGame } from './journal-store';
import type { ReplayPlayback } from './replay-playback';
import { LiveMode } from './live-mode';
import { ReplayMode } from './replay-mode';
import type { Showing, Stepped } from './showing';
import { instructorAct, listDrills, replayAct, type SessionCore } from './session-acts';

export const TICK_MS = TICK_SECONDS * 1000;
/** Catch-up cap: after a stall (laptop lid, debugger) we drop sim time rather than freeze the UI. */
export const MAX_TICKS_PER_ADVANCE = 60;
export const ADVANCE_BUDGET_MS = 25;
/** ~30 frames per real second. */
export const FRAME_INTERVAL_MS = 33;
/** Events kept for frames nobody has pulled yet (a headless session may never pull). */
const MAX_PENDING_EVENTS = 1000;
/** Frames after the first stay under this on the wire (issue 10); a replay's past fills what room is left, in pieces of at least MIN_PIECE_BYTES. */
const WIRE_FRAME_BYTES = 1900;
const MIN_PIECE_BYTES = 150;

export interface SimSessionOptions {
  scenarioId?: string;
  seed?: number;
  speed?: number;
  paused?: boolean;
  /** Real-time source in ms (performance.now by default); tests pass their own. */
  now?: () => number;
  maxTicksPerAdvance?: number;
  budgetMs?: number;
  /** Folder for crash-safe game journals; unset = games are recorded in memory only. */
  journalDir?: string | null;
  /** Where the drills are (drills/ by default). */
  drillsDir?: string;
  /** Wall-clock time for recordings' createdAt (new Date() by default). */
  wallClock?: () => Date;
  warn?: (line: string) => void;
  /**
   * A host's start: nothing runs and nothing is journaled until a screen starts a shift (a game,
   * a drill, a recovery); screens show the start screen meanwhile. Off for tests and the CLI.
   */
  idle?: boolean;
}

export interface AdvanceResult {
  ticks: number; // ticks run
  dropped: number; // ticks that were due but dropped by the catch-up cap
}

const OK: Reply = { ok: true };
const refuse = (code: CommandError['code'], field: string, message: string): Reply => ({ ok: false, error: { code, field, message } });

export class SimSession implements SessionCore {
  recoverable: RecoveredGame[] = [];
  readonly ctx: GameContext;
  readonly journals: JournalStore | null;
  readonly drillsDir: string;
  private liveMode!: LiveMode; // the live game, waiting paused underneath while a replay shows
  private replayMode: ReplayMode | null = null;
  private version = 0; // bumps on every change of what is shown; frames and the view cache key on it
  private cachedView: { version: number; view: SimView } | null = null;
  private cachedInstructor: { key: string; view: InstructorView | null } | null = null;
  private pastFrames = 0; // frames sent while a replay's past was still going out (each one new)
  private timelineSent = 0; // the replay timeline the last broadcast frame carried (ReplayPlayback.timelineId)
  private pending: SimEvent[] = [];
  private readonly frames = new FrameProducer();
  private readonly now: () => number;
  private readonly maxTicks: number;
  private readonly budgetMs: number;
  private clock: ClockHandle | null = null;
  private exporting: ModeFrame['exporting'] = null;
  private debriefing: number | null = null;
  private gameOver = new AbortController(); // aborted when the live game is replaced or the host shuts down
  private startSpeed: number;
  private startPaused: boolean;
  private started: boolean;
  private screens = 0;
  /** When this host started: screens that see it change know the host was restarted. */
  readonly hostSince: string;

  constructor(opts: SimSessionOptions = {}) {
    this.now = opts.now ?? (() => performance.now());
    this.maxTicks = opts.maxTicksPerAdvance ?? MAX_TICKS_PER_ADVANCE;
    this.budgetMs = opts.budgetMs ?? ADVANCE_BUDGET_MS;
    this.startPaused = opts.paused ?? false;
    this.startSpeed = opts.speed ?? 60;
    this.drillsDir = opts.drillsDir ?? DRILLS_DIR;
    if (!(SPEEDS as readonly number[]).includes(this.startSpeed)) throw new Error(`speed ${this.startSpeed} is not one of ${SPEEDS.join(', ')}`);
    const wall = opts.wallClock ?? (() => new Date());
    const warn = opts.warn ?? ((line: string) => console.warn(line));
    this.journals = opts.journalDir ? new JournalStore(opts.journalDir, {}, warn) : null;
    // Before our own journal exists: whatever is unfinished now was left by a host that stopped.
    this.recoverable = this.journals?.findUnfinished() ?? [];
    this.journals?.prune();
    this.ctx = { createdAt: () => wall().toISOString().replace(/\.\d+Z$/, 'Z'), journals: this.journals, warn };
    this.hostSince = wall().toISOString();
    this.started = !opts.idle;
    // An idle host's game is only the picture behind the start screen: paused and not journaled.
    const first = getScenario(opts.scenarioId ?? 'dec-2010');
    this.switchTo(LiveGame.free(first, opts.seed ?? 1, opts.idle ? { ...this.ctx, journals: null } : this.ctx), opts.idle ? { paused: true } : {});
    this.started = !opts.idle;
  }

  /** The live game (it waits, paused, underneath an open replay). */
  get live(): LiveGame {
    return this.liveMode.game;
  }

  /** The replay being watched, if any. */
  get replay(): ReplayPlayback | null {
    return this.replayMode?.playback ?? null;
  }

  /** What the screens are shown now. */
  private get showing(): Showing {
    return this.replayMode ?? this.liveMode;
  }

  get mode(): SessionMode {
    return this.replayMode ? 'replay' : this.live.drill ? 'drill' : 'free';
  }

  /** The state the screens are shown: the replay's playhead, or the live game. */
  get state(): Readonly<SimState> {
    return this.showing.state;
  }

  get status(): SessionStatus {
    const shown = this.showing;
    const s = shown.state;
    return {
      scenarioId: s.scenario.id,
      scenarioName: SCENARIO_LIST.find((x) => x.id === s.scenario.id)?.name ?? s.scenario.name,
      seed: s.seed,
      paused: shown.paused,
      speed: shown.speed,
      ended: shown.ended,
      endMinute: endMinuteOf(s as SimState),
      started: this.started,
      orders: this.live.log.commands.length,
      screens: this.screens,
      hostSince: this.hostSince,
    };
  }

  view(): SimView {
    if (this.cachedView?.version !== this.version) this.cachedView = { version: this.version, view: viewOf(this.state as SimState) };
    return this.cachedView.view;
  }

  checksum(): string {
    return checksum(this.state as SimState);
  }

  minute(): number {
    return minuteOf(this.state as SimState);
  }

  /** The live game's accepted commands with their sim-minute (scenario + seed + these = a replay). */
  journal(): TimedCommand[] {
    return this.live.log.commands.map((c) => ({ atMinute: (c.tick * TICK_SECONDS) / 60, command: structuredClone(c.command) }));
  }

  /** The recording the screens show: the open replay, else the live game's so far. */
  recording(): Recording {
    return this.showing.recording();
  }

  /** A new free game at the normal speed; `replace` false refuses while a shift is under way (a screen asks first). */
  newGame(scenarioId: string, seed: number, replace = true): Reply {
    let scenario;
    try {
      scenario = getScenario(scenarioId);
    } catch (e) {
      const known = SCENARIO_LIST.map((s) => s.id).join(', ');
      return refuse('out-of-range', 'control.scenarioId', `${(e as Error).message} (known scenarios: ${known})`);
    }
    const no = this.refuseReplacing(replace);
    if (no) return no;
    this.switchTo(LiveGame.free(scenario, seed, this.ctx), { speed: NORMAL_SPEED });
    return OK;
  }

  pause(): Reply {
    return this.showing.pause();
  }

  resume(): Reply {
    return this.notStarted('control.action') ?? this.touched(this.showing.resume());
  }

  setSpeed(speed: number): Reply {
    if (!(SPEEDS as readonly number[]).includes(speed))
      return refuse('out-of-range', 'control.speed', `speed must be one of ${SPEEDS.join(', ')}, got ${speed}`);
    return this.showing.setSpeed(speed);
  }

  /** Runs the sim `minutes` ahead at once, paused or not (tests, the instructor's "skip"). */
  step(minutes: number): Reply {
    if (!(minutes > 0)) return refuse('out-of-range', 'control.minutes', '"minutes" must be above 0');
    const idle = this.notStarted('control.action');
    if (idle) return idle;
    const r = this.showing.step(minutes);
    if ('ok' in r) return r;
    this.stepped(r);
    return OK;
  }

  /** Feeds `realMs` of wall time to what is showing (fixed-step, with a catch-up cap). */
  advance(realMs: number): AdvanceResult {
    const r = this.showing.advance(realMs, { maxTicks: this.maxTicks, budgetMs: this.budgetMs, now: this.now });
    this.stepped(r);
    return { ticks: r.ticks, dropped: r.dropped };
  }

  /** A player's order from a screen of `role`; in a drill the trainee keeps to the drill's verbs. */
  applyCommand(command: Command, role: Role = 'trainee'): Reply {
    return this.notStarted('command') ?? this.touched(this.showing.command(command, role));
  }

  /** A clock control from a screen of `role` (host menus and tests act as the instructor). */
  control(c: ControlAction, role: Role = 'instructor'): Reply {
    const no = this.refuseForRole({ kind: 'control', action: c.action }, role);
    if (no) return no;
    switch (c.action) {
      case 'pause':
        return this.pause();
      case 'resume':
        return this.resume();
      case 'setSpeed':
        return this.setSpeed(c.speed);
      case 'newGame':
        return this.newGame(c.scenarioId, c.seed, c.replace === true);
      case 'step':
        return this.step(c.minutes);
      default: {
        const never: never = c;
        return refuse('unknown-type', 'control.action', `unknown control ${JSON.stringify(never)}`);
      }
    }
  }

  /** The client versions the running game's scenario knows: a screen's command is checked against them. */
  commandVersions(): string[] {
    return this.live.state.scenario.versions.map((v) => v.id);
  }

  listDrills(): Reply<DrillSummary[]> {
    return listDrills(this);
  }

  /** An instructor's act (the host has already checked the screen is the instructor's). */
  instructor(act: InstructorAct): Reply {
    // Orders and notes on the idle picture would be lost with it; a drill starts a shift.
    if (act.act === 'inject' || act.act === 'bookmark' || act.act === 'note') {
      const idle = this.notStarted('act');
      if (idle) return idle;
    }
    return this.touched(instructorAct(this, act));
  }

  /** An instructor's act from a screen of `role`: refused unless it is the instructor's. */
  instructorFrom(act: InstructorAct, role: Role): Reply {
    return this.refuseForRole({ kind: 'instructor' }, role) ?? this.instructor(act);
  }

  replayAct(act: ReplayAct, role: Role = 'instructor'): Reply {
    return this.refuseForRole({ kind: 'replay', act: act.act }, role) ?? this.touched(replayAct(this, act, role));
  }

  /** The next frame for all subscribers (the trainee's), or null when nothing changed. */
  nextFrame(): Frame | null {
    const mode = this.modeFrame(false);
    const pending = this.showing.pastPending?.() ?? false; // frames go out while a replay's past is still to send
    const key = `${JSON.stringify(mode)}|${this.instructorKey()}${pending ? `|past ${++this.pastFrames}` : ''}`;
    const f = this.frames.next(this.version, () => this.view(), this.status, this.pending, key);
    if (f) {
      f.mode = mode;
      const samples = this.showing.newSamples();
      if (f.full) this.withHistory(f, true);
      else {
        if (samples.length) f.samples = samples;
        // A replay's past still to send fills what room the frame leaves under the wire's 2 KB
        // (status included, as for a screen that needs it); with none pending the frame is not packed twice.
        if (pending) {
          const room = WIRE_FRAME_BYTES - JSON.stringify(toWire(f, true)).length;
          const piece = room >= MIN_PIECE_BYTES ? this.showing.pastPiece?.(room) : null;
          if (piece) f.past = piece;
        }
      }
      this.timelineSent = mode.replay?.timelineId ?? 0; // later frames carry the playhead only
    }
    return f;
  }

  /** A full frame for a screen of `role` that just (re)subscribed. */
  fullFrame(role: Role = 'trainee'): Frame {
    return this.frameFor(this.withHistory({ ...this.frames.fullFrame(() => this.view(), this.status), mode: this.modeFrame(true) }), role);
  }

  /** A full frame carries the game's past (a replay's as far as built), so a screen that joins now shows it. */
  private withHistory(f: Frame, broadcast = false): Frame {
    const h = this.showing.history();
    if (h) f.history = h;
    const past = this.showing.pastWhole?.(broadcast);
    if (past) f.past = past;
    return f;
  }

  /** How many screens follow this host now (the hosts count them); shown to every screen. */
  setScreens(n: number): void {
    if (n === this.screens) return;
    this.screens = n;
    this.version++;
  }

  /** The frame as a screen of `role` may see it: only instructors get the InstructorView. */
  frameFor(frame: Frame, role: Role): Frame {
    if (!frame.mode || !mayDo({ kind: 'instructorView' }, role, this.drillRules)) return frame;
    return { ...frame, mode: { ...frame.mode, instructor: this.instructorView() } };
  }

  /** A debrief export's progress, shown to every screen (exports.ts sets it). */
  setExporting(progress: ModeFrame['exporting']): void {
    this.exporting = progress;
  }

  /** Aborted when the live game is replaced (a new game, a drill, a recovered game) or the host shuts down: work for that game (its end-screen debrief) stops. */
  get gameSignal(): AbortSignal {
    return this.gameOver.signal;
  }

  /** The end-screen debrief's progress (end-debrief.ts), in whole per cent so frames go out only when it moves; null when done. */
  setDebriefing(fraction: number | null): void {
    this.debriefing = fraction === null ? null : Math.floor(Math.min(1, Math.max(0, fraction)) * 100) / 100;
  }

  /** Drives the session in real time and emits frames (at most one per interval). */
  startClock(onFrame: (frame: Frame) => void, intervalMs = FRAME_INTERVAL_MS): ClockHandle {
    this.clock?.stop();
    const clock = runClock(this, this.now, onFrame, intervalMs);
    this.clock = clock;
    return {
      stop: () => {
        clock.stop();
        if (this.clock === clock) this.clock = null;
      },
    };
  }

  /** The host is shutting down: a game with something in it stays unfinished, to be offered next time. */
  close(): void {
    this.clock?.stop();
    this.gameOver.abort();
    this.journals?.release(); // the data folder is free for the next host
    const l = this.live;
    if (l.finished) return;
    if (!l.drill && l.log.commands.length === 0 && l.log.marks.length === 0) l.finish();
    else l.closeJournal();
  }

  // ---- SessionCore: what session-acts.ts uses -------------------------------------------

  /** Replaces the live game (sealing the old one's replay), closes any replay; paused unless said. */
  switchTo(game: LiveGame, opts: { speed?: number; paused?: boolean } = {}): void {
    const before = this.liveMode as LiveMode | undefined;
    if (before && before.game !== game) {
      before.game.finish();
      this.journals?.prune(); // its journal is now a finished one: the folder keeps the newest few, game after game
      this.gameOver.abort(); // its end-screen debrief is no longer wanted, nor its bar
      this.gameOver = new AbortController();
      this.debriefing = null;
    }
    this.liveMode = new LiveMode(game, opts.speed ?? before?.speed ?? this.startSpeed, opts.paused ?? before?.paused ?? this.startPaused);
    this.replayMode = null;
    this.started = true;
    this.shownAnew();
  }

  showReplay(replay: ReplayPlayback | null): void {
    this.liveMode.pause(); // the live game waits underneath, paused
    this.replayMode = replay ? new ReplayMode(replay) : null;
    this.shownAnew();
  }

  /** The drill just ended (time, objectives or the instructor): stop the clock and seal the replay. */
  liveEnded(): void {
    this.liveMode.end();
    this.version++;
  }

  get drillRunning(): boolean {
    return !this.replayMode && this.liveMode.drillRunning;
  }

  // ---- internals ----------------------------------------------------------------------

  /** Before anyone starts a shift the live game is only the picture behind the start screen: not journaled, so nothing may change it. */
  private notStarted(field: string): Reply | null {
    return !this.started && !this.replayMode ? refuse('not-allowed-now', field, 'no shift has started yet: start one on the start screen (or a drill from the instructor console)') : null;
  }

  /** A reply that changed something (ok) bumps the version so the next frame shows it. */
  private touched(r: Reply): Reply {
    if (r.ok) this.version++;
    return r;
  }

  /** shared/role-policy.ts, asked with the drill under way now (none while a replay shows). */
  refuseForRole(ask: Ask, role: Role): Reply | null {
    return refuseForRole(ask, role, this.drillRules);
  }

  private get drillRules(): DrillRules | null {
    return this.drillRunning ? (this.live.drill?.rules ?? null) : null;
  }

  /** Starting another game while a shift is under way ends it for every screen: only when asked to. */
  private refuseReplacing(replace: boolean): Reply | null {
    if (replace || !this.started || this.liveMode.ended) return null;
    const st = this.status;
    const lost = `${st.scenarioName} at ${tPlus(minuteOf(this.live.state))}, ${st.orders} order${st.orders === 1 ? '' : 's'} given`;
    const others = Math.max(0, this.screens - 1);
    return refuse('not-allowed-now', 'control.replace', `a shift is under way (${lost}; ${others} other screen${others === 1 ? '' : 's'} watching): starting another ends it for everyone (its replay is kept). Send replace: true to do so`);
  }

  /** Something else is on screen: screens start from a full frame, with no events left over. */
  private shownAnew(): void {
    this.pending = [];
    this.frames.reset();
    this.version++;
  }

  private stepped(r: Stepped): void {
    if (r.ticks === 0 && r.events.length === 0 && !r.moved) return;
    this.version++;
    this.pending.push(...r.events);
    if (this.pending.length > MAX_PENDING_EVENTS) this.pending.splice(0, this.pending.length - MAX_PENDING_EVENTS);
  }

  /** `full`: for a screen that has nothing yet, so a replay's timeline rides along. */
  private modeFrame(full: boolean): ModeFrame {
    return { ...this.showing.modeFrame(full, this.timelineSent), recoverable: this.recoverable.map((r) => r.summary), exporting: this.exporting, debriefing: this.debriefing };
  }

  private instructorKey(): string {
    return this.showing.instructorKey;
  }

  private instructorView(): InstructorView | null {
    const key = `${this.version}|${this.instructorKey()}`;
    if (this.cachedInstructor?.key === key) return this.cachedInstructor.view;
    const view = this.showing.instructorView();
    this.cachedInstructor = { key, view };
    return view;
  }
}
