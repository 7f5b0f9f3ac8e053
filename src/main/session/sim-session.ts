// One running game: the sim state plus the instructor's clock (pause, speed), the command
// journal and the frame stream. Imports nothing from Electron, so the Electron main, the
// browser host, the CLI and tests all run the same session.
import {
  TICK_SECONDS,
  SCENARIO_LIST,
  applyCommand,
  checksum,
  createSim,
  endMinuteOf,
  getScenario,
  minuteOf,
  step,
  viewOf,
  type SimState,
  type TimedCommand,
} from '../../sim/index';
import type { SimEvent, SimView } from '../../sim/view-types';
import type { CommandError } from '../../sim/commands';
import { SPEEDS, type ControlAction, type Frame, type Reply, type SessionStatus } from '../../shared/contract';
import { FrameProducer } from './frames';
import { runClock, type ClockHandle } from './clock';

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
}

export interface AdvanceResult {
  ticks: number; // ticks run
  dropped: number; // ticks that were due but dropped by the catch-up cap
}

const OK: Reply = { ok: true };
const refuse = (code: CommandError['code'], field: string, message: string): Reply => ({ ok: false, error: { code, field, message } });

export class SimSession {
  private sim!: SimState;
  private scenarioId = '';
  private seed = 0;
  private paused: boolean;
  private speed: number;
  private ended = false;
  private simMsOwed = 0; // real time x speed not yet turned into ticks
  private version = 0; // bumps on every state change; frames and the view cache key on it
  private cachedView: { version: number; view: SimView } | null = null;
  private pending: SimEvent[] = [];
  private journalEntries: TimedCommand[] = [];
  private readonly frames = new FrameProducer();
  private readonly now: () => number;
  private readonly maxTicks: number;
  private readonly budgetMs: number;
  private clock: ClockHandle | null = null;

  constructor(opts: SimSessionOptions = {}) {
    this.now = opts.now ?? (() => performance.now());
    this.maxTicks = opts.maxTicksPerAdvance ?? MAX_TICKS_PER_ADVANCE;
    this.budgetMs = opts.budgetMs ?? ADVANCE_BUDGET_MS;
    this.paused = opts.paused ?? false;
    this.speed = opts.speed ?? 60;
    if (!(SPEEDS as readonly number[]).includes(this.speed)) throw new Error(`speed ${this.speed} is not one of ${SPEEDS.join(', ')}`);
    const r = this.newGame(opts.scenarioId ?? 'dec-2010', opts.seed ?? 1);
    if (!r.ok) throw new Error(r.error.message);
  }

  get status(): SessionStatus {
    return {
      scenarioId: this.scenarioId,
      scenarioName: SCENARIO_LIST.find((s) => s.id === this.scenarioId)?.name ?? this.scenarioId,
      seed: this.seed,
      paused: this.paused,
      speed: this.speed,
      ended: this.ended,
      endMinute: endMinuteOf(this.sim),
    };
  }

  /** The live state, for tests and the CLI; hosts must not mutate it. */
  get state(): Readonly<SimState> {
    return this.sim;
  }

  view(): SimView {
    if (this.cachedView?.version !== this.version) this.cachedView = { version: this.version, view: viewOf(this.sim) };
    return this.cachedView.view;
  }

  checksum(): string {
    return checksum(this.sim);
  }

  minute(): number {
    return minuteOf(this.sim);
  }

  /** Accepted commands with the sim-minute they took effect: with scenario + seed, a replay. */
  journal(): TimedCommand[] {
    return this.journalEntries.map((e) => ({ ...e }));
  }

  newGame(scenarioId: string, seed: number): Reply {
    let sim: SimState;
    try {
      sim = createSim(getScenario(scenarioId), seed);
    } catch (e) {
      const known = SCENARIO_LIST.map((s) => s.id).join(', ');
      return refuse('out-of-range', 'control.scenarioId', `${(e as Error).message} (known scenarios: ${known})`);
    }
    this.sim = sim;
    this.scenarioId = scenarioId;
    this.seed = seed;
    this.ended = false;
    this.simMsOwed = 0;
    this.pending = [];
    this.journalEntries = [];
    this.frames.reset();
    this.version++;
    this.checkEnded();
    return OK;
  }

  pause(): Reply {
    this.paused = true;
    this.simMsOwed = 0;
    return OK;
  }

  resume(): Reply {
    if (this.ended) return refuse('not-allowed-now', 'control.action', 'the scenario has ended; start a new game to play again');
    this.paused = false;
    return OK;
  }

  setSpeed(speed: number): Reply {
    if (!(SPEEDS as readonly number[]).includes(speed))
      return refuse('out-of-range', 'control.speed', `speed must be one of ${SPEEDS.join(', ')}, got ${speed}`);
    this.speed = speed;
    return OK;
  }

  /** Runs the sim `minutes` ahead at once, paused or not (tests, the instructor's "skip"). */
  step(minutes: number): Reply {
    if (!(minutes > 0)) return refuse('out-of-range', 'control.minutes', '"minutes" must be above 0');
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

  /** Applies a player command or instructor inject at the current tick. */
  applyCommand(command: unknown): Reply {
    if (this.ended) return refuse('not-allowed-now', 'command', 'the scenario has ended; start a new game to give orders');
    const atMinute = minuteOf(this.sim);
    const r = applyCommand(this.sim, command);
    if (!r.ok) return { ok: false, error: r.error };
    this.journalEntries.push({ atMinute, command: JSON.parse(JSON.stringify(command)) as TimedCommand['command'] });
    this.version++;
    return OK;
  }

  control(c: ControlAction): Reply {
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

  /** The next frame for all subscribers, or null when nothing changed. */
  nextFrame(): Frame | null {
    return this.frames.next(this.version, () => this.view(), this.status, this.pending);
  }

  /** A full frame for a screen that just (re)subscribed. */
  fullFrame(): Frame {
    return this.frames.fullFrame(() => this.view(), this.status);
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

  private tick(): void {
    const events = step(this.sim);
    this.version++;
    if (events.length) {
      this.pending.push(...events);
      if (this.pending.length > MAX_PENDING_EVENTS) this.pending.splice(0, this.pending.length - MAX_PENDING_EVENTS);
    }
    this.checkEnded();
  }

  private checkEnded(): void {
    if (minuteOf(this.sim) >= endMinuteOf(this.sim)) {
      this.ended = true;
      this.paused = true;
    }
  }
}
