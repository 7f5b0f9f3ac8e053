// What the screens are shown: the live game (live-mode.ts) or a replay (replay-mode.ts). The
// session asks whichever is showing and never asks which one it is.
import type { Command } from '../../sim/commands';
import type { SimEvent, SimState } from '../../sim/index';
import type { Recording } from '../../replay/index';
import type { GameHistory, HistorySample, ReplayPastPiece, Reply } from '../../shared/contract';
import type { InstructorView, ModeFrame, Role } from '../../shared/drill-contract';

/** The session's fixed-step clock limits, passed to whatever is showing. */
export interface StepBudget {
  maxTicks: number;
  budgetMs: number;
  now: () => number;
}

export interface Stepped {
  ticks: number;
  dropped: number; // due but dropped by the catch-up cap
  events: SimEvent[];
  /** The state shown was replaced without a step (a seek that waited for the background pass landed). */
  moved?: boolean;
}

export interface Showing {
  readonly state: Readonly<SimState>;
  readonly paused: boolean;
  readonly speed: number;
  readonly ended: boolean;
  pause(): Reply;
  resume(): Reply;
  /** `speed` is one of SPEEDS (the session checked). */
  setSpeed(speed: number): Reply;
  /** Runs `minutes` ahead at once; the events on the way. */
  step(minutes: number): Reply | Stepped;
  advance(realMs: number, budget: StepBudget): Stepped;
  command(command: Command, role: Role): Reply;
  recording(): Recording;
  /** The mode, drill and replay parts of a frame; `full` for a screen that has nothing yet. */
  modeFrame(full: boolean, timelineSent: number): Pick<ModeFrame, 'mode' | 'drill' | 'replay'>;
  instructorView(): InstructorView | null;
  /** The past a joining screen should start from (the live game's; a replay has its timeline). */
  history(): GameHistory | undefined;
  /** The minutes sampled since last asked (for the next frame). */
  newSamples(): HistorySample[];
  /** A replay's past, sent once in pieces (shared/replay-past.ts): is some still to send? */
  pastPending?(): boolean;
  /** The next piece for every screen, about `maxBytes` at most; null when all is sent. */
  pastPiece?(maxBytes: number): ReplayPastPiece | null;
  /** All of it built so far, for a screen that joins (`broadcast`: a full frame to every screen). */
  pastWhole?(broadcast: boolean): ReplayPastPiece;
  /** Changes whenever the instructor's view would, apart from the sim state. */
  readonly instructorKey: string;
}
