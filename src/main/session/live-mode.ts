// The live game as the screens see it: its own clock (paused, speed, the sim time owed), the
// ticks and the end of the game (the scenario's end, or the drill's).
import { TICK_SECONDS, endMinuteOf, minuteOf, type SimEvent } from '../../sim/index';
import type { Command, CommandError } from '../../sim/commands';
import type { Recording } from '../../replay/index';
import type { GameHistory, HistorySample, Reply } from '../../shared/contract';
import type { InstructorView, ModeFrame, Role } from '../../shared/drill-contract';
import { NO_SCORE, instructorBasics } from './drill-play';
import { HistoryKeeper } from './game-history';
import type { LiveGame } from './live-game';
import type { Showing, StepBudget, Stepped } from './showing';

const TICK_MS = TICK_SECONDS * 1000;
const OK: Reply = { ok: true };
const refuse = (code: CommandError['code'], field: string, message: string): Reply => ({ ok: false, error: { code, field, message } });

export class LiveMode implements Showing {
  paused: boolean;
  ended = false;
  private simMsOwed = 0; // real time x speed not yet turned into ticks
  private readonly past = new HistoryKeeper();

  constructor(
    readonly game: LiveGame,
    public speed: number,
    paused: boolean,
  ) {
    this.paused = paused;
    this.past.sample(game.state);
    this.checkEnded();
  }

  get state() {
    return this.game.state;
  }

  /** A drill is running (not over): the trainee keeps off the clock and the game. */
  get drillRunning(): boolean {
    return this.game.drill !== null && !this.ended;
  }

  pause(): Reply {
    this.paused = true;
    this.simMsOwed = 0;
    return OK;
  }

  resume(): Reply {
    if (this.ended) return refuse('not-allowed-now', 'control.action', this.game.drill ? 'the drill is over; start a new game or drill' : 'the scenario has ended; start a new game to play again');
    this.paused = false;
    return OK;
  }

  setSpeed(speed: number): Reply {
    this.speed = speed;
    return OK;
  }

  step(minutes: number): Reply | Stepped {
    if (this.ended) return refuse('not-allowed-now', 'control.action', 'the scenario has ended; start a new game to play again');
    const due = Math.ceil((minutes * 60) / TICK_SECONDS - 1e-9);
    const events: SimEvent[] = [];
    let ticks = 0;
    for (; ticks < due && !this.ended; ticks++) events.push(...this.tick());
    return { ticks, dropped: 0, events };
  }

  /**
   * Fixed-step clock: `realMs` of wall time owes realMs x speed sim-ms; whole ticks run now,
   * up to the catch-up cap. Time beyond the cap is dropped, not queued.
   */
  advance(realMs: number, b: StepBudget): Stepped {
    const events: SimEvent[] = [];
    if (this.paused || this.ended || !(realMs > 0)) return { ticks: 0, dropped: 0, events };
    this.simMsOwed += realMs * this.speed;
    const due = Math.floor(this.simMsOwed / TICK_MS);
    const start = b.now();
    let ticks = 0;
    while (ticks < due && ticks < b.maxTicks && !this.ended) {
      events.push(...this.tick());
      ticks++;
      if (b.now() - start >= b.budgetMs) break;
    }
    this.simMsOwed -= due * TICK_MS; // keep only the part of a tick not yet due
    if (this.ended) this.simMsOwed = 0;
    return { ticks, dropped: this.ended ? 0 : due - ticks, events };
  }

  command(command: Command, role: Role): Reply {
    if (this.ended) return refuse('not-allowed-now', 'command', this.game.drill ? 'the drill is over; no more orders' : 'the scenario has ended; start a new game to give orders');
    return this.game.command(command, role);
  }

  recording(): Recording {
    return this.game.recording();
  }

  modeFrame(): Pick<ModeFrame, 'mode' | 'drill' | 'replay'> {
    const d = this.game.drill;
    return { mode: d ? 'drill' : 'free', drill: d ? d.view(this.speed) : null, replay: null };
  }

  newSamples(): HistorySample[] {
    return this.past.taken();
  }

  history(): GameHistory {
    return this.past.forWire();
  }

  instructorView(): InstructorView {
    const g = this.game;
    return g.drill ? g.drill.instructorView(g.journalPath) : { ...instructorBasics(g.log, g.journalPath, g.state.scenario), score: NO_SCORE, injects: [], hints: [] };
  }

  get instructorKey(): string {
    const g = this.game;
    return `${g.log.commands.length}/${g.log.marks.length}/${g.drill?.key ?? ''}/${g.journalPath ?? ''}`;
  }

  /** The game is over (time, objectives, the instructor or the scenario's end): stop and seal its replay. */
  end(): void {
    this.ended = true;
    this.paused = true;
    this.simMsOwed = 0;
    this.game.finish();
  }

  private tick(): SimEvent[] {
    const events = this.game.tick();
    this.past.ticked(this.game.state, events);
    this.checkEnded();
    return events;
  }

  private checkEnded(): void {
    if (this.ended) return;
    if (this.game.drillEnded || minuteOf(this.game.state) >= endMinuteOf(this.game.state)) this.end();
  }
}
