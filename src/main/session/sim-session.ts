// One host's game: the live game (free play or a drill, recorded and journaled), or a replay
// being watched, plus the instructor's clock (pause, speed), the fixed-step clock and the
// frame stream. Imports nothing from Electron, so the Electron main, the browser host, the
// CLI and tests all run the same session. Acts on drills and replays are in session-acts.ts.
import { TICK_SECONDS, SCENARIO_LIST, checksum, endMinuteOf, getScenario, minuteOf, viewOf, type SimState, type TimedCommand } from '../../sim/index';
import type { SimEvent, SimView } from '../../sim/view-types';
import type { Command, CommandError } from '../../sim/commands';
import type { Recording } from '../../replay/index';
import { DRILLS_DIR } from '../../drill/files';
import { SPEEDS, type ControlAction, type Frame, type Reply, type SessionStatus } from '../../shared/contract';
import type { DrillSummary, InstructorAct, InstructorView, ModeFrame, ReplayAct, Role, SessionMode } from '../../shared/drill-contract';
import { FrameProducer } from './frames';
import { runClock, type ClockHandle } from './clock';
import { refuseForRole, type Ask } from './role-policy';
import { LiveGame, type GameContext } from './live-game';
import { JournalStore, type RecoveredGame } from './journal-store';
import { NO_SCORE, instructorBasics } from './drill-play';
import type { ReplayPlayback } from './replay-playback';
import { instructorAct, listDrills, replayAct, type SessionCore } from './session-acts';

export const TICK_MS = TICK_SECONDS * 1000;
/** Catch-up cap: after a stall (laptop lid, debugger) we drop sim time rather than freeze the UI. */
export const MAX_TICKS_PER_ADVANCE = 60;
export const ADVANCE_BUDGET_MS = 25;
/** ~30 frames per real second. */
export const FRAME_INTERVAL_MS = 33;
/** Events kept for frames nobody has pulled yet (a headless session may never pull). */
const MAX_PENDING_EVENTS = 1000;

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
}

export interface AdvanceResult {
  ticks: number; // ticks run
  dropped: number; // ticks that were due but dropped by the catch-up cap
}

const OK: Reply = { ok: true };
const refuse = (code: CommandError['code'], field: string, message: string): Reply => ({ ok: false, error: { code, field, message } });

export class SimSession implements SessionCore {
  live!: LiveGame;
  replay: ReplayPlayback | null = null;
  recoverable: RecoveredGame[] = [];
  readonly ctx: GameContext;
  readonly journals: JournalStore | null;
  readonly drillsDir: string;
  private paused: boolean;
  private speed: number;
  private ended = false; // the live game is over (scenario end, or the drill ended)
  private simMsOwed = 0; // real time x speed not yet turned into ticks
  private version = 0; // bumps on every change of what is shown; frames and the view cache key on it
  private cachedView: { version: number; view: SimView } | null = null;
  private cachedInstructor: { key: string; view: InstructorView | null } | null = null;
  private timelineSent = 0; // the replay timeline the last broadcast frame carried (ReplayPlayback.timelineId)
  private pending: SimEvent[] = [];
  private readonly frames = new FrameProducer();
  private readonly now: () => number;
  private readonly maxTicks: number;
  private readonly budgetMs: number;
  private clock: ClockHandle | null = null;
  private exporting: ModeFrame['exporting'] = null;

  constructor(opts: SimSessionOptions = {}) {
    this.now = opts.now ?? (() => performance.now());
    this.maxTicks = opts.maxTicksPerAdvance ?? MAX_TICKS_PER_ADVANCE;
    this.budgetMs = opts.budgetMs ?? ADVANCE_BUDGET_MS;
    this.paused = opts.paused ?? false;
    this.speed = opts.speed ?? 60;
    this.drillsDir = opts.drillsDir ?? DRILLS_DIR;
    if (!(SPEEDS as readonly number[]).includes(this.speed)) throw new Error(`speed ${this.speed} is not one of ${SPEEDS.join(', ')}`);
    const wall = opts.wallClock ?? (() => new Date());
    const warn = opts.warn ?? ((line: string) => console.warn(line));
    this.journals = opts.journalDir ? new JournalStore(opts.journalDir, {}, warn) : null;
    // Before our own journal exists: whatever is unfinished now was left by a host that stopped.
    this.recoverable = this.journals?.findUnfinished() ?? [];
    this.journals?.prune();
    this.ctx = { createdAt: () => wall().toISOString().replace(/\.\d+Z$/, 'Z'), journals: this.journals, warn };
    const r = this.newGame(opts.scenarioId ?? 'dec-2010', opts.seed ?? 1);
    if (!r.ok) throw new Error(r.error.message);
  }

  get mode(): SessionMode {
    return this.replay ? 'replay' : this.live.drill ? 'drill' : 'free';
  }

  /** The state the screens are shown: the replay's playhead, or the live game. */
  get state(): Readonly<SimState> {
    return this.replay ? this.replay.shown : this.live.state;
  }

  get status(): SessionStatus {
    const s = this.state;
    return {
      scenarioId: s.scenario.id,
      scenarioName: SCENARIO_LIST.find((x) => x.id === s.scenario.id)?.name ?? s.scenario.name,
      seed: s.seed,
      paused: this.replay ? !this.replay.playing : this.paused,
      speed: this.replay ? this.replay.speed : this.speed,
      ended: this.replay ? this.replay.tick >= this.replay.endTick : this.ended,
      endMinute: endMinuteOf(s as SimState),
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
    return this.replay ? this.replay.recording : this.live.recording();
  }

  newGame(scenarioId: string, seed: number): Reply {
    let scenario;
    try {
      scenario = getScenario(scenarioId);
    } catch (e) {
      const known = SCENARIO_LIST.map((s) => s.id).join(', ');
      return refuse('out-of-range', 'control.scenarioId', `${(e as Error).message} (known scenarios: ${known})`);
    }
    this.switchTo(LiveGame.free(scenario, seed, this.ctx));
    return OK;
  }

  pause(): Reply {
    if (this.replay) return this.replay.pause();
    this.paused = true;
    this.simMsOwed = 0;
    return OK;
  }

  resume(): Reply {
    if (this.replay) return this.touched(this.replay.play());
    if (this.ended) return refuse('not-allowed-now', 'control.action', this.live.drill ? 'the drill is over; start a new game or drill' : 'the scenario has ended; start a new game to play again');
    this.paused = false;
    return OK;
  }

  setSpeed(speed: number): Reply {
    if (!(SPEEDS as readonly number[]).includes(speed))
      return refuse('out-of-range', 'control.speed', `speed must be one of ${SPEEDS.join(', ')}, got ${speed}`);
    if (this.replay) return this.replay.setSpeed(speed);
    this.speed = speed;
    return OK;
  }

  /** Runs the sim `minutes` ahead at once, paused or not (tests, the instructor's "skip"). */
  step(minutes: number): Reply {
    if (!(minutes > 0)) return refuse('out-of-range', 'control.minutes', '"minutes" must be above 0');
    if (this.replay) return refuse('not-allowed-now', 'control.action', 'a replay is showing: seek in it instead of stepping');
    if (this.ended) return refuse('not-allowed-now', 'control.action', 'the scenario has ended; start a new game to play again');
    const ticks = Math.ceil((minutes * 60) / TICK_SECONDS - 1e-9);
    for (let i = 0; i < ticks && !this.ended; i++) this.tick();
    return OK;
  }

  /**
   * Fixed-step clock: `realMs` of wall time owes realMs x speed sim-ms; whole ticks run now,
   * up to the catch-up cap. Time beyond the cap is dropped, not queued.
   */
  advance(realMs: number): AdvanceResult {
    if (this.replay) return this.advanceReplay(realMs);
    if (this.paused || this.ended || !(realMs > 0)) return { ticks: 0, dropped: 0 };
    this.simMsOwed += realMs * this.speed;
    const due = Math.floor(this.simMsOwed / TICK_MS);
    const start = this.now();
    let ticks = 0;
    while (ticks < due && ticks < this.maxTicks && !this.ended) {
      this.tick();
      ticks++;
      if (this.now() - start >= this.budgetMs) break;
    }
    this.simMsOwed -= due * TICK_MS; // keep only the part of a tick not yet due
    if (this.ended) this.simMsOwed = 0;
    return { ticks, dropped: this.ended ? 0 : due - ticks };
  }

  /** A player's order from a screen of `role`; in a drill the trainee keeps to the drill's verbs. */
  applyCommand(command: Command, role: Role = 'trainee'): Reply {
    if (this.replay) return refuse('not-allowed-now', 'command', 'a replay is showing: take over or close it to give orders');
    if (this.ended) return refuse('not-allowed-now', 'command', this.live.drill ? 'the drill is over; no more orders' : 'the scenario has ended; start a new game to give orders');
    return this.touched(this.live.command(command, role));
  }

  /** A clock control from a screen of `role` (host menus and tests act as the instructor). */
  control(c: ControlAction, role: Role = 'instructor'): Reply {
    const no = this.refuseForRole({ kind: 'control', control: c }, role);
    if (no) return no;
    switch (c.action) {
      case 'pause':
        return this.pause();
      case 'resume':
        return this.resume();
      case 'setSpeed':
        return this.setSpeed(c.speed);
      case 'newGame':
        return this.newGame(c.scenarioId, c.seed);
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
    const key = `${JSON.stringify(mode)}|${this.instructorKey()}`;
    const f = this.frames.next(this.version, () => this.view(), this.status, this.pending, key);
    if (f) {
      f.mode = mode;
      this.timelineSent = mode.replay?.timelineId ?? 0; // later frames carry the playhead only
    }
    return f;
  }

  /** A full frame for a screen of `role` that just (re)subscribed. */
  fullFrame(role: Role = 'trainee'): Frame {
    return this.frameFor({ ...this.frames.fullFrame(() => this.view(), this.status), mode: this.modeFrame(true) }, role);
  }

  /** The frame as a screen of `role` may see it: only instructors get the InstructorView. */
  frameFor(frame: Frame, role: Role): Frame {
    if (role !== 'instructor' || !frame.mode) return frame;
    return { ...frame, mode: { ...frame.mode, instructor: this.instructorView() } };
  }

  /** A debrief export's progress, shown to every screen (exports.ts sets it). */
  setExporting(progress: ModeFrame['exporting']): void {
    this.exporting = progress;
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
    this.journals?.release(); // the data folder is free for the next host
    const l = this.live;
    if (l.finished) return;
    if (!l.drill && l.log.commands.length === 0 && l.log.marks.length === 0) l.finish();
    else l.closeJournal();
  }

  // ---- SessionCore: what session-acts.ts uses -------------------------------------------

  /** Replaces the live game (sealing the old one's replay), closes any replay; paused unless said. */
  switchTo(game: LiveGame, opts: { speed?: number; paused?: boolean } = {}): void {
    if (this.live && this.live !== game) this.live.finish();
    this.live = game;
    this.replay = null;
    this.ended = false;
    this.simMsOwed = 0;
    this.pending = [];
    if (opts.speed !== undefined) this.speed = opts.speed;
    if (opts.paused !== undefined) this.paused = opts.paused;
    this.frames.reset();
    this.version++;
    this.checkEnded();
  }

  showReplay(replay: ReplayPlayback | null): void {
    this.replay = replay;
    this.paused = true; // the live game waits underneath, paused
    this.simMsOwed = 0;
    this.pending = [];
    this.frames.reset();
    this.version++;
  }

  /** The drill just ended (time, objectives or the instructor): stop the clock and seal the replay. */
  liveEnded(): void {
    this.ended = true;
    this.paused = true;
    this.simMsOwed = 0;
    this.live.finish();
    this.version++;
  }

  get drillRunning(): boolean {
    return !this.replay && this.live.drill !== null && !this.ended;
  }

  // ---- internals ----------------------------------------------------------------------

  /** A reply that changed something (ok) bumps the version so the next frame shows it. */
  private touched(r: Reply): Reply {
    if (r.ok) this.version++;
    return r;
  }

  /** Whose clock it is: in a running drill the trainee may not start games or skip time; in check mode not pause either. */
  /** role-policy.ts, asked with what the session is doing now. */
  refuseForRole(ask: Ask, role: Role): Reply | null {
    return refuseForRole(ask, role, { running: this.drillRunning, checkMode: this.live.drill?.checkMode ?? false });
  }

  private advanceReplay(realMs: number): AdvanceResult {
    const r = this.replay!;
    r.buildSome(this.now);
    const { ticks, events } = r.advance(realMs, this.maxTicks);
    if (ticks > 0 || events.length) {
      this.version++;
      this.pending.push(...events);
      if (this.pending.length > MAX_PENDING_EVENTS) this.pending.splice(0, this.pending.length - MAX_PENDING_EVENTS);
    }
    return { ticks, dropped: 0 };
  }

  private tick(): void {
    const events = this.live.tick();
    this.version++;
    if (events.length) {
      this.pending.push(...events);
      if (this.pending.length > MAX_PENDING_EVENTS) this.pending.splice(0, this.pending.length - MAX_PENDING_EVENTS);
    }
    this.checkEnded();
  }

  private checkEnded(): void {
    if (this.ended) return;
    if (this.live.drillEnded || minuteOf(this.live.state) >= endMinuteOf(this.live.state)) this.liveEnded();
  }

  /** `full`: for a screen that has nothing yet, so a replay's timeline rides along. */
  private modeFrame(full: boolean): ModeFrame {
    const extra = { recoverable: this.recoverable.map((r) => r.summary), exporting: this.exporting };
    if (this.replay) {
      const { marks, timeline, ...head } = this.replay.view();
      const once = full || head.timelineId !== this.timelineSent ? { marks, timeline } : {};
      return { mode: 'replay', drill: null, replay: { ...head, ...once }, ...extra };
    }
    const d = this.live.drill;
    return { mode: d ? 'drill' : 'free', drill: d ? d.view(this.speed) : null, replay: null, ...extra };
  }

  private instructorKey(): string {
    const l = this.live;
    return `${this.replay ? 'r' : ''}${l.log.commands.length}/${l.log.marks.length}/${l.drill?.key ?? ''}/${l.journalPath ?? ''}`;
  }

  private instructorView(): InstructorView | null {
    const key = `${this.version}|${this.instructorKey()}`;
    if (this.cachedInstructor?.key === key) return this.cachedInstructor.view;
    let view: InstructorView | null = null;
    if (!this.replay) {
      const l = this.live;
      view = l.drill ? l.drill.instructorView(l.journalPath) : { ...instructorBasics(l.log, l.journalPath), score: NO_SCORE, injects: [], hints: [] };
    }
    this.cachedInstructor = { key, view };
    return view;
  }
}
